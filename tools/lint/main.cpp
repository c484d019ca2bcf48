// cordee-lint: checks course folders and prints every problem as path:line:col.
//
// Exit status: 0 when no course has errors (warnings allowed), 1 when one has, 2 on bad usage
// (unknown option, missing or unreadable path).
#include "core/version.hpp"
#include "course/course_stats.hpp"
#include "course/loader.hpp"
#include "course/media_path.hpp"
#include "lint_report.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>

namespace fs = std::filesystem;
using namespace cordee;

namespace {

// A path names one course (its folder or course.xml), or a folder of course folders.
std::vector<std::string> expandPath(const std::string& path, core::Diagnostics& notes) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec) || fs::exists(fs::path(path) / "course.xml", ec))
        return {path};
    auto holdsXml = [&](const fs::path& folder) {
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
            if (course::lowerExtension(it->path().string()) == "xml")
                return true;
        return false;
    };
    std::vector<std::string> out;
    for (const fs::path& p : course::findCourseFolders(path))
        out.push_back(p.generic_string());
    if (!out.empty()) {
        // A folder of courses: a sibling with XML but no course.xml (Course.xml, cours.xml)
        // was meant as a course too; loading it says so (C001).
        for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
            if (it->is_directory(ec) && !fs::exists(it->path() / "course.xml", ec) &&
                holdsXml(it->path()))
                out.push_back(it->path().generic_string());
        std::sort(out.begin(), out.end());
        return out;
    }
    // A folder with XML in it was meant as a course (a misnamed Course.xml, cours.xml …): that
    // is an error. One with no XML at all (courses/schema) is only skipped, with a word.
    if (holdsXml(path))
        return {path}; // loading it reports C001
    notes.add("C002", {path, 0, 0}, {path});
    return out;
}

const char* defaultLang() {
    const char* lang = std::getenv("CORDEE_LANG");
    return lang ? lang : "fr";
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"cordee-lint — vérifie des cours Cordée (format 1) et signale chaque problème "
                 "sous la forme chemin:ligne:colonne."};
    std::vector<std::string> paths;
    std::string format = "text";
    std::string langName = defaultLang();
    bool quiet = false;
    app.set_version_flag("--version", std::string("cordee-lint ") + core::kVersion,
                         "afficher la version et quitter");
    app.add_option("paths", paths, "dossiers de cours, fichiers course.xml, ou dossiers de cours")
        ->required();
    app.add_option("--format", format, "text (par défaut) ou json")
        ->check(CLI::IsMember({"text", "json"}));
    app.add_flag("-q,--quiet", quiet, "erreurs seulement : ni avertissements, ni résumés");
    app.add_option("--lang", langName, "langue des messages : fr (par défaut) ou en")
        ->check(CLI::IsMember({"fr", "en"}));
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    const core::Lang lang = core::parseLang(langName);

    std::vector<lint::LintedCourse> results;
    core::Diagnostics notes;
    for (const std::string& path : paths) {
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            std::cerr << fmt::format("cordee-lint: {}: {}\n", path,
                                     lang == core::Lang::Fr ? "chemin introuvable"
                                                            : "no such file or folder");
            return 2;
        }
        for (const std::string& coursePath : expandPath(path, notes)) {
            course::LoadResult r = course::loadCourse(coursePath);
            lint::LintedCourse linted{
                coursePath, std::move(r.diagnostics), !r.course.modules.empty(), {}};
            if (linted.loaded)
                linted.stats = course::computeStats(r.course);
            results.push_back(std::move(linted));
        }
    }

    int errors = 0;
    int warnings = quiet ? 0 : notes.warningCount();
    for (const lint::LintedCourse& c : results) {
        errors += c.diagnostics.errorCount();
        warnings += quiet ? 0 : c.diagnostics.warningCount();
    }

    if (format == "json") {
        nlohmann::json out = {
            {"courses", nlohmann::json::array()}, {"errors", errors}, {"warnings", warnings}};
        for (const lint::LintedCourse& c : results)
            out["courses"].push_back(lint::toJson(c, lang, quiet));
        if (!quiet)
            for (const core::Diagnostic& d : notes.all())
                out["notes"].push_back(lint::toJson(d, lang));
        std::cout << out.dump(2) << "\n";
    } else {
        if (!quiet)
            for (const core::Diagnostic& d : notes.all())
                std::cout << core::formatDiagnostic(d, lang) << "\n";
        for (const lint::LintedCourse& c : results) {
            for (const core::Diagnostic& d : c.diagnostics.sorted())
                if (!quiet || d.severity == core::Severity::Error)
                    std::cout << core::formatDiagnostic(d, lang) << "\n";
            if (!quiet && c.loaded)
                std::cout << lint::summaryLine(c, lang) << "\n";
        }
        if (!quiet || errors > 0) {
            if (lang == core::Lang::Fr)
                std::cout << fmt::format(
                    "{} cours vérifié(s) : {} erreur(s), {} avertissement(s)\n", results.size(),
                    errors, warnings);
            else
                std::cout << fmt::format("{} course(s) checked: {} error(s), {} warning(s)\n",
                                         results.size(), errors, warnings);
        }
    }
    return errors > 0 ? 1 : 0;
}
