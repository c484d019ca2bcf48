// Opening the progress file, telling a healthy file from one that cannot be used now, and the
// schema with its migrations. Part of progress::Store (see store.hpp); no other file
// writes the schema.
//
// Workload: once per process, a quick_check and a few pragmas; bounded in time whatever holds
// the file (kOpenBudget), so a locked, full or read-only file never freezes the player.
// How it fails: it never throws and never deletes. Only a file that SQLite itself finds damaged
// (quick_check, SQLITE_CORRUPT, SQLITE_NOTADB) while the disk is fine is moved aside, and only
// by the player; a full disk, a lock, a read-only file or folder are said as such and the file
// is kept as it is. A file that is not ours (another application id, a newer schema) is opened
// read-only and never altered — not even its journal mode.
// [SECTION] index: schema · classifying · opening · setting up · migrations
#include "progress/sql_statement.hpp"
#include "progress/store.hpp"
#include "progress/uuid.hpp"

#include <fmt/format.h>
#include <sys/statvfs.h>
#include <thread>

namespace fs = std::filesystem;

namespace cordee::progress {

namespace {

using sql::Stmt;
using Clock = std::chrono::steady_clock;

// ---------------------------------------------------------------------------------------------
// [SECTION] Schema
// ---------------------------------------------------------------------------------------------
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

// Version 3: learning records for a Learning Record Store. Every event a statement is made of
// (a course launched, progressed — its status, success or score changed — or completed, a page
// experienced, a question answered, a quiz passed or failed) is logged in xapi_event with its
// statement id, by triggers, in the transaction that records it: no write path can forget one, and
// a statement never changes once logged (so sending it again is harmless). Rows of older files get
// name-based ids (cordee_uuid5), the same for every migration of the same file. Each quiz attempt
// gets a registration shared by its statements. `sent` is the LRS's acknowledgement; `problem` why
// the LRS refused one.
constexpr const char* kMigrationTo3 = R"sql(
ALTER TABLE quiz_attempt ADD COLUMN registration TEXT;
UPDATE quiz_attempt SET registration = cordee_uuid5('registration|' ||
  (SELECT account FROM learner WHERE id = quiz_attempt.learner) || '|' || course || '|' ||
  quiz || '|' || number);
CREATE TABLE xapi_event (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  learner INTEGER REFERENCES learner(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  course TEXT NOT NULL DEFAULT '',
  course_version INTEGER NOT NULL DEFAULT 0,
  object TEXT NOT NULL DEFAULT '',
  timestamp TEXT NOT NULL,
  registration TEXT,
  raw REAL,
  max REAL,
  success INTEGER,
  duration_ms INTEGER,
  response TEXT,
  status TEXT,
  sent TEXT,
  problem TEXT
);
CREATE INDEX xapi_event_unsent ON xapi_event(seq) WHERE sent IS NULL AND problem IS NULL;
CREATE INDEX xapi_event_by_learner ON xapi_event(learner);
CREATE TABLE lrs_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO xapi_event(id, learner, kind, course, course_version, object, timestamp,
                       registration, raw, max, success, duration_ms, response)
SELECT * FROM (
  SELECT cordee_uuid5('launched|' || l.account || '|' || e.course), e.learner, 'launched',
         e.course, e.course_version, '', e.first_access, NULL, NULL, NULL, NULL, NULL, NULL
  FROM enrolment e JOIN learner l ON l.id = e.learner
  UNION ALL
  SELECT cordee_uuid5('completed|' || l.account || '|' || e.course), e.learner, 'completed',
         e.course, e.course_version, '', e.completed_at, NULL, NULL, NULL,
         CASE e.success WHEN 'passed' THEN 1 WHEN 'failed' THEN 0 END, NULL, NULL
  FROM enrolment e JOIN learner l ON l.id = e.learner WHERE e.completed_at IS NOT NULL
  UNION ALL
  SELECT cordee_uuid5('experienced|' || l.account || '|' || p.course || '|' || p.page || '|' ||
                      p.last_seen), p.learner, 'experienced', p.course, e.course_version,
         'pages/' || p.page, p.last_seen, NULL, NULL, NULL, NULL, p.time_ms, NULL
  FROM page_visit p JOIN learner l ON l.id = p.learner
  JOIN enrolment e ON e.learner = p.learner AND e.course = p.course
  UNION ALL
  SELECT cordee_uuid5('answered|' || a.registration || '|' || r.position), a.learner,
         'answered', a.course, a.course_version, 'quizzes/' || a.quiz || '/questions/' ||
         r.question, r.answered, a.registration, r.points, r.max_points,
         r.verdict = 'correct', r.time_ms, r.response
  FROM response r JOIN quiz_attempt a ON a.id = r.attempt
  UNION ALL
  SELECT cordee_uuid5('finished|' || a.registration), a.learner,
         CASE a.passed WHEN 1 THEN 'passed' ELSE 'failed' END, a.course, a.course_version,
         'quizzes/' || a.quiz, a.finished, a.registration, a.score, a.max_score, a.passed = 1,
         NULL, NULL
  FROM quiz_attempt a WHERE a.finished IS NOT NULL
) ORDER BY 7;
INSERT INTO xapi_event(id, learner, kind, course, course_version, timestamp, raw, max, success,
                       status)
SELECT cordee_uuid5('progressed|' || l.account || '|' || e.course), e.learner, 'progressed',
       e.course, e.course_version, e.last_access, e.score, CASE WHEN e.score IS NOT NULL THEN 1 END,
       CASE e.success WHEN 'passed' THEN 1 WHEN 'failed' THEN 0 END, e.status
FROM enrolment e JOIN learner l ON l.id = e.learner WHERE e.status <> 'not-attempted'
ORDER BY e.last_access;
CREATE TRIGGER xapi_launched AFTER INSERT ON enrolment BEGIN
  INSERT INTO xapi_event(id, learner, kind, course, course_version, timestamp)
  VALUES (cordee_uuid4(), NEW.learner, 'launched', NEW.course, NEW.course_version,
          NEW.first_access);
END;
CREATE TRIGGER xapi_completed AFTER UPDATE OF completed_at ON enrolment
WHEN OLD.completed_at IS NULL AND NEW.completed_at IS NOT NULL BEGIN
  INSERT INTO xapi_event(id, learner, kind, course, course_version, timestamp, success)
  VALUES (cordee_uuid4(), NEW.learner, 'completed', NEW.course, NEW.course_version,
          NEW.completed_at, CASE NEW.success WHEN 'passed' THEN 1 WHEN 'failed' THEN 0 END);
END;
CREATE TRIGGER xapi_progressed AFTER UPDATE OF status, success, score ON enrolment
WHEN OLD.status IS NOT NEW.status OR OLD.success IS NOT NEW.success OR
     OLD.score IS NOT NEW.score BEGIN
  INSERT INTO xapi_event(id, learner, kind, course, course_version, timestamp, raw, max,
                         success, status)
  VALUES (cordee_uuid4(), NEW.learner, 'progressed', NEW.course, NEW.course_version,
          NEW.last_access, NEW.score, CASE WHEN NEW.score IS NOT NULL THEN 1 END,
          CASE NEW.success WHEN 'passed' THEN 1 WHEN 'failed' THEN 0 END, NEW.status);
END;
CREATE TRIGGER xapi_first_visit AFTER INSERT ON page_visit BEGIN
  INSERT INTO xapi_event(id, learner, kind, course, course_version, object, timestamp,
                         duration_ms)
  VALUES (cordee_uuid4(), NEW.learner, 'experienced', NEW.course,
          (SELECT course_version FROM enrolment WHERE learner = NEW.learner AND
           course = NEW.course), 'pages/' || NEW.page, NEW.last_seen, NEW.time_ms);
END;
CREATE TRIGGER xapi_visit AFTER UPDATE OF visits ON page_visit
WHEN NEW.visits > OLD.visits BEGIN
  INSERT INTO xapi_event(id, learner, kind, course, course_version, object, timestamp,
                         duration_ms)
  VALUES (cordee_uuid4(), NEW.learner, 'experienced', NEW.course,
          (SELECT course_version FROM enrolment WHERE learner = NEW.learner AND
           course = NEW.course), 'pages/' || NEW.page, NEW.last_seen,
          NEW.time_ms - OLD.time_ms);
END;
CREATE TRIGGER xapi_registration AFTER INSERT ON quiz_attempt
WHEN NEW.registration IS NULL BEGIN
  UPDATE quiz_attempt SET registration = cordee_uuid4() WHERE id = NEW.id;
END;
CREATE TRIGGER xapi_answered AFTER INSERT ON response BEGIN
  INSERT INTO xapi_event(id, learner, kind, course, course_version, object, timestamp,
                         registration, raw, max, success, duration_ms, response)
  SELECT cordee_uuid4(), a.learner, 'answered', a.course, a.course_version,
         'quizzes/' || a.quiz || '/questions/' || NEW.question, NEW.answered, a.registration,
         NEW.points, NEW.max_points, NEW.verdict = 'correct', NEW.time_ms, NEW.response
  FROM quiz_attempt a WHERE a.id = NEW.attempt;
END;
CREATE TRIGGER xapi_finished AFTER UPDATE OF finished ON quiz_attempt
WHEN OLD.finished IS NULL AND NEW.finished IS NOT NULL BEGIN
  INSERT INTO xapi_event(id, learner, kind, course, course_version, object, timestamp,
                         registration, raw, max, success)
  VALUES (cordee_uuid4(), NEW.learner, CASE NEW.passed WHEN 1 THEN 'passed' ELSE 'failed' END,
          NEW.course, NEW.course_version, 'quizzes/' || NEW.quiz, NEW.finished,
          NEW.registration, NEW.score, NEW.max_score, NEW.passed = 1);
END;
)sql";

// ---------------------------------------------------------------------------------------------
// [SECTION] Classifying what SQLite says
// ---------------------------------------------------------------------------------------------
// One statement waits this long at most for another program's lock; opening waits at most
// kOpenBudget in all. Players sharing a file hold the lock for a few milliseconds per action
// (an fsync), so these only bite when something keeps the file for long — then the learner
// plays on, and while the lock lasts each try waits only kBusyWhileLockedMs (the actions wait
// in memory; the window retries them on a timer), so no action stalls the screen.
constexpr int kBusyMs = 1000;
constexpr int kBusyWhileLockedMs = 50;
constexpr auto kOpenBudget = std::chrono::milliseconds(3000);
constexpr auto kPause = std::chrono::milliseconds(50);

enum class FileState { Healthy, Damaged, Busy, Full, Unreadable };

// Whether the file system holding `file` has (almost) no room left: SQLite reports a full
// disk as SQLITE_FULL on writes, but as an I/O error when it cannot grow its shared-memory
// index, which must not be taken for damage.
bool diskFull(const fs::path& file) {
    struct statvfs v {};
    const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    if (statvfs(dir.c_str(), &v) != 0)
        return false;
    return static_cast<unsigned long long>(v.f_bavail) * v.f_frsize < 256 * 1024;
}

// A URI that opens the file as it is on disk, for reading only, with no lock and no index file
// (what a read-only file in a read-only folder needs: SQLite cannot create its -shm there).
std::string immutableUri(const fs::path& file) {
    std::string uri = "file:";
    for (unsigned char ch : fs::absolute(file).string()) {
        if (ch == '%' || ch == '?' || ch == '#' || ch <= ' ')
            uri += fmt::format("%{:02X}", ch);
        else
            uri += static_cast<char>(ch);
    }
    return uri + "?immutable=1";
}

} // namespace

// Reads the whole file once (quick_check), waiting within the deadline for a lock to go.
static FileState checkFile(sqlite3* db, const fs::path& file, Clock::time_point deadline,
                           std::string& detail) {
    for (;;) {
        Stmt check(db, "PRAGMA quick_check");
        const int rc = check.step();
        if (rc == SQLITE_ROW) {
            detail = check.text(0);
            return detail == "ok" ? FileState::Healthy : FileState::Damaged;
        }
        const int code = sqlite3_extended_errcode(db);
        detail = sqlite3_errmsg(db);
        if (sql::isBusy(code)) {
            if (Clock::now() + kPause >= deadline)
                return FileState::Busy;
            std::this_thread::sleep_for(kPause);
            continue;
        }
        switch (code & 0xFF) {
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            return FileState::Damaged;
        case SQLITE_FULL:
            return FileState::Full;
        default:
            return diskFull(file) ? FileState::Full : FileState::Unreadable;
        }
    }
}

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
Store::Store(const fs::path& file, OpenMode mode)
    : mode_(mode)
    , path_(file) {
    const bool memory = file == ":memory:";
    const auto deadline = Clock::now() + kOpenBudget;
    std::error_code ec;
    if (mode == OpenMode::Player && !memory && !file.parent_path().empty())
        fs::create_directories(file.parent_path(), ec);
    const int flags = mode == OpenMode::Read     ? SQLITE_OPEN_READONLY
                      : mode == OpenMode::Player ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                                 : SQLITE_OPEN_READWRITE;
    for (int tryNumber = 0;; ++tryNumber) {
        if (!connect(file.c_str(), flags))
            return;
        std::string detail;
        FileState state = checkFile(db_, file, deadline, detail);
        if (state == FileState::Unreadable && !memory) {
            // Read-only file in a read-only folder (or a file system that cannot hold SQLite's
            // index): read it as it stands. It cannot be written, but the learner resumes.
            if (connect(immutableUri(file), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI))
                state = checkFile(db_, file, deadline, detail);
        }
        if (state == FileState::Busy) {
            // Kept open: reads and writes try again later; setUp() runs at the first write.
            fail(StoreProblem::Locked, detail);
            return;
        }
        if (state == FileState::Full) {
            fail(StoreProblem::Full, detail);
            return;
        }
        if (state == FileState::Unreadable) {
            fail(StoreProblem::CannotOpen, detail);
            closeConnection();
            return;
        }
        if (state == FileState::Damaged) {
            // Only the player moves a damaged file aside (once), and never deletes it; the
            // reports and maintenance commands say so and touch nothing.
            if (mode == OpenMode::Player && !memory && tryNumber == 0 && fs::exists(file, ec) &&
                moveAside(file))
                continue;
            if (problem_ == StoreProblem::None)
                fail(StoreProblem::Corrupt, detail);
            closeConnection();
            return;
        }
        break;
    }
    if (!checkIdentity()) {
        // Not ours, or from a newer player: read it at most, never alter it.
        if (mode != OpenMode::Read && !memory) {
            const StoreProblem p = problem_;
            const std::string d = detail_;
            connect(file.c_str(), SQLITE_OPEN_READONLY);
            fail(p, d);
        }
        return;
    }
    if (sqlite3_db_readonly(db_, "main") == 1) {
        if (mode == OpenMode::Read) {
            readForReport();
            return;
        }
        fail(StoreProblem::ReadOnly, "read-only");
        return;
    }
    setUp(deadline);
}

Store::~Store() {
    closeConnection();
}

bool Store::connect(const std::string& name, int flags) {
    closeConnection();
    const int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        fail(StoreProblem::CannotOpen, db_ ? sqlite3_errmsg(db_) : "open failed");
        closeConnection();
        return false;
    }
    sqlite3_busy_timeout(db_, kBusyMs);
    registerUuidFunctions(db_); // the schema's triggers call them
    return true;
}

