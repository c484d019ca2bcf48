// xAPI 1.0.3 statements made from the events the progress file logs (xapi_event): the one
// place that says what a Cordée statement looks like, for `cordee-report export-xapi` and for
// sending to a Learning Record Store. A statement is a pure function of its event and of the
// IRIs below, so the same event always gives the same statement (an LRS that receives it
// twice keeps it once). Workload: one small JSON object per event. Never fails.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace cordee::progress {

// One logged event: what a statement is made of.
struct XapiEvent {
    int64_t seq = 0;  // order in the file's log
    std::string id;   // the statement id (UUID), fixed when the event was recorded
    std::string kind; // launched, experienced, answered, passed, failed, completed, voided
    std::string learnerName, account, course, object, timestamp;
    int courseVersion = 0;
    std::string registration; // the quiz attempt's, for answered / passed / failed
    bool hasScore = false;
    double raw = 0, max = 0;
    bool hasSuccess = false, success = false;
    int64_t durationMs = -1;
    std::string response;
};

struct XapiIris {
    std::string base = "https://cordee.example.org"; // activities: base + /courses/<course>/…
    std::string homePage;                            // actors' accounts; empty = base
};

nlohmann::json statement(const XapiEvent& e, const XapiIris& iris);

} // namespace cordee::progress
