#include "course/vocabulary.hpp"

#include <algorithm>

namespace cordee::course {
namespace {

constexpr std::string_view kElements[] = {
    "course",       "title",    "subtitle",  "description", "meta",   "author",
    "organisation", "duration", "audience",  "updated",     "source", "objectives",
    "objective",    "glossary", "term",      "module",      "lesson", "page",
    "quiz",         "scenario", "include",   "completion",  "h",      "p",
    "list",         "item",     "image",     "quote",       "note",   "table",
    "row",          "cell",     "timeline",  "event",       "check",  "reflection",
    "prompt",       "em",       "strong",    "link",        "br",     "intro",
    "single",       "multiple", "truefalse", "order",       "match",  "gaps",
    "choice",       "feedback", "hint",      "explanation", "pair",   "left",
    "right",        "text",     "blank",     "scene",       "option", "ending",
};

constexpr std::string_view kAttributes[] = {
    "id",      "format",   "version", "lang",    "minutes",  "label",     "ref",
    "title",   "requires", "src",     "pages",   "quizzes",  "scenarios", "ordered",
    "alt",     "caption",  "cite",    "kind",    "header",   "date",      "href",
    "pass",    "attempts", "pick",    "shuffle", "feedback", "points",    "correct",
    "partial", "answer",   "strict",  "start",   "goto",     "score",     "outcome",
};

} // namespace

std::span<const std::string_view> allElementNames() {
    return kElements;
}
std::span<const std::string_view> allAttributeNames() {
    return kAttributes;
}

bool isKnownElement(std::string_view name) {
    return std::find(std::begin(kElements), std::end(kElements), name) != std::end(kElements);
}

} // namespace cordee::course
