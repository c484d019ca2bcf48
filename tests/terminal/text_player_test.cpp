#include "course/loader.hpp"
#include "terminal/text_player.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace cordee;

namespace {

struct Demo {
    course::LoadResult load = course::loadCourse(std::string(CORDEE_COURSES) + "/demo");
    player::CourseOutline outline{load.course};
    player::Session session{outline};
};

std::string play(Demo& d, const std::string& input, core::Lang lang = core::Lang::Fr) {
    std::istringstream in(input);
    std::ostringstream out;
    d.session.goTo(0);
    int status = terminal::runTextPlayer(d.session, in, out, {lang, 80, false});
    CHECK(status == 0);
    return out.str();
}

size_t count(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

TEST_CASE("the text mode prints the first page, a prompt, and quits at end of input",
          "[terminal]") {
    Demo d;
    std::string out = play(d, "");
    CHECK(out.find("Découvrir Cordée") != std::string::npos);
    CHECK(out.find("# Bienvenue dans Cordée (Page 1 / 7)") != std::string::npos);
    CHECK(out.find("[Image] Trois alpinistes") != std::string::npos);
    CHECK(out.find("[Information] Votre progression est enregistrée") != std::string::npos);
    CHECK(out.find("  1. Prendre en main le lecteur") != std::string::npos);
    CHECK(count(out, "> ") == 1);
}

TEST_CASE("n and p move through pages; q quits", "[terminal]") {
    Demo d;
    std::string out = play(d, "n\nn\np\nq\nn\n");
    CHECK(out.find("# Lire une page (Page 2 / 7)") != std::string::npos);
    CHECK(out.find("# Essayer : vérifier et réfléchir (Page 3 / 7)") != std::string::npos);
    CHECK(count(out, "# Lire une page") == 2);
    CHECK(count(out, "> ") == 4); // nothing read after q
    CHECK(d.session.currentStep().id == "p-lire");
}

TEST_CASE("pages list their glossary terms at the end, and g prints the glossary",
          "[terminal][glossary]") {
    Demo d;
    std::string out = play(d, "n\ng\n");
    CHECK(out.find("Termes du glossaire sur cette page :") != std::string::npos);
    CHECK(out.find("  - ESS (économie sociale et solidaire) : Ensemble des associations") !=
          std::string::npos);
    CHECK(out.find("  - SCIC (société coopérative") != std::string::npos); // from g
}

TEST_CASE("t lists the contents as numbered choices and a number opens one", "[terminal]") {
    Demo d;
    std::string out = play(d, "t\n3\n");
    CHECK(out.find("1) Bienvenue dans Cordée  ← vous êtes ici") != std::string::npos);
    CHECK(out.find("3) Essayer : vérifier et réfléchir") != std::string::npos);
    CHECK(out.find("Module 2 : Un avant-goût de la co-production (Verrouillé)") !=
          std::string::npos);
    CHECK(d.session.currentStep().id == "p-essayer");
}

TEST_CASE("checks show their choices as N) lines; notes and tables read as text", "[terminal]") {
    Demo d;
    std::string out = play(d, "n\nn\n");
    CHECK(out.find("[Question d’auto-vérification]") != std::string::npos);
    CHECK(out.find("  1) Seulement des quiz") != std::string::npos);
    CHECK(out.find("  2) Des leçons, des quiz et des scénarios, dans l’ordre") !=
          std::string::npos);
    CHECK(out.find("  Encadré | À quoi il sert") != std::string::npos);
    CHECK(out.find("[Attention] Liens web et poste en libre accès") != std::string::npos);
}

TEST_CASE("the English interface translates the player's words, not the course",
          "[terminal][i18n]") {
    Demo d;
    std::string out = play(d, "h\n", core::Lang::En);
    CHECK(out.find("(Page 1 of 7)") != std::string::npos);
    CHECK(out.find("n: next · p: previous") != std::string::npos);
    CHECK(out.find("[Information]") != std::string::npos);
}

TEST_CASE("lines are wrapped to the terminal width", "[terminal]") {
    std::string w = terminal::wrap(std::string(30, 'a') + " " + std::string(30, 'b') + " " +
                                       std::string(30, 'c'),
                                   70, "", "  ");
    CHECK(w ==
          std::string(30, 'a') + " " + std::string(30, 'b') + "\n  " + std::string(30, 'c') + "\n");
}
