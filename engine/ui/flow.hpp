// Vertical flow layout in one column: text blocks, boxes and buttons placed top to bottom,
// emitted into a DisplayList. Screens are written as sequences of Flow calls.
#pragma once

#include "text/line_layout.hpp"
#include "ui/display_list.hpp"
#include "ui/metrics.hpp"
#include "ui/rich_text.hpp"

#include <functional>

namespace cordee::ui {

enum class ButtonStyle { Primary, Secondary, Quiet };

class Flow {
public:
    Flow(DisplayList& out, text::Measurer& m, const Metrics& metrics, int x, int width, int y = 0)
        : out_(out)
        , m_(m)
        , mt_(metrics)
        , x_(x)
        , width_(width)
        , y_(y) {}

    DisplayList& out() { return out_; }
    text::Measurer& measurer() { return m_; }
    const Metrics& metrics() const { return mt_; }
    int x() const { return x_; }
    int width() const { return width_; }
    int y() const { return y_; }
    void setY(int y) { y_ = y; }
    void space(int px) { y_ += px; }

    // Lays out runs at the current y (indented by `indent`), advances y, returns the block.
    // Tagged runs (terms, links) become hotspots named `hotPrefix` + tag target + "#" + tag.
    text::TextBlock text(const TaggedRuns& runs, Role color, double spacing = 1.0, int indent = 0,
                         int width = -1, const std::string& hotPrefix = "", int maxLines = 0);
    // Places text at an absolute position without moving the flow. With `maxLines`, longer
    // text is cut after that many lines and ends with "…".
    text::TextBlock textAt(const TaggedRuns& runs, int x, int y, int width, Role color,
                           double spacing = 1.0, const std::string& hotPrefix = "",
                           int maxLines = 0);

    int measure(const std::string& s, const text::FontSpec& f) { return m_.width(s, f); }

private:
    DisplayList& out_;
    text::Measurer& m_;
    Metrics mt_;
    int x_, width_, y_;
};

// A button with a centred label; returns its rectangle. At least 44 px tall at 100 %.
Rect addButton(DisplayList& out, text::Measurer& m, const Metrics& mt, const std::string& id,
               const std::string& label, int x, int y, ButtonStyle style, int minWidth = 0,
               bool enabled = true);
int buttonWidth(text::Measurer& m, const Metrics& mt, const std::string& label);

} // namespace cordee::ui
