#include "app/settings_file.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace cordee::app {

fs::path settingsPath() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return fs::path(xdg) / "cordee" / "settings.ini";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".config" / "cordee" / "settings.ini";
    return "cordee-settings.ini";
}

ui::Settings loadSettings(const fs::path& file) {
    std::ifstream in(file);
    if (!in)
        return {};
    std::stringstream s;
    s << in.rdbuf();
    return ui::Settings::parse(s.str());
}

bool saveSettings(const fs::path& file, const ui::Settings& s) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    fs::path temp = file;
    temp += ".tmp";
    {
        std::ofstream out(temp, std::ios::trunc);
        if (!(out << s.serialize()))
            return false;
    }
    fs::rename(temp, file, ec);
    return !ec;
}

} // namespace cordee::app
