// Styled text for layout: runs of UTF-8 with a font style and a role (link, term …).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cordee::text {

enum FontStyle : uint8_t { kRegular = 0, kItalic = 1, kBold = 2, kBoldItalic = 3 };

struct FontSpec {
    uint8_t family = 0; // 0 = the interface font, 1 = the dyslexia-friendly font
    uint8_t style = kRegular;
    int px = 18; // size in device pixels
    bool operator==(const FontSpec&) const = default;
};

struct StyledRun {
    std::string text;
    FontSpec font;
    int tag = -1; // caller's meaning: an index into its own table of links, terms, blanks
};

// Measures text; implemented by SDL_ttf in the player and by a fake in tests.
class Measurer {
public:
    virtual ~Measurer() = default;
    virtual int width(const std::string& utf8, const FontSpec& font) = 0;
    virtual int lineHeight(const FontSpec& font) = 0; // recommended distance between baselines
    virtual int ascent(const FontSpec& font) = 0;
};

} // namespace cordee::text
