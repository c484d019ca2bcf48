#include "lrs/lrs_sync.hpp"

#include "progress/xapi_outbox.hpp"

#include <ctime>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

namespace cordee::lrs {

namespace {

using progress::XapiEvent;

std::string nowUtc() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
}

constexpr auto kReplaceBadUtf8 = nlohmann::json::error_handler_t::replace;

bool transient(const HttpResponse& r) {
    return r.status == 0 || r.status == 429 || r.status >= 500;
}

// What the LRS said, in a line: its "message", its "warnings", or the start of its text.
std::string lrsWords(const HttpResponse& r) {
    if (r.status == 0)
        return r.error;
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    std::string words;
    if (j.is_object()) {
        if (j.contains("message") && j["message"].is_string())
            words = j["message"].get<std::string>();
        if (j.contains("warnings") && j["warnings"].is_array())
            for (const auto& w : j["warnings"])
                if (w.is_string())
                    words += (words.empty() ? "" : "; ") + w.get<std::string>();
    }
    if (words.empty())
        words = r.body.substr(0, 300);
    return fmt::format("HTTP {}: {}", r.status, words);
}

class Sender {
public:
    Sender(progress::Store& store, Transport& http, const SyncSettings& s, SyncReport& report)
        : store_(store)
        , http_(http)
        , s_(s)
        , report_(report)
        , url_(statementsUrl(s.url))
        , random_(std::random_device{}()) {}

    // Sends these statements; false when the sync must stop (report_ says why).
    bool send(const std::vector<XapiEvent>& events, size_t from, size_t to) {
        nlohmann::json body = nlohmann::json::array();
        for (size_t i = from; i < to; ++i)
            body.push_back(progress::statement(events[i], s_.iris));
        HttpResponse r = postWithRetries(body.dump(-1, ' ', false, kReplaceBadUtf8));
        if (r.status >= 200 && r.status < 300) {
            std::vector<std::string> ids;
            for (size_t i = from; i < to; ++i)
                ids.push_back(events[i].id);
            if (!progress::markSent(store_, ids))
                return stop(SyncOutcome::Failed,
                            "the progress file cannot record the LRS's acknowledgement");
            report_.sent += static_cast<int64_t>(ids.size());
            return true;
        }
        if (r.status == 401 || r.status == 403)
            return stop(SyncOutcome::Unauthorized,
                        fmt::format("the LRS refused the key and secret ({})", lrsWords(r)));
        if (r.status == 400 || r.status == 409) {
            if (to - from == 1) {
                const std::string why =
                    (r.status == 409 ? "conflict: " : "refused: ") + lrsWords(r);
                if (!progress::markRefused(store_, events[from].id, why))
                    return stop(SyncOutcome::Failed, "the progress file cannot record a refusal");
                ++report_.refused;
                report_.message = fmt::format("statement {} {}", events[from].id, why);
                return true;
            }
            const size_t half = from + (to - from) / 2;
            return send(events, from, half) && send(events, half, to);
        }
        if (transient(r))
            return stop(SyncOutcome::Unreachable,
                        fmt::format("the LRS did not answer after {} tries ({})", s_.retries + 1,
                                    lrsWords(r)));
        return stop(SyncOutcome::Failed, fmt::format("unexpected answer from the LRS ({}); is {} "
                                                     "its statements endpoint?",
                                                     lrsWords(r), url_));
    }

    bool stopRequested() const { return s_.stopRequested && s_.stopRequested(); }

private:
    HttpResponse postWithRetries(const std::string& body) {
        auto pause = s_.backoff;
        HttpResponse r;
        for (int attempt = 0;; ++attempt) {
            r = http_.post(url_, body);
            if (!transient(r) || attempt >= s_.retries || stopRequested())
                return r;
            // Full jitter: many devices coming back online at once do not retry in step.
            std::uniform_int_distribution<long long> d(pause.count() / 2, pause.count());
            const auto wait = std::chrono::milliseconds(d(random_));
            for (auto slept = std::chrono::milliseconds(0); slept < wait && !stopRequested();
                 slept += std::chrono::milliseconds(50))
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            pause = std::min(pause * 2, s_.maxBackoff);
        }
    }

    bool stop(SyncOutcome outcome, std::string message) {
        report_.outcome = outcome;
        report_.message = std::move(message);
        return false;
    }

    progress::Store& store_;
    Transport& http_;
    const SyncSettings& s_;
    SyncReport& report_;
    std::string url_;
    std::mt19937_64 random_;
};

} // namespace

std::string statementsUrl(const std::string& url) {
    std::string u = url;
    while (!u.empty() && u.back() == '/')
        u.pop_back();
    const std::string tail = "/statements";
    if (u.size() >= tail.size() && u.compare(u.size() - tail.size(), tail.size(), tail) == 0)
        return u;
    return u + tail;
}

SyncReport sync(progress::Store& store, Transport& http, const SyncSettings& settings,
                const SyncProgress& progress) {
    SyncReport report;
    Sender sender(store, http, settings, report);
    const int64_t total = progress::outboxCounts(store).waiting;
    int64_t after = 0;
    for (;;) {
        if (sender.stopRequested()) {
            report.outcome = SyncOutcome::Stopped;
            report.message = "stopped before the end";
            break;
        }
        const std::vector<XapiEvent> batch = progress::unsentEvents(store, after, settings.batch);
        if (batch.empty())
            break;
        if (!sender.send(batch, 0, batch.size()))
            break;
        after = batch.back().seq;
        if (progress)
            progress(report.sent, total);
    }
    report.waiting = progress::outboxCounts(store).waiting;
    const std::string when = nowUtc();
    if (report.outcome == SyncOutcome::Done)
        progress::setLrsState(store, "last_success", when);
    else
        progress::setLrsState(store, "last_error", when + " " + report.message);
    return report;
}

} // namespace cordee::lrs
