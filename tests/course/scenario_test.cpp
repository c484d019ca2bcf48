#include "course/scenario_graph.hpp"
#include "support/temp_course.hpp"

#include <catch2/catch.hpp>

using namespace cordee;
using namespace cordee::course;
using test::TempCourse;

namespace {

std::string scenarioModule(const std::string& start, const std::string& body) {
    return "<module id=\"m\" title=\"M\"><scenario id=\"sc\" title=\"S\" start=\"" + start +
           "\"><intro>Intro</intro>" + body + "</scenario></module>";
}

} // namespace

TEST_CASE("GIVEN a branching scenario WHEN it loads THEN the best score follows the best path",
          "[course][scenario]") {
    TempCourse t;
    // The best path is not the first option at each scene: a(2nd: 1) -> c(1st: 5) -> win.
    auto r = t.loadBody(scenarioModule(
        "a", "<scene id=\"a\" title=\"Début\"><p>x</p>"
             "<option goto=\"b\" score=\"3\">B<feedback>fb</feedback></option>"
             "<option goto=\"c\" score=\"1\">C</option></scene>"
             "<scene id=\"b\"><p>x</p><option goto=\"lose\" score=\"0\">perdre</option>"
             "<option goto=\"a\" score=\"2\">revenir</option></scene>"
             "<scene id=\"c\"><p>x</p><option goto=\"win\" score=\"5\">gagner</option></scene>"
             "<ending id=\"win\" outcome=\"success\" title=\"Bravo\"><p>ok</p></ending>"
             "<ending id=\"lose\" outcome=\"failure\"><p>non</p></ending>"));
    REQUIRE(r.ok());
    const Scenario& s = std::get<Scenario>(r.course.modules[0].items[0]);
    CHECK(s.intro.plainText() == "Intro");
    CHECK(s.bestScore == 6);
    REQUIRE(s.scenes.size() == 3);
    CHECK(s.scenes[0].title == "Début");
    CHECK(s.scenes[0].options[0].feedback.plainText() == "fb");
    CHECK(s.endings[0].title == "Bravo");
    CHECK(s.endings[1].outcome == Outcome::Failure);
    ScenarioAnalysis a = analyseScenario(s);
    CHECK(a.bestPath == std::vector<std::string>{"a", "c", "win"});
}

TEST_CASE("a goto that names nothing is rejected with a suggestion", "[course][scenario]") {
    TempCourse t;
    auto r = t.loadBody(
        scenarioModule("a", "<scene id=\"a\"><p>x</p><option goto=\"fin1\">x</option><option "
                            "goto=\"fni\">y</option></scene>"
                            "<ending id=\"fin\" outcome=\"success\"><p>ok</p></ending>"));
    REQUIRE(r.diagnostics.hasCode("R003"));
    std::string message = renderMessage(r.diagnostics.all()[0], core::Lang::En);
    CHECK(message.find("did you mean \"fin\"") != std::string::npos);
}

TEST_CASE("an unreachable scene and a scene with no way to an ending are rejected",
          "[course][scenario]") {
    TempCourse t;
    auto r = t.loadBody(scenarioModule(
        "a",
        "<scene id=\"a\"><p>x</p><option goto=\"b\">x</option><option goto=\"e\">y</option></scene>"
        "<scene id=\"b\"><p>x</p><option goto=\"b\">encore</option></scene>"
        "<scene id=\"orphan\"><p>x</p><option goto=\"e\">y</option></scene>"
        "<ending id=\"e\" outcome=\"partial\"><p>ok</p></ending>"));
    CHECK(r.diagnostics.hasCode("G001"));
    CHECK(r.diagnostics.hasCode("G002"));
}

TEST_CASE("a start that names no scene, a scene with no option, no ending", "[course][scenario]") {
    TempCourse t;
    auto r = t.loadBody(scenarioModule("nowhere", "<scene id=\"a\"><p>x</p></scene>"));
    CHECK(r.diagnostics.hasCode("R004"));
    CHECK(r.diagnostics.hasCode("G003"));
    CHECK(r.diagnostics.hasCode("G004"));
}

TEST_CASE("the best-score search stops at its budget instead of hanging", "[course][scenario]") {
    // A complete graph of 12 scenes has billions of simple paths.
    Scenario s;
    s.id = "big";
    s.start = "s0";
    for (int i = 0; i < 12; ++i) {
        Scene scene;
        scene.id = "s" + std::to_string(i);
        for (int j = 0; j < 12; ++j)
            if (j != i)
                scene.options.push_back({"s" + std::to_string(j), 1, {}, {}, {}});
        scene.options.push_back({"end", 0, {}, {}, {}});
        s.scenes.push_back(scene);
    }
    s.endings.push_back({"end", "", Outcome::Success, {}, {}});
    ScenarioAnalysis a = analyseScenario(s, 10000);
    CHECK(a.budgetExceeded);
    CHECK(a.bestScore > 0);
}

TEST_CASE("a long chain of scenes does not overflow the stack", "[course][scenario]") {
    Scenario s;
    s.start = "s0";
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
        Scene scene;
        scene.id = "s" + std::to_string(i);
        scene.options.push_back({i + 1 < n ? "s" + std::to_string(i + 1) : "end", 1, {}, {}, {}});
        s.scenes.push_back(std::move(scene));
    }
    s.endings.push_back({"end", "", Outcome::Success, {}, {}});
    ScenarioAnalysis a = analyseScenario(s, 10 * n);
    CHECK_FALSE(a.budgetExceeded);
    CHECK(a.bestScore == n);
}

TEST_CASE("modules that require each other in a loop are rejected", "[course][loader]") {
    TempCourse t;
    auto r = t.loadBody(
        "<module id=\"a\" title=\"A\" requires=\"b\"><lesson id=\"l1\" title=\"L\"><page id=\"p1\" "
        "title=\"P\"><p>x</p></page></lesson></module>"
        "<module id=\"b\" title=\"B\" requires=\"a\"><lesson id=\"l2\" title=\"L\"><page id=\"p2\" "
        "title=\"P\"><p>x</p></page></lesson></module>");
    CHECK(r.diagnostics.hasCode("R005"));
}
