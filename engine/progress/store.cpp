#include "progress/store.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fmt/format.h>
#include <random>
#include <sqlite3.h>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace cordee::progress {

namespace {

// A prepared statement that finalizes itself.
class Stmt {
public:
    Stmt(sqlite3* db, const char* sql) {
        if (db)
            sqlite3_prepare_v2(db, sql, -1, &s_, nullptr);
    }
    ~Stmt() { sqlite3_finalize(s_); }
    explicit operator bool() const { return s_ != nullptr; }
    Stmt& bind(int i, int64_t v) {
        sqlite3_bind_int64(s_, i, v);
        return *this;
    }
    Stmt& bind(int i, int v) {
        sqlite3_bind_int(s_, i, v);
        return *this;
    }
    Stmt& bind(int i, double v) {
        sqlite3_bind_double(s_, i, v);
        return *this;
    }
    Stmt& bind(int i, const std::string& v) {
        sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt& bindNull(int i) {
        sqlite3_bind_null(s_, i);
        return *this;
    }
    int step() { return s_ ? sqlite3_step(s_) : SQLITE_ERROR; }
    int64_t integer(int c) const { return sqlite3_column_int64(s_, c); }
    double real(int c) const { return sqlite3_column_double(s_, c); }
    bool isNull(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
    std::string text(int c) const {
        const unsigned char* t = sqlite3_column_text(s_, c);
        return t ? reinterpret_cast<const char*>(t) : "";
    }

private:
    sqlite3_stmt* s_ = nullptr;
};

std::string now() {
    auto t = std::chrono::system_clock::now();
    std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string joinInts(const std::vector<int>& v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i)
        out += (i ? "," : "") + std::to_string(v[i]);
    return out;
}

std::vector<int> splitInts(const std::string& s) {
    std::vector<int> out;
    std::istringstream in(s);
    std::string part;
    while (std::getline(in, part, ','))
        if (!part.empty())
            out.push_back(std::atoi(part.c_str()));
    return out;
}

const char* verdictName(quiz::Verdict v) {
    switch (v) {
    case quiz::Verdict::Correct:
        return "correct";
    case quiz::Verdict::Partial:
        return "partial";
    case quiz::Verdict::Incorrect:
        return "wrong";
    }
    return "wrong";
}

// Version 1 of the schema. Later versions add migrations after it, never edit it.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE learner (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  account TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL
);
CREATE TABLE enrolment (
  learner INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
  course TEXT NOT NULL,
  course_version INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'not-attempted',
  success TEXT NOT NULL DEFAULT 'unknown',
  score REAL,
  time_ms INTEGER NOT NULL DEFAULT 0,
  bookmark TEXT,
  first_access TEXT NOT NULL,
  last_access TEXT NOT NULL,
  PRIMARY KEY (learner, course)
);
CREATE TABLE page_visit (
  learner INTEGER NOT NULL,
  course TEXT NOT NULL,
  page TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  visits INTEGER NOT NULL DEFAULT 1,
  time_ms INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (learner, course, page),
  FOREIGN KEY (learner, course) REFERENCES enrolment(learner, course) ON DELETE CASCADE
);
CREATE TABLE quiz_attempt (
  id INTEGER PRIMARY KEY,
  learner INTEGER NOT NULL,
  course TEXT NOT NULL,
  course_version INTEGER NOT NULL,
  quiz TEXT NOT NULL,
  number INTEGER NOT NULL,
  seed INTEGER NOT NULL,
  questions TEXT NOT NULL,
  presentation TEXT NOT NULL,
  started TEXT NOT NULL,
  finished TEXT,
  score REAL,
  max_score REAL,
  passed INTEGER,
  FOREIGN KEY (learner, course) REFERENCES enrolment(learner, course) ON DELETE CASCADE
);
CREATE INDEX quiz_attempt_by_quiz ON quiz_attempt(learner, course, quiz);
CREATE TABLE response (
  attempt INTEGER NOT NULL REFERENCES quiz_attempt(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  question TEXT NOT NULL,
  response TEXT NOT NULL,
  verdict TEXT NOT NULL,
  points REAL NOT NULL,
  max_points REAL NOT NULL,
  hints INTEGER NOT NULL DEFAULT 0,
  time_ms INTEGER NOT NULL DEFAULT 0,
  answered TEXT NOT NULL,
  PRIMARY KEY (attempt, position)
);
CREATE INDEX response_by_question ON response(question);
CREATE TABLE check_answer (
  learner INTEGER NOT NULL,
  course TEXT NOT NULL,
  question TEXT NOT NULL,
  response TEXT NOT NULL,
  verdict TEXT NOT NULL,
  tries INTEGER NOT NULL,
  answered TEXT NOT NULL,
  PRIMARY KEY (learner, course, question),
  FOREIGN KEY (learner, course) REFERENCES enrolment(learner, course) ON DELETE CASCADE
);
CREATE TABLE reflection (
  learner INTEGER NOT NULL,
  course TEXT NOT NULL,
  reflection TEXT NOT NULL,
  text TEXT NOT NULL,
  updated TEXT NOT NULL,
  PRIMARY KEY (learner, course, reflection),
  FOREIGN KEY (learner, course) REFERENCES enrolment(learner, course) ON DELETE CASCADE
);
CREATE TABLE scenario_run (
  id INTEGER PRIMARY KEY,
  learner INTEGER NOT NULL,
  course TEXT NOT NULL,
  scenario TEXT NOT NULL,
  started TEXT NOT NULL,
  finished TEXT,
  path TEXT NOT NULL,
  score INTEGER NOT NULL,
  best INTEGER NOT NULL,
  ending TEXT,
  outcome TEXT,
  FOREIGN KEY (learner, course) REFERENCES enrolment(learner, course) ON DELETE CASCADE
);
)sql";

// Version 2: when a course was first completed (reports list completion dates). Files of
// version 1 get the column, filled from the last access of courses already completed.
constexpr const char* kMigrationTo2 = R"sql(
ALTER TABLE enrolment ADD COLUMN completed_at TEXT;
UPDATE enrolment SET completed_at = last_access WHERE status = 'completed';
)sql";

// Opening waits this many pauses at most for a file another player is setting up.
constexpr int kBusyTries = 100;
void pause() {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
}
bool isBusy(int rc) {
    return (rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED;
}

} // namespace

fs::path defaultStorePath() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return fs::path(xdg) / "cordee" / "progress.db";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".local" / "share" / "cordee" / "progress.db";
    return "cordee-progress.db";
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Opening
// ---------------------------------------------------------------------------------------------
Store::Store(const fs::path& file) {
    const bool memory = file == ":memory:";
    std::error_code ec;
    if (!memory && !file.parent_path().empty())
        fs::create_directories(file.parent_path(), ec);
    for (int tryNumber = 0; tryNumber < 2; ++tryNumber) {
        int rc = sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                 nullptr);
        if (rc != SQLITE_OK) {
            fail(StoreProblem::CannotOpen, db_ ? sqlite3_errmsg(db_) : "open failed");
            sqlite3_close(db_);
            db_ = nullptr;
            return;
        }
        sqlite3_busy_timeout(db_, 5000);
        // A file that is not SQLite, or is damaged: move it aside (never delete a learner's
        // data) and start a fresh one, once. A file another player is busy with is neither:
        // wait for it, and never move it.
        int qc = SQLITE_ERROR;
        std::string verdict;
        for (int wait = 0;; ++wait) {
            Stmt check(db_, "PRAGMA quick_check");
            qc = check.step();
            if (qc == SQLITE_ROW)
                verdict = check.text(0);
            if (qc == SQLITE_ROW || !isBusy(sqlite3_errcode(db_)) || wait == kBusyTries)
                break;
            pause();
        }
        if (qc != SQLITE_ROW && isBusy(sqlite3_errcode(db_))) {
            fail(StoreProblem::Locked, sqlite3_errmsg(db_));
            return;
        }
        const bool healthy = qc == SQLITE_ROW && verdict == "ok";
        if (!healthy && !memory && tryNumber == 0 && fs::exists(file, ec)) {
            sqlite3_close(db_);
            db_ = nullptr;
            movedAside_ = file;
            movedAside_ += ".corrupt-" + now();
            fs::rename(file, movedAside_, ec);
            if (ec) {
                fail(StoreProblem::Corrupt, ec.message());
                return;
            }
            // The write-ahead log goes with it (it may hold the last answers); the shared
            // memory index is rebuilt from the log by whoever opens the pair.
            std::error_code walEc;
            if (fs::exists(file.string() + "-wal", walEc))
                fs::rename(file.string() + "-wal", movedAside_.string() + "-wal", walEc);
            fs::remove(file.string() + "-shm", walEc);
            continue;
        }
        if (!healthy) {
            fail(StoreProblem::Corrupt, sqlite3_errmsg(db_));
            return;
        }
        break;
    }
    if (sqlite3_db_readonly(db_, "main") == 1) {
        fail(StoreProblem::ReadOnly, "read-only");
        return;
    }
    // WAL with synchronous=FULL: WAL+NORMAL may roll back recent commits on power loss.
    // Players starting together on a new file contend for it briefly: set up again until the
    // file is free (SQLite's busy handler does not cover every such case, e.g. WAL recovery).
    for (int wait = 0;; ++wait) {
        problem_ = StoreProblem::None;
        detail_.clear();
        const bool ready = exec("PRAGMA journal_mode=WAL") && exec("PRAGMA synchronous=FULL") &&
                           exec("PRAGMA foreign_keys=ON") && migrate();
        if (ready || problem_ != StoreProblem::Locked || wait == kBusyTries)
            break;
        pause();
    }
}

