#include "text/french_typography.hpp"

#include "core/utf8.hpp"

#include <string>
#include <vector>

namespace cordee::text {
namespace {

bool isDigit(char32_t c) {
    return c >= '0' && c <= '9';
}

bool isUpper(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}

// Latin letters, with the accented ones French uses; not punctuation such as ’ « ».
bool isLetter(char32_t c) {
    return (c >= 'a' && c <= 'z') || isUpper(c) || (c >= 0xDF && c <= 0x24F && c != 0xF7);
}

char32_t lower(char32_t c) {
    return isUpper(c) ? c + 0x20 : c;
}

// The word that ends just before `end`: letters, digits, '.' and '°' ("art.", "n°", "1er").
std::u32string wordBefore(const std::vector<char32_t>& cps, size_t end) {
    size_t begin = end;
    while (begin > 0) {
        char32_t c = cps[begin - 1];
        if (!isLetter(c) && !isDigit(c) && c != '.' && c != U'°')
            break;
        --begin;
    }
    return std::u32string(cps.begin() + static_cast<std::ptrdiff_t>(begin),
                          cps.begin() + static_cast<std::ptrdiff_t>(end));
}

// The letters that start at `begin`, lower-cased ("Juillet" -> "juillet").
std::u32string lettersFrom(const std::vector<char32_t>& cps, size_t begin) {
    std::u32string out;
    for (size_t i = begin; i < cps.size() && isLetter(cps[i]); ++i)
        out += lower(cps[i]);
    return out;
}

// "17 juillet", "1er août": a day of the month, then a month's name.
bool isDayBeforeMonth(const std::vector<char32_t>& cps, size_t i) {
    static const std::u32string kMonths[] = {U"janvier",   U"février", U"mars",     U"avril",
                                             U"mai",       U"juin",    U"juillet",  U"août",
                                             U"septembre", U"octobre", U"novembre", U"décembre"};
    std::u32string day = wordBefore(cps, i);
    bool isDay = day == U"1er";
    if (!isDay && !day.empty() && day.size() <= 2 && isDigit(day[0]) && isDigit(day.back())) {
        int n = day.size() == 1 ? day[0] - '0' : (day[0] - '0') * 10 + (day[1] - '0');
        isDay = n >= 1 && n <= 31;
    }
    if (!isDay)
        return false;
    std::u32string month = lettersFrom(cps, i + 1);
    for (const std::u32string& m : kMonths)
        if (month == m)
            return true;
    return false;
}

// "M. Roux", "Mme Diallo": a civility title, then a capitalised name.
bool isTitleBeforeName(const std::vector<char32_t>& cps, size_t i) {
    static const std::u32string kTitles[] = {U"M.",   U"MM.",   U"Mme", U"Mmes",
                                             U"Mlle", U"Mlles", U"Dr",  U"Pr"};
    if (i + 1 >= cps.size() || !isUpper(cps[i + 1]))
        return false;
    std::u32string word = wordBefore(cps, i);
    for (const std::u32string& t : kTitles)
        if (word == t)
            return true;
    return false;
}

// "art. 432-12", "p. 12", "al. 2", "art. L.2131-11": an abbreviation, then its number.
bool isAbbreviationBeforeNumber(const std::vector<char32_t>& cps, size_t i) {
    static const std::u32string kAbbreviations[] = {U"art.",  U"p.",   U"pp.", U"al.",
                                                    U"chap.", U"vol.", U"fig."};
    if (i + 1 >= cps.size())
        return false;
    const char32_t next = cps[i + 1];
    const char32_t afterNext = i + 2 < cps.size() ? cps[i + 2] : 0;
    // A code article ("L.1111-6", "R.232-8-4") counts as a number.
    bool number = isDigit(next) || (isUpper(next) && (afterNext == '.' || isDigit(afterNext)));
    if (!number)
        return false;
    std::u32string word = wordBefore(cps, i);
    if (word.empty())
        return false;
    word[0] = lower(word[0]); // "Art. 1er" at the start of a sentence
    for (const std::u32string& a : kAbbreviations)
        if (word == a)
            return true;
    return false;
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
    if (isDayBeforeMonth(cps, i) || isTitleBeforeName(cps, i) || isAbbreviationBeforeNumber(cps, i))
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
