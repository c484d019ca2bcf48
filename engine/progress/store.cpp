#include "progress/store.hpp"

#include "core/typed_text.hpp"
#include "progress/sql_statement.hpp"

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

using sql::now;
using sql::Stmt;

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

} // namespace

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

std::optional<Learner> Store::ensureLearner(const std::string& typed) {
    if (!readable())
        return std::nullopt;
    // A name typed in the profiles panel or given on the command line, cleaned at the door.
    const std::string name = core::cleanTypedText(typed, core::kMaxNameBytes, false);
    if (name.empty())
        return std::nullopt;
    // A learner already in a read-only file is found: they resume where they were.
    if (auto l = findLearner(name))
        return l;
    if (!writable())
        return std::nullopt;
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
    if (!l || !writable())
        return false;
    if (!exec("BEGIN IMMEDIATE"))
        return false;
    bool ok = true;
    // What a Learning Record Store was already sent must be voided there (the erasure reaches
    // it at the next sync); what it was not sent simply goes.
    for (const char* sql :
         {"INSERT INTO xapi_event(id, kind, object, timestamp) SELECT "
          "cordee_uuid5('voided|' || id), 'voided', id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
          "FROM xapi_event WHERE learner = ? AND sent IS NOT NULL ORDER BY seq",
          "DELETE FROM xapi_event WHERE learner = ?",
          "DELETE FROM response WHERE attempt IN (SELECT id FROM quiz_attempt WHERE learner = ?)",
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
    int begun = SQLITE_ERROR; // how BEGIN went: a lock or a full disk is classified from it
    bool open = false;
    explicit Transaction(sqlite3* d)
        : db(d) {
        begun = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        open = begun == SQLITE_OK;
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
    if (!writable())
        return false;
    Transaction tx(db_);
    if (!checkWrite(tx.begun))
        return false;
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
    if (!writable())
        return false;
    Transaction tx(db_);
    if (!checkWrite(tx.begun) || !checkWrite(enrol(db_, learner, course, version)))
        return false;
    Stmt s(db_, "UPDATE enrolment SET bookmark = ? WHERE learner = ? AND course = ?");
    s.bind(1, step).bind(2, learner).bind(3, course);
    return checkWrite(s.step()) && checkWrite(tx.commit());
}

bool Store::setCourseState(int64_t learner, const std::string& course, int version,
                           const std::string& status, const std::string& success,
                           std::optional<double> score) {
    if (!writable())
        return false;
    Transaction tx(db_);
    if (!checkWrite(tx.begun) || !checkWrite(enrol(db_, learner, course, version)))
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
    if (!writable())
        return std::nullopt;
    Transaction tx(db_);
    if (!checkWrite(tx.begun) || !checkWrite(enrol(db_, learner, course, version)))
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
    if (!writable() || position >= a.questions.size() || !a.responses[position])
        return false;
    const course::Question& q = quiz.questions[static_cast<size_t>(a.questions[position].question)];
    const quiz::QuestionResult& r = a.results[position];
    Transaction tx(db_);
    if (!checkWrite(tx.begun))
        return false;
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
    if (!writable())
        return false;
    Transaction tx(db_);
    if (!checkWrite(tx.begun))
        return false;
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
    if (!writable())
        return false;
    Transaction tx(db_);
    if (!checkWrite(tx.begun) || !checkWrite(enrol(db_, learner, course, 0)))
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
    if (!writable())
        return false;
    Transaction tx(db_);
    if (!checkWrite(tx.begun) || !checkWrite(enrol(db_, learner, course, 0)))
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
    if (!writable())
        return std::nullopt;
    std::string path;
    for (const player::PathStep& step : state.path())
        path += (path.empty() ? "" : ",") + step.scene + ":" + std::to_string(step.option);
    const bool ended = state.phase() == player::ScenarioRun::Phase::Ending && state.ending();
    Transaction tx(db_);
    if (!checkWrite(tx.begun) || !checkWrite(enrol(db_, learner, course, 0)))
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
