#include "render/font_set.hpp"

#include <fontconfig/fontconfig.h>

namespace cordee::render {
namespace {

constexpr int kFallbackFamily = 99;
const char* const kFamilies[] = {"Noto Sans", "OpenDyslexic"};

} // namespace

FontSet::FontSet() {
    if (!FcInit()) {
        error_ = "fontconfig could not start";
        return;
    }
    for (int family = 0; family < 2; ++family)
        for (int style = 0; style < 4; ++style) {
            std::string path = find(kFamilies[family], style);
            if (!path.empty())
                files_[{family, style}] = path;
        }
    for (int style = 0; style < 4; ++style) {
        std::string path = find("DejaVu Sans", style);
        if (!path.empty())
            files_[{kFallbackFamily, style}] = path;
    }
    if (!files_.count({0, 0})) {
        error_ = "police « Noto Sans » introuvable : installez fonts-noto-core "
                 "(tools/install-deps) / font \"Noto Sans\" not found: install fonts-noto-core";
        return;
    }
    // Missing styles or the dyslexia font fall back to what exists, never to nothing.
    for (int family = 0; family < 2; ++family)
        for (int style = 0; style < 4; ++style)
            if (!files_.count({family, style}))
                files_[{family, style}] = files_.count({family, style & 2})
                                              ? files_[{family, style & 2}]
                                          : files_[{0, style}].empty() ? files_[{0, 0}]
                                                                       : files_[{0, style}];
    ok_ = true;
}

FontSet::~FontSet() {
    for (auto& [key, font] : open_)
        if (font)
            TTF_CloseFont(font);
}

// Asks fontconfig for the family and style, and accepts the answer only if it is that family:
// fontconfig always answers something, and a silent substitute would hide a missing package.
std::string FontSet::find(const char* family, int style) const {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcPatternAddInteger(pattern, FC_WEIGHT,
                        (style & text::kBold) ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern, FC_SLANT,
                        (style & text::kItalic) ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    std::string path;
    if (match) {
        FcChar8* file = nullptr;
        FcChar8* found = nullptr;
        if (FcPatternGetString(match, FC_FAMILY, 0, &found) == FcResultMatch &&
            FcStrCmpIgnoreCase(found, reinterpret_cast<const FcChar8*>(family)) == 0 &&
            FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch)
            path = reinterpret_cast<const char*>(file);
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    return path;
}

std::string FontSet::fileFor(int family, int style) const {
    auto it = files_.find({family, style});
    return it == files_.end() ? std::string() : it->second;
}

TTF_Font* FontSet::font(const text::FontSpec& spec) {
    auto key =
        std::make_tuple(static_cast<int>(spec.family), static_cast<int>(spec.style), spec.px);
    auto it = open_.find(key);
    if (it != open_.end())
        return it->second;
    std::string path = fileFor(spec.family, spec.style);
    TTF_Font* f = path.empty() ? nullptr : TTF_OpenFont(path.c_str(), std::max(4, spec.px));
    if (f)
        TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    open_[key] = f;
    return f;
}

TTF_Font* FontSet::fallback(const text::FontSpec& spec) {
    if (!files_.count({kFallbackFamily, spec.style & 3}))
        return nullptr;
    return font({static_cast<uint8_t>(kFallbackFamily), spec.style, spec.px});
}

} // namespace cordee::render