Store::~Store() {
    if (db_)
        sqlite3_close(db_);
}

void Store::fail(StoreProblem p, const std::string& detail) {
    problem_ = p;
    detail_ = detail;
}

bool Store::exec(const char* sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : "sqlite error";
        sqlite3_free(error);
        checkWrite(rc);
        if (problem_ == StoreProblem::None)
            detail_ = message;
        return false;
    }
    return true;
}

// Classifies a failed write: the player shows a different message for each.
bool Store::checkWrite(int rc) {
    switch (rc & 0xFF) {
    case SQLITE_OK:
    case SQLITE_DONE:
    case SQLITE_ROW:
        if (problem_ == StoreProblem::Full || problem_ == StoreProblem::Locked ||
            problem_ == StoreProblem::ReadOnly)
            problem_ = StoreProblem::None; // the disk has room again, the lock is gone
        return true;
    case SQLITE_READONLY:
        fail(StoreProblem::ReadOnly, sqlite3_errmsg(db_));
        break;
    case SQLITE_FULL:
        fail(StoreProblem::Full, sqlite3_errmsg(db_));
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        fail(StoreProblem::Locked, sqlite3_errmsg(db_));
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        fail(StoreProblem::Corrupt, sqlite3_errmsg(db_));
        break;
    default:
        fail(StoreProblem::CannotOpen, sqlite3_errmsg(db_));
        break;
    }
    return false;
}

