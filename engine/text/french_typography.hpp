// French typography applied to authored text before layout.
//
// Trainers type ordinary spaces; the reader must never see "?" or "»" alone at the start of
// a line, nor "23" and "000 €" on two lines. We turn the spaces that French rules make
// unbreakable into no-break spaces: a narrow one (U+202F) before ; ! ? » and after «, a
// normal-width one (U+00A0) before : and inside "n° 12", "23 000", "50 %", "12 €". A normal
// no-break space also holds a day to its month ("17 juillet"), a civility title to the name
// ("M. Roux", "Mme Diallo") and an abbreviation to its number ("art. 432-12", "p. 12", "al. 2").
// An author's own no-break spaces are kept. Pure: used by the window and the PNG renderer.
#pragma once

#include "text/styled_text.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace cordee::text {

inline constexpr std::string_view kNarrowNoBreakSpace = "\u202F";
inline constexpr std::string_view kNoBreakSpace = "\u00A0";

std::string applyFrenchSpacing(std::string_view text);
// The same over styled runs taken as one text, so "mot</em> ?" is handled across runs.
void applyFrenchSpacing(std::vector<StyledRun>& runs);

} // namespace cordee::text
