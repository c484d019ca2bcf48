#include "player/progress_rules.hpp"

namespace cordee::player {

using course::Completion;

bool isStepDone(const CourseOutline& outline, const Step& step, const LearnerFacts& facts) {
    const Completion& rule = outline.course().completion;
    switch (step.kind) {
    case StepKind::Page:
        return rule.pages == Completion::Pages::None || facts.visitedPages.count(step.id) > 0;
    case StepKind::Quiz:
        switch (rule.quizzes) {
        case Completion::Quizzes::None:
            return true;
        case Completion::Quizzes::Attempted:
            return facts.attemptedQuizzes.count(step.id) > 0;
        case Completion::Quizzes::Passed:
            return facts.passedQuizzes.count(step.id) > 0;
        }
        return false;
    case StepKind::Scenario:
        switch (rule.scenarios) {
        case Completion::Scenarios::None:
            return true;
        case Completion::Scenarios::Ended:
            return facts.endedScenarios.count(step.id) > 0;
        case Completion::Scenarios::Success:
            return facts.succeededScenarios.count(step.id) > 0;
        }
        return false;
    }
    return false;
}

bool isModuleComplete(const CourseOutline& outline, size_t module, const LearnerFacts& facts) {
    for (size_t s = outline.moduleBegin(module); s < outline.moduleEnd(module); ++s)
        if (!isStepDone(outline, outline.steps()[s], facts))
            return false;
    return true;
}

bool isModuleUnlocked(const CourseOutline& outline, size_t module, const LearnerFacts& facts) {
    const auto& modules = outline.course().modules;
    for (const std::string& required : modules.at(module).prerequisites) {
        for (size_t m = 0; m < modules.size(); ++m)
            if (modules[m].id == required && !isModuleComplete(outline, m, facts))
                return false;
    }
    return true;
}

bool isCourseComplete(const CourseOutline& outline, const LearnerFacts& facts) {
    for (size_t m = 0; m < outline.course().modules.size(); ++m)
        if (!isModuleComplete(outline, m, facts))
            return false;
    return true;
}

double courseProgress(const CourseOutline& outline, const LearnerFacts& facts) {
    if (outline.size() == 0)
        return 0;
    size_t done = 0;
    for (const Step& s : outline.steps()) {
        // "Done" for the progress bar means the learner did it, whatever the rule skips.
        bool did = s.kind == StepKind::Page   ? facts.visitedPages.count(s.id) > 0
                   : s.kind == StepKind::Quiz ? facts.attemptedQuizzes.count(s.id) > 0
                                              : facts.endedScenarios.count(s.id) > 0;
        done += did ? 1 : 0;
    }
    return static_cast<double>(done) / static_cast<double>(outline.size());
}

} // namespace cordee::player
