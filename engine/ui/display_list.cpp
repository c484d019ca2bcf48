#include "ui/display_list.hpp"

#include <algorithm>
#include <set>

namespace cordee::ui {

std::vector<std::string> DisplayList::focusOrder() const {
    std::vector<std::string> order;
    std::set<std::string> seen;
    for (const Hotspot& h : hotspots)
        if (h.enabled && seen.insert(h.id).second)
            order.push_back(h.id);
    return order;
}

const Hotspot* DisplayList::hit(int x, int y) const {
    // Last added is on top (popovers and panels are added after the page).
    for (auto it = hotspots.rbegin(); it != hotspots.rend(); ++it)
        if (it->r.contains(x, y))
            return &*it;
    return nullptr;
}

void DisplayList::shift(int dx, int dy) {
    for (DrawItem& item : items)
        std::visit(
            [&](auto& d) {
                if constexpr (std::is_same_v<std::decay_t<decltype(d)>, DrawText>) {
                    d.x += dx;
                    d.baseline += dy;
                } else {
                    d.r = d.r.translated(dx, dy);
                }
            },
            item);
    for (Hotspot& h : hotspots)
        h.r = h.r.translated(dx, dy);
}

Rect DisplayList::bounds(const std::string& id) const {
    Rect out;
    bool first = true;
    for (const Hotspot& h : hotspots) {
        if (h.id != id)
            continue;
        if (first) {
            out = h.r;
            first = false;
        } else {
            int x = std::min(out.x, h.r.x), y = std::min(out.y, h.r.y);
            out = {x, y, std::max(out.right(), h.r.right()) - x,
                   std::max(out.bottom(), h.r.bottom()) - y};
        }
    }
    return out;
}

} // namespace cordee::ui
