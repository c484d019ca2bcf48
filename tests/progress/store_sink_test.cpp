#include "player/session.hpp"
#include "progress/store_sink.hpp"
#include "support/temp_course.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <sqlite3.h>

using namespace cordee;

namespace {

struct Demo {
    course::LoadResult load = course::loadCourse(std::string(CORDEE_COURSES) + "/demo");
    player::CourseOutline outline{load.course};
    const course::Quiz& quiz() const {
        return std::get<course::Quiz>(load.course.modules[1].items[2]);
    }
};

} // namespace

TEST_CASE("GIVEN a learner who stops mid-quiz WHEN a new session starts THEN it resumes at the "
          "same question, with the same draw, the answers, the reflection and the bookmark",
          "[progress][sink][resume]") {
    Demo d;
    test::TempCourse dir;
    progress::Store store(dir.dir() / "p.db");
    auto learner = store.ensureLearner("Camille");
    REQUIRE(learner);
    quiz::Presentation second;
    {
        progress::StoreSink sink(store, *learner);
        player::Session s(d.outline);
        s.seedSource = [] {
            return 99;
        };
        s.attach(&sink);
        for (const char* page : {"p-bienvenue", "p-lire", "p-essayer"})
            REQUIRE(s.goTo(*d.outline.findStep(page)) == player::MoveResult::Moved);
        s.setReflection("r-attentes", "Mon texte");
        s.goTo(*d.outline.findStep("quiz-demo"), true);
        REQUIRE(s.startQuiz(d.quiz()));
        quiz::Response r;
        const course::Question& q = s.quizRun(d.quiz()).question();
        if (q.type == course::QuestionType::TrueFalse)
            r.truth = true;
        s.answerQuiz(d.quiz(), r);
        s.nextQuestion(d.quiz());
        second = s.quizRun(d.quiz()).presentation();
        CHECK(sink.pending() == 0);
    }
    progress::StoreSink sink(store, *learner);
    player::Session again(d.outline);
    again.attach(&sink);
    CHECK(again.reflection("r-attentes") == "Mon texte");
    CHECK(again.bookmark == "quiz-demo");
    CHECK(again.resumeStep() == *d.outline.findStep("quiz-demo"));
    CHECK(again.facts().visitedPages.count("p-essayer") == 1);
    const quiz::QuizRun& run = again.quizRun(d.quiz());
    REQUIRE(run.phase() == quiz::QuizRun::Phase::Question);
    CHECK(run.index() == 1);
    CHECK(run.presentation().question == second.question);
    CHECK(run.presentation().choiceOrder == second.choiceOrder);
    CHECK(run.current()->responses[0].has_value());
}

TEST_CASE("when the file cannot take writes, actions wait in memory and go in once it can",
          "[progress][sink][failure]") {
    Demo d;
    test::TempCourse dir;
    progress::Store store(dir.dir() / "p.db");
    auto learner = store.ensureLearner("Camille");
    progress::StoreSink sink(store, *learner);
    player::Session s(d.outline);
    s.attach(&sink);
    store.limitPages(1); // nothing more fits
    const std::string big(20000, 'x');
    s.setReflection("r-attentes", big);
    CHECK(sink.pending() >= 1);
    CHECK_FALSE(sink.problem().empty());
    CHECK(sink.problem(core::Lang::En).find("rogress") != std::string::npos); // said in English too
    store.limitPages(100000);                                                 // room again
    s.goTo(*d.outline.findStep("p-lire"), true);
    CHECK(sink.pending() == 0);
    CHECK(sink.problem().empty());
    CHECK(store.reflections(learner->id, "demo").at("r-attentes") == big);
}

