#include "ui/block_view.hpp"

#include "core/strings.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <tuple>

namespace cordee::ui {

using namespace course;
using core::Str;
using core::tr;

namespace {

struct NoteStyle {
    Role accent;
    Role back;
    Str label;
    const char* glyph;
};

NoteStyle noteStyle(NoteKind kind) {
    switch (kind) {
    case NoteKind::Info:
        return {Role::InfoAccent, Role::InfoBack, Str::NoteInfo, "i"};
    case NoteKind::Key:
        return {Role::KeyAccent, Role::KeyBack, Str::NoteKey, "★"};
    case NoteKind::Law:
        return {Role::LawAccent, Role::LawBack, Str::NoteLaw, "§"};
    case NoteKind::Example:
        return {Role::ExampleAccent, Role::ExampleBack, Str::NoteExample, "»"};
    case NoteKind::Warning:
        return {Role::WarningAccent, Role::WarningBack, Str::NoteWarning, "!"};
    }
    return {Role::InfoAccent, Role::InfoBack, Str::NoteInfo, "i"};
}

class BlockLayout {
public:
    BlockLayout(Flow& f, const BlockContext& ctx)
        : f_(f)
        , ctx_(ctx)
        , mt_(f.metrics()) {}

    void blocks(const std::vector<Block>& blocks, const std::string& prefix) {
        for (size_t i = 0; i < blocks.size(); ++i) {
            prefix_ = prefix + "b" + std::to_string(i) + ":";
            std::visit([&](const auto& b) { block(b, i == 0); }, blocks[i]);
        }
    }

private:
    void block(const Heading& h, bool first) {
        if (!first)
            f_.space(mt_.grid(2));
        f_.text(toRuns(h.text, mt_.h2()), Role::Heading, 1.25, 0, -1, prefix_);
        f_.space(mt_.grid(1.5));
    }

    void block(const Paragraph& p, bool) { paragraph(p.text, 0, f_.width()); }

    void paragraph(const RichText& t, int indent, int width) {
        f_.text(toRuns(t, mt_.body()), Role::Text, mt_.bodySpacing(), indent, width - indent,
                prefix_);
        f_.space(mt_.grid(2));
    }

    void list(const ListBlock& l, int indent, int width) {
        const text::FontSpec font = mt_.body();
        const int marker = mt_.grid(4);
        for (size_t i = 0; i < l.items.size(); ++i) {
            std::string bullet = l.ordered ? std::to_string(i + 1) + "." : "•";
            int bulletW = f_.measure(bullet, font);
            TaggedRuns runs = toRuns(l.items[i], font);
            int top = f_.y();
            text::TextBlock tb =
                f_.text(runs, Role::Text, mt_.bodySpacing(), indent + marker,
                        width - indent - marker, prefix_ + "i" + std::to_string(i) + ":");
            int baseline = top + (tb.lines.empty() ? 0 : tb.lines[0].ascent);
            f_.out().add(DrawText{f_.x() + indent + marker - bulletW - mt_.grid(1), baseline,
                                  bulletW, bullet, font, Role::TextMuted});
            f_.space(mt_.grid(1));
        }
        f_.space(mt_.grid(1));
    }

    void block(const ListBlock& l, bool) { list(l, 0, f_.width()); }

    void block(const Image& img, bool) {
        const int maxW = std::max(f_.width(), ctx_.figureWidth);
        // The loader read the size from the file's header; ask the renderer only when it
        // could not (an SVG sized in %), which may mean decoding the image.
        int natW = img.width, natH = img.height;
        if ((natW <= 0 || natH <= 0) && ctx_.imageSize)
            std::tie(natW, natH) = ctx_.imageSize(img.resolved.string());
        int w = maxW;
        int h = maxW * 9 / 16;
        if (natW > 0 && natH > 0) {
            // Fit the column; a small image may grow with the zoom, but never past 2×.
            double scale = std::min({static_cast<double>(maxW) / natW, mt_.zoom, 2.0});
            if (ctx_.figureHeight > 0)
                scale = std::min(scale, static_cast<double>(ctx_.figureHeight) / natH);
            w = std::max(1, static_cast<int>(natW * scale));
            h = std::max(1, static_cast<int>(natH * scale));
        }
        Rect r{f_.x() + (f_.width() - w) / 2, f_.y(), w, h};
        f_.out().add(DrawImage{r, img.resolved.string()});
        f_.space(h + mt_.grid(1));
        if (!img.caption.empty()) {
            TaggedRuns cap = plainRuns(img.caption, mt_.font(15, text::kItalic));
            f_.text(cap, Role::TextMuted, 1.4);
        }
        f_.space(mt_.grid(2.5));
    }

