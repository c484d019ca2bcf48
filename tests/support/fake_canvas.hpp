// A canvas that draws nothing and measures text as fixed-width characters (0.55 em), for
// testing screens without SDL.
#pragma once

#include "core/utf8.hpp"
#include "ui/canvas.hpp"

namespace cordee::test {

class FakeCanvas : public ui::Canvas {
public:
    int width(const std::string& s, const text::FontSpec& f) override {
        return static_cast<int>(core::countCodePoints(s)) * f.px * 55 / 100;
    }
    int lineHeight(const text::FontSpec& f) override { return f.px * 136 / 100; }
    int ascent(const text::FontSpec& f) override { return f.px * 107 / 100; }
    void fillRect(const ui::Rect&, ui::Color, int) override { ++fills; }
    void strokeRect(const ui::Rect&, ui::Color, int, int) override {}
    void drawText(int, int, const std::string&, const text::FontSpec&, ui::Color) override {
        ++texts;
    }
    bool drawImage(const std::string&, const ui::Rect&) override { return true; }
    std::pair<int, int> imageSize(const std::string&) override { return {960, 540}; }
    void setClip(const ui::Rect*) override {}

    int fills = 0, texts = 0;
};

} // namespace cordee::test
