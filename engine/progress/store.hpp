// The learners’ progress in one SQLite file (store.cpp, store_open.cpp): with the rest of
// engine/progress, the only code that includes sqlite3.h.
//
// Workload: small writes, one per learner action, each its own transaction committed before
// the player shows its feedback (WAL, synchronous=FULL: an acknowledged answer survives a
// power cut); reads at start-up and for reports. Records are keyed by author ids and the
// course version, never by positions, so a trainer's edit keeps what learners did.
// A file that cannot be used never stops the player: the store reports it (ok() / problem())
// and the caller keeps playing with progress in memory.
// [SECTION] index: opening · learners · pages · quizzes · checks and reflections · scenarios ·
// reading back
#pragma once

#include "player/progress_rules.hpp"
#include "player/scenario_run.hpp"
#include "quiz/attempt.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace cordee::progress {

enum class StoreProblem { None, CannotOpen, ReadOnly, Corrupt, Full, Locked, Foreign, TooNew };

// Who opens the file. The player creates it, sets it up and moves a damaged one aside;
// maintenance (cordee-report forget) writes into an existing file and moves nothing; reports
// only read (SQLITE_OPEN_READONLY) and never change a byte of the file.
enum class OpenMode { Player, Edit, Read };

struct Learner {
    int64_t id = 0;
    std::string name;        // what identifies the profile (--learner, the OS user)
    std::string displayName; // what people see
    std::string account;     // a stable opaque id (xAPI account name)
};

struct CourseRecord {
    std::string course;
    int version = 0;
    std::string status = "not-attempted"; // not-attempted, in-progress, completed
    std::string success = "unknown";      // unknown, passed, failed
    std::optional<double> score;          // 0..1
    int64_t timeMs = 0;
    std::string bookmark; // id of the last step shown
    std::string lastAccess;
    std::string completedAt; // when the course was first complete (schema 2)
};

struct StoredAttempt {
    int64_t id = 0;
    std::string quiz;
    quiz::Attempt attempt; // as far as it could be rebuilt against the current quiz
    std::string started, finished;
};

class Store {
public:
    // ------------------------------------------------------------------------------------------
    // [SECTION] Opening
    // ------------------------------------------------------------------------------------------
    // Opens and checks the file within a few seconds whatever holds it; the player's mode
    // creates the file and its folder if needed and migrates. ":memory:" works.
    explicit Store(const std::filesystem::path& file, OpenMode mode = OpenMode::Player);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    bool ok() const { return db_ != nullptr && problem_ == StoreProblem::None; }
    // Whether writing is worth trying: after a full disk or a lock, the next write tries again
    // (and clears the problem when it works); a foreign, newer, read-only or damaged file is
    // never written, and neither is any file opened for reading.
    bool usable() const;
    // Whether reading works (even when writing does not): a read-only file is read, so the
    // learner resumes where they were.
    bool readable() const { return db_ != nullptr; }
    StoreProblem problem() const { return problem_; }
    const std::string& detail() const { return detail_; }
    // When the file was corrupt: where it was moved (it is never deleted).
    const std::filesystem::path& movedAside() const { return movedAside_; }
    int schemaVersion() const;

    // Caps the file's size in pages, on this connection (tests simulate a full disk with it).
    void limitPages(int pages);

    sqlite3* handle() { return db_; } // for reports.cpp, in this room only

    static constexpr int kSchemaVersion = 3;
    static constexpr int32_t kApplicationId = 0x434F5244; // "CORD"

    // ------------------------------------------------------------------------------------------
    // [SECTION] Learners
    // ------------------------------------------------------------------------------------------
    std::optional<Learner> ensureLearner(const std::string& name);
    std::vector<Learner> learners();
    std::optional<Learner> findLearner(const std::string& name);
    // Erases everything about one learner, in one transaction.
    bool forgetLearner(const std::string& name);

    // ------------------------------------------------------------------------------------------
    // [SECTION] Pages and the course record
    // ------------------------------------------------------------------------------------------
    bool recordVisit(int64_t learner, const std::string& course, int version,
                     const std::string& page, int64_t timeMs);
    bool setBookmark(int64_t learner, const std::string& course, int version,
                     const std::string& step);
    bool setCourseState(int64_t learner, const std::string& course, int version,
                        const std::string& status, const std::string& success,
                        std::optional<double> score);
    std::optional<CourseRecord> courseRecord(int64_t learner, const std::string& course);

    // ------------------------------------------------------------------------------------------
    // [SECTION] Quizzes
    // ------------------------------------------------------------------------------------------
    std::optional<int64_t> startAttempt(int64_t learner, const std::string& course, int version,
                                        const course::Quiz& quiz, const quiz::Attempt& a);
    bool recordResponse(int64_t attempt, const course::Quiz& quiz, const quiz::Attempt& a,
                        size_t position, int64_t timeMs);
    bool finishAttempt(int64_t attempt, const course::Quiz& quiz, const quiz::Attempt& a);
    // Every attempt at a quiz, oldest first, rebuilt against the quiz as it is now: questions
    // that were removed are dropped, and the seed and stored draw give back the same order.
    std::vector<StoredAttempt> attempts(int64_t learner, const std::string& course,
                                        const course::Quiz& quiz);

    // ------------------------------------------------------------------------------------------
    // [SECTION] Checks and reflections
    // ------------------------------------------------------------------------------------------
    bool recordCheck(int64_t learner, const std::string& course, const course::Question& q,
                     const quiz::Response& r, const quiz::QuestionResult& result, int tries);
    bool saveReflection(int64_t learner, const std::string& course, const std::string& id,
                        const std::string& text);
    std::map<std::string, std::string> reflections(int64_t learner, const std::string& course);

    // ------------------------------------------------------------------------------------------
    // [SECTION] Scenarios
    // ------------------------------------------------------------------------------------------
    // One row per run, rewritten as the run goes (path, score, ending).
    std::optional<int64_t> saveScenarioRun(std::optional<int64_t> run, int64_t learner,
                                           const std::string& course,
                                           const course::Scenario& scenario,
                                           const player::ScenarioRun& state);

    // ------------------------------------------------------------------------------------------
    // [SECTION] Reading back
    // ------------------------------------------------------------------------------------------
    player::LearnerFacts facts(int64_t learner, const std::string& course);

private:
    bool connect(const std::string& name, int flags);
    void closeConnection();
    bool moveAside(const std::filesystem::path& file);
    bool checkIdentity();
    void readForReport();
    bool setUp(std::chrono::steady_clock::time_point deadline);
    // usable(), and the file set up (WAL, schema): every write starts here.
    bool writable();
    bool exec(const char* sql);
    bool migrate();
    void fail(StoreProblem p, const std::string& detail);
    bool checkWrite(int rc);

    OpenMode mode_;
    std::filesystem::path path_;
    sqlite3* db_ = nullptr;
    bool ready_ = false; // WAL, synchronous=FULL, foreign keys and the schema are in place
    StoreProblem problem_ = StoreProblem::None;
    std::string detail_;
    std::filesystem::path movedAside_;
};

// The default file: $XDG_DATA_HOME/cordee/progress.db (~/.local/share/cordee/progress.db).
std::filesystem::path defaultStorePath();

} // namespace cordee::progress
