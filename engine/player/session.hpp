// One learner's journey through one course: where they are and what they have done.
//
// Small and mutable, separate from the immutable course (as a playthrough is from its story):
// the window and the text mode drive the same Session, and the progress store saves its facts.
#pragma once

#include "player/course_outline.hpp"
#include "player/progress_rules.hpp"

#include <functional>

namespace cordee::player {

enum class MoveResult { Moved, AtStart, AtEnd, Locked };

class Session {
public:
    explicit Session(const CourseOutline& outline, LearnerFacts facts = {});

    const CourseOutline& outline() const { return *outline_; }
    const course::Course& course() const { return outline_->course(); }
    const LearnerFacts& facts() const { return facts_; }

    size_t current() const { return current_; }
    const Step& currentStep() const { return outline_->steps().at(current_); }

    MoveResult next();
    MoveResult previous();
    // Goes to a step; refuses a step in a locked module unless `force` (a trainer's preview).
    MoveResult goTo(size_t step, bool force = false);
    bool isStepReachable(size_t step) const;

    // The step where "Reprendre" should go: the first step not done, or the start.
    size_t resumeStep() const;

    // Position within the current lesson ("page 3 / 12") and module.
    struct Position {
        size_t indexInModule = 0; // 1-based
        size_t stepsInModule = 0;
        size_t stepsDoneInModule = 0;
        size_t indexInCourse = 0; // 1-based
    };
    Position position() const;

    // Called whenever facts change (the progress store listens here).
    std::function<void(const Step&)> onVisit;

private:
    void visit();

    const CourseOutline* outline_;
    LearnerFacts facts_;
    size_t current_ = 0;
};

} // namespace cordee::player
