#include "ui/flow.hpp"

#include <algorithm>

namespace cordee::ui {

text::TextBlock Flow::textAt(const TaggedRuns& runs, int x, int y, int width, Role color,
                             double spacing, const std::string& hotPrefix, int maxLines) {
    text::TextBlock block = text::layoutText(runs.runs, width, m_, spacing);
    if (maxLines > 0 && static_cast<int>(block.lines.size()) > maxLines) {
        block.lines.resize(static_cast<size_t>(maxLines));
        text::Fragment& last = block.lines.back().fragments.back();
        while (!last.text.empty() && last.text.back() == ' ')
            last.text.pop_back();
        last.text += "…";
        last.width = m_.width(last.text, runs.runs[static_cast<size_t>(last.run)].font);
        block.height = 0;
        for (const text::Line& l : block.lines)
            block.height += l.height;
    }
    int top = y;
    for (const text::Line& line : block.lines) {
        for (const text::Fragment& f : line.fragments) {
            const text::StyledRun& run = runs.runs[static_cast<size_t>(f.run)];
            DrawText t{x + f.x, top + line.ascent, f.width, f.text, run.font, color};
            if (run.tag >= 0) {
                const RunTag& tag = runs.tags[static_cast<size_t>(run.tag)];
                const bool term = tag.kind == RunTag::Kind::Term;
                if (tag.kind == RunTag::Kind::Blank) {
                    // A field to type into, inside the sentence.
                    Rect field{x + f.x, top + mt_.px(2), f.width, line.height - mt_.px(4)};
                    out_.add(DrawRect{field, Role::PrimarySoft, mt_.px(4)});
                    out_.add(DrawBorder{field, Role::Primary, std::max(1, mt_.px(2)), mt_.px(4)});
                    out_.hot(hotPrefix + "gap:" + tag.target, field, HotKind::Choice);
                    t.color = Role::Heading;
                } else {
                    t.color = Role::Primary;
                    t.underline = term ? Underline::Dotted : Underline::Solid;
                    // Trailing spaces are not part of the clickable word.
                    std::string trimmed = f.text;
                    while (!trimmed.empty() && trimmed.back() == ' ')
                        trimmed.pop_back();
                    int w = trimmed.size() == f.text.size() ? f.width : m_.width(trimmed, run.font);
                    t.width = w;
                    out_.hot(hotPrefix + (term ? "term:" : "link:") + tag.target + "#" +
                                 std::to_string(run.tag),
                             {x + f.x, top, w, line.height}, term ? HotKind::Term : HotKind::Link);
                }
            }
            out_.add(std::move(t));
        }
        top += line.height;
    }
    return block;
}

text::TextBlock Flow::text(const TaggedRuns& runs, Role color, double spacing, int indent,
                           int width, const std::string& hotPrefix, int maxLines) {
    int w = width < 0 ? width_ - indent : width;
    text::TextBlock block = textAt(runs, x_ + indent, y_, w, color, spacing, hotPrefix, maxLines);
    y_ += block.height;
    return block;
}

int buttonWidth(text::Measurer& m, const Metrics& mt, const std::string& label) {
    return m.width(label, mt.label()) + mt.grid(4);
}

Rect addButton(DisplayList& out, text::Measurer& m, const Metrics& mt, const std::string& id,
               const std::string& label, int x, int y, ButtonStyle style, int minWidth,
               bool enabled) {
    const text::FontSpec font = mt.label();
    const int w = std::max(buttonWidth(m, mt, label), minWidth);
    const int h = std::max(mt.targetSize(), mt.px(48));
    Rect r{x, y, w, h};
    const int radius = mt.px(6);
    Role fg = Role::Primary;
    if (style == ButtonStyle::Primary) {
        out.add(DrawRect{r, enabled ? Role::Primary : Role::Locked, radius});
        fg = Role::OnPrimary;
    } else if (style == ButtonStyle::Secondary) {
        out.add(DrawRect{r, Role::Surface, radius});
        out.add(
            DrawBorder{r, enabled ? Role::Primary : Role::Locked, std::max(1, mt.px(2)), radius});
        fg = enabled ? Role::Primary : Role::Locked;
    } else {
        fg = enabled ? Role::Primary : Role::Locked;
    }
    const int textW = m.width(label, font);
    const int baseline = y + (h - m.lineHeight(font)) / 2 + m.ascent(font);
    out.add(DrawText{x + (w - textW) / 2, baseline, textW, label, font, fg});
    out.hot(id, r, HotKind::Button, enabled);
    return r;
}

} // namespace cordee::ui
