#include "progress/store.hpp"
#include "support/demo_course.hpp"
#include "support/temp_course.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sqlite3.h>
#include <unistd.h>

using namespace cordee;
using namespace cordee::progress;
namespace fs = std::filesystem;

namespace {

using test::demoCourse;
using test::demoQuiz;

std::string pragma(const fs::path& file, const std::string& name) {
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, ("PRAGMA " + name).c_str(), -1, &s, nullptr);
    std::string out;
    if (sqlite3_step(s) == SQLITE_ROW)
        out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
}

} // namespace

TEST_CASE("a new store creates its file with WAL, full sync, its id and schema version",
          "[progress][store]") {
    test::TempCourse dir;
    const fs::path file = dir.dir() / "sub" / "progress.db";
    {
        Store store(file);
        REQUIRE(store.ok());
        CHECK(store.schemaVersion() == Store::kSchemaVersion);
    }
    CHECK(fs::exists(file));
    CHECK(pragma(file, "journal_mode") == "wal");
    CHECK(pragma(file, "application_id") == std::to_string(Store::kApplicationId));
    CHECK(pragma(file, "user_version") == std::to_string(Store::kSchemaVersion));
}

TEST_CASE("learners are created once and listed", "[progress][store]") {
    Store store(":memory:");
    REQUIRE(store.ok());
    auto a = store.ensureLearner("Camille");
    auto b = store.ensureLearner("Camille");
    auto c = store.ensureLearner("Dominique");
    REQUIRE(a);
    REQUIRE(c);
    CHECK(a->id == b->id);
    CHECK(a->account == b->account);
    CHECK(a->account != c->account);
    CHECK(store.learners().size() == 2);
}

TEST_CASE("page visits make the course in progress and come back as facts", "[progress][store]") {
    Store store(":memory:");
    auto l = store.ensureLearner("Camille");
    REQUIRE(store.recordVisit(l->id, "demo", 1, "p-bienvenue", 1000));
    REQUIRE(store.recordVisit(l->id, "demo", 1, "p-lire", 2000));
    REQUIRE(store.recordVisit(l->id, "demo", 1, "p-lire", 500));
    REQUIRE(store.setBookmark(l->id, "demo", 1, "p-lire"));
    auto rec = store.courseRecord(l->id, "demo");
    REQUIRE(rec);
    CHECK(rec->status == "in-progress");
    CHECK(rec->timeMs == 3500);
    CHECK(rec->bookmark == "p-lire");
    player::LearnerFacts f = store.facts(l->id, "demo");
    CHECK(f.visitedPages == std::set<std::string>{"p-bienvenue", "p-lire"});
}

TEST_CASE("GIVEN a quiz attempt recorded answer by answer WHEN it is read back THEN it resumes "
          "with the same draw, the same order and the same answers",
          "[progress][store][quiz]") {
    Store store(":memory:");
    auto l = store.ensureLearner("Camille");
    quiz::QuizRun run(demoQuiz());
    run.start(4242);
    auto id = store.startAttempt(l->id, "demo", 1, demoQuiz(), *run.current());
    REQUIRE(id);
    // Answer the first two questions with whatever the first choice is.
    for (int k = 0; k < 2; ++k) {
        quiz::Response r;
        const course::Question& q = run.question();
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
        REQUIRE(store.recordResponse(*id, demoQuiz(), *run.current(), run.index(), 1500));
        run.next();
    }
    auto stored = store.attempts(l->id, "demo", demoQuiz());
    REQUIRE(stored.size() == 1);
    quiz::QuizRun again(demoQuiz(), {stored[0].attempt});
    again.resume();
    CHECK(again.index() == 2);
    const quiz::Attempt& a = *again.current();
    const quiz::Attempt& b = *run.current();
    REQUIRE(a.questions.size() == b.questions.size());
    for (size_t k = 0; k < a.questions.size(); ++k) {
        CHECK(a.questions[k].question == b.questions[k].question);
        CHECK(a.questions[k].choiceOrder == b.questions[k].choiceOrder);
        CHECK(a.questions[k].itemOrder == b.questions[k].itemOrder);
        CHECK(a.questions[k].rightOrder == b.questions[k].rightOrder);
    }
    CHECK(a.results[0].points == b.results[0].points);
    CHECK(store.facts(l->id, "demo").attemptedQuizzes.count("quiz-demo") == 1);
    CHECK(store.facts(l->id, "demo").passedQuizzes.empty());
}

