// One playthrough of a branching scenario: intro → scene → option → its feedback → next scene
// … → an ending. Keeps the path (scene and option ids) and the score; replay starts over.
// The scenario itself is never changed; a saved path survives edits by matching ids.
#pragma once

#include "course/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cordee::player {

struct PathStep {
    std::string scene;
    size_t option = 0; // index of the option chosen in that scene
};

class ScenarioRun {
public:
    enum class Phase { Intro, Scene, Feedback, Ending };

    explicit ScenarioRun(const course::Scenario& scenario);

    const course::Scenario& scenario() const { return *scenario_; }
    Phase phase() const { return phase_; }
    const course::Scene* scene() const;   // Scene and Feedback phases
    const course::Ending* ending() const; // Ending phase
    const course::Option* chosen() const; // Feedback phase: the option just chosen
    const std::vector<PathStep>& path() const { return path_; }
    int score() const { return score_; }
    int bestScore() const { return scenario_->bestScore; }
    // Started mid-way by jumpTo (a trainer's preview): the path and score are partial, and
    // nothing of it is a learner's record. begin() ends the preview.
    bool previewed() const { return previewed_; }

    void begin();               // from the intro (or to replay)
    bool choose(size_t option); // in a scene: shows the option's feedback
    void next();                // from the feedback to the next scene or the ending
    // Shows one scene or ending directly (a trainer's preview); false if the id names neither.
    bool jumpTo(const std::string& id);
    // Replays a saved path as far as it still fits the scenario (a trainer may have edited it).
    void restore(const std::vector<PathStep>& path, bool finishedFeedback);

private:
    void enter(const std::string& target);

    const course::Scenario* scenario_;
    Phase phase_ = Phase::Intro;
    const course::Scene* scene_ = nullptr;
    const course::Ending* ending_ = nullptr;
    const course::Option* chosen_ = nullptr;
    std::vector<PathStep> path_;
    int score_ = 0;
    bool previewed_ = false;
};

} // namespace cordee::player
