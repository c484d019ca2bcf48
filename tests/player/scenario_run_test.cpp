#include "course/scenario_graph.hpp"
#include "player/scenario_run.hpp"
#include "support/temp_course.hpp"

#include <catch2/catch.hpp>

using namespace cordee;
using namespace cordee::player;

namespace {

const course::Scenario& demoScenario() {
    static const course::LoadResult r = course::loadCourse(std::string(CORDEE_COURSES) + "/demo");
    return std::get<course::Scenario>(r.course.modules.at(1).items.at(1));
}

} // namespace

TEST_CASE("GIVEN the demo case WHEN the best options are chosen THEN the ending is a success "
          "with the best score",
          "[player][scenario]") {
    ScenarioRun run(demoScenario());
    CHECK(run.phase() == ScenarioRun::Phase::Intro);
    run.begin();
    REQUIRE(run.phase() == ScenarioRun::Phase::Scene);
    CHECK(run.scene()->id == "s-proposition");
    REQUIRE(run.choose(1)); // receive the association
    CHECK(run.phase() == ScenarioRun::Phase::Feedback);
    CHECK_FALSE(run.chosen()->feedback.empty());
    run.next();
    CHECK(run.scene()->id == "s-reunion");
    run.choose(1);
    run.next();
    CHECK(run.scene()->id == "s-regles");
    run.choose(1);
    run.next();
    REQUIRE(run.phase() == ScenarioRun::Phase::Ending);
    CHECK(run.ending()->outcome == course::Outcome::Success);
    CHECK(run.score() == 6);
    CHECK(run.score() == run.bestScore());
    REQUIRE(run.path().size() == 3);
    CHECK(run.path()[0].scene == "s-proposition");
    CHECK(run.path()[0].option == 1);
}

TEST_CASE("a negative option lowers the score and a bad path ends in failure",
          "[player][scenario]") {
    ScenarioRun run(demoScenario());
    run.begin();
    run.choose(2); // "no land available": -1
    run.next();
    CHECK(run.phase() == ScenarioRun::Phase::Ending);
    CHECK(run.ending()->outcome == course::Outcome::Failure);
    CHECK(run.score() == -1);
}

TEST_CASE("replay starts over; a saved path is restored as far as it fits", "[player][scenario]") {
    ScenarioRun run(demoScenario());
    run.begin();
    run.choose(1);
    run.next();
    run.choose(1);
    std::vector<PathStep> saved = run.path();
    ScenarioRun restored(demoScenario());
    restored.restore(saved, false);
    CHECK(restored.phase() == ScenarioRun::Phase::Feedback);
    CHECK(restored.score() == 4);
    restored.begin();
    CHECK(restored.path().empty());
    CHECK(restored.scene()->id == "s-proposition");
    // A path that no longer fits (an edited scenario) stops where it diverges.
    ScenarioRun edited(demoScenario());
    edited.restore({{"s-proposition", 1}, {"no-such-scene", 0}}, true);
    CHECK(edited.phase() == ScenarioRun::Phase::Scene);
    CHECK(edited.scene()->id == "s-reunion");
}

TEST_CASE("an option index out of range is refused", "[player][scenario]") {
    ScenarioRun run(demoScenario());
    run.begin();
    CHECK_FALSE(run.choose(99));
    CHECK(run.phase() == ScenarioRun::Phase::Scene);
}
