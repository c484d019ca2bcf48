// The progress store as a session's sink: every action written as it happens, and a new
// session given back what was recorded. When the file cannot be written (full disk, lock),
// actions are kept in memory, in order, and retried at the next action and whenever the
// caller flushes (the window on a timer, and at quit for a bounded time): never silently
// lost — problem() says so plainly, and savedThrough() tells which actions are in the file.
#pragma once

#include "player/progress_sink.hpp"
#include "progress/store.hpp"

#include <chrono>
#include <functional>
#include <map>

namespace cordee::progress {

class StoreSink : public player::ProgressSink {
public:
    StoreSink(Store& store, Learner learner);

    void stepShown(const course::Course& c, const player::Step& step) override;
    void attemptStarted(const course::Course& c, const course::Quiz& q,
                        const quiz::Attempt& a) override;
    void questionAnswered(const course::Course& c, const course::Quiz& q, const quiz::Attempt& a,
                          size_t position, int64_t timeMs) override;
    void attemptFinished(const course::Course& c, const course::Quiz& q,
                         const quiz::Attempt& a) override;
    void checkAnswered(const course::Course& c, const course::Question& q, const quiz::Response& r,
                       const quiz::QuestionResult& result, int tries) override;
    void reflectionSaved(const course::Course& c, const std::string& id,
                         const std::string& text) override;
    void scenarioChanged(const course::Course& c, const course::Scenario& s,
                         const player::ScenarioRun& run) override;
    void courseStateChanged(const course::Course& c, const std::string& status,
                            const std::string& success, std::optional<double> score) override;
    void restore(player::Session& session) override;
    std::string problem(core::Lang lang = core::Lang::Fr) const override;

    uint64_t actionsGiven() const override { return given_; }
    uint64_t savedThrough() const override { return given_ - pending_.size(); }

    const Learner& learner() const { return learner_; }
    StoreProblem storeProblem() const { return store_.problem(); }
    size_t pending() const { return pending_.size(); }
    // Tries the kept writes again; true when nothing is left waiting.
    bool flush() override;
    // At quit: tries again for at most `budget`, pausing between tries; returns how many
    // actions are still not written (the caller says so — never silently).
    size_t drain(std::chrono::milliseconds budget);

private:
    // Runs a write; if it fails, keeps it to try again before the next one.
    void write(std::function<bool()> action);

    // The learner's row, added when the file could not take it at start (locked, full).
    bool ensureLearner();

    Store& store_;
    Learner learner_;
    uint64_t given_ = 0;
    std::vector<std::function<bool()>> pending_;
    std::map<std::string, int64_t> attemptIds_;   // "course/quiz/number" -> row id
    std::map<std::string, int64_t> scenarioRuns_; // "course/scenario" -> row id of this run
    std::map<std::string, std::chrono::steady_clock::time_point> shownAt_;
};

} // namespace cordee::progress
