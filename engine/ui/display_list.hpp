// What a screen wants drawn, in layout coordinates, with colours by role; and where its
// interactive spots are. Built on layout (page change, resize, settings), painted every frame
// that needs it, hit-tested on input. No SDL here.
#pragma once

#include "text/styled_text.hpp"
#include "ui/geometry.hpp"
#include "ui/theme.hpp"

#include <string>
#include <variant>
#include <vector>

namespace cordee::ui {

enum class Underline { None, Solid, Dotted };

struct DrawRect {
    Rect r;
    Role color;
    int radius = 0;
};
struct DrawBorder {
    Rect r;
    Role color;
    int thickness = 1;
    int radius = 0;
};
struct DrawText {
    int x = 0, baseline = 0, width = 0;
    std::string text;
    text::FontSpec font;
    Role color = Role::Text;
    Underline underline = Underline::None;
};
struct DrawImage {
    Rect r;
    std::string path;
};
using DrawItem = std::variant<DrawRect, DrawBorder, DrawText, DrawImage>;

enum class HotKind { Button, Term, Link, Card, Choice };

struct Hotspot {
    std::string id; // stable: focus and actions are keyed by it
    Rect r;
    HotKind kind = HotKind::Button;
    bool enabled = true;
};

struct DisplayList {
    std::vector<DrawItem> items;
    std::vector<Hotspot> hotspots;
    int height = 0; // of the content, for scrolling

    void add(DrawItem item) { items.push_back(std::move(item)); }
    void hot(std::string id, Rect r, HotKind kind = HotKind::Button, bool enabled = true) {
        hotspots.push_back({std::move(id), r, kind, enabled});
    }
    // The focusable ids in layout order, each once.
    std::vector<std::string> focusOrder() const;
    const Hotspot* hit(int x, int y) const;
    void shift(int dx, int dy);
    // The union of the spot's rectangles (a term may wrap over two lines).
    Rect bounds(const std::string& id) const;
};

} // namespace cordee::ui
