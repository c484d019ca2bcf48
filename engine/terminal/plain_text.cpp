#include "terminal/plain_text.hpp"

#include "core/strings.hpp"
#include "core/utf8.hpp"
#include "text/french_typography.hpp"
#include "text/line_layout.hpp"

#include <sstream>

namespace cordee::terminal {

using namespace course;
using core::Str;
using core::tr;

namespace {

// A terminal cell per code point.
class CharMeasurer : public text::Measurer {
public:
    int width(const std::string& s, const text::FontSpec&) override {
        return static_cast<int>(core::countCodePoints(s));
    }
    int lineHeight(const text::FontSpec&) override { return 1; }
    int ascent(const text::FontSpec&) override { return 1; }
};

void collectTerms(const RichText& t, std::set<std::string>& terms) {
    for (const InlineRun& r : t.runs)
        if (!r.termRef.empty())
            terms.insert(r.termRef);
}

Str noteLabel(NoteKind k) {
    switch (k) {
    case NoteKind::Info:
        return Str::NoteInfo;
    case NoteKind::Key:
        return Str::NoteKey;
    case NoteKind::Law:
        return Str::NoteLaw;
    case NoteKind::Example:
        return Str::NoteExample;
    case NoteKind::Warning:
        return Str::NoteWarning;
    }
    return Str::NoteInfo;
}

} // namespace

std::string plain(const RichText& t, bool showLinks) {
    std::string out;
    for (size_t i = 0; i < t.runs.size(); ++i) {
        const InlineRun& r = t.runs[i];
        switch (r.kind) {
        case InlineRun::Kind::Text:
            out += r.text;
            // After the last run of a link, its address.
            if (showLinks && !r.linkHref.empty() &&
                (i + 1 == t.runs.size() || t.runs[i + 1].linkHref != r.linkHref))
                out += " <" + r.linkHref + ">";
            break;
        case InlineRun::Kind::LineBreak:
            out += "\n";
            break;
        case InlineRun::Kind::Blank:
            out += "[" + std::to_string(r.blankIndex + 1) + "]";
            break;
        }
    }
    return text::applyFrenchSpacing(out);
}

std::string wrap(const std::string& textIn, int columns, const std::string& firstIndent,
                 const std::string& indent) {
    CharMeasurer m;
    std::string out;
    bool first = true;
    std::istringstream paragraphs(textIn);
    std::string paragraph;
    while (std::getline(paragraphs, paragraph)) {
        const int width = columns - static_cast<int>(core::countCodePoints(indent));
        text::TextBlock b = text::layoutText({{paragraph, {}, -1}}, std::max(20, width), m);
        if (b.lines.empty()) {
            out += (first ? firstIndent : indent) + "\n";
            first = false;
        }
        for (const text::Line& line : b.lines) {
            std::string s;
            for (const text::Fragment& f : line.fragments)
                s += f.text;
            while (!s.empty() && s.back() == ' ')
                s.pop_back();
            out += (first ? firstIndent : indent) + s + "\n";
            first = false;
        }
    }
    return out;
}

std::string renderBlocks(const std::vector<Block>& blocks, const PlainTextOptions& o,
                         std::set<std::string>& terms) {
    std::string out;
    const int cols = o.columns;
    auto list = [&](const ListBlock& l, const std::string& indent) {
        for (size_t i = 0; i < l.items.size(); ++i) {
            collectTerms(l.items[i], terms);
            std::string marker = l.ordered ? std::to_string(i + 1) + ". " : "• ";
            out += wrap(plain(l.items[i], !o.kiosk), cols, indent + "  " + marker,
                        indent + std::string(2 + core::countCodePoints(marker), ' '));
        }
    };
    for (const Block& b : blocks) {
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, Heading>) {
                    collectTerms(x.text, terms);
                    out += "\n## " + plain(x.text, false) + "\n\n";
                } else if constexpr (std::is_same_v<T, Paragraph>) {
                    collectTerms(x.text, terms);
                    out += wrap(plain(x.text, !o.kiosk), cols, "", "") + "\n";
                } else if constexpr (std::is_same_v<T, ListBlock>) {
                    list(x, "");
                    out += "\n";
                } else if constexpr (std::is_same_v<T, Image>) {
                    out += wrap("[Image] " + x.alt, cols, "", "  ");
                    if (!x.caption.empty())
                        out += wrap("(" + x.caption + ")", cols, "  ", "  ");
                    out += "\n";
                } else if constexpr (std::is_same_v<T, Quote>) {
                    collectTerms(x.text, terms);
                    out += wrap("« " + plain(x.text, false) + " »", cols, "  ", "  ");
                    if (!x.cite.empty())
                        out += wrap("— " + x.cite, cols, "    ", "    ");
                    out += "\n";
                } else if constexpr (std::is_same_v<T, Note>) {
                    std::string head = "[" + std::string(tr(noteLabel(x.kind), o.lang)) + "]";
                    if (!x.title.empty())
                        head += " " + x.title;
                    out += text::applyFrenchSpacing(head) + "\n";
                    for (const NoteBlock& nb : x.blocks) {
                        if (const Paragraph* p = std::get_if<Paragraph>(&nb)) {
                            collectTerms(p->text, terms);
                            out += wrap(plain(p->text, !o.kiosk), cols, "  ", "  ");
                        } else {
                            list(std::get<ListBlock>(nb), "  ");
                        }
                    }
                    out += "\n";
                } else if constexpr (std::is_same_v<T, Table>) {
                    for (const auto& row : x.rows) {
                        std::string line;
                        for (size_t c = 0; c < row.size(); ++c) {
                            collectTerms(row[c].text, terms);
                            line += (c ? " | " : "") + plain(row[c].text, false);
                        }
                        out += wrap(line, cols, "  ", "    ");
                    }
                    out += "\n";
                } else if constexpr (std::is_same_v<T, Timeline>) {
                    for (const TimelineEvent& e : x.events) {
                        collectTerms(e.text, terms);
                        out += wrap(e.date + " — " + plain(e.text, false), cols, "  ", "    ");
                    }
                    out += "\n";
                } else if constexpr (std::is_same_v<T, Check>) {
                    const Question& q = x.question;
                    collectTerms(q.prompt, terms);
                    out += "[" + std::string(tr(Str::CheckPlaceholder, o.lang)) + "]\n";
                    out += wrap(plain(q.prompt, false), cols, "  ", "  ");
                    for (size_t i = 0; i < q.choices.size(); ++i)
                        out += wrap(plain(q.choices[i].text, false), cols,
                                    "  " + std::to_string(i + 1) + ") ", "     ");
                    out += "\n";
                } else if constexpr (std::is_same_v<T, Reflection>) {
                    collectTerms(x.prompt, terms);
                    out += "[" + std::string(tr(Str::ReflectionPlaceholder, o.lang)) + "]\n";
                    out += wrap(plain(x.prompt, false), cols, "  ", "  ") + "\n";
                }
            },
            b);
    }
    return out;
}

} // namespace cordee::terminal