    void block(const Quote& q, bool) {
        const int bar = std::max(2, mt_.px(4));
        const int indent = mt_.grid(3);
        int top = f_.y();
        f_.space(mt_.grid(1));
        f_.text(toRuns(q.text, mt_.font(20, text::kItalic)), Role::Heading, 1.45, indent,
                f_.width() - indent, prefix_);
        if (!q.cite.empty()) {
            f_.space(mt_.grid(1));
            f_.text(plainRuns("— " + q.cite, mt_.small()), Role::TextMuted, 1.4, indent,
                    f_.width() - indent);
        }
        f_.space(mt_.grid(1));
        f_.out().add(DrawRect{{f_.x(), top, bar, f_.y() - top}, Role::Primary, 0});
        f_.space(mt_.grid(2.5));
    }

    void block(const Note& n, bool) {
        const NoteStyle style = noteStyle(n.kind);
        const int pad = mt_.grid(2.5);
        const int bar = std::max(3, mt_.px(6));
        const int top = f_.y();
        DisplayList& out = f_.out();
        // Background first: its height is known only after the content, so insert later.
        const size_t backIndex = out.items.size();
        out.add(DrawRect{{}, style.back, mt_.px(6)});
        out.add(DrawRect{{}, style.accent, 0});
        f_.space(pad);
        const int inner = bar + pad;
        const int innerWidth = f_.width() - inner - pad;

        // Header: badge with an icon, the kind's label, the note's title.
        const text::FontSpec labelFont = mt_.font(14, text::kBold);
        const int badge = mt_.px(28);
        Rect badgeRect{f_.x() + inner, f_.y(), badge, badge};
        out.add(DrawRect{badgeRect, style.accent, mt_.px(14)});
        const text::FontSpec glyphFont = mt_.font(16, text::kBold);
        int gw = f_.measure(style.glyph, glyphFont);
        out.add(DrawText{badgeRect.x + (badge - gw) / 2,
                         badgeRect.y + (badge - f_.measurer().lineHeight(glyphFont)) / 2 +
                             f_.measurer().ascent(glyphFont),
                         gw, style.glyph, glyphFont, Role::Surface});
        std::string label = tr(style.label, ctx_.lang);
        std::string upper = label;
        TaggedRuns labelRuns = plainRuns(upper, labelFont);
        const int labelX = inner + badge + mt_.grid(1.5);
        text::TextBlock lb = f_.textAt(labelRuns, f_.x() + labelX,
                                       f_.y() + (badge - f_.measurer().lineHeight(labelFont)) / 2,
                                       innerWidth - badge, style.accent);
        (void)lb;
        f_.space(badge + mt_.grid(1));
        if (!n.title.empty()) {
            f_.text(plainRuns(n.title, mt_.h3()), Role::Heading, 1.3, inner, innerWidth);
            f_.space(mt_.grid(1));
        }
        for (size_t i = 0; i < n.blocks.size(); ++i) {
            if (const Paragraph* p = std::get_if<Paragraph>(&n.blocks[i]))
                paragraph(p->text, inner, inner + innerWidth);
            else
                list(std::get<ListBlock>(n.blocks[i]), inner, inner + innerWidth);
        }
        f_.space(pad - mt_.grid(2));
        const int height = f_.y() - top;
        out.items[backIndex] = DrawRect{{f_.x(), top, f_.width(), height}, style.back, mt_.px(6)};
        out.items[backIndex + 1] = DrawRect{{f_.x(), top, bar, height}, style.accent, 0};
        f_.space(mt_.grid(3));
    }

    void block(const Table& t, bool) {
        size_t columns = 0;
        for (const auto& row : t.rows)
            columns = std::max(columns, row.size());
        if (columns == 0)
            return;
        const int pad = mt_.grid(1.5);
        const int colW = f_.width() / static_cast<int>(columns);
        const int border = std::max(1, mt_.px(1));
        DisplayList& out = f_.out();
        const int top = f_.y();
        int y = top;
        for (size_t r = 0; r < t.rows.size(); ++r) {
            const auto& row = t.rows[r];
            const size_t bgIndex = out.items.size();
            out.add(DrawRect{});
            int rowH = 0;
            bool header = !row.empty() && row[0].header;
            for (size_t c = 0; c < row.size(); ++c) {
                text::FontSpec font = row[c].header ? mt_.font(16, text::kBold) : mt_.font(16);
                TaggedRuns runs = toRuns(row[c].text, font);
                text::TextBlock tb =
                    f_.textAt(runs, f_.x() + static_cast<int>(c) * colW + pad, y + pad,
                              colW - 2 * pad, row[c].header ? Role::Heading : Role::Text, 1.35,
                              prefix_ + "r" + std::to_string(r) + "c" + std::to_string(c) + ":");
                rowH = std::max(rowH, tb.height + 2 * pad);
            }
            out.items[bgIndex] = DrawRect{
                {f_.x(), y, f_.width(), rowH}, header ? Role::SurfaceAlt : Role::Surface, 0};
            out.add(DrawRect{{f_.x(), y + rowH - border, f_.width(), border}, Role::Border, 0});
            y += rowH;
        }
        out.add(DrawBorder{{f_.x(), top, f_.width(), y - top}, Role::Border, border, 0});
        for (size_t c = 1; c < columns; ++c)
            out.add(DrawRect{
                {f_.x() + static_cast<int>(c) * colW, top, border, y - top}, Role::Border, 0});
        f_.setY(y);
        f_.space(mt_.grid(3));
    }

