// What the progress room's files share about SQLite: a prepared statement that finalizes
// itself, the one timestamp format, and how a result code is read. Internal to
// engine/progress (the only room that includes sqlite3.h).
// Workload: one statement per query; nothing here allocates beyond SQLite itself.
// Fails as SQLite does: a statement that could not be prepared steps to SQLITE_ERROR.
#pragma once

#include <chrono>
#include <cstdint>
#include <ctime>
#include <sqlite3.h>
#include <string>

namespace cordee::progress::sql {

// A prepared statement that finalizes itself.
class Stmt {
public:
    Stmt(sqlite3* db, const char* sql) {
        if (db)
            sqlite3_prepare_v2(db, sql, -1, &s_, nullptr);
    }
    Stmt(sqlite3* db, const std::string& sql)
        : Stmt(db, sql.c_str()) {}
    ~Stmt() { sqlite3_finalize(s_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    // For the next row of a batch: same statement, new values.
    void reset() {
        sqlite3_reset(s_);
        sqlite3_clear_bindings(s_);
    }
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

inline std::string now() {
    auto t = std::chrono::system_clock::now();
    std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

inline bool isBusy(int rc) {
    return (rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED;
}

} // namespace cordee::progress::sql
