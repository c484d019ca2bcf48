// Colours by role, for the three themes. Screens name roles; the painter resolves them, so a
// theme change repaints without re-laying out.
#pragma once

#include <cstdint>
#include <string>

namespace cordee::ui {

struct Color {
    uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Color&) const = default;
};

enum class ThemeName { Light, Dark, HighContrast };

enum class Role {
    Background, // the window
    Surface,    // cards, panels
    SurfaceAlt, // table headers, hover
    Border,
    Text,      // body text
    TextMuted, // captions, meta lines
    Heading,
    Primary,     // buttons, links, progress
    OnPrimary,   // text on Primary
    PrimarySoft, // pressed/hover backgrounds, selected rows
    Focus,       // the focus ring
    Scrim,       // behind modal overlays
    InfoAccent,
    InfoBack,
    KeyAccent,
    KeyBack,
    LawAccent,
    LawBack,
    ExampleAccent,
    ExampleBack,
    WarningAccent,
    WarningBack,
    Locked,
    Count
};

Color themeColor(ThemeName theme, Role role);
// WCAG 2 contrast ratio between two opaque colours (1 to 21).
double contrastRatio(Color a, Color b);

const char* themeKey(ThemeName theme); // "light", "dark", "contrast"
bool parseTheme(const std::string& key, ThemeName& out);

} // namespace cordee::ui
