// Where a session reports what the learner does, as it happens (the progress store listens).
// Each call is one learner action; the store commits it before the caller shows feedback.
// Pure interface: the player room knows nothing of SQLite.
#pragma once

#include "core/diagnostic.hpp"
#include "player/course_outline.hpp"
#include "player/scenario_run.hpp"
#include "quiz/attempt.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace cordee::player {

class Session;

class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    virtual void stepShown(const course::Course& c, const Step& step) = 0;
    virtual void attemptStarted(const course::Course& c, const course::Quiz& q,
                                const quiz::Attempt& a) = 0;
    // timeMs: how long the question was on screen before this answer.
    virtual void questionAnswered(const course::Course& c, const course::Quiz& q,
                                  const quiz::Attempt& a, size_t position, int64_t timeMs) = 0;
    virtual void attemptFinished(const course::Course& c, const course::Quiz& q,
                                 const quiz::Attempt& a) = 0;
    virtual void checkAnswered(const course::Course& c, const course::Question& q,
                               const quiz::Response& r, const quiz::QuestionResult& result,
                               int tries) = 0;
    virtual void reflectionSaved(const course::Course& c, const std::string& id,
                                 const std::string& text) = 0;
    virtual void scenarioChanged(const course::Course& c, const course::Scenario& s,
                                 const ScenarioRun& run) = 0;
    // The course as a whole: status "in-progress" or "completed", success "unknown", "passed"
    // or "failed", and a score from 0 to 1 when there are quizzes.
    virtual void courseStateChanged(const course::Course& c, const std::string& status,
                                    const std::string& success, std::optional<double> score) = 0;
    // Gives a new session back what was recorded (facts, attempts, reflections, bookmark).
    virtual void restore(Session& session) = 0;
    // Plain words for the screen when progress is not being saved; empty when all is well.
    virtual std::string problem(core::Lang lang = core::Lang::Fr) const = 0;
    // Every action above gets the next number (1, 2, …) and is written in that order, so
    // "saved through n" tells which are in the file. Feedback says « pas encore enregistrée »
    // for an action whose number is above savedThrough(): an acknowledgement is a commit.
    virtual uint64_t actionsGiven() const = 0;
    virtual uint64_t savedThrough() const = 0;
    bool allSaved() const { return savedThrough() >= actionsGiven(); }
    // Tries the actions kept in memory again; true when none is left waiting.
    virtual bool flush() { return allSaved(); }
};

} // namespace cordee::player
