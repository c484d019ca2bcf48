// Sizes of the interface at a given zoom (text size setting × screen density), on an 8 px
// grid at 100 %. Body text is 18 px at 100 % with 1.5 line spacing.
#pragma once

#include "text/styled_text.hpp"

#include <cmath>

namespace cordee::ui {

struct Metrics {
    double zoom = 1.0;
    uint8_t family = 0; // 0 = interface font, 1 = OpenDyslexic

    int px(double base) const { return static_cast<int>(std::lround(base * zoom)); }
    int grid(double units) const { return px(8 * units); }

    text::FontSpec font(double size, uint8_t style = text::kRegular) const {
        return {family, style, px(size)};
    }
    text::FontSpec body() const { return font(18); }
    text::FontSpec small() const { return font(15); }
    text::FontSpec label() const { return font(16, text::kBold); }
    text::FontSpec h1() const { return font(32, text::kBold); }
    text::FontSpec h2() const { return font(24, text::kBold); }
    text::FontSpec h3() const { return font(20, text::kBold); }
    // About 75 characters of body text: a comfortable line on wide screens.
    int readingWidth() const { return px(720); }
    int targetSize() const { return px(44); } // the smallest touch target
    double bodySpacing() const { return 1.5; }
};

} // namespace cordee::ui
