// Where the display settings live between runs: $XDG_CONFIG_HOME/cordee/settings.ini.
#pragma once

#include "ui/settings.hpp"

#include <filesystem>

namespace cordee::app {

std::filesystem::path settingsPath();
ui::Settings loadSettings(const std::filesystem::path& file);
// Written to a temporary file then renamed, so a crash never leaves half a file.
bool saveSettings(const std::filesystem::path& file, const ui::Settings& s);

} // namespace cordee::app
