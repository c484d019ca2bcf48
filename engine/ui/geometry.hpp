// Integer rectangles in device pixels.
#pragma once

#include <algorithm>

namespace cordee::ui {

struct Rect {
    int x = 0, y = 0, w = 0, h = 0;
    bool contains(int px, int py) const { return px >= x && py >= y && px < x + w && py < y + h; }
    int right() const { return x + w; }
    int bottom() const { return y + h; }
    Rect translated(int dx, int dy) const { return {x + dx, y + dy, w, h}; }
    Rect inset(int d) const {
        return {x + d, y + d, std::max(0, w - 2 * d), std::max(0, h - 2 * d)};
    }
    bool intersects(const Rect& o) const {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }
    bool operator==(const Rect&) const = default;
};

} // namespace cordee::ui
