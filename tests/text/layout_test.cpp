#include "core/utf8.hpp"
#include "support/time_bound.hpp"
#include "text/french_typography.hpp"
#include "text/line_layout.hpp"

#include <catch2/catch.hpp>
#include <chrono>

using namespace cordee::text;

namespace {

// Every character is 10 px wide (20 in bold), lines are 20 px, ascent 15.
class FakeMeasurer : public Measurer {
public:
    int width(const std::string& s, const FontSpec& f) override {
        return static_cast<int>(cordee::core::countCodePoints(s)) * (f.style & kBold ? 20 : 10);
    }
    int lineHeight(const FontSpec&) override { return 20; }
    int ascent(const FontSpec&) override { return 15; }
};

std::vector<std::string> lineTexts(const TextBlock& b) {
    std::vector<std::string> out;
    for (const Line& l : b.lines) {
        std::string s;
        for (const Fragment& f : l.fragments)
            s += f.text;
        out.push_back(s);
    }
    return out;
}

TextBlock layout(const std::string& text, int width) {
    FakeMeasurer m;
    return layoutText({{text, {}, -1}}, width, m);
}

} // namespace

TEST_CASE("words wrap at spaces and trailing spaces do not count", "[text][layout]") {
    TextBlock b = layout("un deux trois quatre", 100); // 10 characters per line
    REQUIRE(lineTexts(b) == std::vector<std::string>{"un deux ", "trois ", "quatre"});
    CHECK(b.lines[0].width == 70);
    CHECK(b.lines[1].width == 50);
    CHECK(b.width == 70);
    CHECK(b.height == 60);
}

TEST_CASE("a line never starts with a space", "[text][layout]") {
    TextBlock b = layout("abcdefghij   klm", 100);
    REQUIRE(b.lines.size() == 2);
    CHECK(lineTexts(b)[1] == "klm");
}

TEST_CASE("a word longer than the line is cut between characters", "[text][layout]") {
    TextBlock b = layout("anticonstitutionnellement", 100);
    CHECK(lineTexts(b) == std::vector<std::string>{"anticonsti", "tutionnell", "ement"});
}

TEST_CASE("a long word is cut even with multi-byte characters", "[text][layout]") {
    TextBlock b = layout("ééééééééééééé", 50);
    CHECK(lineTexts(b) == std::vector<std::string>{"ééééé", "ééééé", "ééé"});
}

TEST_CASE("runs keep their style and a word may span runs", "[text][layout]") {
    FakeMeasurer m;
    FontSpec bold{0, kBold, 18};
    // "l'" regular then "État" bold: one word, no break between them.
    TextBlock b = layoutText({{"voir l'", {}, -1}, {"État", bold, 7}, {" ici", {}, -1}}, 140, m);
    REQUIRE(lineTexts(b) == std::vector<std::string>{"voir ", "l'État ici"});
    const Line& second = b.lines[1];
    REQUIRE(second.fragments.size() == 3);
    CHECK(second.fragments[1].run == 1);
    CHECK(second.fragments[1].x == 20);
    CHECK(second.fragments[1].width == 80);
}

TEST_CASE("a newline forces a break", "[text][layout]") {
    TextBlock b = layout("un\ndeux", 1000);
    CHECK(lineTexts(b) == std::vector<std::string>{"un", "deux"});
}

TEST_CASE("a hyphen between letters is a break opportunity", "[text][layout]") {
    TextBlock b = layout("la co-production", 100);
    CHECK(lineTexts(b) == std::vector<std::string>{"la co-", "production"});
}

TEST_CASE("line spacing scales the line height", "[text][layout]") {
    FakeMeasurer m;
    TextBlock b = layoutText({{"a b", {}, -1}}, 1000, m, 1.5);
    REQUIRE(b.lines.size() == 1);
    CHECK(b.lines[0].height == 30);
    CHECK(b.lines[0].ascent == 20); // 15 + half of the 10 px of leading
}

TEST_CASE("empty text has no lines", "[text][layout]") {
    CHECK(layout("", 100).lines.empty());
}

TEST_CASE("French spacing makes punctuation and numbers unbreakable", "[text][french]") {
    CHECK(applyFrenchSpacing("Vraiment ?") == "Vraiment\u202F?");
    CHECK(applyFrenchSpacing("Oui ; non !") == "Oui\u202F; non\u202F!");
    CHECK(applyFrenchSpacing("« mot »") == "«\u202Fmot\u202F»");
    CHECK(applyFrenchSpacing("Note : ceci") == "Note\u00A0: ceci");
    CHECK(applyFrenchSpacing("23 000 €") == "23\u202F000\u00A0€");
    CHECK(applyFrenchSpacing("1 500 000 habitants") == "1\u202F500\u202F000 habitants");
    CHECK(applyFrenchSpacing("n° 12") == "n°\u00A012");
    CHECK(applyFrenchSpacing("50 %") == "50\u00A0%");
    CHECK(applyFrenchSpacing("en 2001 2014") == "en 2001 2014"); // four digits: not thousands
}

