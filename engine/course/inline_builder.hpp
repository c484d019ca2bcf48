// Internal: mixed content (text, <em>, <strong>, <term>, <link>, <br/>, <blank>) to RichText.
//
// White space folds as in HTML across element boundaries: a run of spaces, tabs and newlines
// becomes one space, and the block's leading and trailing spaces go. No-break spaces
// (U+00A0, U+202F) are text, not white space, so trainers can force them.
#pragma once

#include "course/xml_reader.hpp"

#include <initializer_list>
#include <string_view>

namespace cordee::course::detail {

struct InlineOptions {
    // Children the caller reads itself (e.g. <feedback> inside <choice>): skipped here.
    std::initializer_list<std::string_view> skip = {};
    // Where <blank> answers go; null when blanks are not allowed here.
    std::vector<Blank>* blanks = nullptr;
};

RichText readInline(XmlReader& r, const XMLElement* el, const InlineOptions& options = {});

// Text followed by at most one <feedback> (a choice, a scenario option).
void readWithFeedback(XmlReader& r, const XMLElement* el, RichText& text, RichText& feedback);
// A child that may appear once and holds inline text (intro, prompt, hint …): S008 when it
// is repeated, the text into `out` otherwise.
void readOnceInline(XmlReader& r, const XMLElement* child, const XMLElement* parent, bool& seen,
                    RichText& out);

} // namespace cordee::course::detail
