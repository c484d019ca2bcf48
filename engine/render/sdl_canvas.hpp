// The Canvas on an SDL renderer: a window's (accelerated or software) or an offscreen
// surface's (for --screenshot, with no display at all).
//
// Text is rendered one fragment at a time with TTF_RenderUTF8_Blended and kept as textures,
// keyed by font, colour and text: a page is rasterised once, then every repaint is texture
// copies. Images are checked from their header, decoded in a child process
// (render/image_child.hpp) at the size they are shown, and kept as textures in a cache
// bounded in bytes (kMaxImageBytes), least recently drawn first out.
#pragma once

#include "core/byte_lru.hpp"
#include "render/font_set.hpp"
#include "ui/canvas.hpp"

#include <SDL.h>
#include <string>
#include <unordered_map>

namespace cordee::render {

class SdlCanvas : public ui::Canvas {
public:
    SdlCanvas(SDL_Renderer* renderer, FontSet& fonts);
    ~SdlCanvas() override;

    // text::Measurer
    int width(const std::string& utf8, const text::FontSpec& font) override;
    int lineHeight(const text::FontSpec& font) override;
    int ascent(const text::FontSpec& font) override;

    // ui::Canvas
    void fillRect(const ui::Rect& r, ui::Color c, int radius) override;
    void strokeRect(const ui::Rect& r, ui::Color c, int thickness, int radius) override;
    void drawText(int x, int baseline, const std::string& utf8, const text::FontSpec& f,
                  ui::Color c) override;
    bool drawImage(const std::string& path, const ui::Rect& r) override;
    std::pair<int, int> imageSize(const std::string& path) override;
    void setClip(const ui::Rect* r) override;

    // Drops cached textures (after the renderer was reset, or to bound memory).
    void clearCaches();
    size_t cachedTextures() const { return texts_.size(); }
    size_t cachedImageBytes() const { return images_.bytes(); }

private:
    struct Segment {
        std::string text;
        TTF_Font* font;
    };
    // Splits text into runs the primary font can draw and runs for the fallback font.
    std::vector<Segment> segments(const std::string& utf8, const text::FontSpec& f);
    void span(int x0, int x1, int y, ui::Color c);
    SDL_Surface* loadImage(const std::string& path, int w, int h);

    SDL_Renderer* r_;
    FontSet& fonts_;

    // A drawn string: one texture per font segment (primary or fallback font).
    struct CachedText {
        struct Piece {
            SDL_Texture* texture;
            int w, h, advance, ascent;
        };
        std::vector<Piece> pieces;
    };
    const CachedText& cachedText(const std::string& utf8, const text::FontSpec& f, ui::Color c);
    core::ByteLru<CachedText> texts_; // bounded by kMaxTextBytes of pixels
    std::unordered_map<std::string, int> widths_;

    struct CachedImage {
        SDL_Texture* texture = nullptr;
        int w = 0, h = 0; // the size it was rasterised at
    };
    core::ByteLru<CachedImage> images_;
    std::unordered_map<std::string, std::pair<int, int>> imageSizes_;
};

} // namespace cordee::render