TEST_CASE("French spacing never lets ? start a line", "[text][french][layout]") {
    FakeMeasurer m;
    std::vector<StyledRun> runs{{"Est-ce vrai ?", {}, -1}};
    applyFrenchSpacing(runs);
    TextBlock b = layoutText(runs, 110, m); // "Est-ce vrai" is 11 characters
    for (const Line& l : b.lines)
        CHECK(l.fragments.front().text.rfind("?", 0) != 0);
    CHECK(lineTexts(b).back() == "vrai\u202F?");
}

TEST_CASE("French spacing works across runs", "[text][french]") {
    std::vector<StyledRun> runs{
        {"Quel <em>", {}, -1}, {"mot", {0, kItalic, 18}, 1}, {" ?", {}, -1}};
    applyFrenchSpacing(runs);
    CHECK(runs[2].text == "\u202F?");
}

TEST_CASE("a space at the end of a run separates it from the next run", "[text][layout]") {
    FakeMeasurer m;
    TextBlock b = layoutText({{"ab ", {}, -1}, {"cd", {0, kBold, 18}, 1}}, 1000, m);
    REQUIRE(b.lines.size() == 1);
    REQUIRE(b.lines[0].fragments.size() == 2);
    CHECK(b.lines[0].fragments[0].text == "ab ");
    CHECK(b.lines[0].fragments[0].width == 30);
    CHECK(b.lines[0].fragments[1].x == 30);
}

TEST_CASE("French spacing keeps a day with its month", "[text][french]") {
    CHECK(applyFrenchSpacing("le 17 juillet 2001") == "le 17\u00A0juillet 2001");
    CHECK(applyFrenchSpacing("le 1er août") == "le 1er\u00A0août");
    CHECK(applyFrenchSpacing("22 décembre 2025") == "22\u00A0décembre 2025");
    CHECK(applyFrenchSpacing("9 Octobre") == "9\u00A0Octobre");
    // Not a day, or not a month: the space stays breakable.
    CHECK(applyFrenchSpacing("32 juillet") == "32 juillet");
    CHECK(applyFrenchSpacing("2001 juillet") == "2001 juillet");
    CHECK(applyFrenchSpacing("3 mairies") == "3 mairies");
    CHECK(applyFrenchSpacing("12 maisons") == "12 maisons");
}

TEST_CASE("French spacing keeps a title with the name", "[text][french]") {
    CHECK(applyFrenchSpacing("M. Roux ouvre") == "M.\u00A0Roux ouvre");
    CHECK(applyFrenchSpacing("avec Mme Diallo") == "avec Mme\u00A0Diallo");
    CHECK(applyFrenchSpacing("Mlle Élise") == "Mlle\u00A0Élise");
    // A lower-case word after the title is not a name; "SM." is not "M.".
    CHECK(applyFrenchSpacing("M. le maire") == "M. le maire");
    CHECK(applyFrenchSpacing("SM. Roux") == "SM. Roux");
    CHECK(applyFrenchSpacing("Mmeuh Roux") == "Mmeuh Roux");
}

TEST_CASE("French spacing keeps an abbreviation with its number", "[text][french]") {
    CHECK(applyFrenchSpacing("l’art. 432-12 du Code pénal") == "l’art.\u00A0432-12 du Code pénal");
    CHECK(applyFrenchSpacing("voir p. 12, al. 2") == "voir p.\u00A012, al.\u00A02");
    CHECK(applyFrenchSpacing("Art. 1er") == "Art.\u00A01er");
    CHECK(applyFrenchSpacing("art. L.1111-6 CGCT") == "art.\u00A0L.1111-6 CGCT");
    // No number after it, or not that abbreviation: breakable.
    CHECK(applyFrenchSpacing("art. premier") == "art. premier");
    CHECK(applyFrenchSpacing("le départ. 12") == "le départ. 12");
    CHECK(applyFrenchSpacing("cap. 12") == "cap. 12");
}

TEST_CASE("a kept-together pair moves to the next line as one word", "[text][french][layout]") {
    FakeMeasurer m;
    std::vector<StyledRun> runs{{"selon M. Roux", {}, -1}};
    applyFrenchSpacing(runs);
    TextBlock b = layoutText(runs, 100, m); // "selon M." is 8 characters; "Roux" does not fit
    REQUIRE(lineTexts(b).size() == 2);
    CHECK(lineTexts(b)[1] == "M.\u00A0Roux");
}