    void block(const Timeline& t, bool) {
        const int lineX = f_.x() + mt_.grid(1);
        const int textIndent = mt_.grid(4);
        const int top = f_.y();
        const int dot = mt_.px(14);
        DisplayList& out = f_.out();
        const size_t lineIndex = out.items.size();
        out.add(DrawRect{});
        for (size_t i = 0; i < t.events.size(); ++i) {
            const TimelineEvent& e = t.events[i];
            int y = f_.y();
            out.add(DrawRect{
                {lineX - dot / 2 + mt_.px(1), y + mt_.px(5), dot, dot}, Role::Primary, dot / 2});
            f_.text(plainRuns(e.date, mt_.font(16, text::kBold)), Role::Primary, 1.3, textIndent);
            f_.text(toRuns(e.text, mt_.body()), Role::Text, mt_.bodySpacing(), textIndent,
                    f_.width() - textIndent, prefix_ + "e" + std::to_string(i) + ":");
            f_.space(mt_.grid(2));
        }
        out.items[lineIndex] =
            DrawRect{{lineX, top + mt_.px(8), std::max(2, mt_.px(2)), f_.y() - top - mt_.grid(3)},
                     Role::Border,
                     0};
        f_.space(mt_.grid(1));
    }

    // Until quizzes are played here, a check shows its question and choices, inert.
    void block(const Check& c, bool) {
        if (ctx_.check) {
            ctx_.check(f_, c);
            return;
        }
        card(tr(Str::CheckPlaceholder, ctx_.lang), c.question.prompt, [&] {
            for (size_t i = 0; i < c.question.choices.size(); ++i) {
                TaggedRuns runs = toRuns(c.question.choices[i].text, mt_.body());
                runs.runs.insert(runs.runs.begin(),
                                 {std::to_string(i + 1) + ") ", mt_.font(18, text::kBold), -1});
                f_.text(runs, Role::Text, 1.4, mt_.grid(2.5), f_.width() - mt_.grid(5));
                f_.space(mt_.grid(1));
            }
        });
    }

    void block(const Reflection& r, bool) {
        if (ctx_.reflection) {
            ctx_.reflection(f_, r);
            return;
        }
        card(tr(Str::ReflectionPlaceholder, ctx_.lang), r.prompt, [&] {
            Rect box{f_.x() + mt_.grid(2.5), f_.y(), f_.width() - mt_.grid(5), mt_.px(96)};
            f_.out().add(DrawRect{box, Role::Background, mt_.px(4)});
            f_.out().add(DrawBorder{box, Role::Border, std::max(1, mt_.px(1)), mt_.px(4)});
            f_.space(box.h + mt_.grid(1));
        });
    }

    template <class Body> void card(const std::string& label, const RichText& prompt, Body body) {
        DisplayList& out = f_.out();
        const int top = f_.y();
        const size_t back = out.items.size();
        out.add(DrawRect{});
        out.add(DrawBorder{});
        const int pad = mt_.grid(2.5);
        f_.space(pad);
        f_.text(plainRuns(label, mt_.font(14, text::kBold)), Role::Primary, 1.2, pad);
        f_.space(mt_.grid(1));
        f_.text(toRuns(prompt, mt_.font(18, text::kBold)), Role::Heading, 1.4, pad,
                f_.width() - 2 * pad, prefix_);
        f_.space(mt_.grid(1.5));
        body();
        f_.space(pad - mt_.grid(1));
        Rect r{f_.x(), top, f_.width(), f_.y() - top};
        out.items[back] = DrawRect{r, Role::Surface, mt_.px(8)};
        out.items[back + 1] = DrawBorder{r, Role::Border, std::max(1, mt_.px(1)), mt_.px(8)};
        f_.space(mt_.grid(3));
    }

    Flow& f_;
    const BlockContext& ctx_;
    Metrics mt_;
    std::string prefix_;
};

} // namespace

void layoutBlocks(Flow& flow, const std::vector<Block>& blocks, const BlockContext& ctx,
                  const std::string& idPrefix) {
    BlockLayout(flow, ctx).blocks(blocks, idPrefix);
}

} // namespace cordee::ui
