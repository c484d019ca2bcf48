#include "progress/reports.hpp"

#include "progress/store.hpp"

#include <sqlite3.h>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace cordee::progress {

namespace {

struct Query {
    sqlite3_stmt* s = nullptr;
    Query(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &s, nullptr); }
    ~Query() { sqlite3_finalize(s); }
    bool next() { return s && sqlite3_step(s) == SQLITE_ROW; }
    std::string text(int c) const {
        const unsigned char* t = sqlite3_column_text(s, c);
        return t ? reinterpret_cast<const char*>(t) : "";
    }
    double real(int c) const { return sqlite3_column_double(s, c); }
    int64_t integer(int c) const { return sqlite3_column_int64(s, c); }
    bool isNull(int c) const { return sqlite3_column_type(s, c) == SQLITE_NULL; }
    void bind(int i, const std::string& v) {
        sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    }
    Row row() const {
        Row r;
        for (int c = 0; c < sqlite3_column_count(s); ++c)
            r.push_back({sqlite3_column_name(s, c), text(c)});
        return r;
    }
};

} // namespace

std::vector<ProgressRow> progressRows(Store& store) {
    std::vector<ProgressRow> out;
    Query q(store.handle(),
            "SELECT l.display_name, e.course, e.status, e.success, e.score, e.time_ms, "
            "e.last_access FROM enrolment e JOIN learner l ON l.id = e.learner "
            "ORDER BY l.display_name, e.course");
    while (q.next())
        out.push_back({q.text(0), q.text(1), q.text(2), q.text(3),
                       q.isNull(4) ? -1 : q.real(4) * 100, q.integer(5), q.text(6)});
    return out;
}

std::vector<QuestionStat> questionStats(Store& store) {
    // One scan, aggregated here: SQLite's GROUP BY over a million rows sorts them all, a hash
    // of a few hundred questions does not.
    struct Acc {
        int64_t answers = 0, correct = 0;
        double points = 0;
        std::unordered_map<std::string, int64_t> wrong;
    };
    std::map<std::tuple<std::string, std::string, std::string>, Acc> acc;
    Query q(store.handle(), "SELECT a.course, a.quiz, r.question, r.verdict, r.points, r.response "
                            "FROM response r JOIN quiz_attempt a ON a.id = r.attempt");
    std::string lastCourse, lastQuiz, lastQuestion;
    Acc* current = nullptr;
    while (q.next()) {
        const char* course = reinterpret_cast<const char*>(sqlite3_column_text(q.s, 0));
        const char* quizId = reinterpret_cast<const char*>(sqlite3_column_text(q.s, 1));
        const char* question = reinterpret_cast<const char*>(sqlite3_column_text(q.s, 2));
        if (!current || lastQuestion != question || lastQuiz != quizId || lastCourse != course) {
            lastCourse = course;
            lastQuiz = quizId;
            lastQuestion = question;
            current = &acc[{lastCourse, lastQuiz, lastQuestion}];
        }
        ++current->answers;
        current->points += q.real(4);
        const char* verdict = reinterpret_cast<const char*>(sqlite3_column_text(q.s, 3));
        if (std::string_view(verdict) == "correct")
            ++current->correct;
        else
            ++current->wrong[q.text(5)];
    }
    std::vector<QuestionStat> out;
    for (const auto& [key, a] : acc) {
        QuestionStat stat{std::get<0>(key),
                          std::get<1>(key),
                          std::get<2>(key),
                          a.answers,
                          100.0 * static_cast<double>(a.correct) / static_cast<double>(a.answers),
                          a.points / static_cast<double>(a.answers),
                          ""};
        int64_t best = 0;
        for (const auto& [response, n] : a.wrong)
            if (n > best || (n == best && response < stat.mostChosenWrong)) {
                best = n;
                stat.mostChosenWrong = response;
            }
        out.push_back(std::move(stat));
    }
    return out;
}

std::vector<AttemptRow> attemptRows(Store& store, const std::string& learner) {
    std::vector<AttemptRow> out;
    Query q(store.handle(),
            "SELECT a.course, a.quiz, a.number, a.started, a.finished, a.score, "
            "a.max_score, a.passed FROM quiz_attempt a JOIN learner l ON l.id = a.learner "
            "WHERE l.name = ? ORDER BY a.started, a.id");
    q.bind(1, learner);
    while (q.next())
        out.push_back({q.text(0), q.text(1), static_cast<int>(q.integer(2)), q.text(3), q.text(4),
                       q.real(5), q.real(6), q.integer(7) == 1});
    return out;
}

std::map<std::string, std::vector<Row>> learnerData(Store& store, const std::string& learner) {
    std::map<std::string, std::vector<Row>> out;
    const std::pair<const char*, const char*> tables[] = {
        {"learner", "SELECT * FROM learner WHERE name = ?"},
        {"enrolment",
         "SELECT e.* FROM enrolment e JOIN learner l ON l.id = e.learner WHERE l.name = ?"},
        {"page_visit",
         "SELECT p.* FROM page_visit p JOIN learner l ON l.id = p.learner WHERE l.name = ?"},
        {"quiz_attempt",
         "SELECT a.* FROM quiz_attempt a JOIN learner l ON l.id = a.learner WHERE l.name = ?"},
        {"response", "SELECT r.* FROM response r JOIN quiz_attempt a ON a.id = r.attempt "
                     "JOIN learner l ON l.id = a.learner WHERE l.name = ?"},
        {"check_answer",
         "SELECT c.* FROM check_answer c JOIN learner l ON l.id = c.learner WHERE l.name = ?"},
        {"reflection",
         "SELECT r.* FROM reflection r JOIN learner l ON l.id = r.learner WHERE l.name = ?"},
        {"scenario_run",
         "SELECT s.* FROM scenario_run s JOIN learner l ON l.id = s.learner WHERE l.name = ?"},
        {"xapi_event",
         "SELECT x.* FROM xapi_event x JOIN learner l ON l.id = x.learner WHERE l.name = ?"},
    };
    for (const auto& [table, sql] : tables) {
        Query q(store.handle(), sql);
        q.bind(1, learner);
        auto& rows = out[table];
        while (q.next())
            rows.push_back(q.row());
    }
    return out;
}

} // namespace cordee::progress