bool Store::usable() const {
    return db_ != nullptr && problem_ != StoreProblem::CannotOpen &&
           problem_ != StoreProblem::Foreign && problem_ != StoreProblem::TooNew;
}

void Store::limitPages(int pages) {
    exec(fmt::format("PRAGMA max_page_count = {}", pages).c_str());
}

int Store::schemaVersion() const {
    Stmt s(db_, "PRAGMA user_version");
    return s.step() == SQLITE_ROW ? static_cast<int>(s.integer(0)) : -1;
}

bool Store::migrate() {
    Stmt app(db_, "PRAGMA application_id");
    if (app.step() != SQLITE_ROW) {
        checkWrite(sqlite3_errcode(db_));
        return false;
    }
    const int64_t appId = app.integer(0);
    const int version = schemaVersion();
    if (version < 0) {
        checkWrite(sqlite3_errcode(db_));
        return false;
    }
    if (version == 0) {
        // Either new, or someone else's SQLite file: refuse to write into the latter.
        Stmt tables(db_, "SELECT count(*) FROM sqlite_master");
        if (tables.step() == SQLITE_ROW && tables.integer(0) > 0 && appId != kApplicationId) {
            fail(StoreProblem::Foreign, "not a Cordée progress file");
            return false;
        }
    } else if (appId != kApplicationId) {
        fail(StoreProblem::Foreign, "not a Cordée progress file");
        return false;
    }
    if (version > kSchemaVersion) {
        fail(StoreProblem::TooNew,
             fmt::format("schema {} is newer than {}", version, kSchemaVersion));
        return false;
    }
    if (version == kSchemaVersion)
        return true;
    if (!exec("BEGIN IMMEDIATE"))
        return false;
    // Another player on the same file may have created or migrated it while this one waited
    // for the write lock: read the version again under the lock.
    const int locked = schemaVersion();
    if (locked < 0) {
        checkWrite(sqlite3_errcode(db_));
        exec("ROLLBACK");
        return false;
    }
    if (locked > kSchemaVersion)
        fail(StoreProblem::TooNew,
             fmt::format("schema {} is newer than {}", locked, kSchemaVersion));
    if (locked >= kSchemaVersion) {
        exec("ROLLBACK");
        return locked == kSchemaVersion;
    }
    bool ok = true;
    if (locked < 1)
        ok = exec(kSchemaV1);
    if (locked < 2)
        ok = ok && exec(kMigrationTo2);
    ok = ok && exec(fmt::format("PRAGMA application_id={}", kApplicationId).c_str()) &&
         exec(fmt::format("PRAGMA user_version={}", kSchemaVersion).c_str());
    if (!ok) {
        exec("ROLLBACK");
        return false;
    }
    return exec("COMMIT");
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Learners
// ---------------------------------------------------------------------------------------------
std::optional<Learner> Store::findLearner(const std::string& name) {
    Stmt s(db_, "SELECT id, name, display_name, account FROM learner WHERE name = ?");
    s.bind(1, name);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    return Learner{s.integer(0), s.text(1), s.text(2), s.text(3)};
}

std::optional<Learner> Store::ensureLearner(const std::string& name) {
    if (!usable())
        return std::nullopt;
    if (auto l = findLearner(name))
        return l;
    std::random_device rd;
    const std::string account = fmt::format("{:08x}{:08x}", rd(), rd());
    // OR IGNORE: another player on this file may have just added the same name.
    Stmt s(db_, "INSERT OR IGNORE INTO learner(name, display_name, account, created) "
                "VALUES (?, ?, ?, ?)");
    s.bind(1, name).bind(2, name).bind(3, account).bind(4, now());
    if (!checkWrite(s.step()))
        return std::nullopt;
    return findLearner(name);
}

std::vector<Learner> Store::learners() {
    std::vector<Learner> out;
    Stmt s(db_, "SELECT id, name, display_name, account FROM learner ORDER BY display_name");
    while (s.step() == SQLITE_ROW)
        out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3)});
    return out;
}

