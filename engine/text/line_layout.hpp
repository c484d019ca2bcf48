// Word wrap over styled runs: runs in, positioned lines out. Pure.
//
// Lines break only at ordinary spaces (U+0020) and after a hyphen between letters; no-break
// spaces never break (see french_typography.hpp). Trailing spaces do not count in a line's
// width. A word longer than the line is cut between characters. "\n" in a run forces a break.
// Each line holds one fragment per run piece, so the renderer draws (and caches) a texture per
// fragment, never per glyph and never a whole block.
#pragma once

#include "text/styled_text.hpp"

#include <string>
#include <vector>

namespace cordee::text {

struct Fragment {
    int run = 0;      // index into the input runs
    std::string text; // may end with a space (drawn, but not counted in the line width)
    int x = 0;        // from the line's left edge
    int width = 0;
};

struct Line {
    std::vector<Fragment> fragments;
    int width = 0;  // without trailing spaces
    int height = 0; // distance to the next line's top
    int ascent = 0; // baseline from the line's top
};

struct TextBlock {
    std::vector<Line> lines;
    int width = 0; // widest line
    int height = 0;
};

// `lineSpacing` multiplies the fonts' line height (1.5 for body text).
TextBlock layoutText(const std::vector<StyledRun>& runs, int maxWidth, Measurer& measurer,
                     double lineSpacing = 1.0);

} // namespace cordee::text
