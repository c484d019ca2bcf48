// The drawing surface screens are painted on: implemented with SDL in render/, and by a
// recorder in tests. Coordinates in device pixels.
#pragma once

#include "text/styled_text.hpp"
#include "ui/geometry.hpp"
#include "ui/theme.hpp"

#include <string>

namespace cordee::ui {

class Canvas : public text::Measurer {
public:
    virtual void fillRect(const Rect& r, Color c, int radius) = 0;
    virtual void strokeRect(const Rect& r, Color c, int thickness, int radius) = 0;
    virtual void drawText(int x, int baseline, const std::string& utf8, const text::FontSpec& f,
                          Color c) = 0;
    // Draws the image scaled into `r`; false when it cannot be loaded (caller draws a
    // placeholder).
    virtual bool drawImage(const std::string& path, const Rect& r) = 0;
    // The image's natural size in pixels, or {0, 0} when unknown.
    virtual std::pair<int, int> imageSize(const std::string& path) = 0;
    virtual void setClip(const Rect* r) = 0;
};

} // namespace cordee::ui
