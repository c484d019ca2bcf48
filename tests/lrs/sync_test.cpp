// The sync's handling of faults a real LRS cannot be made to produce (500s, no answer, a
// connection dropped after the LRS stored a batch), and of refusals, against a fake LRS
// that stores statements by id as the xAPI spec says. The real LRS is in
// tests/tools/lrs_test.py.
#include "lrs/lrs_sync.hpp"
#include "progress/store.hpp"
#include "progress/xapi_outbox.hpp"

#include <catch2/catch.hpp>
#include <deque>
#include <map>

using namespace cordee;

namespace {

struct FakeLrs : lrs::Transport {
    std::map<std::string, std::string> stored; // id -> statement as received
    std::deque<lrs::HttpResponse> faults;      // answered before storing, one per request
    bool dropAfterStoring = false;             // next request: stores, then "connection lost"
    std::string refuseId;                      // a statement it finds invalid (400)
    int requests = 0;

    lrs::HttpResponse post(const std::string& url, const std::string& body) override {
        ++requests;
        CHECK(url == "http://lrs.test/xAPI/statements");
        if (!faults.empty()) {
            lrs::HttpResponse r = faults.front();
            faults.pop_front();
            return r;
        }
        const auto batch = nlohmann::json::parse(body);
        for (const auto& s : batch) {
            const std::string id = s["id"];
            if (id == refuseId)
                return {400, R"({"warnings":["Problem in 'statements.0.id'"]})", ""};
            auto it = stored.find(id);
            if (it != stored.end() && it->second != s.dump())
                return {409, R"({"message":")" + id + R"( is conflicting"})", ""};
        }
        for (const auto& s : batch)
            stored.emplace(s["id"], s.dump());
        if (dropAfterStoring) {
            dropAfterStoring = false;
            return {0, "", "Connection reset by peer"};
        }
        return {200, "[]", ""};
    }
    lrs::HttpResponse get(const std::string&) override { return {404, "", ""}; }
};

// A file with `n` statements waiting (one learner's launched + n-1 page visits).
void record(progress::Store& store, int n) {
    auto l = store.ensureLearner("Camille");
    for (int i = 0; i < n - 1; ++i)
        REQUIRE(store.recordVisit(l->id, "demo", 1, "p" + std::to_string(i), 1));
}

lrs::SyncSettings settings(size_t batch = 4) {
    lrs::SyncSettings s;
    s.url = "http://lrs.test/xAPI/";
    s.batch = batch;
    s.retries = 3;
    s.backoff = std::chrono::milliseconds(1);
    return s;
}

} // namespace

TEST_CASE("a sync sends every statement once, in batches, and a second sync sends nothing",
          "[lrs][sync]") {
    progress::Store store(":memory:");
    record(store, 10);
    FakeLrs lrs;
    int64_t lastProgress = 0;
    auto r = lrs::sync(store, lrs, settings(), [&](int64_t sent, int64_t total) {
        CHECK(total == 10);
        lastProgress = sent;
    });
    CHECK(r.outcome == lrs::SyncOutcome::Done);
    CHECK(r.sent == 10);
    CHECK(lastProgress == 10);
    CHECK(lrs.requests == 3);
    CHECK(lrs.stored.size() == 10);
    CHECK(progress::lrsState(store, "last_success"));
    r = lrs::sync(store, lrs, settings());
    CHECK(r.sent == 0);
    CHECK(lrs.requests == 3);
}

TEST_CASE("500s and silences are retried; a connection lost after the LRS stored a batch "
          "sends it again without duplicates",
          "[lrs][sync][failure]") {
    progress::Store store(":memory:");
    record(store, 6);
    FakeLrs lrs;
    lrs.faults = {{500, "oops", ""}, {0, "", "Timeout was reached"}, {503, "", ""}};
    lrs.dropAfterStoring = true;
    auto patient = settings();
    patient.retries = 5; // three faults, then the dropped connection, then the answer
    auto r = lrs::sync(store, lrs, patient);
    CHECK(r.outcome == lrs::SyncOutcome::Done);
    CHECK(r.sent == 6);
    CHECK(lrs.stored.size() == 6);
    CHECK(progress::outboxCounts(store).waiting == 0);
}

TEST_CASE("an LRS that never answers: the sync gives up, says so, and the queue waits",
          "[lrs][sync][failure]") {
    progress::Store store(":memory:");
    record(store, 3);
    FakeLrs lrs;
    for (int i = 0; i < 10; ++i)
        lrs.faults.push_back({0, "", "Couldn't connect to server"});
    auto r = lrs::sync(store, lrs, settings());
    CHECK(r.outcome == lrs::SyncOutcome::Unreachable);
    CHECK(r.message.find("Couldn't connect") != std::string::npos);
    CHECK(lrs.requests == 4); // the first try and three retries
    CHECK(r.waiting == 3);
    CHECK(progress::lrsState(store, "last_error")->find("Couldn't connect") != std::string::npos);
}

TEST_CASE("a wrong key stops the sync at once", "[lrs][sync][failure]") {
    progress::Store store(":memory:");
    record(store, 3);
    FakeLrs lrs;
    lrs.faults = {{401, R"({"message":"Unauthorised"})", ""}};
    auto r = lrs::sync(store, lrs, settings());
    CHECK(r.outcome == lrs::SyncOutcome::Unauthorized);
    CHECK(lrs.requests == 1);
    CHECK(r.message.find("Unauthorised") != std::string::npos);
    CHECK(r.waiting == 3);
}

TEST_CASE("GIVEN one statement the LRS refuses in a batch WHEN syncing THEN it is found, kept "
          "with the LRS's words, and the others go",
          "[lrs][sync][failure]") {
    progress::Store store(":memory:");
    record(store, 8);
    FakeLrs lrs;
    lrs.refuseId = progress::unsentEvents(store, 0, 100).at(5).id;
    auto r = lrs::sync(store, lrs, settings(8));
    CHECK(r.outcome == lrs::SyncOutcome::Done);
    CHECK(r.sent == 7);
    CHECK(r.refused == 1);
    CHECK(lrs.stored.size() == 7);
    const auto refused = progress::refusedEvents(store, 10);
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].first == lrs.refuseId);
    CHECK(refused[0].second.find("statements.0.id") != std::string::npos);
}

TEST_CASE("a statement the LRS holds with other content is a conflict, never overwritten",
          "[lrs][sync][failure]") {
    progress::Store store(":memory:");
    record(store, 3);
    FakeLrs lrs;
    const std::string id = progress::unsentEvents(store, 0, 100).at(1).id;
    lrs.stored[id] = "something else";
    auto r = lrs::sync(store, lrs, settings());
    CHECK(r.refused == 1);
    CHECK(lrs.stored[id] == "something else");
    CHECK(progress::refusedEvents(store, 10).at(0).second.find("conflict") == 0);
}

TEST_CASE("the statements endpoint is found from the base URL", "[lrs][sync]") {
    CHECK(lrs::statementsUrl("https://lrs/xAPI") == "https://lrs/xAPI/statements");
    CHECK(lrs::statementsUrl("https://lrs/xAPI/") == "https://lrs/xAPI/statements");
    CHECK(lrs::statementsUrl("https://lrs/xAPI/statements") == "https://lrs/xAPI/statements");
}