TEST_CASE("a finished, passed attempt makes the quiz passed", "[progress][store][quiz]") {
    Store store(":memory:");
    auto l = store.ensureLearner("Camille");
    course::Quiz quiz = demoQuiz();
    quiz.pass = 0; // any score passes
    quiz::QuizRun run(quiz);
    run.start(1);
    auto id = store.startAttempt(l->id, "demo", 1, quiz, *run.current());
    while (run.phase() != quiz::QuizRun::Phase::Results) {
        run.answer({});
        run.next();
    }
    REQUIRE(store.finishAttempt(*id, quiz, *run.current()));
    CHECK(store.facts(l->id, "demo").passedQuizzes.count("quiz-demo") == 1);
    CHECK(store.attempts(l->id, "demo", quiz)[0].attempt.finished);
}

TEST_CASE("a trainer's edit keeps progress by id: a removed question is dropped",
          "[progress][store][edit]") {
    Store store(":memory:");
    auto l = store.ensureLearner("Camille");
    course::Quiz quiz = demoQuiz();
    quiz.pick = 0;
    quiz.shuffle = false;
    quiz::QuizRun run(quiz);
    run.start(9);
    auto id = store.startAttempt(l->id, "demo", 1, quiz, *run.current());
    REQUIRE(id);
    // The trainer removes the second question and adds a new one at the start.
    course::Quiz edited = quiz;
    const std::string removed = edited.questions[1].id;
    edited.questions.erase(edited.questions.begin() + 1);
    course::Question added = edited.questions[0];
    added.id = "q-new";
    edited.questions.insert(edited.questions.begin(), added);
    auto stored = store.attempts(l->id, "demo", edited);
    REQUIRE(stored.size() == 1);
    const quiz::Attempt& a = stored[0].attempt;
    CHECK(a.questions.size() == quiz.questions.size() - 1);
    for (const quiz::Presentation& p : a.questions) {
        CHECK(edited.questions[static_cast<size_t>(p.question)].id != removed);
        CHECK(edited.questions[static_cast<size_t>(p.question)].id != "q-new");
    }
}

TEST_CASE("reflections are updated in place", "[progress][store]") {
    Store store(":memory:");
    auto l = store.ensureLearner("Camille");
    REQUIRE(store.saveReflection(l->id, "demo", "r-attentes", "Premier jet"));
    REQUIRE(store.saveReflection(l->id, "demo", "r-attentes", "Texte revu"));
    auto r = store.reflections(l->id, "demo");
    REQUIRE(r.size() == 1);
    CHECK(r["r-attentes"] == "Texte revu");
}

TEST_CASE("a scenario run is saved as it goes and its ending counts", "[progress][store]") {
    Store store(":memory:");
    auto l = store.ensureLearner("Camille");
    const auto& scenario = std::get<course::Scenario>(demoCourse().modules[1].items[1]);
    player::ScenarioRun run(scenario);
    run.begin();
    auto id = store.saveScenarioRun(std::nullopt, l->id, "demo", scenario, run);
    REQUIRE(id);
    run.choose(2);
    run.next();
    REQUIRE(store.saveScenarioRun(id, l->id, "demo", scenario, run) == id);
    player::LearnerFacts f = store.facts(l->id, "demo");
    CHECK(f.endedScenarios.count("sc-jardin") == 1);
    CHECK(f.succeededScenarios.empty());
}

TEST_CASE("forgetting a learner erases everything about them", "[progress][store]") {
    Store store(":memory:");
    auto l = store.ensureLearner("Camille");
    auto other = store.ensureLearner("Dominique");
    store.recordVisit(l->id, "demo", 1, "p-lire", 10);
    store.saveReflection(l->id, "demo", "r-attentes", "secret");
    store.recordVisit(other->id, "demo", 1, "p-lire", 10);
    REQUIRE(store.forgetLearner("Camille"));
    CHECK_FALSE(store.findLearner("Camille"));
    CHECK(store.reflections(l->id, "demo").empty());
    CHECK(store.facts(l->id, "demo").visitedPages.empty());
    CHECK(store.facts(other->id, "demo").visitedPages.size() == 1);
}

TEST_CASE("a corrupt file is moved aside, never deleted, and a fresh store starts",
          "[progress][store][failure]") {
    test::TempCourse dir;
    const fs::path file = dir.dir() / "progress.db";
    std::ofstream(file, std::ios::binary) << std::string(8192, 'x');
    Store store(file);
    CHECK(store.ok());
    REQUIRE(!store.movedAside().empty());
    CHECK(fs::exists(store.movedAside()));
    CHECK(fs::file_size(store.movedAside()) == 8192);
    CHECK(store.ensureLearner("Camille"));
}

