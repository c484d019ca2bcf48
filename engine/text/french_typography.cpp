#include "text/french_typography.hpp"

#include "core/utf8.hpp"

#include <vector>

namespace cordee::text {
namespace {

bool isDigit(char32_t c) {
    return c >= '0' && c <= '9';
}

// Which space, if any, replaces the plain space at `i` given its neighbours.
std::string_view replacementFor(const std::vector<char32_t>& cps, size_t i) {
    const char32_t before = i > 0 ? cps[i - 1] : 0;
    const char32_t after = i + 1 < cps.size() ? cps[i + 1] : 0;
    if (after == ';' || after == '!' || after == '?' || after == U'»')
        return kNarrowNoBreakSpace;
    if (before == U'«')
        return kNarrowNoBreakSpace;
    if (after == ':')
        return kNoBreakSpace;
    if (after == U'€' || after == '%' || after == U'‰')
        return isDigit(before) ? kNoBreakSpace : std::string_view();
    // Thousands: "23 000" — a digit, then exactly three digits and no fourth.
    if (isDigit(before) && isDigit(after) && i + 3 < cps.size() + 1) {
        bool three = i + 3 < cps.size() && isDigit(cps[i + 2]) && isDigit(cps[i + 3]);
        bool fourth = i + 4 < cps.size() && isDigit(cps[i + 4]);
        if (three && !fourth)
            return kNarrowNoBreakSpace;
    }
    // "n° 12", "art. 9" keep their number.
    if (before == U'°' && i >= 2 && (cps[i - 2] == 'n' || cps[i - 2] == 'N') && isDigit(after))
        return kNoBreakSpace;
    return {};
}

} // namespace

std::string applyFrenchSpacing(std::string_view text) {
    std::vector<StyledRun> runs{{std::string(text), {}, -1}};
    applyFrenchSpacing(runs);
    return runs[0].text;
}

void applyFrenchSpacing(std::vector<StyledRun>& runs) {
    std::vector<char32_t> cps;
    std::vector<size_t> owner; // run index of each code point
    for (size_t r = 0; r < runs.size(); ++r) {
        const std::string& t = runs[r].text;
        for (size_t pos = 0; pos < t.size();) {
            cps.push_back(core::decodeUtf8(t, pos));
            owner.push_back(r);
        }
    }
    for (StyledRun& run : runs)
        run.text.clear();
    for (size_t i = 0; i < cps.size(); ++i) {
        std::string& out = runs[owner[i]].text;
        if (cps[i] == ' ') {
            std::string_view r = replacementFor(cps, i);
            if (!r.empty()) {
                out += r;
                continue;
            }
        }
        core::appendUtf8(out, cps[i]);
    }
}

} // namespace cordee::text
