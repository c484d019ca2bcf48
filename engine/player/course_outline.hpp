// A course flattened into the steps a learner walks through, in order: every lesson page,
// every quiz and every scenario, module by module. Immutable once built; shared by the window
// and the text mode.
#pragma once

#include "course/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cordee::player {

enum class StepKind { Page, Quiz, Scenario };

struct Step {
    StepKind kind = StepKind::Page;
    size_t module = 0;
    size_t item = 0; // index in the module's items
    size_t page = 0; // index in the lesson's pages (Page steps)
    std::string id;  // the page, quiz or scenario id
};

class CourseOutline {
public:
    explicit CourseOutline(const course::Course& course);

    const course::Course& course() const { return *course_; }
    const std::vector<Step>& steps() const { return steps_; }
    size_t size() const { return steps_.size(); }

    // The step that shows `id`: a page, quiz or scenario; a lesson or module (its first step);
    // a question (its quiz), a scene or ending (its scenario).
    std::optional<size_t> findStep(const std::string& id) const;

    // Steps [begin, end) of module `m`.
    size_t moduleBegin(size_t m) const { return moduleBegin_.at(m); }
    size_t moduleEnd(size_t m) const { return moduleBegin_.at(m + 1); }

    // The lesson page of a Page step, the quiz or scenario of the others.
    const course::Page* page(const Step& s) const;
    const course::Lesson* lesson(const Step& s) const;
    const course::Quiz* quiz(const Step& s) const;
    const course::Scenario* scenario(const Step& s) const;
    // A short title for the step (page, quiz or scenario title).
    std::string title(const Step& s) const;

private:
    const course::Course* course_;
    std::vector<Step> steps_;
    std::vector<size_t> moduleBegin_; // size = modules + 1
};

} // namespace cordee::player
