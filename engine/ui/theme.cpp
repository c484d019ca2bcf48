#include "ui/theme.hpp"

#include <array>
#include <cmath>

namespace cordee::ui {
namespace {

constexpr Color rgb(uint32_t hex, uint8_t a = 255) {
    return {static_cast<uint8_t>(hex >> 16), static_cast<uint8_t>(hex >> 8),
            static_cast<uint8_t>(hex), a};
}

using Palette = std::array<Color, static_cast<size_t>(Role::Count)>;

// Calm and readable, in the spirit of public-service design systems (strong contrast, one
// accent colour), without any reserved brand mark. Body text is at least 7:1 everywhere.
constexpr Palette kLight = {
    rgb(0xF6F6F3), rgb(0xFFFFFF), rgb(0xEEF0F4), rgb(0xC9CED6), rgb(0x1E1E1E), rgb(0x4A4F57),
    rgb(0x10233F), rgb(0x1D4E89), rgb(0xFFFFFF), rgb(0xE3ECF7), rgb(0xB34700), rgb(0x000000, 140),
    rgb(0x1D5FA8), rgb(0xEAF2FB), rgb(0x1B6B3A), rgb(0xE8F4EC), rgb(0x5B3F8C), rgb(0xF0ECF7),
    rgb(0x8A4B08), rgb(0xFBF1E3), rgb(0xB3261E), rgb(0xFCEBEA), rgb(0x6B6F76),
};

constexpr Palette kDark = {
    rgb(0x15171A), rgb(0x1F2226), rgb(0x2A2E33), rgb(0x3F454D), rgb(0xECECEC), rgb(0xB9BEC6),
    rgb(0xF4F6FA), rgb(0x8DB8F2), rgb(0x0B1A2E), rgb(0x24364F), rgb(0xFFB347), rgb(0x000000, 170),
    rgb(0x8DB8F2), rgb(0x1B2733), rgb(0x7BD39B), rgb(0x18291F), rgb(0xC6AEF0), rgb(0x261F33),
    rgb(0xF0B46A), rgb(0x30261A), rgb(0xFF8F87), rgb(0x351C1B), rgb(0x9BA1A9),
};

constexpr Palette kHighContrast = {
    rgb(0x000000), rgb(0x000000), rgb(0x1A1A1A), rgb(0xFFFFFF), rgb(0xFFFFFF), rgb(0xFFFFFF),
    rgb(0xFFFFFF), rgb(0xFFE500), rgb(0x000000), rgb(0x333000), rgb(0x00FFFF), rgb(0x000000, 200),
    rgb(0x7FD4FF), rgb(0x000000), rgb(0x7CFF9B), rgb(0x000000), rgb(0xE2C4FF), rgb(0x000000),
    rgb(0xFFC66B), rgb(0x000000), rgb(0xFF8A80), rgb(0x000000), rgb(0xDDDDDD),
};

double channel(uint8_t c) {
    double v = c / 255.0;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double luminance(Color c) {
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

} // namespace

Color themeColor(ThemeName theme, Role role) {
    const Palette& p = theme == ThemeName::Dark           ? kDark
                       : theme == ThemeName::HighContrast ? kHighContrast
                                                          : kLight;
    return p[static_cast<size_t>(role)];
}

double contrastRatio(Color a, Color b) {
    double la = luminance(a), lb = luminance(b);
    if (la < lb)
        std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

const char* themeKey(ThemeName theme) {
    switch (theme) {
    case ThemeName::Light:
        return "light";
    case ThemeName::Dark:
        return "dark";
    case ThemeName::HighContrast:
        return "contrast";
    }
    return "light";
}

bool parseTheme(const std::string& key, ThemeName& out) {
    if (key == "light")
        out = ThemeName::Light;
    else if (key == "dark")
        out = ThemeName::Dark;
    else if (key == "contrast" || key == "high-contrast")
        out = ThemeName::HighContrast;
    else
        return false;
    return true;
}

} // namespace cordee::ui
