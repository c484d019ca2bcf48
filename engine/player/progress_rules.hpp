// When is a module complete, a module unlocked, a course complete? Pure rules over what a
// learner has done (the facts), following the course's <completion> rule.
#pragma once

#include "player/course_outline.hpp"

#include <set>
#include <string>

namespace cordee::player {

// What one learner has done in one course, by author id (never by position).
struct LearnerFacts {
    std::set<std::string> visitedPages;
    std::set<std::string> attemptedQuizzes;
    std::set<std::string> passedQuizzes;
    std::set<std::string> endedScenarios;
    std::set<std::string> succeededScenarios; // ended on an outcome="success" ending
};

bool isStepDone(const CourseOutline& outline, const Step& step, const LearnerFacts& facts);
bool isModuleComplete(const CourseOutline& outline, size_t module, const LearnerFacts& facts);
// Unlocked when every module it `requires` is complete.
bool isModuleUnlocked(const CourseOutline& outline, size_t module, const LearnerFacts& facts);
bool isCourseComplete(const CourseOutline& outline, const LearnerFacts& facts);
// Share of steps done, 0..1.
double courseProgress(const CourseOutline& outline, const LearnerFacts& facts);

} // namespace cordee::player