namespace {

// Counts what is measured, to bound the layout's work by the text's length.
class CountingMeasurer : public FakeMeasurer {
public:
    int width(const std::string& s, const FontSpec& f) override {
        measuredBytes += s.size();
        ++calls;
        return FakeMeasurer::width(s, f);
    }
    size_t measuredBytes = 0;
    size_t calls = 0;
};

// Proportional: 'i' is narrow, 'm' wide, so an estimate from the average is off.
class ProportionalMeasurer : public Measurer {
public:
    int width(const std::string& s, const FontSpec&) override {
        int w = 0;
        for (char c : s)
            w += c == 'i' ? 3 : (c == 'm' ? 17 : 10);
        return w;
    }
    int lineHeight(const FontSpec&) override { return 20; }
    int ascent(const FontSpec&) override { return 15; }
};

} // namespace

TEST_CASE("a long word fills each line exactly, with linear work", "[text][layout][limits]") {
    // Before: an 80 000-character word took 22 s in the window (a binary search re-measuring
    // prefixes of the whole word for each line).
    CountingMeasurer m;
    const std::string word(80000, 'a');
    TextBlock b = layoutText({{word, {}, -1}}, 100, m);
    REQUIRE(b.lines.size() == 8000);
    for (const Line& l : b.lines) {
        std::string s;
        for (const Fragment& f : l.fragments)
            s += f.text;
        REQUIRE(s == "aaaaaaaaaa");
        REQUIRE(l.width == 100);
    }
    CHECK(m.measuredBytes < 20 * word.size());
}

TEST_CASE("a 10 MB word is laid out in bounded time", "[text][layout][limits][slow-input]") {
    // Before: the window and the text mode froze on it.
    CountingMeasurer m;
    const std::string word(10 * 1024 * 1024, 'x');
    auto start = std::chrono::steady_clock::now();
    TextBlock b = layoutText({{"avant " + word + " après", {}, -1}}, 800, m);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < cordee::test::bound(5.0));
    CHECK(b.lines.size() == word.size() / 80 + 2);
    CHECK(m.measuredBytes < 20 * word.size());
}

TEST_CASE("a long word in a proportional font still cuts at the longest fitting prefix",
          "[text][layout][limits]") {
    ProportionalMeasurer m;
    const std::string word = std::string(100, 'i') + std::string(100, 'm') + "iiimmm";
    TextBlock b = layoutText({{word, {}, -1}}, 100, m);
    std::string joined;
    for (const Line& l : b.lines) {
        std::string s;
        for (const Fragment& f : l.fragments)
            s += f.text;
        joined += s;
        CHECK(m.width(s, {}) <= 100);
        CHECK(!s.empty());
    }
    CHECK(joined == word);
    // Each line is as full as it can be: one more character of the next line would not fit.
    for (size_t i = 0; i + 1 < b.lines.size(); ++i) {
        std::string s, next;
        for (const Fragment& f : b.lines[i].fragments)
            s += f.text;
        for (const Fragment& f : b.lines[i + 1].fragments)
            next += f.text;
        CHECK(m.width(s + next.substr(0, 1), {}) > 100);
    }
}

TEST_CASE("zero-width text does not re-measure a growing fragment", "[text][layout][limits]") {
    class ZeroMeasurer : public CountingMeasurer {
    public:
        int width(const std::string& s, const FontSpec& f) override {
            CountingMeasurer::width(s, f);
            return 0;
        }
    } m;
    const std::string marks = [] {
        std::string s;
        for (int i = 0; i < 200000; ++i)
            s += "\xCC\x81"; // U+0301, a combining mark: no width of its own
        return s;
    }();
    TextBlock b = layoutText({{marks, {}, -1}}, 100, m);
    REQUIRE(b.lines.size() == 1);
    CHECK(b.lines[0].fragments.size() >= marks.size() / kMaxFragmentBytes);
    CHECK(m.measuredBytes < 40 * marks.size());
}

TEST_CASE("the longest prefix that fits with an ellipsis, in bounded work",
          "[text][layout][limits]") {
    CountingMeasurer m;
    // 10 px per character: "abcdefg…" is 80 px.
    CHECK(fittingPrefixBytes("abcdefghijkl", "…", 80, {}, m) == 7);
    CHECK(fittingPrefixBytes("abc", "…", 1000, {}, m) == 3);
    CHECK(fittingPrefixBytes("abc", "…", 5, {}, m) == 1);    // at least one character
    CHECK(fittingPrefixBytes("ééééé", "…", 40, {}, m) == 6); // whole code points
    // Before: the top bar popped one character at a time off a 15 MB title, measuring it
    // whole each time (the course overview never appeared).
    m.measuredBytes = 0;
    const std::string title(15 * 1024 * 1024, 'x');
    CHECK(fittingPrefixBytes(title, "…", 600, {}, m) == 59);
    CHECK(m.measuredBytes < 2000);
}
