#include "player/scenario_run.hpp"

namespace cordee::player {

ScenarioRun::ScenarioRun(const course::Scenario& scenario)
    : scenario_(&scenario) {}

const course::Scene* ScenarioRun::scene() const {
    return scene_;
}
const course::Ending* ScenarioRun::ending() const {
    return ending_;
}
const course::Option* ScenarioRun::chosen() const {
    return chosen_;
}

void ScenarioRun::begin() {
    path_.clear();
    score_ = 0;
    chosen_ = nullptr;
    ending_ = nullptr;
    previewed_ = false;
    enter(scenario_->start);
}

void ScenarioRun::enter(const std::string& target) {
    if (const course::Scene* s = scenario_->findScene(target)) {
        scene_ = s;
        phase_ = Phase::Scene;
    } else if (const course::Ending* e = scenario_->findEnding(target)) {
        ending_ = e;
        scene_ = nullptr;
        phase_ = Phase::Ending;
    } else {
        // A goto naming nothing cannot load; be safe anyway and stop.
        phase_ = Phase::Ending;
        scene_ = nullptr;
    }
}

bool ScenarioRun::choose(size_t option) {
    if (phase_ != Phase::Scene || !scene_ || option >= scene_->options.size())
        return false;
    chosen_ = &scene_->options[option];
    path_.push_back({scene_->id, option});
    score_ += chosen_->score;
    phase_ = Phase::Feedback;
    return true;
}

void ScenarioRun::next() {
    if (phase_ != Phase::Feedback || !chosen_)
        return;
    std::string target = chosen_->target;
    chosen_ = nullptr;
    enter(target);
}

bool ScenarioRun::jumpTo(const std::string& id) {
    if (!scenario_->findScene(id) && !scenario_->findEnding(id))
        return false;
    path_.clear();
    score_ = 0;
    chosen_ = nullptr;
    previewed_ = true;
    enter(id);
    return true;
}

void ScenarioRun::restore(const std::vector<PathStep>& path, bool finishedFeedback) {
    begin();
    for (size_t i = 0; i < path.size(); ++i) {
        if (!scene_ || scene_->id != path[i].scene || !choose(path[i].option))
            return; // the scenario changed here: the learner goes on from this point
        if (i + 1 < path.size() || finishedFeedback)
            next();
    }
}

} // namespace cordee::player
