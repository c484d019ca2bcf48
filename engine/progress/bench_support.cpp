#include "progress/bench_support.hpp"

#include "progress/uuid.hpp"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <sqlite3.h>
#include <vector>

namespace cordee::progress {

double bareCommitMedianMs(const std::filesystem::path& path, int runs) {
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK)
        return -1;
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                 "CREATE TABLE IF NOT EXISTS t(x INTEGER, y TEXT)",
                 nullptr, nullptr, nullptr);
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        auto start = std::chrono::steady_clock::now();
        sqlite3_exec(db, "BEGIN IMMEDIATE; INSERT INTO t VALUES (1, 'réponse'); COMMIT;", nullptr,
                     nullptr, nullptr);
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    sqlite3_close(db);
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

bool fillForBenchmark(const std::filesystem::path& path, int learners, int responsesPerLearner) {
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK)
        return false;
    registerUuidFunctions(db); // the schema's triggers log each event, as in real use
    // Bulk insert in one transaction: this is set-up, not what is measured.
    sqlite3_exec(db, "PRAGMA foreign_keys=ON; BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt *learner, *enrol, *visit, *attempt, *response;
    sqlite3_prepare_v2(db,
                       "INSERT INTO learner(name, display_name, account, created) VALUES (?1, ?1, "
                       "?1, '2026-01-01T00:00:00Z')",
                       -1, &learner, nullptr);
    sqlite3_prepare_v2(
        db,
        "INSERT INTO enrolment(learner, course, course_version, status, first_access, last_access) "
        "VALUES (?1, ?2, 1, 'in-progress', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')",
        -1, &enrol, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO page_visit(learner, course, page, first_seen, last_seen) "
                       "VALUES (?1, ?2, ?3, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                       -1, &visit, nullptr);
    sqlite3_prepare_v2(
        db,
        "INSERT INTO quiz_attempt(learner, course, course_version, quiz, number, seed, questions, "
        "presentation, started, finished, score, max_score, passed) VALUES (?1, ?2, 1, 'qz', 1, 1, "
        "'', '', '2026-01-01T00:00:00Z', '2026-01-01T00:10:00Z', 5, 10, 0)",
        -1, &attempt, nullptr);
    sqlite3_prepare_v2(
        db,
        "INSERT INTO response(attempt, position, question, response, verdict, points, max_points, "
        "answered) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, '2026-01-01T00:00:00Z')",
        -1, &response, nullptr);
    const char* courses[] = {"coproduction", "gouvernance", "droit-partenariat", "demo"};
    for (int l = 0; l < learners; ++l) {
        const std::string name = fmt::format("apprenant-{:05d}", l);
        sqlite3_bind_text(learner, 1, name.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_step(learner);
        sqlite3_reset(learner);
        const sqlite3_int64 id = sqlite3_last_insert_rowid(db);
        for (const char* course : courses) {
            sqlite3_bind_int64(enrol, 1, id);
            sqlite3_bind_text(enrol, 2, course, -1, SQLITE_STATIC);
            sqlite3_step(enrol);
            sqlite3_reset(enrol);
            for (int p = 0; p < 5; ++p) {
                const std::string page = fmt::format("p{}", p);
                sqlite3_bind_int64(visit, 1, id);
                sqlite3_bind_text(visit, 2, course, -1, SQLITE_STATIC);
                sqlite3_bind_text(visit, 3, page.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_step(visit);
                sqlite3_reset(visit);
            }
        }
        sqlite3_bind_int64(attempt, 1, id);
        sqlite3_bind_text(attempt, 2, courses[l % 4], -1, SQLITE_STATIC);
        sqlite3_step(attempt);
        sqlite3_reset(attempt);
        const sqlite3_int64 a = sqlite3_last_insert_rowid(db);
        for (int r = 0; r < responsesPerLearner; ++r) {
            const std::string question = fmt::format("q{}", r % 40);
            const std::string answer = std::to_string((l + r) % 4);
            const bool right = (l + r) % 3 == 0;
            sqlite3_bind_int64(response, 1, a);
            sqlite3_bind_int(response, 2, r);
            sqlite3_bind_text(response, 3, question.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(response, 4, answer.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(response, 5, right ? "correct" : "wrong", -1, SQLITE_STATIC);
            sqlite3_bind_double(response, 6, right ? 1.0 : 0.0);
            sqlite3_step(response);
            sqlite3_reset(response);
        }
    }
    for (sqlite3_stmt* s : {learner, enrol, visit, attempt, response})
        sqlite3_finalize(s);
    const bool ok = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

} // namespace cordee::progress
