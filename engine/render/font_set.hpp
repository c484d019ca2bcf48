// The fonts the player draws with, found through fontconfig and opened with SDL_ttf.
//
// Family 0 is the interface font (Noto Sans: a humanist sans with full French coverage,
// including the narrow no-break space U+202F French typography needs), family 1 is
// OpenDyslexic (the reading setting). A fallback (DejaVu Sans) draws the few symbols Noto Sans
// lacks (arrows, check marks). Open fonts are cached by (family, style, size).
#pragma once

#include "text/styled_text.hpp"

#include <SDL_ttf.h>
#include <map>
#include <string>
#include <tuple>

namespace cordee::render {

class FontSet {
public:
    FontSet();
    ~FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    // False with a message when no usable font was found (the player then says so and exits).
    bool ok() const { return ok_; }
    const std::string& error() const { return error_; }

    TTF_Font* font(const text::FontSpec& spec);
    TTF_Font* fallback(const text::FontSpec& spec);
    std::string fileFor(int family, int style) const;

private:
    std::string find(const char* family, int style) const;

    bool ok_ = false;
    std::string error_;
    std::map<std::pair<int, int>, std::string> files_; // (family, style) -> path
    std::map<std::tuple<int, int, int>, TTF_Font*> open_;
};

} // namespace cordee::render
