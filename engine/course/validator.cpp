#include "course/validator.hpp"

#include "core/edit_distance.hpp"
#include "course/scenario_graph.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace cordee::course::detail {
namespace {

std::string suggestion(const std::string& id, const std::vector<std::string>& known) {
    std::vector<std::string_view> views(known.begin(), known.end());
    std::string best = core::closestMatch(id, views);
    return best.empty() ? "" : core::fragment("didyoumean", {best});
}

void checkTermRefs(const Course& course, LoadContext& ctx) {
    std::vector<std::string> ids;
    for (const GlossaryTerm& t : course.glossary)
        ids.push_back(t.id);
    for (const Reference& ref : ctx.termRefs)
        if (!course.findTerm(ref.id))
            ctx.diags.add("R001", ref.pos, {ref.id, suggestion(ref.id, ids)});
}

void checkPrerequisites(const Course& course, LoadContext& ctx) {
    std::vector<std::string> ids;
    for (const Module& m : course.modules)
        ids.push_back(m.id);
    for (const auto& [ref, moduleId] : ctx.requiresRefs)
        if (!course.findModule(ref.id))
            ctx.diags.add("R002", ref.pos, {ref.id, suggestion(ref.id, ids)});

    // A loop of prerequisites locks every module on it forever: find each cycle once.
    enum class Mark { None, Active, Done };
    std::map<std::string, Mark> mark;
    std::vector<std::string> path;
    std::set<std::string> reported;
    std::function<void(const Module&)> visit = [&](const Module& m) {
        mark[m.id] = Mark::Active;
        path.push_back(m.id);
        for (const std::string& req : m.prerequisites) {
            const Module* next = course.findModule(req);
            if (!next)
                continue;
            if (mark[req] == Mark::Active) {
                std::string cycle;
                auto it = std::find(path.begin(), path.end(), req);
                for (; it != path.end(); ++it)
                    cycle += (cycle.empty() ? "" : " → ") + *it;
                cycle += " → " + req;
                if (reported.insert(req).second)
                    ctx.diags.add("R005", m.pos, {cycle});
            } else if (mark[req] == Mark::None) {
                visit(*next);
            }
        }
        path.pop_back();
        mark[m.id] = Mark::Done;
    };
    for (const Module& m : course.modules)
        if (mark[m.id] == Mark::None)
            visit(m);
}

void checkScenario(Scenario& scenario, LoadContext& ctx) {
    ScenarioAnalysis a = analyseScenario(scenario);
    std::vector<std::string> targets;
    for (const Scene& s : scenario.scenes)
        targets.push_back(s.id);
    std::vector<std::string> sceneIds = targets;
    for (const Ending& e : scenario.endings)
        targets.push_back(e.id);

    for (const Option* o : a.danglingOptions)
        ctx.diags.add("R003", o->pos, {o->target, suggestion(o->target, targets)});
    if (scenario.endings.empty())
        ctx.diags.add("G004", scenario.pos, {scenario.id});
    for (const Scene& s : scenario.scenes)
        if (s.options.empty())
            ctx.diags.add("G003", s.pos, {s.id});
    if (!a.startFound) {
        if (!scenario.start.empty())
            ctx.diags.add("R004", scenario.startPos,
                          {scenario.start, suggestion(scenario.start, sceneIds)});
        return;
    }
    for (const std::string& id : a.unreachableScenes)
        ctx.diags.add("G001", scenario.findScene(id)->pos, {id, scenario.start});
    for (const std::string& id : a.unreachableEndings)
        ctx.diags.add("G006", scenario.findEnding(id)->pos, {id, scenario.start});
    for (const std::string& id : a.deadEndScenes) {
        const Scene* s = scenario.findScene(id);
        if (!s->options.empty()) // G003 already says why
            ctx.diags.add("G002", s->pos, {id});
    }
    if (a.budgetExceeded)
        ctx.diags.add("G005", scenario.pos, {scenario.id, std::to_string(kScenarioSearchBudget)});
    scenario.bestScore = a.bestScore;
}

} // namespace

void validateCourse(Course& course, LoadContext& ctx) {
    checkTermRefs(course, ctx);
    checkPrerequisites(course, ctx);
    for (Module& m : course.modules)
        for (ModuleItem& item : m.items)
            if (Scenario* s = std::get_if<Scenario>(&item))
                checkScenario(*s, ctx);
}

} // namespace cordee::course::detail
