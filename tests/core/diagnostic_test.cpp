#include "core/diagnostic.hpp"
#include "core/diagnostic_catalog.hpp"
#include "core/edit_distance.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace cordee::core;

TEST_CASE("a diagnostic prints in GCC style with its code", "[core][diagnostic]") {
    Diagnostics d;
    d.add("S001", {"courses/x/course.xml", 42, 7}, {"para", fragment("didyoumean-el", {"p"})});
    REQUIRE(d.all().size() == 1);
    CHECK(
        formatDiagnostic(d.all()[0], Lang::Fr) ==
        "courses/x/course.xml:42:7: error[S001]: élément <para> inconnu — vouliez-vous dire <p> ?");
    CHECK(formatDiagnostic(d.all()[0], Lang::En) ==
          "courses/x/course.xml:42:7: error[S001]: unknown element <para> — did you mean <p>?");
}

TEST_CASE("severity comes from the catalogue", "[core][diagnostic]") {
    Diagnostics d;
    d.add("Q005", {"f.xml", 1, 1}, {"quiz", "2"});
    d.add("Q004", {"f.xml", 2, 1}, {"120"});
    CHECK(d.warningCount() == 1);
    CHECK(d.errorCount() == 1);
    CHECK(d.hasErrors());
    CHECK(formatDiagnostic(d.all()[0], Lang::Fr).find("warning[Q005]") != std::string::npos);
}

TEST_CASE("diagnostics sort by file, line and column", "[core][diagnostic]") {
    Diagnostics d;
    d.add("S001", {"b.xml", 1, 1}, {"x", ""});
    d.add("S001", {"a.xml", 9, 2}, {"x", ""});
    d.add("S001", {"a.xml", 9, 1}, {"x", ""});
    d.add("S001", {"a.xml", 3, 5}, {"x", ""});
    auto s = d.sorted();
    CHECK(s[0].pos.line == 3);
    CHECK(s[1].pos.column == 1);
    CHECK(s[2].pos.column == 2);
    CHECK(s[3].pos.file == "b.xml");
}

TEST_CASE("a whole-file diagnostic has no line or column", "[core][diagnostic]") {
    Diagnostics d;
    d.add("X007", {"course.xml", 0, 0});
    CHECK(formatDiagnostic(d.all()[0], Lang::En) == "course.xml: error[X007]: empty file");
}

TEST_CASE("every catalogue entry has a unique code and both languages", "[core][diagnostic]") {
    std::set<std::string> codes;
    for (const DiagnosticInfo& info : diagnosticCatalog()) {
        INFO(info.code);
        CHECK(codes.insert(info.code).second);
        CHECK(std::string(info.fr).size() > 5);
        CHECK(std::string(info.en).size() > 5);
        CHECK(std::string(info.fr) != std::string(info.en));
    }
    CHECK(codes.size() >= 50);
}

TEST_CASE("a message with too few arguments still renders", "[core][diagnostic]") {
    Diagnostics d;
    d.add("S002", {"f.xml", 1, 1}, {"colour"});
    CHECK(renderMessage(d.all()[0], Lang::Fr).find("colour") != std::string::npos);
}

TEST_CASE("did you mean finds typos, transpositions included, and ignores noise",
          "[core][edit_distance]") {
    std::vector<std::string_view> names{"title", "subtitle", "module", "page", "p"};
    CHECK(closestMatch("titel", names) == "title");
    CHECK(closestMatch("modul", names) == "module");
    CHECK(closestMatch("pgae", names) == "page");
    CHECK(closestMatch("zzzzzz", names).empty());
    CHECK(editDistance("kitten", "sitting") == 3);
    CHECK(editDistance("ab", "ba") == 1);
}