TEST_CASE("each answer records how long its question was on screen, feedback reading excluded",
          "[progress][sink][time]") {
    Demo d;
    test::TempCourse dir;
    progress::Store store(dir.dir() / "p.db");
    auto learner = store.ensureLearner("Camille");
    progress::StoreSink sink(store, *learner);
    player::Session s(d.outline);
    int64_t now = 1000;
    s.clockMs = [&now] {
        return now;
    };
    s.attach(&sink);
    s.goTo(*d.outline.findStep("quiz-demo"), true);
    REQUIRE(s.startQuiz(d.quiz()));
    auto answer = [&] {
        quiz::Response r;
        if (s.quizRun(d.quiz()).question().type == course::QuestionType::TrueFalse)
            r.truth = true;
        s.answerQuiz(d.quiz(), r);
    };
    now += 4000;
    answer();
    now += 5000; // reading the feedback
    s.nextQuestion(d.quiz());
    now += 2500;
    answer();
    now += 100;
    s.nextQuestion(d.quiz());
    now += 3LL * 60 * 60 * 1000; // left the laptop for three hours
    answer();
    REQUIRE(sink.pending() == 0);

    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.dir() / "p.db").c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT time_ms FROM response ORDER BY position", -1, &st, nullptr);
    std::vector<int64_t> times;
    while (sqlite3_step(st) == SQLITE_ROW)
        times.push_back(sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    CHECK(times == std::vector<int64_t>{4000, 2500, 15 * 60 * 1000});
}

TEST_CASE("savedThrough says which actions reached the file, and drain gives up in time",
          "[progress][sink][failure]") {
    Demo d;
    test::TempCourse dir;
    progress::Store store(dir.dir() / "p.db");
    auto learner = store.ensureLearner("Camille");
    progress::StoreSink sink(store, *learner);
    player::Session s(d.outline);
    s.attach(&sink);
    s.setReflection("r-attentes", "premier");
    CHECK(sink.allSaved());
    const uint64_t firstAction = sink.actionsGiven();
    CHECK(sink.savedThrough() == firstAction);

    store.limitPages(1);
    s.setReflection("r-attentes", std::string(20000, 'y'));
    CHECK(sink.actionsGiven() == firstAction + 1);
    CHECK(sink.savedThrough() == firstAction); // the second one waits
    CHECK_FALSE(sink.allSaved());

    const auto started = std::chrono::steady_clock::now();
    CHECK(sink.drain(std::chrono::milliseconds(300)) == 1);
    const auto took = std::chrono::steady_clock::now() - started;
    CHECK(took >= std::chrono::milliseconds(250));
    CHECK(took < std::chrono::seconds(2));

    store.limitPages(100000);
    CHECK(sink.drain(std::chrono::milliseconds(300)) == 0);
    CHECK(sink.allSaved());
    CHECK(store.reflections(learner->id, "demo").at("r-attentes") == std::string(20000, 'y'));
}

TEST_CASE("GIVEN a file locked when the player starts WHEN it is freed THEN the learner is added "
          "and every action kept in memory reaches the file",
          "[progress][sink][concurrency]") {
    Demo d;
    test::TempCourse dir;
    const auto file = dir.dir() / "p.db";
    { progress::Store first(file); }
    sqlite3* holder = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &holder) == SQLITE_OK);
    REQUIRE(sqlite3_exec(holder, "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE;", nullptr,
                         nullptr, nullptr) == SQLITE_OK);
    progress::Store store(file);
    REQUIRE_FALSE(store.ensureLearner("Camille"));
    progress::StoreSink sink(store, progress::Learner{0, "Camille", "Camille", ""});
    player::Session s(d.outline);
    s.attach(&sink);
    s.setReflection("r-attentes", "écrit pendant le verrou");
    CHECK_FALSE(sink.allSaved());
    CHECK_FALSE(sink.problem().empty());

    sqlite3_exec(holder, "COMMIT;", nullptr, nullptr, nullptr);
    sqlite3_close(holder);
    CHECK(sink.drain(std::chrono::milliseconds(2000)) == 0);
    auto l = store.findLearner("Camille");
    REQUIRE(l);
    CHECK(sink.learner().id == l->id);
    CHECK(store.reflections(l->id, "demo").at("r-attentes") == "écrit pendant le verrou");
}
