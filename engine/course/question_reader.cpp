// Internal: the six question types (also used inside a page's <check>).
#include "course/block_reader.hpp"
#include "course/inline_builder.hpp"

namespace cordee::course::detail {
namespace {

struct QuestionShape {
    std::string_view element;
    QuestionType type;
    std::initializer_list<std::string_view> attributes; // beyond id and points
    std::initializer_list<std::string_view> children;   // beyond prompt, hint, explanation
};

const QuestionShape kShapes[] = {
    {"single", QuestionType::Single, {"shuffle"}, {"choice"}},
    {"multiple", QuestionType::Multiple, {"shuffle", "partial"}, {"choice"}},
    {"truefalse", QuestionType::TrueFalse, {}, {}},
    {"order", QuestionType::Order, {}, {"item"}},
    {"match", QuestionType::Match, {}, {"pair"}},
    {"gaps", QuestionType::Gaps, {"strict"}, {"text"}},
};

const QuestionShape* shapeOf(std::string_view name) {
    for (const QuestionShape& s : kShapes)
        if (s.element == name)
            return &s;
    return nullptr;
}

Choice readChoice(XmlReader& r, const XMLElement* el) {
    r.checkAttributes(el, {}, {"correct"});
    Choice choice;
    choice.correct = r.boolAttr(el, "correct", false);
    readWithFeedback(r, el, choice.text, choice.feedback);
    return choice;
}

MatchPair readPair(XmlReader& r, const XMLElement* el) {
    r.checkAttributes(el, {}, {});
    r.checkNoText(el);
    MatchPair pair;
    bool left = false;
    bool right = false;
    for (const XMLElement* c = el->FirstChildElement(); c; c = c->NextSiblingElement()) {
        std::string_view name = c->Name();
        if (name == "left" && r.once(c, el, left)) {
            r.checkAttributes(c, {}, {});
            pair.left = readInline(r, c);
        } else if (name == "right" && r.once(c, el, right)) {
            r.checkAttributes(c, {}, {});
            pair.right = readInline(r, c);
        } else if (name != "left" && name != "right") {
            r.reportUnexpected(c, el, {"left", "right"});
        }
    }
    if (!left)
        r.diags().add("S003", r.pos(el), {"pair", "<left>"});
    if (!right)
        r.diags().add("S003", r.pos(el), {"pair", "<right>"});
    return pair;
}

void checkAnswers(XmlReader& r, const XMLElement* el, const Question& q) {
    const core::SourcePos where = r.pos(el);
    switch (q.type) {
    case QuestionType::Single:
    case QuestionType::Multiple: {
        if (q.choices.size() < 2)
            r.diags().add("Q006", where, {el->Name(), core::fragment("choices")});
        int correct = 0;
        for (const Choice& c : q.choices)
            correct += c.correct ? 1 : 0;
        if (correct == 0 && !q.choices.empty())
            r.diags().add("Q001", where, {q.id});
        if (q.type == QuestionType::Single && correct > 1)
            r.diags().add("Q002", where, {q.id, std::to_string(correct)});
        break;
    }
    case QuestionType::Order:
        if (q.items.size() < 2)
            r.diags().add("Q006", where, {el->Name(), core::fragment("items")});
        break;
    case QuestionType::Match:
        if (q.pairs.size() < 2)
            r.diags().add("Q006", where, {el->Name(), core::fragment("pairs")});
        break;
    case QuestionType::Gaps:
    case QuestionType::TrueFalse:
        break;
    }
}

} // namespace

bool isQuestionElement(std::string_view name) {
    return shapeOf(name) != nullptr;
}

Question readQuestion(XmlReader& r, const XMLElement* el) {
    const QuestionShape& shape = *shapeOf(el->Name());
    Question q;
    q.type = shape.type;
    q.pos = r.pos(el);

    if (q.type == QuestionType::TrueFalse) {
        r.checkAttributes(el, {"id", "answer"}, {"points"});
    } else {
        // initializer_list cannot be built at run time: check the union, then the extras.
        switch (shape.attributes.size()) {
        case 0:
            r.checkAttributes(el, {"id"}, {"points"});
            break;
        case 1:
            if (q.type == QuestionType::Gaps)
                r.checkAttributes(el, {"id"}, {"points", "strict"});
            else
                r.checkAttributes(el, {"id"}, {"points", "shuffle"});
            break;
        default:
            r.checkAttributes(el, {"id"}, {"points", "shuffle", "partial"});
            break;
        }
    }
    q.id = r.idAttr(el);
    q.points = r.pointsAttr(el, "points", 1.0);
    q.shuffleChoices = r.boolAttr(el, "shuffle", true);
    q.partial = r.boolAttr(el, "partial", false);
    q.answer = r.boolAttr(el, "answer", true);
    q.strict = r.boolAttr(el, "strict", false);
    r.checkNoText(el);

    bool prompt = false, hint = false, explanation = false, text = false;
    for (const XMLElement* c = el->FirstChildElement(); c; c = c->NextSiblingElement()) {
        std::string_view name = c->Name();
        if (name == "prompt") {
            readOnceInline(r, c, el, prompt, q.prompt);
        } else if (name == "hint") {
            RichText hintText;
            const bool before = hint;
            readOnceInline(r, c, el, hint, hintText);
            if (!before)
                q.hint = std::move(hintText);
        } else if (name == "explanation") {
            readOnceInline(r, c, el, explanation, q.explanation);
        } else if (name == "choice" &&
                   (q.type == QuestionType::Single || q.type == QuestionType::Multiple)) {
            q.choices.push_back(readChoice(r, c));
        } else if (name == "item" && q.type == QuestionType::Order) {
            r.checkAttributes(c, {}, {});
            q.items.push_back(readInline(r, c));
        } else if (name == "pair" && q.type == QuestionType::Match) {
            q.pairs.push_back(readPair(r, c));
        } else if (name == "text" && q.type == QuestionType::Gaps) {
            if (r.once(c, el, text)) {
                r.checkAttributes(c, {}, {});
                q.gapText = readInline(r, c, {.blanks = &q.blanks});
                if (q.blanks.empty())
                    r.diags().add("Q007", r.pos(c));
            }
        } else {
            switch (q.type) {
            case QuestionType::Single:
            case QuestionType::Multiple:
                r.reportUnexpected(c, el, {"prompt", "choice", "hint", "explanation"});
                break;
            case QuestionType::TrueFalse:
                r.reportUnexpected(c, el, {"prompt", "hint", "explanation"});
                break;
            case QuestionType::Order:
                r.reportUnexpected(c, el, {"prompt", "item", "hint", "explanation"});
                break;
            case QuestionType::Match:
                r.reportUnexpected(c, el, {"prompt", "pair", "hint", "explanation"});
                break;
            case QuestionType::Gaps:
                r.reportUnexpected(c, el, {"prompt", "text", "hint", "explanation"});
                break;
            }
        }
    }
    if (!prompt && q.type != QuestionType::Gaps)
        r.diags().add("S003", q.pos, {el->Name(), "<prompt>"});
    if (!text && q.type == QuestionType::Gaps)
        r.diags().add("S003", q.pos, {el->Name(), "<text>"});
    checkAnswers(r, el, q);
    return q;
}

} // namespace cordee::course::detail
