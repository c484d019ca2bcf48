// Word wrap over styled runs: runs in, positioned lines out. Pure.
//
// Lines break only at ordinary spaces (U+0020) and after a hyphen between letters; no-break
// spaces never break (see french_typography.hpp). Trailing spaces do not count in a line's
// width. A word longer than the line is cut between characters. "\n" in a run forces a break.
// Each line holds one fragment per run piece, so the renderer draws (and caches) a texture per
// fragment, never per glyph and never a whole block.
//
// Workload: linear in the text, whatever its words. A word is shaped in pieces of at most
// kMaxShapedCodePoints (a 10 MB word is 160 000 small measurements, not one of 10 MB), a
// fragment grows to at most kMaxFragmentBytes (a line of zero-width marks does not re-measure
// a growing string), and a word too long for a line is cut by measuring from an estimate,
// not by a binary search over the whole word.
#pragma once

#include "text/styled_text.hpp"

#include <string>
#include <vector>

namespace cordee::text {

// Longer runs without a break opportunity are cut into pieces of this many code points before
// they are measured. The pieces of one word stay one word: they are only split at a line end.
inline constexpr size_t kMaxShapedCodePoints = 64;
// Pieces of one run on one line are measured together up to this size, then a new fragment
// starts (a texture wider than this would be wider than any screen anyway).
inline constexpr size_t kMaxFragmentBytes = 1024;

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

// The longest prefix of `text`, in whole code points (at least one), such that the prefix
// followed by `suffix` (an ellipsis) is at most `room` wide; in bytes. Searches by doubling,
// then halving, over at most the first kMaxFittingCodePoints: O(L log L) in the length L that
// fits, never in the text's length (a 15 MB title is elided as fast as a short one).
inline constexpr size_t kMaxFittingCodePoints = 4096;
size_t fittingPrefixBytes(const std::string& text, const std::string& suffix, int room,
                          const FontSpec& font, Measurer& m);

// `lineSpacing` multiplies the fonts' line height (1.5 for body text).
TextBlock layoutText(const std::vector<StyledRun>& runs, int maxWidth, Measurer& measurer,
                     double lineSpacing = 1.0);

} // namespace cordee::text
