#include "course/scenario_graph.hpp"

#include <climits>
#include <unordered_map>

namespace cordee::course {
namespace {

struct Graph {
    // Node index: scenes first (0..S-1), then endings (S..S+E-1).
    std::vector<std::vector<std::pair<int, int>>> edges; // (target node, score)
    size_t sceneCount = 0;
    bool isEnding(int node) const { return static_cast<size_t>(node) >= sceneCount; }
};

// Iterative depth-first search over simple paths: a chain of thousands of scenes in a
// hostile file must not overflow the call stack.
class BestPathSearch {
public:
    BestPathSearch(const Graph& g, long budget)
        : g_(g)
        , budget_(budget)
        , onPath_(g.edges.size()) {}

    void run(int start) {
        struct Frame {
            int node;
            size_t nextEdge;
            int total;
        };
        std::vector<Frame> stack{{start, 0, 0}};
        onPath_[start] = true;
        while (!stack.empty()) {
            if (--budget_ < 0) {
                exceeded = true;
                return;
            }
            Frame& f = stack.back();
            if (g_.isEnding(f.node) || f.nextEdge == g_.edges[f.node].size()) {
                if (g_.isEnding(f.node) && f.total > best) {
                    best = f.total;
                    bestPath.clear();
                    for (const Frame& p : stack)
                        bestPath.push_back(p.node);
                }
                onPath_[f.node] = false;
                stack.pop_back();
                continue;
            }
            auto [target, score] = g_.edges[f.node][f.nextEdge++];
            if (onPath_[target])
                continue;
            onPath_[target] = true;
            stack.push_back({target, 0, f.total + score});
        }
    }

    int best = INT_MIN;
    std::vector<int> bestPath;
    bool exceeded = false;

private:
    const Graph& g_;
    long budget_;
    std::vector<bool> onPath_;
};

} // namespace

ScenarioAnalysis analyseScenario(const Scenario& scenario, long budget) {
    ScenarioAnalysis out;
    Graph g;
    g.sceneCount = scenario.scenes.size();
    std::unordered_map<std::string, int> index;
    std::vector<std::string> names;
    for (const Scene& s : scenario.scenes) {
        index.emplace(s.id, static_cast<int>(names.size()));
        names.push_back(s.id);
    }
    for (const Ending& e : scenario.endings) {
        index.emplace(e.id, static_cast<int>(names.size()));
        names.push_back(e.id);
    }
    g.edges.resize(names.size());
    for (size_t i = 0; i < scenario.scenes.size(); ++i) {
        for (const Option& o : scenario.scenes[i].options) {
            auto it = index.find(o.target);
            if (it == index.end())
                out.danglingOptions.push_back(&o);
            else
                g.edges[i].push_back({it->second, o.score});
        }
    }
    auto startIt = index.find(scenario.start);
    out.startFound = startIt != index.end() && !g.isEnding(startIt->second);
    if (!out.startFound)
        return out;
    const int start = startIt->second;

    // Forward reachability from start.
    std::vector<bool> reached(names.size(), false);
    std::vector<int> stack{start};
    reached[start] = true;
    while (!stack.empty()) {
        int n = stack.back();
        stack.pop_back();
        for (auto [t, score] : g.edges[n]) {
            if (!reached[t]) {
                reached[t] = true;
                stack.push_back(t);
            }
        }
    }
    // Backward reachability from every ending.
    std::vector<std::vector<int>> reverse(names.size());
    for (size_t n = 0; n < g.edges.size(); ++n)
        for (auto [t, score] : g.edges[n])
            reverse[t].push_back(static_cast<int>(n));
    std::vector<bool> canEnd(names.size(), false);
    for (size_t n = g.sceneCount; n < names.size(); ++n) {
        canEnd[n] = true;
        stack.push_back(static_cast<int>(n));
    }
    while (!stack.empty()) {
        int n = stack.back();
        stack.pop_back();
        for (int from : reverse[n]) {
            if (!canEnd[from]) {
                canEnd[from] = true;
                stack.push_back(from);
            }
        }
    }
    for (size_t n = 0; n < names.size(); ++n) {
        if (!reached[n])
            (g.isEnding(static_cast<int>(n)) ? out.unreachableEndings : out.unreachableScenes)
                .push_back(names[n]);
        else if (!canEnd[n])
            out.deadEndScenes.push_back(names[n]);
    }

    BestPathSearch search(g, budget);
    search.run(start);
    out.budgetExceeded = search.exceeded;
    if (search.best != INT_MIN) {
        out.bestScore = search.best;
        for (int n : search.bestPath)
            out.bestPath.push_back(names[n]);
    }
    return out;
}

} // namespace cordee::course
