// The training office's view of a whole fleet, rebuilt from a Learning Record Store's
// statements: the statements Cordée devices sent are read back into a progress store in
// memory (learners, enrolments, attempts, responses), so that the very same report queries
// (reports.hpp) give the fleet's tables — one table for every device, and equal to the union
// of the devices' own reports. Statements that are not Cordée's (another verb, an activity
// outside the base IRI) are left out and counted.
// Workload: one pass over the statements, streamed; memory grows with learners × courses and
// answered questions, not with raw statements. Never fails on a statement it cannot read:
// it skips it.
#pragma once

#include "progress/store.hpp"
#include "progress/xapi_statement.hpp"

#include <map>
#include <memory>
#include <nlohmann/json.hpp>

namespace cordee::progress {

class FleetView {
public:
    explicit FleetView(XapiIris iris);
    void add(const nlohmann::json& statement);
    // A store in memory holding what the statements say; reports run on it as on a file.
    std::unique_ptr<Store> build() const;
    int64_t used() const { return used_; }
    int64_t skipped() const { return skipped_; }

private:
    struct CourseState {
        std::string status = "not-attempted", success = "unknown";
        std::optional<double> score;
        int64_t stateSeq = -1;
        int64_t timeMs = 0;
        std::string last;
    };
    struct Answer {
        std::string course, quiz, question, verdict, response, timestamp;
        double points = 0, max = 0;
    };
    XapiIris iris_;
    std::map<std::string, std::string> names_;                          // account -> name
    std::map<std::pair<std::string, std::string>, CourseState> states_; // (account, course)
    // (account, registration, question) -> the latest answer, as the file keeps it
    std::map<std::tuple<std::string, std::string, std::string>, Answer> answers_;
    int64_t used_ = 0, skipped_ = 0;
};

} // namespace cordee::progress
