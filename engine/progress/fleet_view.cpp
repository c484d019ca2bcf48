#include "progress/fleet_view.hpp"

#include "progress/sql_statement.hpp"

#include <cstdlib>

namespace cordee::progress {

namespace {

using sql::Stmt;

std::string str(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// Our durations ("PT12.345S") and the plain ISO 8601 forms other tools send (PT1H2M3S).
int64_t durationMs(const std::string& d) {
    if (d.rfind("PT", 0) != 0)
        return 0;
    double total = 0, number = 0;
    const char* p = d.c_str() + 2;
    while (*p) {
        char* end = nullptr;
        number = std::strtod(p, &end);
        if (end == p || !*end)
            break;
        total += number * (*end == 'H' ? 3600 : *end == 'M' ? 60 : *end == 'S' ? 1 : 0);
        p = end + 1;
    }
    return static_cast<int64_t>(total * 1000 + 0.5);
}

} // namespace

FleetView::FleetView(XapiIris iris)
    : iris_(std::move(iris)) {}

void FleetView::add(const nlohmann::json& s) {
    if (!s.is_object() || !s.contains("actor") || !s.contains("verb") || !s.contains("object")) {
        ++skipped_;
        return;
    }
    const std::string verb = str(s["verb"], "id");
    const std::string kind = verb.substr(verb.rfind('/') + 1);
    const std::string prefix = iris_.base + "/courses/";
    const std::string object = str(s["object"], "id");
    const nlohmann::json& actor = s["actor"];
    const std::string account =
        actor.contains("account") ? str(actor["account"], "name") : std::string();
    if (verb.rfind("http://adlnet.gov/expapi/verbs/", 0) != 0 || object.rfind(prefix, 0) != 0 ||
        account.empty()) {
        ++skipped_;
        return;
    }
    // courses/<course>[/pages/<page> | /quizzes/<quiz>[/questions/<question>]]
    const std::string path = object.substr(prefix.size());
    const std::string course = path.substr(0, path.find('/'));
    const std::string timestamp = str(s, "timestamp");
    const nlohmann::json result = s.value("result", nlohmann::json::object());
    names_[account] = str(actor, "name");
    CourseState& state = states_[{account, course}];
    state.last = std::max(state.last, timestamp);
    ++used_;
    if (kind == "experienced") {
        state.timeMs += durationMs(str(result, "duration"));
    } else if (kind == "progressed") {
        const nlohmann::json context = s.value("context", nlohmann::json::object());
        const nlohmann::json ext = context.value("extensions", nlohmann::json::object());
        const int64_t seq = ext.value(sequenceExtension(iris_), int64_t{-1});
        if (seq < state.stateSeq)
            return;
        state.stateSeq = seq;
        const nlohmann::json rext = result.value("extensions", nlohmann::json::object());
        state.status = rext.value(statusExtension(iris_), state.status);
        state.success = !result.contains("success")     ? "unknown"
                        : result["success"].get<bool>() ? "passed"
                                                        : "failed";
        if (result.contains("score") && result["score"].contains("scaled"))
            state.score = result["score"]["scaled"].get<double>();
        else
            state.score.reset();
    } else if (kind == "answered") {
        const auto quizAt = path.find("/quizzes/");
        const auto questionAt = path.find("/questions/");
        if (quizAt == std::string::npos || questionAt == std::string::npos)
            return;
        Answer a;
        a.course = course;
        a.quiz = path.substr(quizAt + 9, questionAt - quizAt - 9);
        a.question = path.substr(questionAt + 11);
        a.verdict = result.value("success", false) ? "correct" : "wrong";
        a.response = str(result, "response");
        a.timestamp = timestamp;
        if (result.contains("score")) {
            a.points = result["score"].value("raw", 0.0);
            a.max = result["score"].value("max", 0.0);
        }
        const nlohmann::json context = s.value("context", nlohmann::json::object());
        Answer& kept = answers_[{account, str(context, "registration"), a.question}];
        if (kept.timestamp <= a.timestamp)
            kept = a;
    }
}

std::unique_ptr<Store> FleetView::build() const {
    auto store = std::make_unique<Store>(":memory:");
    sqlite3* db = store->handle();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    std::map<std::string, int64_t> ids;
    {
        Stmt s(db,
               "INSERT INTO learner(name, display_name, account, created) VALUES (?, ?, ?, '')");
        for (const auto& [account, name] : names_) {
            s.reset();
            s.bind(1, account).bind(2, name.empty() ? account : name).bind(3, account);
            s.step();
            ids[account] = sqlite3_last_insert_rowid(db);
        }
    }
    {
        Stmt s(db, "INSERT INTO enrolment(learner, course, course_version, status, success, score, "
                   "time_ms, first_access, last_access) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)");
        for (const auto& [key, st] : states_) {
            s.reset();
            s.bind(1, ids[key.first]).bind(2, key.second).bind(3, st.status).bind(4, st.success);
            st.score ? s.bind(5, *st.score) : s.bindNull(5);
            s.bind(6, st.timeMs).bind(7, st.last).bind(8, st.last);
            s.step();
        }
    }
    // One attempt row per registration, its responses under it.
    std::map<std::pair<std::string, std::string>, int64_t> attempts;
    Stmt attempt(db, "INSERT INTO quiz_attempt(learner, course, course_version, quiz, number, "
                     "seed, questions, presentation, started, registration) "
                     "VALUES (?, ?, 0, ?, 1, 0, '', '', ?, ?)");
    Stmt response(db, "INSERT INTO response(attempt, position, question, response, verdict, "
                      "points, max_points, answered) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    std::map<int64_t, int64_t> positions;
    for (const auto& [key, a] : answers_) {
        const auto& [account, registration, question] = key;
        auto [it, added] = attempts.try_emplace({account, registration}, 0);
        if (added) {
            attempt.reset();
            attempt.bind(1, ids[account])
                .bind(2, a.course)
                .bind(3, a.quiz)
                .bind(4, a.timestamp)
                .bind(5, registration);
            attempt.step();
            it->second = sqlite3_last_insert_rowid(db);
        }
        response.reset();
        response.bind(1, it->second)
            .bind(2, positions[it->second]++)
            .bind(3, question)
            .bind(4, a.response)
            .bind(5, a.verdict)
            .bind(6, a.points)
            .bind(7, a.max)
            .bind(8, a.timestamp);
        response.step();
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    return store;
}

} // namespace cordee::progress
