#include "progress/store.hpp"
#include "progress/xapi_outbox.hpp"
#include "quiz/attempt.hpp"
#include "support/demo_course.hpp"
#include "support/temp_course.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace cordee;
using namespace cordee::progress;
namespace fs = std::filesystem;

namespace {

using test::demoCourse;
using test::demoQuiz;

std::vector<XapiEvent> all(Store& store) {
    return loggedEvents(store, 0, 100000);
}

std::vector<std::string> kinds(const std::vector<XapiEvent>& events) {
    std::vector<std::string> out;
    for (const XapiEvent& e : events)
        out.push_back(e.kind);
    return out;
}

} // namespace

TEST_CASE("GIVEN a learner's journey WHEN it is recorded THEN each event is logged once, in "
          "order, with its own statement id",
          "[progress][xapi]") {
    Store store(":memory:");
    auto l = store.ensureLearner("Camille");
    REQUIRE(store.recordVisit(l->id, "demo", 1, "p-idee", 1500));
    REQUIRE(store.recordVisit(l->id, "demo", 1, "p-idee", 500)); // a second visit
    quiz::QuizRun run(demoQuiz());
    run.start(7);
    auto attempt = store.startAttempt(l->id, "demo", 1, demoQuiz(), *run.current());
    REQUIRE(attempt);
    const course::Question& q = run.question();
    quiz::Response r;
    if (q.type == course::QuestionType::TrueFalse)
        r.truth = true;
    else if (q.type == course::QuestionType::Order)
        r.order = run.presentation().itemOrder;
    else if (q.type == course::QuestionType::Match)
        r.matches = run.presentation().rightOrder;
    else if (q.type == course::QuestionType::Gaps)
        r.gaps.assign(q.blanks.size(), "une voix");
    else
        r.choices = {run.presentation().choiceOrder[0]};
    run.answer(r);
    const std::string questionId = q.id;
    REQUIRE(store.recordResponse(*attempt, demoQuiz(), *run.current(), 0, 4000));
    REQUIRE(store.finishAttempt(*attempt, demoQuiz(), *run.current()));
    const quiz::Attempt& a = *run.current();
    REQUIRE(store.setCourseState(l->id, "demo", 1, "completed", "passed", 1.0));
    REQUIRE(store.setCourseState(l->id, "demo", 1, "completed", "passed", 1.0)); // no repeat

    const auto events = all(store);
    const std::string result = a.passed(demoQuiz()) ? "passed" : "failed";
    // The first visit makes the course in progress, completing it changes its state again.
    CHECK(kinds(events) == std::vector<std::string>{"launched", "experienced", "progressed",
                                                    "experienced", "answered", result, "progressed",
                                                    "completed"});
    std::set<std::string> ids;
    for (const XapiEvent& e : events) {
        CHECK(e.id.size() == 36);
        ids.insert(e.id);
        CHECK(e.account == l->account);
    }
    CHECK(ids.size() == events.size());
    CHECK(events[1].durationMs == 1500);
    CHECK(events[3].durationMs == 500); // each visit its own time, not the running total
    CHECK(events[2].status == "in-progress");
    CHECK(events[4].registration.size() == 36);
    CHECK(events[4].registration == events[5].registration); // one attempt, one registration
    CHECK(events[4].object == "quizzes/" + demoQuiz().id + "/questions/" + questionId);
    CHECK(events[6].status == "completed");
    CHECK(events[6].raw == 1.0);
    CHECK(events[7].hasSuccess);
    CHECK(events[7].success);

    const XapiIris iris{"https://lrs.example", ""};
    const nlohmann::json s = statement(events[4], iris);
    CHECK(s["id"] == events[4].id);
    CHECK(s["context"]["registration"] == events[4].registration);
    CHECK(s["actor"]["account"]["homePage"] == "https://lrs.example");
    CHECK(statement(events[4],
                    XapiIris{"https://a", "https://people"})["actor"]["account"]["homePage"] ==
          "https://people");
    const nlohmann::json p = statement(events[6], iris);
    CHECK(p["result"]["completion"] == true);
    CHECK(p["result"]["extensions"][statusExtension(iris)] == "completed");
    CHECK(p["context"]["extensions"][sequenceExtension(iris)] == events[6].seq);
}

TEST_CASE("GIVEN a file from before statement ids WHEN it is migrated twice, separately THEN "
          "both give the same ids",
          "[progress][xapi][migration]") {
    test::TempCourse dir;
    std::vector<std::vector<std::string>> runs;
    for (int run = 0; run < 2; ++run) {
        const fs::path file = dir.dir() / ("v1-" + std::to_string(run) + ".db");
        fs::copy_file(std::string(CORDEE_TEST_DATA) + "/progress/v1.db", file);
        Store store(file);
        REQUIRE(store.ok());
        std::vector<std::string> ids;
        for (const XapiEvent& e : all(store))
            ids.push_back(e.kind + " " + e.object + " " + e.id);
        CHECK_FALSE(ids.empty());
        runs.push_back(ids);
    }
    CHECK(runs[0] == runs[1]);
    // And a report reading the old file through memory gives the same again.
    const fs::path file = dir.dir() / "v1-read.db";
    fs::copy_file(std::string(CORDEE_TEST_DATA) + "/progress/v1.db", file);
    Store reader(file, OpenMode::Read);
    std::vector<std::string> ids;
    for (const XapiEvent& e : all(reader))
        ids.push_back(e.kind + " " + e.object + " " + e.id);
    CHECK(ids == runs[0]);
}

TEST_CASE("sent statements are acknowledged once; forgetting a learner voids only what the LRS "
          "was sent",
          "[progress][xapi]") {
    Store store(":memory:");
    auto camille = store.ensureLearner("Camille");
    auto dominique = store.ensureLearner("Dominique");
    REQUIRE(store.recordVisit(camille->id, "demo", 1, "p-idee", 1));
    REQUIRE(store.recordVisit(dominique->id, "demo", 1, "p-idee", 1));
    auto first = unsentEvents(store, 0, 2); // Camille's launched and experienced
    REQUIRE(first.size() == 2);
    REQUIRE(first[1].account == camille->account);
    REQUIRE(markSent(store, {first[0].id, first[1].id}));
    CHECK(outboxCounts(store).waiting == 4); // Camille's progressed, Dominique's three
    CHECK(outboxCounts(store).sent == 2);
    REQUIRE(store.recordVisit(camille->id, "demo", 1, "p-lire", 1)); // not sent yet

    REQUIRE(store.forgetLearner("Camille"));
    const auto left = all(store);
    std::vector<std::string> voided;
    for (const XapiEvent& e : left) {
        CHECK(e.account != camille->account);
        if (e.kind == "voided")
            voided.push_back(e.object);
    }
    CHECK(voided == std::vector<std::string>{first[0].id, first[1].id});
    CHECK(outboxCounts(store).waiting == 5); // Dominique's three and the two voidings
    const nlohmann::json v = statement(left.back(), XapiIris{});
    CHECK(v["object"]["objectType"] == "StatementRef");
    CHECK(v["verb"]["id"] == "http://adlnet.gov/expapi/verbs/voided");

    REQUIRE(markRefused(store, left.front().id, "conflict: HTTP 409"));
    CHECK(outboxCounts(store).refused == 1);
    CHECK(unsentEvents(store, 0, 100).size() == 4);
    CHECK(refusedEvents(store, 10).at(0).second == "conflict: HTTP 409");
}
