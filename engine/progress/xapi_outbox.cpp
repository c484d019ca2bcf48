#include "progress/xapi_outbox.hpp"

#include "progress/sql_statement.hpp"
#include "progress/store.hpp"

#include <functional>

namespace cordee::progress {

namespace {

using sql::Stmt;

constexpr const char* kEventColumns =
    "SELECT x.seq, x.id, x.kind, coalesce(l.display_name, ''), coalesce(l.account, ''), "
    "x.course, x.course_version, x.object, x.timestamp, coalesce(x.registration, ''), x.raw, "
    "x.max, x.success, x.duration_ms, coalesce(x.response, '') "
    "FROM xapi_event x LEFT JOIN learner l ON l.id = x.learner ";

std::vector<XapiEvent> readEvents(Store& store, const std::string& where, int64_t after,
                                  size_t limit) {
    std::vector<XapiEvent> out;
    Stmt q(store.handle(), std::string(kEventColumns) + where + " ORDER BY x.seq LIMIT ?");
    q.bind(1, after).bind(2, static_cast<int64_t>(limit));
    while (q.step() == SQLITE_ROW) {
        XapiEvent e;
        e.seq = q.integer(0);
        e.id = q.text(1);
        e.kind = q.text(2);
        e.learnerName = q.text(3);
        e.account = q.text(4);
        e.course = q.text(5);
        e.courseVersion = static_cast<int>(q.integer(6));
        e.object = q.text(7);
        e.timestamp = q.text(8);
        e.registration = q.text(9);
        e.hasScore = !q.isNull(10) && !q.isNull(11);
        e.raw = q.real(10);
        e.max = q.real(11);
        e.hasSuccess = !q.isNull(12);
        e.success = q.integer(12) != 0;
        e.durationMs = q.isNull(13) ? -1 : q.integer(13);
        e.response = q.text(14);
        out.push_back(std::move(e));
    }
    return out;
}

bool inTransaction(Store& store, const std::function<bool()>& body) {
    sqlite3* db = store.handle();
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
        return false;
    if (!body() || sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return false;
    }
    return true;
}

} // namespace

std::vector<XapiEvent> loggedEvents(Store& store, int64_t after, size_t limit) {
    return readEvents(store, "WHERE x.seq > ?", after, limit);
}

std::vector<XapiEvent> unsentEvents(Store& store, int64_t after, size_t limit) {
    return readEvents(store, "WHERE x.seq > ? AND x.sent IS NULL AND x.problem IS NULL", after,
                      limit);
}

OutboxCounts outboxCounts(Store& store) {
    Stmt q(store.handle(), "SELECT count(*) FILTER (WHERE sent IS NULL AND problem IS NULL), "
                           "count(sent), count(problem) FROM xapi_event");
    OutboxCounts c;
    if (q.step() == SQLITE_ROW)
        c = {q.integer(0), q.integer(1), q.integer(2)};
    return c;
}

bool markSent(Store& store, const std::vector<std::string>& ids) {
    return inTransaction(store, [&] {
        Stmt s(store.handle(), "UPDATE xapi_event SET sent = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                               "WHERE id = ? AND sent IS NULL");
        for (const std::string& id : ids) {
            s.reset();
            s.bind(1, id);
            if (s.step() != SQLITE_DONE)
                return false;
        }
        return true;
    });
}

bool markRefused(Store& store, const std::string& id, const std::string& why) {
    return inTransaction(store, [&] {
        Stmt s(store.handle(), "UPDATE xapi_event SET problem = ? WHERE id = ?");
        s.bind(1, why).bind(2, id);
        return s.step() == SQLITE_DONE;
    });
}

std::vector<std::pair<std::string, std::string>> refusedEvents(Store& store, size_t limit) {
    std::vector<std::pair<std::string, std::string>> out;
    Stmt q(store.handle(),
           "SELECT id, problem FROM xapi_event WHERE problem IS NOT NULL ORDER BY seq LIMIT ?");
    q.bind(1, static_cast<int64_t>(limit));
    while (q.step() == SQLITE_ROW)
        out.emplace_back(q.text(0), q.text(1));
    return out;
}

std::optional<std::string> lrsState(Store& store, const std::string& key) {
    Stmt q(store.handle(), "SELECT value FROM lrs_state WHERE key = ?");
    q.bind(1, key);
    if (q.step() == SQLITE_ROW)
        return q.text(0);
    return std::nullopt;
}

bool setLrsState(Store& store, const std::string& key, const std::string& value) {
    return inTransaction(store, [&] {
        Stmt s(store.handle(), "INSERT INTO lrs_state(key, value) VALUES (?, ?) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        s.bind(1, key).bind(2, value);
        return s.step() == SQLITE_DONE;
    });
}

} // namespace cordee::progress
