// Course rich text to styled runs for layout: emphasis to italic, strong to bold, terms and
// links tagged so the screen can make them interactive; French spacing applied.
#pragma once

#include "course/model.hpp"
#include "text/styled_text.hpp"

#include <string>
#include <vector>

namespace cordee::ui {

struct RunTag {
    enum class Kind { Term, Link, Blank } kind;
    std::string target; // glossary id, URL, or blank index
};

struct TaggedRuns {
    std::vector<text::StyledRun> runs;
    std::vector<RunTag> tags; // StyledRun::tag indexes this
};

TaggedRuns toRuns(const course::RichText& text, const text::FontSpec& base);
// The same runs with no interactive parts (a card's description is not the place for a term).
TaggedRuns untagged(TaggedRuns runs);
// Plain text as one run.
TaggedRuns plainRuns(const std::string& text, const text::FontSpec& font);

} // namespace cordee::ui
