// The branching graph of a scenario: reachability, dead ends, and the best total score.
//
// Pure: works on the model only. Scenes and endings are nodes; options are edges. A scenario
// may loop back ("try again"), so the best score is the best over paths that never visit a
// scene twice, found by depth-first search with a budget (scenarios are small; a pathological
// one is reported rather than allowed to hang the loader).
#pragma once

#include "course/model.hpp"

#include <string>
#include <vector>

namespace cordee::course {

struct ScenarioAnalysis {
    std::vector<std::string> unreachableScenes; // from start, in document order
    std::vector<std::string> unreachableEndings;
    std::vector<std::string> deadEndScenes;     // reachable, but no ending reachable from them
    std::vector<const Option*> danglingOptions; // goto names nothing
    bool startFound = false;
    int bestScore = 0;
    std::vector<std::string> bestPath; // scene ids then the ending id
    bool budgetExceeded = false;
};

inline constexpr long kScenarioSearchBudget = 200000;

ScenarioAnalysis analyseScenario(const Scenario& scenario, long budget = kScenarioSearchBudget);

} // namespace cordee::course
