// Layout on demand and painting: display lists to the canvas, with scroll bars, hover and the
// focus ring drawn over them.
#include "core/strings.hpp"
#include "ui/controller.hpp"

namespace cordee::ui {

namespace {

struct PaintContext {
    Canvas& canvas;
    ThemeName theme;
    core::Lang lang;
    int zoomPx1; // one pixel at the current zoom
};

void paintText(PaintContext& pc, const DrawText& t, int dx, int dy) {
    const Color color = themeColor(pc.theme, t.color);
    pc.canvas.drawText(t.x + dx, t.baseline + dy, t.text, t.font, color);
    if (t.underline == Underline::None)
        return;
    const int thickness = std::max(1, pc.zoomPx1);
    const int y = t.baseline + dy + std::max(2, 3 * pc.zoomPx1);
    if (t.underline == Underline::Solid) {
        pc.canvas.fillRect({t.x + dx, y, t.width, thickness}, color, 0);
        return;
    }
    const int dash = std::max(2, 2 * pc.zoomPx1);
    for (int x = 0; x < t.width; x += 2 * dash)
        pc.canvas.fillRect({t.x + dx + x, y, std::min(dash, t.width - x), thickness}, color, 0);
}

void paintList(PaintContext& pc, const DisplayList& list, int dx, int dy, const Rect* clip) {
    for (const DrawItem& item : list.items) {
        std::visit(
            [&](const auto& d) {
                using T = std::decay_t<decltype(d)>;
                if constexpr (std::is_same_v<T, DrawText>) {
                    if (clip &&
                        (d.baseline + dy < clip->y - 200 || d.baseline + dy > clip->bottom() + 200))
                        return; // far outside: skip the texture lookup
                    paintText(pc, d, dx, dy);
                } else {
                    Rect r = d.r.translated(dx, dy);
                    if (clip && !r.intersects(*clip))
                        return;
                    if constexpr (std::is_same_v<T, DrawRect>) {
                        pc.canvas.fillRect(r, themeColor(pc.theme, d.color), d.radius);
                    } else if constexpr (std::is_same_v<T, DrawBorder>) {
                        pc.canvas.strokeRect(r, themeColor(pc.theme, d.color), d.thickness,
                                             d.radius);
                    } else if constexpr (std::is_same_v<T, DrawImage>) {
                        if (!pc.canvas.drawImage(d.path, r)) {
                            // A visible placeholder, never a silent hole.
                            pc.canvas.fillRect(r, themeColor(pc.theme, Role::SurfaceAlt), 0);
                            pc.canvas.strokeRect(r, themeColor(pc.theme, Role::Border), 1, 0);
                            text::FontSpec f{0, text::kItalic, 16 * pc.zoomPx1};
                            std::string label = core::tr(core::Str::ImageMissing, pc.lang);
                            int w = pc.canvas.width(label, f);
                            pc.canvas.drawText(r.x + (r.w - w) / 2, r.y + r.h / 2, label, f,
                                               themeColor(pc.theme, Role::TextMuted));
                        }
                    }
                }
            },
            item);
    }
}

void paintScrollbar(PaintContext& pc, const Layer& layer, int px) {
    if (layer.maxScroll() <= 0)
        return;
    const Rect& v = layer.viewport;
    const int trackW = std::max(4, 6 * px);
    const int thumbH = std::max(24 * px, v.h * v.h / std::max(1, layer.list.height));
    const int thumbY = v.y + (v.h - thumbH) * layer.scroll / layer.maxScroll();
    pc.canvas.fillRect({v.right() - trackW - 2 * px, thumbY, trackW, thumbH},
                       themeColor(pc.theme, Role::Locked), trackW / 2);
}

} // namespace

void Controller::layout(Canvas& c) {
    if (!dirty_)
        return;
    content_.list = {};
    chrome_.list = {};
    overlayLayer_.list = {};
    overlayFixed_ = {};
    content_.viewport = {0, 0, width_, height_};
    switch (screen_) {
    case ScreenKind::Catalogue:
        layoutCatalogue(c);
        break;
    case ScreenKind::Overview:
        layoutOverview(c);
        break;
    case ScreenKind::Step:
        layoutStep(c);
        break;
    }
    if (overlay_ != Overlay::None)
        layoutOverlay(c);
    if (pendingScrollRatio_) {
        content_.scroll = static_cast<int>(*pendingScrollRatio_ * content_.list.height);
        pendingScrollRatio_.reset();
    }
    content_.scroll = std::clamp(content_.scroll, 0, content_.maxScroll());
    if (!revealAfterLayout_.empty()) {
        // After an answer: bring the feedback's button into view, with the feedback above it.
        Rect r = content_.list.bounds(revealAfterLayout_);
        if (r.w > 0 && r.bottom() + metrics_.grid(3) > content_.scroll + content_.viewport.h)
            content_.scroll =
                std::min(content_.maxScroll(), r.bottom() + metrics_.grid(3) - content_.viewport.h);
        revealAfterLayout_.clear();
    }
    overlayLayer_.scroll = std::clamp(overlayLayer_.scroll, 0, overlayLayer_.maxScroll());
    // Focus on something that is gone (another page): let it go.
    std::vector<std::string> order = focusOrder();
    if (!focus_.empty() && std::find(order.begin(), order.end(), focus_) == order.end())
        focus_.clear();
    dirty_ = false;
}

void Controller::paint(Canvas& c) {
    layout(c);
    PaintContext pc{c, settings_.theme, settings_.lang, std::max(1, metrics_.px(1))};
    c.setClip(nullptr);
    c.fillRect({0, 0, width_, height_}, themeColor(settings_.theme, Role::Background), 0);

    const Rect& v = content_.viewport;
    c.setClip(&v);
    paintList(pc, content_.list, v.x, v.y - content_.scroll, &v);
    c.setClip(nullptr);
    paintScrollbar(pc, content_, pc.zoomPx1);
    paintList(pc, chrome_.list, 0, 0, nullptr);

    if (overlay_ != Overlay::None) {
        c.fillRect({0, 0, width_, height_}, themeColor(settings_.theme, Role::Scrim), 0);
        paintList(pc, overlayFixed_, 0, 0, nullptr);
        const Rect& ov = overlayLayer_.viewport;
        c.setClip(&ov);
        paintList(pc, overlayLayer_.list, ov.x, ov.y - overlayLayer_.scroll, &ov);
        c.setClip(nullptr);
        paintScrollbar(pc, overlayLayer_, pc.zoomPx1);
    }

    // Hover and focus, over everything else. Each id lives in one of the lists.
    auto screenRect = [&](const std::string& id) -> std::optional<Rect> {
        if (id.empty())
            return std::nullopt;
        auto inList = [&](const DisplayList& l, int dx, int dy) -> std::optional<Rect> {
            Rect r = l.bounds(id);
            if (r.w == 0 && r.h == 0)
                return std::nullopt;
            return r.translated(dx, dy);
        };
        if (overlay_ != Overlay::None) {
            if (auto r = inList(overlayFixed_, 0, 0))
                return r;
            return inList(overlayLayer_.list, overlayLayer_.viewport.x,
                          overlayLayer_.viewport.y - overlayLayer_.scroll);
        }
        if (auto r = inList(chrome_.list, 0, 0))
            return r;
        return inList(content_.list, content_.viewport.x, content_.viewport.y - content_.scroll);
    };
    const int px = pc.zoomPx1;
    if (auto r = screenRect(hover_); r && hover_ != focus_)
        c.strokeRect(*r, themeColor(settings_.theme, Role::Primary), std::max(1, px), 6 * px);
    if (auto r = screenRect(pressed_))
        c.strokeRect(*r, themeColor(settings_.theme, Role::Primary), 2 * px, 6 * px);
    if (focusVisible_)
        if (auto r = screenRect(focus_))
            c.strokeRect(r->inset(-3 * px), themeColor(settings_.theme, Role::Focus),
                         std::max(2, 3 * px), 8 * px);
}

} // namespace cordee::ui
