// The learner's display settings, remembered between runs (saved by the app as key=value).
#pragma once

#include "core/diagnostic.hpp"
#include "ui/theme.hpp"

#include <string>

namespace cordee::ui {

struct Settings {
    int textScale = 100; // percent, 80 to 200
    ThemeName theme = ThemeName::Light;
    int font = 0; // 0 = standard, 1 = OpenDyslexic
    core::Lang lang = core::Lang::Fr;

    static constexpr int kMinScale = 80;
    static constexpr int kMaxScale = 200;
    static constexpr int kScaleStep = 10;

    std::string serialize() const;
    // Reads what serialize() wrote; unknown keys and bad values are ignored.
    static Settings parse(const std::string& text);
    bool operator==(const Settings&) const = default;
};

} // namespace cordee::ui
