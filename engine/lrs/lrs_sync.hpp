// Sending a progress file's learning records to a Learning Record Store, exactly once in
// effect: every statement has the id it got when recorded, so one sent twice (after a crash
// between the LRS's answer and our acknowledgement) is stored once by the LRS. Statements go
// in order, in batches (POST of an array); each acknowledged batch is marked sent in one
// transaction before the next goes, so a sync killed at any moment resumes where it stopped.
//   5xx, 429, timeouts, refused or dropped connections: retried with exponential backoff and
//     jitter, then the sync stops and says so (the queue waits for the next one);
//   401 / 403: stops at once with a clear message (the key or secret is wrong);
//   400 / 409: the batch is split until the statement at fault is found; it is kept with the
//     LRS's own words (a conflict is never overwritten) and the others go on.
// Workload: memory bounded by one batch; one HTTP request per batch when all goes well.
#pragma once

#include "lrs/transport.hpp"
#include "progress/xapi_statement.hpp"

#include <chrono>
#include <functional>
#include <string>

namespace cordee::progress {
class Store;
}

namespace cordee::lrs {

struct SyncSettings {
    std::string url; // the LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI
    progress::XapiIris iris;
    size_t batch = 200;
    int retries = 5;                        // tries after the first, per request
    std::chrono::milliseconds backoff{500}; // first pause; doubles, with jitter
    std::chrono::milliseconds maxBackoff{30000};
    std::function<bool()> stopRequested; // asked between requests (signals, quit)
};

enum class SyncOutcome { Done, Unreachable, Unauthorized, Failed, Stopped };

struct SyncReport {
    SyncOutcome outcome = SyncOutcome::Done;
    int64_t sent = 0;    // statements the LRS acknowledged in this sync
    int64_t refused = 0; // statements it refused (400, 409), kept with its reason
    int64_t waiting = 0; // statements still to send afterwards
    std::string message; // what went wrong, for a person
};

// Called after each acknowledged batch: statements sent so far, and how many there were.
using SyncProgress = std::function<void(int64_t sent, int64_t total)>;

SyncReport sync(progress::Store& store, Transport& http, const SyncSettings& settings,
                const SyncProgress& progress = {});

// The statements endpoint for an LRS base URL (".../xAPI" or ".../xAPI/statements").
std::string statementsUrl(const std::string& url);

} // namespace cordee::lrs
