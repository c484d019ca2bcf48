#include "player/course_outline.hpp"

namespace cordee::player {

using namespace course;

CourseOutline::CourseOutline(const Course& course)
    : course_(&course) {
    for (size_t m = 0; m < course.modules.size(); ++m) {
        moduleBegin_.push_back(steps_.size());
        const Module& module = course.modules[m];
        for (size_t i = 0; i < module.items.size(); ++i) {
            const ModuleItem& item = module.items[i];
            if (const Lesson* l = std::get_if<Lesson>(&item)) {
                for (size_t p = 0; p < l->pages.size(); ++p)
                    steps_.push_back({StepKind::Page, m, i, p, l->pages[p].id});
            } else if (const Quiz* q = std::get_if<Quiz>(&item)) {
                steps_.push_back({StepKind::Quiz, m, i, 0, q->id});
            } else if (const Scenario* s = std::get_if<Scenario>(&item)) {
                steps_.push_back({StepKind::Scenario, m, i, 0, s->id});
            }
        }
    }
    moduleBegin_.push_back(steps_.size());
}

std::optional<size_t> CourseOutline::findStep(const std::string& id) const {
    for (size_t s = 0; s < steps_.size(); ++s)
        if (steps_[s].id == id)
            return s;
    for (size_t m = 0; m < course_->modules.size(); ++m) {
        const Module& module = course_->modules[m];
        if (module.id == id && moduleBegin(m) < moduleEnd(m))
            return moduleBegin(m);
        for (size_t s = moduleBegin(m); s < moduleEnd(m); ++s) {
            const Step& step = steps_[s];
            const ModuleItem& item = module.items[step.item];
            if (const Lesson* l = std::get_if<Lesson>(&item); l && l->id == id)
                return s;
            // A knowledge check's question or a reflection opens the page that holds it.
            if (const Page* page = this->page(step))
                for (const Block& b : page->blocks) {
                    if (const Check* c = std::get_if<Check>(&b); c && c->question.id == id)
                        return s;
                    if (const Reflection* r = std::get_if<Reflection>(&b); r && r->id == id)
                        return s;
                }
            if (const Quiz* q = std::get_if<Quiz>(&item))
                for (const Question& question : q->questions)
                    if (question.id == id)
                        return s;
            if (const Scenario* sc = std::get_if<Scenario>(&item)) {
                if (sc->findScene(id) || sc->findEnding(id))
                    return s;
            }
        }
    }
    return std::nullopt;
}

const Lesson* CourseOutline::lesson(const Step& s) const {
    return std::get_if<Lesson>(&course_->modules.at(s.module).items.at(s.item));
}

const Page* CourseOutline::page(const Step& s) const {
    const Lesson* l = lesson(s);
    return l && s.kind == StepKind::Page ? &l->pages.at(s.page) : nullptr;
}

const Quiz* CourseOutline::quiz(const Step& s) const {
    return std::get_if<Quiz>(&course_->modules.at(s.module).items.at(s.item));
}

const Scenario* CourseOutline::scenario(const Step& s) const {
    return std::get_if<Scenario>(&course_->modules.at(s.module).items.at(s.item));
}

std::string CourseOutline::title(const Step& s) const {
    if (const Page* p = page(s))
        return p->title;
    if (const Quiz* q = quiz(s))
        return q->title;
    if (const Scenario* sc = scenario(s))
        return sc->title;
    return {};
}

} // namespace cordee::player