bool Store::forgetLearner(const std::string& name) {
    auto l = findLearner(name);
    if (!l)
        return false;
    if (!exec("BEGIN IMMEDIATE"))
        return false;
    bool ok = true;
    for (const char* sql :
         {"DELETE FROM response WHERE attempt IN (SELECT id FROM quiz_attempt WHERE learner = ?)",
          "DELETE FROM quiz_attempt WHERE learner = ?",
          "DELETE FROM check_answer WHERE learner = ?", "DELETE FROM reflection WHERE learner = ?",
          "DELETE FROM scenario_run WHERE learner = ?", "DELETE FROM page_visit WHERE learner = ?",
          "DELETE FROM enrolment WHERE learner = ?", "DELETE FROM learner WHERE id = ?"}) {
        Stmt s(db_, sql);
        s.bind(1, l->id);
        ok = ok && checkWrite(s.step());
    }
    if (!ok) {
        exec("ROLLBACK");
        return false;
    }
    return exec("COMMIT");
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Pages and the course record
// ---------------------------------------------------------------------------------------------
namespace {

// Each public write is one transaction; the enrolment row is created on first use.
struct Transaction {
    sqlite3* db;
    bool open = false;
    explicit Transaction(sqlite3* d)
        : db(d) {
        open = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    int commit() {
        int rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        open = rc != SQLITE_OK;
        return rc;
    }
    ~Transaction() {
        if (open)
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
};

int enrol(sqlite3* db, int64_t learner, const std::string& course, int version) {
    Stmt s(db,
           "INSERT INTO enrolment(learner, course, course_version, first_access, last_access) "
           "VALUES (?, ?, ?, ?, ?) ON CONFLICT(learner, course) DO UPDATE SET "
           "course_version = CASE WHEN excluded.course_version > 0 THEN excluded.course_version "
           "ELSE course_version END, last_access = excluded.last_access");
    const std::string t = now();
    s.bind(1, learner).bind(2, course).bind(3, version).bind(4, t).bind(5, t);
    return s.step();
}

} // namespace

bool Store::recordVisit(int64_t learner, const std::string& course, int version,
                        const std::string& page, int64_t timeMs) {
    if (!usable())
        return false;
    Transaction tx(db_);
    if (!tx.open)
        return checkWrite(SQLITE_BUSY);
    if (!checkWrite(enrol(db_, learner, course, version)))
        return false;
    Stmt s(db_, "INSERT INTO page_visit(learner, course, page, first_seen, last_seen, time_ms) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(learner, course, page) DO UPDATE SET "
                "last_seen = excluded.last_seen, visits = visits + 1, "
                "time_ms = time_ms + excluded.time_ms");
    const std::string t = now();
    s.bind(1, learner).bind(2, course).bind(3, page).bind(4, t).bind(5, t).bind(6, timeMs);
    if (!checkWrite(s.step()))
        return false;
    Stmt e(db_,
           "UPDATE enrolment SET time_ms = time_ms + ?, status = CASE status WHEN "
           "'not-attempted' THEN 'in-progress' ELSE status END WHERE learner = ? AND course = ?");
    e.bind(1, timeMs).bind(2, learner).bind(3, course);
    if (!checkWrite(e.step()))
        return false;
    return checkWrite(tx.commit());
}

bool Store::setBookmark(int64_t learner, const std::string& course, int version,
                        const std::string& step) {
    if (!usable())
        return false;
    Transaction tx(db_);
    if (!tx.open || !checkWrite(enrol(db_, learner, course, version)))
        return false;
    Stmt s(db_, "UPDATE enrolment SET bookmark = ? WHERE learner = ? AND course = ?");
    s.bind(1, step).bind(2, learner).bind(3, course);
    return checkWrite(s.step()) && checkWrite(tx.commit());
}

bool Store::setCourseState(int64_t learner, const std::string& course, int version,
                           const std::string& status, const std::string& success,
                           std::optional<double> score) {
    if (!usable())
        return false;
    Transaction tx(db_);
    if (!tx.open || !checkWrite(enrol(db_, learner, course, version)))
        return false;
    Stmt s(
        db_,
        "UPDATE enrolment SET status = ?, success = ?, score = ?, completed_at = CASE "
        "WHEN ?1 = 'completed' AND completed_at IS NULL THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
        "ELSE completed_at END WHERE learner = ? AND course = ?");
    s.bind(1, status).bind(2, success);
    score ? s.bind(3, *score) : s.bindNull(3);
    s.bind(4, learner).bind(5, course);
    return checkWrite(s.step()) && checkWrite(tx.commit());
}

std::optional<CourseRecord> Store::courseRecord(int64_t learner, const std::string& course) {
    Stmt s(db_, "SELECT course_version, status, success, score, time_ms, bookmark, last_access, "
                "completed_at FROM enrolment WHERE learner = ? AND course = ?");
    s.bind(1, learner).bind(2, course);
    if (s.step() != SQLITE_ROW)
        return std::nullopt;
    CourseRecord r;
    r.course = course;
    r.version = static_cast<int>(s.integer(0));
    r.status = s.text(1);
    r.success = s.text(2);
    if (!s.isNull(3))
        r.score = s.real(3);
    r.timeMs = s.integer(4);
    r.bookmark = s.text(5);
    r.lastAccess = s.text(6);
    r.completedAt = s.text(7);
    return r;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Quizzes
// ---------------------------------------------------------------------------------------------
namespace {

std::string serializePresentation(const quiz::Attempt& a) {
    std::string out;
    for (size_t k = 0; k < a.questions.size(); ++k) {
        const quiz::Presentation& p = a.questions[k];
        out += (k ? "|" : "") + joinInts(p.choiceOrder) + ";" + joinInts(p.itemOrder) + ";" +
               joinInts(p.rightOrder);
    }
    return out;
}

} // namespace

std::optional<int64_t> Store::startAttempt(int64_t learner, const std::string& course, int version,
                                           const course::Quiz& quiz, const quiz::Attempt& a) {
    if (!usable())
        return std::nullopt;
    Transaction tx(db_);
    if (!tx.open || !checkWrite(enrol(db_, learner, course, version)))
        return std::nullopt;
    std::string ids;
    for (size_t k = 0; k < a.questions.size(); ++k)
        ids += (k ? "," : "") + quiz.questions[static_cast<size_t>(a.questions[k].question)].id;
    Stmt s(db_, "INSERT INTO quiz_attempt(learner, course, course_version, quiz, number, seed, "
                "questions, presentation, started) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, learner)
        .bind(2, course)
        .bind(3, version)
        .bind(4, quiz.id)
        .bind(5, a.number)
        .bind(6, static_cast<int64_t>(a.seed))
        .bind(7, ids)
        .bind(8, serializePresentation(a))
        .bind(9, now());
    if (!checkWrite(s.step()))
        return std::nullopt;
    const int64_t id = sqlite3_last_insert_rowid(db_);
    if (!checkWrite(tx.commit()))
        return std::nullopt;
    return id;
}

bool Store::recordResponse(int64_t attempt, const course::Quiz& quiz, const quiz::Attempt& a,
                           size_t position, int64_t timeMs) {
    if (!usable() || position >= a.questions.size() || !a.responses[position])
        return false;
    const course::Question& q = quiz.questions[static_cast<size_t>(a.questions[position].question)];
    const quiz::QuestionResult& r = a.results[position];
    Transaction tx(db_);
    if (!tx.open)
        return checkWrite(SQLITE_BUSY);
    Stmt s(db_,
           "INSERT OR REPLACE INTO response(attempt, position, question, response, verdict, "
           "points, max_points, hints, time_ms, answered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, attempt)
        .bind(2, static_cast<int64_t>(position))
        .bind(3, q.id)
        .bind(4, quiz::toText(q, *a.responses[position]))
        .bind(5, std::string(verdictName(r.verdict)))
        .bind(6, r.points)
        .bind(7, r.maxPoints)
        .bind(8, a.hintsUsed[position] ? 1 : 0)
        .bind(9, timeMs)
        .bind(10, now());
    return checkWrite(s.step()) && checkWrite(tx.commit());
}

bool Store::finishAttempt(int64_t attempt, const course::Quiz& quiz, const quiz::Attempt& a) {
    if (!usable())
        return false;
    Transaction tx(db_);
    if (!tx.open)
        return checkWrite(SQLITE_BUSY);
    Stmt s(
        db_,
        "UPDATE quiz_attempt SET finished = ?, score = ?, max_score = ?, passed = ? WHERE id = ?");
    s.bind(1, now())
        .bind(2, a.score())
        .bind(3, a.maxScore())
        .bind(4, a.passed(quiz) ? 1 : 0)
        .bind(5, attempt);
    return checkWrite(s.step()) && checkWrite(tx.commit());
}

std::vector<StoredAttempt> Store::attempts(int64_t learner, const std::string& course,
                                           const course::Quiz& quiz) {
    std::vector<StoredAttempt> out;
    Stmt s(db_,
           "SELECT id, number, seed, questions, presentation, started, finished FROM quiz_attempt "
           "WHERE learner = ? AND course = ? AND quiz = ? ORDER BY number, id");
    s.bind(1, learner).bind(2, course).bind(3, quiz.id);
    while (s.step() == SQLITE_ROW) {
        StoredAttempt sa;
        sa.id = s.integer(0);
        sa.quiz = quiz.id;
        sa.started = s.text(5);
        sa.finished = s.text(6);
        quiz::Attempt& a = sa.attempt;
        a.number = static_cast<int>(s.integer(1));
        a.seed = static_cast<uint64_t>(s.integer(2));
        // Questions by id: one removed by the trainer is dropped; the stored orders are kept
        // when they still fit the question, else drawn again from the seed.
        std::vector<std::string> ids;
        {
            std::istringstream in(s.text(3));
            std::string id;
            while (std::getline(in, id, ','))
                ids.push_back(id);
        }
        std::vector<std::string> orders;
        {
            std::istringstream in(s.text(4));
            std::string part;
            while (std::getline(in, part, '|'))
                orders.push_back(part);
        }
        std::vector<int> storedPosition; // new position -> stored position
        for (size_t k = 0; k < ids.size(); ++k) {
            int index = -1;
            for (size_t i = 0; i < quiz.questions.size(); ++i)
                if (quiz.questions[i].id == ids[k])
                    index = static_cast<int>(i);
            if (index < 0)
                continue;
            const course::Question& q = quiz.questions[static_cast<size_t>(index)];
            quiz::Presentation p = quiz::presentQuestion(q, index, a.seed + k);
            if (k < orders.size()) {
                std::vector<std::string> parts(3);
                std::istringstream in(orders[k]);
                for (std::string& part : parts)
                    std::getline(in, part, ';');
                auto choice = splitInts(parts[0]), item = splitInts(parts[1]),
                     right = splitInts(parts[2]);
                if (choice.size() == q.choices.size())
                    p.choiceOrder = choice;
                if (item.size() == q.items.size())
                    p.itemOrder = item;
                if (right.size() == q.pairs.size())
                    p.rightOrder = right;
            }
            a.questions.push_back(p);
            storedPosition.push_back(static_cast<int>(k));
        }
        a.responses.assign(a.questions.size(), std::nullopt);
        a.results.assign(a.questions.size(), {});
        a.hintsUsed.assign(a.questions.size(), false);
        for (size_t k = 0; k < a.questions.size(); ++k)
            a.results[k].maxPoints =
                quiz.questions[static_cast<size_t>(a.questions[k].question)].points;
        Stmt r(db_, "SELECT position, response, hints FROM response WHERE attempt = ?");
        r.bind(1, sa.id);
        while (r.step() == SQLITE_ROW) {
            const int stored = static_cast<int>(r.integer(0));
            for (size_t k = 0; k < storedPosition.size(); ++k) {
                if (storedPosition[k] != stored)
                    continue;
                const course::Question& q =
                    quiz.questions[static_cast<size_t>(a.questions[k].question)];
                if (auto resp = quiz::fromText(q, r.text(1))) {
                    a.responses[k] = *resp;
                    a.results[k] = quiz::score(q, *resp); // scored by today's rules and points
                }
                a.hintsUsed[k] = r.integer(2) != 0;
            }
        }
        a.finished = !sa.finished.empty();
        out.push_back(std::move(sa));
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Checks and reflections
// ---------------------------------------------------------------------------------------------
bool Store::recordCheck(int64_t learner, const std::string& course, const course::Question& q,
                        const quiz::Response& r, const quiz::QuestionResult& result, int tries) {
    if (!usable())
        return false;
    Transaction tx(db_);
    if (!tx.open || !checkWrite(enrol(db_, learner, course, 0)))
        return false;
    Stmt s(db_, "INSERT OR REPLACE INTO check_answer(learner, course, question, response, verdict, "
                "tries, answered) VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, learner)
        .bind(2, course)
        .bind(3, q.id)
        .bind(4, quiz::toText(q, r))
        .bind(5, std::string(verdictName(result.verdict)))
        .bind(6, tries)
        .bind(7, now());
    return checkWrite(s.step()) && checkWrite(tx.commit());
}

bool Store::saveReflection(int64_t learner, const std::string& course, const std::string& id,
                           const std::string& text) {
    if (!usable())
        return false;
    Transaction tx(db_);
    if (!tx.open || !checkWrite(enrol(db_, learner, course, 0)))
        return false;
    Stmt s(
        db_,
        "INSERT INTO reflection(learner, course, reflection, text, updated) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(learner, course, reflection) DO UPDATE SET text = excluded.text, "
        "updated = excluded.updated");
    s.bind(1, learner).bind(2, course).bind(3, id).bind(4, text).bind(5, now());
    return checkWrite(s.step()) && checkWrite(tx.commit());
}

std::map<std::string, std::string> Store::reflections(int64_t learner, const std::string& course) {
    std::map<std::string, std::string> out;
    Stmt s(db_, "SELECT reflection, text FROM reflection WHERE learner = ? AND course = ?");
    s.bind(1, learner).bind(2, course);
    while (s.step() == SQLITE_ROW)
        out[s.text(0)] = s.text(1);
    return out;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Scenarios
// ---------------------------------------------------------------------------------------------
std::optional<int64_t> Store::saveScenarioRun(std::optional<int64_t> run, int64_t learner,
                                              const std::string& course,
                                              const course::Scenario& scenario,
                                              const player::ScenarioRun& state) {
    if (!usable())
        return std::nullopt;
    std::string path;
    for (const player::PathStep& step : state.path())
        path += (path.empty() ? "" : ",") + step.scene + ":" + std::to_string(step.option);
    const bool ended = state.phase() == player::ScenarioRun::Phase::Ending && state.ending();
    Transaction tx(db_);
    if (!tx.open || !checkWrite(enrol(db_, learner, course, 0)))
        return std::nullopt;
    if (!run) {
        Stmt s(db_,
               "INSERT INTO scenario_run(learner, course, scenario, started, path, score, best) "
               "VALUES (?, ?, ?, ?, '', 0, ?)");
        s.bind(1, learner)
            .bind(2, course)
            .bind(3, scenario.id)
            .bind(4, now())
            .bind(5, scenario.bestScore);
        if (!checkWrite(s.step()))
            return std::nullopt;
        run = sqlite3_last_insert_rowid(db_);
    }
    Stmt s(db_, "UPDATE scenario_run SET path = ?, score = ?, finished = ?, ending = ?, outcome = "
                "? WHERE id = ?");
    s.bind(1, path).bind(2, state.score());
    if (ended) {
        s.bind(3, now())
            .bind(4, state.ending()->id)
            .bind(5, std::string(course::outcomeName(state.ending()->outcome)));
    } else {
        s.bindNull(3).bindNull(4).bindNull(5);
    }
    s.bind(6, *run);
    if (!checkWrite(s.step()) || !checkWrite(tx.commit()))
        return std::nullopt;
    return run;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Reading back
// ---------------------------------------------------------------------------------------------
player::LearnerFacts Store::facts(int64_t learner, const std::string& course) {
    player::LearnerFacts f;
    {
        Stmt s(db_, "SELECT page FROM page_visit WHERE learner = ? AND course = ?");
        s.bind(1, learner).bind(2, course);
        while (s.step() == SQLITE_ROW)
            f.visitedPages.insert(s.text(0));
    }
    {
        Stmt s(db_, "SELECT quiz, max(passed) FROM quiz_attempt WHERE learner = ? AND course = ? "
                    "GROUP BY quiz");
        s.bind(1, learner).bind(2, course);
        while (s.step() == SQLITE_ROW) {
            f.attemptedQuizzes.insert(s.text(0));
            if (s.integer(1) == 1)
                f.passedQuizzes.insert(s.text(0));
        }
    }
    {
        Stmt s(db_, "SELECT scenario, outcome FROM scenario_run WHERE learner = ? AND course = ? "
                    "AND finished IS NOT NULL");
        s.bind(1, learner).bind(2, course);
        while (s.step() == SQLITE_ROW) {
            f.endedScenarios.insert(s.text(0));
            if (s.text(1) == "success")
                f.succeededScenarios.insert(s.text(0));
        }
    }
    return f;
}

} // namespace cordee::progress
