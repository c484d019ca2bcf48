#include "player/session.hpp"

namespace cordee::player {

Session::Session(const CourseOutline& outline, LearnerFacts facts)
    : outline_(&outline), facts_(std::move(facts)) {}

bool Session::isStepReachable(size_t step) const {
    if (step >= outline_->size())
        return false;
    return isModuleUnlocked(*outline_, outline_->steps()[step].module, facts_);
}

MoveResult Session::goTo(size_t step, bool force) {
    if (step >= outline_->size())
        return MoveResult::AtEnd;
    if (!force && !isStepReachable(step))
        return MoveResult::Locked;
    current_ = step;
    visit();
    return MoveResult::Moved;
}

MoveResult Session::next() {
    if (outline_->size() == 0 || current_ + 1 >= outline_->size())
        return MoveResult::AtEnd;
    return goTo(current_ + 1);
}

MoveResult Session::previous() {
    if (current_ == 0)
        return MoveResult::AtStart;
    return goTo(current_ - 1);
}

void Session::visit() {
    const Step& step = currentStep();
    if (step.kind == StepKind::Page)
        facts_.visitedPages.insert(step.id);
    if (onVisit)
        onVisit(step);
}

size_t Session::resumeStep() const {
    for (size_t s = 0; s < outline_->size(); ++s)
        if (!isStepDone(*outline_, outline_->steps()[s], facts_) && isStepReachable(s))
            return s;
    return 0;
}

Session::Position Session::position() const {
    Position p;
    if (outline_->size() == 0)
        return p;
    const Step& step = currentStep();
    size_t begin = outline_->moduleBegin(step.module);
    size_t end = outline_->moduleEnd(step.module);
    p.indexInModule = current_ - begin + 1;
    p.stepsInModule = end - begin;
    for (size_t s = begin; s < end; ++s)
        p.stepsDoneInModule += isStepDone(*outline_, outline_->steps()[s], facts_) ? 1 : 0;
    p.indexInCourse = current_ + 1;
    return p;
}

} // namespace cordee::player
