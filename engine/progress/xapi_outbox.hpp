// The progress file as an LRS client's outbox: the events it logged (xapi_event, schema 3),
// which of them a Learning Record Store acknowledged, which it refused and why, and the last
// sync's outcome (lrs_state). Read in order of recording, in bounded batches, so a sync of
// any size keeps little in memory. Workload: one indexed range query per batch, one short
// transaction per acknowledgement. Fails by returning false / nothing; the caller says so.
#pragma once

#include "progress/xapi_statement.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cordee::progress {

class Store;

// Every event in order of recording, in batches (export-xapi); after = the last seq seen.
std::vector<XapiEvent> loggedEvents(Store& store, int64_t after, size_t limit);
// Events not yet acknowledged nor refused, in order, after `after`.
std::vector<XapiEvent> unsentEvents(Store& store, int64_t after, size_t limit);

struct OutboxCounts {
    int64_t waiting = 0, sent = 0, refused = 0;
};
OutboxCounts outboxCounts(Store& store);

// The LRS acknowledged these statement ids: marked sent, in one transaction.
bool markSent(Store& store, const std::vector<std::string>& ids);
// The LRS refused this statement (400, 409): kept with the reason, not sent again.
bool markRefused(Store& store, const std::string& id, const std::string& why);
// Refused statements, with why (sync-status lists them).
std::vector<std::pair<std::string, std::string>> refusedEvents(Store& store, size_t limit);

std::optional<std::string> lrsState(Store& store, const std::string& key);
bool setLrsState(Store& store, const std::string& key, const std::string& value);

} // namespace cordee::progress