TEST_CASE("another program's SQLite file is refused and left alone", "[progress][store][failure]") {
    test::TempCourse dir;
    const fs::path file = dir.dir() / "other.db";
    {
        sqlite3* db = nullptr;
        sqlite3_open(file.c_str(), &db);
        sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    Store store(file);
    CHECK_FALSE(store.ok());
    CHECK(store.problem() == StoreProblem::Foreign);
    CHECK(pragma(file, "user_version") == "0");
}

TEST_CASE("a full disk is reported as such, and the store keeps running",
          "[progress][store][failure]") {
    test::TempCourse dir;
    Store store(dir.dir() / "progress.db");
    auto l = store.ensureLearner("Camille");
    REQUIRE(l);
    store.limitPages(8);
    const std::string big(4000, 'a');
    bool failed = false;
    for (int i = 0; i < 100 && !failed; ++i)
        failed = !store.saveReflection(l->id, "demo", "r" + std::to_string(i), big);
    CHECK(failed);
    CHECK(store.problem() == StoreProblem::Full);
}

TEST_CASE("two stores on one file both write", "[progress][store][concurrency]") {
    test::TempCourse dir;
    const fs::path file = dir.dir() / "progress.db";
    Store a(file), b(file);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    auto la = a.ensureLearner("Camille");
    auto lb = b.ensureLearner("Dominique");
    REQUIRE(la);
    REQUIRE(lb);
    for (int i = 0; i < 50; ++i) {
        REQUIRE(a.recordVisit(la->id, "demo", 1, "p" + std::to_string(i), 1));
        REQUIRE(b.recordVisit(lb->id, "demo", 1, "p" + std::to_string(i), 1));
    }
    CHECK(a.facts(lb->id, "demo").visitedPages.size() == 50);
    CHECK(b.facts(la->id, "demo").visitedPages.size() == 50);
}

TEST_CASE("GIVEN a version-1 file WHEN a newer player opens it THEN it is migrated and keeps "
          "every record",
          "[progress][store][migration]") {
    test::TempCourse dir;
    const fs::path file = dir.dir() / "progress.db";
    fs::copy_file(std::string(CORDEE_TEST_DATA) + "/progress/v1.db", file);
    CHECK(pragma(file, "user_version") == "1");
    Store store(file);
    REQUIRE(store.ok());
    CHECK(store.schemaVersion() == Store::kSchemaVersion);
    auto l = store.findLearner("Ancien apprenant");
    REQUIRE(l);
    CHECK(store.reflections(l->id, "demo").at("r-attentes") == "Mon texte v1");
    CHECK(store.facts(l->id, "demo").visitedPages.size() == 3);
    CHECK(store.facts(l->id, "demo").endedScenarios.count("sc-jardin") == 1);
    auto rec = store.courseRecord(l->id, "demo");
    REQUIRE(rec);
    CHECK(rec->status == "completed");
    CHECK(rec->completedAt == rec->lastAccess); // filled in by the migration
    // And it goes on working: new records land next to the old ones.
    CHECK(store.recordVisit(l->id, "demo", 1, "p-idee", 10));
}

TEST_CASE("completing a course records when, once", "[progress][store]") {
    Store store(":memory:");
    auto l = store.ensureLearner("Camille");
    REQUIRE(store.setCourseState(l->id, "demo", 1, "completed", "passed", 1.0));
    const std::string first = store.courseRecord(l->id, "demo")->completedAt;
    CHECK(first.size() == 20);
    REQUIRE(store.setCourseState(l->id, "demo", 1, "completed", "passed", 1.0));
    CHECK(store.courseRecord(l->id, "demo")->completedAt == first);
}

TEST_CASE("a read-only file is read, not written, not moved aside, and says so",
          "[progress][store][failure]") {
    test::TempCourse dir;
    const fs::path file = dir.dir() / "progress.db";
    {
        Store store(file);
        auto l = store.ensureLearner("Camille");
        REQUIRE(l);
        REQUIRE(store.recordVisit(l->id, "demo", 1, "p-lire", 1));
    }
    const auto size = fs::file_size(file);
    // Root ignores permission bits; the immutable flag binds root too.
    const bool root = ::geteuid() == 0;
    const std::string lock =
        (root ? "chattr +i '" : "chmod 0444 '") + file.string() + "' 2>/dev/null";
    if (std::system(lock.c_str()) != 0) {
        WARN("cannot make a file read-only here (no chattr support): case not run");
        return;
    }
    struct Unlock {
        std::string command;
        ~Unlock() { (void)std::system(command.c_str()); }
    } unlock{(root ? "chattr -i '" : "chmod 0644 '") + file.string() + "'"};

    Store store(file);
    CHECK(store.problem() == StoreProblem::ReadOnly);
    CHECK(store.movedAside().empty());
    auto l = store.findLearner("Camille");
    REQUIRE(l);
    CHECK(store.facts(l->id, "demo").visitedPages.count("p-lire") == 1);
    CHECK_FALSE(store.recordVisit(l->id, "demo", 1, "p-autre", 1));
    CHECK(store.problem() == StoreProblem::ReadOnly);
    CHECK(fs::exists(file));
    CHECK(fs::file_size(file) == size);
}

namespace {

std::string bytesOf(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

TEST_CASE("reading a missing file creates nothing", "[progress][store][read]") {
    test::TempCourse dir;
    const fs::path file = dir.dir() / "none" / "progress.db";
    Store store(file, OpenMode::Read);
    CHECK_FALSE(store.readable());
    CHECK(store.problem() == StoreProblem::CannotOpen);
    CHECK_FALSE(fs::exists(file.parent_path()));
}

TEST_CASE("reading a corrupt file moves nothing and changes no byte of it",
          "[progress][store][read][failure]") {
    test::TempCourse dir;
    const fs::path file = dir.dir() / "progress.db";
    std::ofstream(file, std::ios::binary) << "SQLite format 3" << std::string(8192, 'x');
    const std::string before = bytesOf(file);
    Store store(file, OpenMode::Read);
    CHECK(store.problem() == StoreProblem::Corrupt);
    CHECK(store.movedAside().empty());
    CHECK_FALSE(store.usable());
    CHECK(bytesOf(file) == before);
    CHECK(std::distance(fs::directory_iterator(dir.dir()), fs::directory_iterator()) == 1);
}

TEST_CASE("GIVEN a version-1 file WHEN a report reads it THEN the records come out and the file "
          "stays version 1, byte for byte",
          "[progress][store][read][migration]") {
    test::TempCourse dir;
    const fs::path file = dir.dir() / "progress.db";
    fs::copy_file(std::string(CORDEE_TEST_DATA) + "/progress/v1.db", file);
    const std::string before = bytesOf(file);
    {
        Store store(file, OpenMode::Read);
        REQUIRE(store.readable());
        auto l = store.findLearner("Ancien apprenant");
        REQUIRE(l);
        CHECK(store.facts(l->id, "demo").visitedPages.size() == 3);
        CHECK_FALSE(store.ensureLearner("Nouveau")); // reading never writes
    }
    CHECK(bytesOf(file) == before);
    CHECK(pragma(file, "user_version") == "1");
}

TEST_CASE("another program's rollback-journal file keeps its mode and its bytes",
          "[progress][store][failure]") {
    test::TempCourse dir;
    const fs::path file = dir.dir() / "other.db";
    {
        sqlite3* db = nullptr;
        sqlite3_open(file.c_str(), &db);
        sqlite3_exec(db, "PRAGMA journal_mode=DELETE; CREATE TABLE t(x); INSERT INTO t VALUES (1);",
                     nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    const std::string before = bytesOf(file);
    for (OpenMode mode : {OpenMode::Player, OpenMode::Edit, OpenMode::Read}) {
        Store store(file, mode);
        CHECK(store.problem() == StoreProblem::Foreign);
        CHECK_FALSE(store.ensureLearner("Camille"));
    }
    CHECK(bytesOf(file) == before);
    CHECK(pragma(file, "journal_mode") == "delete");
    CHECK_FALSE(fs::exists(dir.dir() / "other.db-wal"));
}

TEST_CASE("GIVEN another program holding the file in exclusive mode WHEN the player opens it "
          "THEN it says locked within seconds, and writes once the holder lets go",
          "[progress][store][concurrency]") {
    test::TempCourse dir;
    const fs::path file = dir.dir() / "progress.db";
    {
        Store store(file);
        REQUIRE(store.ensureLearner("Camille"));
    }
    sqlite3* holder = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &holder) == SQLITE_OK);
    REQUIRE(sqlite3_exec(holder,
                         "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; "
                         "UPDATE learner SET name = name; COMMIT;",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    const auto started = std::chrono::steady_clock::now();
    Store store(file);
    const auto took = std::chrono::steady_clock::now() - started;
    CHECK(took < std::chrono::seconds(6));
    CHECK(store.problem() == StoreProblem::Locked);
    CHECK(store.movedAside().empty());
    const auto writeStarted = std::chrono::steady_clock::now();
    CHECK_FALSE(store.ensureLearner("Dominique"));
    CHECK(std::chrono::steady_clock::now() - writeStarted < std::chrono::seconds(3));
    sqlite3_close(holder);
    auto l = store.ensureLearner("Dominique");
    REQUIRE(l);
    CHECK(store.recordVisit(l->id, "demo", 1, "p-lire", 1));
    CHECK(store.problem() == StoreProblem::None);
    CHECK(store.findLearner("Camille"));
}
