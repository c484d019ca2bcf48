#include "course/model.hpp"

#include <algorithm>

namespace cordee::course {

std::string RichText::plainText() const {
    std::string out;
    for (const InlineRun& run : runs) {
        switch (run.kind) {
        case InlineRun::Kind::Text:
            out += run.text;
            break;
        case InlineRun::Kind::LineBreak:
            out += '\n';
            break;
        case InlineRun::Kind::Blank:
            out += "___";
            break;
        }
    }
    return out;
}

const char* questionTypeName(QuestionType type) {
    switch (type) {
    case QuestionType::Single:
        return "single";
    case QuestionType::Multiple:
        return "multiple";
    case QuestionType::TrueFalse:
        return "truefalse";
    case QuestionType::Order:
        return "order";
    case QuestionType::Match:
        return "match";
    case QuestionType::Gaps:
        return "gaps";
    }
    return "?";
}

const char* noteKindName(NoteKind kind) {
    switch (kind) {
    case NoteKind::Info:
        return "info";
    case NoteKind::Key:
        return "key";
    case NoteKind::Law:
        return "law";
    case NoteKind::Example:
        return "example";
    case NoteKind::Warning:
        return "warning";
    }
    return "?";
}

const char* outcomeName(Outcome outcome) {
    switch (outcome) {
    case Outcome::Success:
        return "success";
    case Outcome::Partial:
        return "partial";
    case Outcome::Failure:
        return "failure";
    }
    return "?";
}

int Quiz::drawCount() const {
    const int pool = static_cast<int>(questions.size());
    return pick > 0 && pick < pool ? pick : pool;
}

const Scene* Scenario::findScene(const std::string& id) const {
    auto it =
        std::find_if(scenes.begin(), scenes.end(), [&](const Scene& s) { return s.id == id; });
    return it == scenes.end() ? nullptr : &*it;
}

const Ending* Scenario::findEnding(const std::string& id) const {
    auto it =
        std::find_if(endings.begin(), endings.end(), [&](const Ending& e) { return e.id == id; });
    return it == endings.end() ? nullptr : &*it;
}

const GlossaryTerm* Course::findTerm(const std::string& id) const {
    auto it = std::find_if(glossary.begin(), glossary.end(),
                           [&](const GlossaryTerm& t) { return t.id == id; });
    return it == glossary.end() ? nullptr : &*it;
}

const Module* Course::findModule(const std::string& id) const {
    auto it =
        std::find_if(modules.begin(), modules.end(), [&](const Module& m) { return m.id == id; });
    return it == modules.end() ? nullptr : &*it;
}

} // namespace cordee::course
