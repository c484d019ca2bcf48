#include "text/line_layout.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <cmath>

namespace cordee::text {
namespace {

struct Piece {
    int run;
    std::string text; // no break opportunity inside
    int width = 0;
    bool space = false;      // an ordinary space: a break opportunity after it
    bool breakAfter = false; // a hyphen between letters: may break after
    bool newline = false;    // forced break
};

bool isLetter(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F);
}

// Splits runs into pieces at every break opportunity.
std::vector<Piece> splitPieces(const std::vector<StyledRun>& runs) {
    std::vector<Piece> pieces;
    for (size_t r = 0; r < runs.size(); ++r) {
        const std::string& t = runs[r].text;
        std::string current;
        size_t currentCodePoints = 0;
        char32_t previous = 0;
        auto flush = [&](bool breakAfter) {
            if (!current.empty()) {
                pieces.push_back({static_cast<int>(r), current, 0, false, breakAfter, false});
                current.clear();
                currentCodePoints = 0;
            }
        };
        for (size_t pos = 0; pos < t.size();) {
            size_t start = pos;
            char32_t c = core::decodeUtf8(t, pos);
            if (c == ' ') {
                flush(false);
                pieces.push_back({static_cast<int>(r), " ", 0, true, false, false});
            } else if (c == '\n') {
                flush(false);
                pieces.push_back({static_cast<int>(r), "", 0, false, false, true});
            } else {
                // Shaping cost must not grow with a word's length: cut it, with no break
                // opportunity at the cut.
                if (currentCodePoints == kMaxShapedCodePoints)
                    flush(false);
                current.append(t, start, pos - start);
                ++currentCodePoints;
                if (c == '-' && isLetter(previous) && pos < t.size()) {
                    size_t peek = pos;
                    if (isLetter(core::decodeUtf8(t, peek)))
                        flush(true);
                }
            }
            previous = c;
        }
        flush(false);
    }
    return pieces;
}

class LineBuilder {
public:
    LineBuilder(const std::vector<StyledRun>& runs, Measurer& m, double spacing)
        : runs_(runs)
        , m_(m)
        , spacing_(spacing) {}

    void place(const Piece& p) {
        Line& line = current();
        if (!line.fragments.empty() && line.fragments.back().run == p.run &&
            line.fragments.back().text.size() + p.text.size() <= kMaxFragmentBytes) {
            // Contiguous pieces of one run make one fragment, measured whole: the sum of
            // separately measured words drifts from the drawn text by rounding and kerning.
            Fragment& f = line.fragments.back();
            f.text += p.text;
            f.width = m_.width(f.text, runs_[static_cast<size_t>(p.run)].font);
            x_ = f.x + f.width;
        } else {
            line.fragments.push_back({p.run, p.text, x_, p.width});
            x_ += p.width;
        }
        if (!p.space)
            line.width = x_;
        noteFont(p.run);
    }

    void newLine() {
        finishLine();
        lines_.emplace_back();
        x_ = 0;
    }

    bool lineEmpty() { return current().fragments.empty(); }
    int x() const { return x_; }

    std::vector<Line> finish() {
        finishLine();
        return std::move(lines_);
    }

    void noteFont(int run) {
        const FontSpec& f = runs_[static_cast<size_t>(run)].font;
        Line& line = current();
        line.height =
            std::max(line.height, static_cast<int>(std::lround(m_.lineHeight(f) * spacing_)));
        line.ascent = std::max(line.ascent, m_.ascent(f));
    }

private:
    Line& current() {
        if (lines_.empty())
            lines_.emplace_back();
        return lines_.back();
    }

    void finishLine() {
        if (lines_.empty())
            return;
        Line& line = lines_.back();
        // Centre the tallest font's ascent within the extra leading.
        int natural = 0;
        for (const Fragment& f : line.fragments)
            natural = std::max(natural, m_.lineHeight(runs_[static_cast<size_t>(f.run)].font));
        line.ascent += (line.height - natural) / 2;
    }