void Store::closeConnection() {
    if (db_)
        sqlite3_close(db_);
    db_ = nullptr;
    ready_ = false;
}

bool Store::moveAside(const fs::path& file) {
    closeConnection();
    std::error_code ec;
    movedAside_ = file;
    movedAside_ += ".corrupt-" + sql::now();
    fs::rename(file, movedAside_, ec);
    if (ec) {
        fail(StoreProblem::Corrupt, ec.message());
        movedAside_.clear();
        return false;
    }
    // The write-ahead log goes with it (it may hold the last answers); the shared memory
    // index is rebuilt from the log by whoever opens the pair.
    std::error_code walEc;
    if (fs::exists(file.string() + "-wal", walEc))
        fs::rename(file.string() + "-wal", movedAside_.string() + "-wal", walEc);
    fs::remove(file.string() + "-shm", walEc);
    return true;
}

// Ours (our application id, or a new empty file) and not from a newer player. Reads only.
bool Store::checkIdentity() {
    Stmt app(db_, "PRAGMA application_id");
    Stmt version(db_, "PRAGMA user_version");
    Stmt tables(db_, "SELECT count(*) FROM sqlite_master");
    if (app.step() != SQLITE_ROW || version.step() != SQLITE_ROW || tables.step() != SQLITE_ROW) {
        checkWrite(sqlite3_errcode(db_));
        return false;
    }
    const bool empty = tables.integer(0) == 0 && version.integer(0) == 0;
    if (!empty && app.integer(0) != kApplicationId) {
        fail(StoreProblem::Foreign, "not a Cordée progress file");
        return false;
    }
    if (version.integer(0) > kSchemaVersion) {
        fail(StoreProblem::TooNew,
             fmt::format("schema {} is newer than {}", version.integer(0), kSchemaVersion));
        return false;
    }
    if (empty && mode_ != OpenMode::Player) {
        fail(StoreProblem::Foreign, "empty file: not a Cordée progress file");
        return false;
    }
    return true;
}

