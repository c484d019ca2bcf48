#include "app/options.hpp"

#include "core/version.hpp"

#include <CLI/CLI.hpp>

namespace cordee::app {

std::optional<int> parseOptions(int argc, char** argv, Options& o) {
    CLI::App app{"cordee — le lecteur de formations Cordée / the Cordée course player"};
    std::string size;
    app.set_version_flag("--version", std::string("cordee ") + core::kVersion,
                         "afficher la version et quitter");
    app.add_option("--courses", o.coursesDir, "dossier des formations (catalogue)");
    app.add_option("--course", o.course, "ouvrir cette formation (dossier ou course.xml)");
    app.add_option("--page", o.page, "ouvrir cette page, ce quiz, cette question, ce scénario");
    app.add_option("--screenshot", o.screenshot, "rendre la vue en PNG et quitter (sans écran)");
    app.add_option("--size", size, "taille de la vue, LARGEURxHAUTEUR (1280x800)");
    app.add_option("--scale", o.scale, "taille du texte en % (80 à 200)")
        ->check(CLI::Range(80, 200));
    app.add_option("--theme", o.theme, "thème : light, dark, contrast")
        ->check(CLI::IsMember({"light", "dark", "contrast"}));
    app.add_option("--font", o.font, "police : standard, opendyslexic")
        ->check(CLI::IsMember({"standard", "opendyslexic"}));
    app.add_option("--lang", o.lang, "langue de l’interface : fr, en")
        ->check(CLI::IsMember({"fr", "en"}));
    app.add_flag("--text", o.text, "jouer la formation dans le terminal");
    app.add_option("--db", o.db, "fichier de progression (SQLite)");
    app.add_option("--learner", o.learner, "nom de l’apprenant");
    app.add_option("--lrs-config", o.lrsConfig,
                   "réglages d’envoi au LRS (xAPI), par défaut ~/.config/cordee/lrs.ini");
    app.add_option("--renderer", o.renderer, "rendu : software (par défaut) ou accelerated")
        ->check(CLI::IsMember({"software", "accelerated"}));
    app.add_option("--overlay", o.overlay, "ouvrir un panneau : contents, glossary, settings, help")
        ->check(CLI::IsMember({"contents", "glossary", "settings", "help"}));
    app.add_flag("--kiosk", o.kiosk, "mode borne : plein écran, liens inactifs");
    app.add_flag("--no-settings", o.noSettings, "ignorer les réglages enregistrés");
    app.add_option("--seed", o.seed, "graine des tirages de quiz (tests, démonstrations)");
    app.add_flag("--report-timing", o.reportTiming,
                 "écrire les temps d’affichage sur la sortie d’erreur (mesures)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    if (!size.empty()) {
        int w = 0, h = 0;
        char x = 0;
        if (std::sscanf(size.c_str(), "%d%c%d", &w, &x, &h) != 3 || (x != 'x' && x != 'X') ||
            w < 200 || h < 200 || w > 7680 || h > 4320) {
            std::fprintf(stderr,
                         "cordee: --size %s : attendu LARGEURxHAUTEUR, de 200x200 à "
                         "7680x4320 (ex. 1280x800)\n",
                         size.c_str());
            return 2;
        }
        o.width = w;
        o.height = h;
    }
    return std::nullopt;
}

} // namespace cordee::app