    const std::vector<StyledRun>& runs_;
    Measurer& m_;
    double spacing_;
    std::vector<Line> lines_;
    int x_ = 0;
};

// Cuts a word too long for any line: the longest prefix (in whole code points) that fits in
// `room`, at least one character. `width` is the whole text's. The text is one piece (at most
// kMaxShapedCodePoints), so this is bounded; it starts from the proportional estimate and
// walks, which takes two or three measurements for ordinary text.
size_t fittingPrefix(const std::string& text, int width, const FontSpec& font, int room,
                     Measurer& m) {
    std::vector<size_t> bounds; // bounds[k] = bytes of the first k + 1 code points
    for (size_t pos = 0; pos < text.size();) {
        core::decodeUtf8(text, pos);
        bounds.push_back(pos);
    }
    const size_t n = bounds.size();
    auto fits = [&](size_t count) { // the first `count` code points, count >= 1
        return m.width(text.substr(0, bounds[count - 1]), font) <= room;
    };
    size_t k = width > 0 ? static_cast<size_t>(static_cast<long long>(n) * room / width) : n;
    k = std::clamp<size_t>(k, 1, n);
    if (fits(k)) {
        while (k < n && fits(k + 1))
            ++k;
    } else {
        while (k > 1) {
            --k;
            if (fits(k))
                break;
        }
    }
    return bounds[k - 1];
}

} // namespace

size_t fittingPrefixBytes(const std::string& text, const std::string& suffix, int room,
                          const FontSpec& font, Measurer& m) {
    std::vector<size_t> bounds; // bounds[k - 1] = bytes of the first k code points
    for (size_t pos = 0; pos < text.size() && bounds.size() < kMaxFittingCodePoints;) {
        core::decodeUtf8(text, pos);
        bounds.push_back(pos);
    }
    const size_t n = bounds.size();
    if (n == 0)
        return 0;
    auto fits = [&](size_t k) {
        return m.width(text.substr(0, bounds[k - 1]) + suffix, font) <= room;
    };
    size_t lo = 0; // the most code points known to fit
    size_t k = 1;
    while (k <= n && fits(k)) {
        lo = k;
        k *= 2;
    }
    size_t hi = std::min(k, n + 1); // the fewest known not to fit (n + 1: none tried)
    while (hi - lo > 1) {
        const size_t mid = lo + (hi - lo) / 2;
        if (fits(mid))
            lo = mid;
        else
            hi = mid;
    }
    return bounds[std::max<size_t>(lo, 1) - 1];
}

TextBlock layoutText(const std::vector<StyledRun>& runs, int maxWidth, Measurer& measurer,
                     double lineSpacing) {
    maxWidth = std::max(maxWidth, 1);
    std::vector<Piece> pieces = splitPieces(runs);
    for (Piece& p : pieces)
        if (!p.newline)
            p.width = measurer.width(p.text, runs[static_cast<size_t>(p.run)].font);

    LineBuilder lines(runs, measurer, lineSpacing);
    size_t i = 0;
    while (i < pieces.size()) {
        const Piece& p = pieces[i];
        if (p.newline) {
            lines.noteFont(p.run);
            lines.newLine();
            ++i;
            continue;
        }
        if (p.space) {
            if (!lines.lineEmpty()) // no space at the start of a line
                lines.place(p);
            ++i;
            continue;
        }
        // A word: pieces up to the next break opportunity.
        size_t end = i;
        int wordWidth = 0;
        while (end < pieces.size() && !pieces[end].space && !pieces[end].newline) {
            wordWidth += pieces[end].width;
            if (pieces[end++].breakAfter)
                break;
        }
        if (lines.x() + wordWidth > maxWidth && !lines.lineEmpty())
            lines.newLine();
        for (size_t k = i; k < end; ++k) {
            Piece piece = pieces[k];
            const FontSpec& font = runs[static_cast<size_t>(piece.run)].font;
            while (lines.x() + piece.width > maxWidth && piece.width > 0) {
                int room = maxWidth - lines.x();
                if (room <= 0 ||
                    (!lines.lineEmpty() && room < piece.width && wordWidth <= maxWidth)) {
                    lines.newLine();
                    continue;
                }
                size_t cut = fittingPrefix(piece.text, piece.width, font, room, measurer);
                if (cut >= piece.text.size())
                    break;
                Piece head = piece;
                head.text = piece.text.substr(0, cut);
                head.width = measurer.width(head.text, font);
                lines.place(head);
                lines.newLine();
                piece.text = piece.text.substr(cut);
                piece.width = measurer.width(piece.text, font);
            }
            lines.place(piece);
        }
        i = end;
    }

    TextBlock block;
    block.lines = lines.finish();
    if (pieces.empty())
        block.lines.clear();
    for (const Line& l : block.lines) {
        block.width = std::max(block.width, l.width);
        block.height += l.height;
    }
    return block;
}

} // namespace cordee::text