// Reports read a file of an older schema through a copy in memory, migrated there: the file
// itself is never written by a report.
void Store::readForReport() {
    // The statement is finalized before the connection closes: sqlite3_close refuses (and
    // leaks the connection) while one is open.
    if (const int v = schemaVersion(); v < 0 || v >= kSchemaVersion) {
        ready_ = true;
        return;
    }
    sqlite3* copy = nullptr;
    if (sqlite3_open(":memory:", &copy) == SQLITE_OK) {
        sqlite3_backup* b = sqlite3_backup_init(copy, "main", db_, "main");
        const int rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
        sqlite3_backup_finish(b);
        if (rc == SQLITE_DONE) {
            closeConnection();
            db_ = copy;
            registerUuidFunctions(db_);
            ready_ = migrate();
            return;
        }
    }
    sqlite3_close(copy);
    fail(StoreProblem::CannotOpen, "cannot read an older progress file");
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Setting up
// ---------------------------------------------------------------------------------------------
// WAL with synchronous=FULL: WAL+NORMAL may roll back recent commits on power loss. Players
// starting together on a new file contend for it briefly: set up again until the file is free
// or the deadline passes (SQLite's busy handler does not cover every such case, e.g. WAL
// recovery). Left undone, it is tried again before the next write.
bool Store::setUp(std::chrono::steady_clock::time_point deadline) {
    for (;;) {
        problem_ = StoreProblem::None;
        detail_.clear();
        ready_ = exec("PRAGMA journal_mode=WAL") && exec("PRAGMA synchronous=FULL") &&
                 exec("PRAGMA foreign_keys=ON") && migrate();
        if (ready_ || problem_ != StoreProblem::Locked || Clock::now() + kPause >= deadline)
            return ready_;
        std::this_thread::sleep_for(kPause);
    }
}

bool Store::writable() {
    if (!usable())
        return false;
    return ready_ || setUp(Clock::now());
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
        if (problem_ == StoreProblem::Locked)
            sqlite3_busy_timeout(db_, kBusyMs); // the lock is gone
        if (problem_ == StoreProblem::Full || problem_ == StoreProblem::Locked)
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
        sqlite3_busy_timeout(db_, kBusyWhileLockedMs);
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        fail(StoreProblem::Corrupt, sqlite3_errmsg(db_));
        break;
    case SQLITE_IOERR:
        // A write that cannot reach the disk: a full one is said as such (see diskFull()).
        fail(diskFull(path_) ? StoreProblem::Full : StoreProblem::CannotOpen, sqlite3_errmsg(db_));
        break;
    default:
        fail(StoreProblem::CannotOpen, sqlite3_errmsg(db_));
        break;
    }
    return false;
}

bool Store::usable() const {
    return db_ != nullptr && mode_ != OpenMode::Read && problem_ != StoreProblem::CannotOpen &&
           problem_ != StoreProblem::Foreign && problem_ != StoreProblem::TooNew &&
           problem_ != StoreProblem::ReadOnly && problem_ != StoreProblem::Corrupt;
}

void Store::limitPages(int pages) {
    exec(fmt::format("PRAGMA max_page_count = {}", pages).c_str());
}

int Store::schemaVersion() const {
    Stmt s(db_, "PRAGMA user_version");
    return s.step() == SQLITE_ROW ? static_cast<int>(s.integer(0)) : -1;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Migrations
// ---------------------------------------------------------------------------------------------
bool Store::migrate() {
    const int version = schemaVersion();
    if (version < 0) {
        checkWrite(sqlite3_errcode(db_));
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
    if (locked < 3)
        ok = ok && exec(kMigrationTo3);
    ok = ok && exec(fmt::format("PRAGMA application_id={}", kApplicationId).c_str()) &&
         exec(fmt::format("PRAGMA user_version={}", kSchemaVersion).c_str());
    if (!ok) {
        exec("ROLLBACK");
        return false;
    }
    return exec("COMMIT");
}

} // namespace cordee::progress
