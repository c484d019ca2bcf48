// Course content as plain text for a terminal or a screen reader: pages, glossary, contents.
// Lines are wrapped with the same layout engine as the window, measuring characters.
#pragma once

#include "core/diagnostic.hpp"
#include "course/model.hpp"

#include <set>
#include <string>
#include <vector>

namespace cordee::terminal {

struct PlainTextOptions {
    core::Lang lang = core::Lang::Fr;
    int columns = 80;
    bool kiosk = false;
};

// Rich text flattened: emphasis and strong are kept as *…* and **…** are not (they read badly
// aloud); a term keeps its text; a link shows its address after the text.
std::string plain(const course::RichText& t, bool showLinks = true);
// Wraps text to `columns`, each line prefixed by `indent` (the first by `firstIndent`).
std::string wrap(const std::string& text, int columns, const std::string& firstIndent,
                 const std::string& indent);

// Renders blocks; collects the glossary ids the text uses into `terms`.
std::string renderBlocks(const std::vector<course::Block>& blocks, const PlainTextOptions& o,
                         std::set<std::string>& terms);

} // namespace cordee::terminal
