#include "ui/settings.hpp"

#include <algorithm>
#include <sstream>

namespace cordee::ui {

std::string Settings::serialize() const {
    std::ostringstream out;
    out << "# Cordée settings\n"
        << "text-scale=" << textScale << "\n"
        << "theme=" << themeKey(theme) << "\n"
        << "font=" << (font == 1 ? "opendyslexic" : "standard") << "\n"
        << "lang=" << (lang == core::Lang::En ? "en" : "fr") << "\n";
    return out.str();
}

Settings Settings::parse(const std::string& text) {
    Settings s;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        size_t eq = line.find('=');
        if (line.empty() || line[0] == '#' || eq == std::string::npos)
            continue;
        std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        if (key == "text-scale") {
            try {
                s.textScale = std::clamp(std::stoi(value), kMinScale, kMaxScale);
            } catch (...) {
            }
        } else if (key == "theme") {
            parseTheme(value, s.theme);
        } else if (key == "font") {
            s.font = value == "opendyslexic" ? 1 : 0;
        } else if (key == "lang") {
            s.lang = core::parseLang(value);
        }
    }
    return s;
}

} // namespace cordee::ui
