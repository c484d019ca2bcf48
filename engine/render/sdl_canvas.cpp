#include "render/sdl_canvas.hpp"

#include "core/utf8.hpp"
#include "course/image_probe.hpp"
#include "render/image_child.hpp"

#include <SDL_image.h>
#include <algorithm>
#include <cmath>

namespace cordee::render {
namespace {

// Text textures are kept up to this many bytes (about one and a half screens of text at 1280x800);
// the least recently drawn go first. A page change then rasterises only what is new.
constexpr size_t kMaxTextBytes = 6u * 1024u * 1024u;
// Image textures are kept up to this many bytes: a page of photos at any zoom, and the pages
// around it. Each texture is the size shown (never the file's size), so zooming a page in and
// out makes new entries that push out the old ones.
constexpr size_t kMaxImageBytes = 64u * 1024u * 1024u;
// What a failed load costs in the cache, so that a course of broken images is bounded too.
constexpr size_t kFailedImageBytes = 256;

std::string specKey(const text::FontSpec& f) {
    return std::to_string(f.family) + "/" + std::to_string(f.style) + "/" + std::to_string(f.px);
}

std::string lowerExtension(const std::string& path) {
    const size_t dot = path.rfind('.');
    if (dot == std::string::npos || path.find('/', dot) != std::string::npos)
        return "";
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return ext;
}

} // namespace

SdlCanvas::SdlCanvas(SDL_Renderer* renderer, FontSet& fonts)
    : r_(renderer)
    , fonts_(fonts)
    , texts_(kMaxTextBytes,
             [](CachedText& t) {
                 for (const CachedText::Piece& p : t.pieces)
                     if (p.texture)
                         SDL_DestroyTexture(p.texture);
             })
    , images_(kMaxImageBytes, [](CachedImage& img) {
        if (img.texture)
            SDL_DestroyTexture(img.texture);
    }) {
    SDL_SetRenderDrawBlendMode(r_, SDL_BLENDMODE_BLEND);
}

SdlCanvas::~SdlCanvas() {
    clearCaches();
}

void SdlCanvas::clearCaches() {
    texts_.clear();
    images_.clear();
}

std::vector<SdlCanvas::Segment> SdlCanvas::segments(const std::string& s, const text::FontSpec& f) {
    TTF_Font* primary = fonts_.font(f);
    std::vector<Segment> out;
    if (!primary)
        return out;
    TTF_Font* fallback = nullptr;
    size_t start = 0;
    TTF_Font* current = primary;
    for (size_t pos = 0; pos < s.size();) {
        size_t at = pos;
        char32_t cp = core::decodeUtf8(s, pos);
        TTF_Font* want = primary;
        if (cp > 0x7F && !TTF_GlyphIsProvided32(primary, cp)) {
            if (!fallback)
                fallback = fonts_.fallback(f);
            if (fallback && TTF_GlyphIsProvided32(fallback, cp))
                want = fallback;
        }
        if (want != current) {
            if (at > start)
                out.push_back({s.substr(start, at - start), current});
            start = at;
            current = want;
        }
    }
    if (s.size() > start)
        out.push_back({s.substr(start), current});
    return out;
}

int SdlCanvas::width(const std::string& utf8, const text::FontSpec& f) {
    std::string key = specKey(f) + "|" + utf8;
    auto it = widths_.find(key);
    if (it != widths_.end())
        return it->second;
    int total = 0;
    for (const Segment& seg : segments(utf8, f)) {
        int w = 0, h = 0;
        TTF_SizeUTF8(seg.font, seg.text.c_str(), &w, &h);
        total += w;
    }
    if (widths_.size() > 20000)
        widths_.clear();
    widths_[key] = total;
    return total;
}

int SdlCanvas::lineHeight(const text::FontSpec& f) {
    TTF_Font* font = fonts_.font(f);
    return font ? TTF_FontLineSkip(font) : f.px;
}

int SdlCanvas::ascent(const text::FontSpec& f) {
    TTF_Font* font = fonts_.font(f);
    return font ? TTF_FontAscent(font) : f.px;
}

const SdlCanvas::CachedText& SdlCanvas::cachedText(const std::string& utf8, const text::FontSpec& f,
                                                   ui::Color c) {
    std::string key = specKey(f) + "|" + std::to_string(c.r) + "," + std::to_string(c.g) + "," +
                      std::to_string(c.b) + "," + std::to_string(c.a) + "|" + utf8;
    if (const CachedText* cached = texts_.find(key))
        return *cached;
    // Rasterised once: segmentation (fallback glyphs), sizes and textures are all kept.
    CachedText entry;
    size_t bytes = key.size();
    for (const Segment& seg : segments(utf8, f)) {
        CachedText::Piece piece{nullptr, 0, 0, 0, TTF_FontAscent(seg.font)};
        int hh = 0;
        TTF_SizeUTF8(seg.font, seg.text.c_str(), &piece.advance, &hh);
        if (seg.text.find_first_not_of(' ') != std::string::npos) {
            if (SDL_Surface* s = TTF_RenderUTF8_Blended(seg.font, seg.text.c_str(),
                                                        SDL_Color{c.r, c.g, c.b, c.a})) {
                piece.texture = SDL_CreateTextureFromSurface(r_, s);
                piece.w = s->w;
                piece.h = s->h;
                bytes += static_cast<size_t>(s->w) * static_cast<size_t>(s->h) * 4;
                SDL_FreeSurface(s);
            }
        }
        entry.pieces.push_back(piece);
    }
    return texts_.insert(key, std::move(entry), bytes);
}

void SdlCanvas::drawText(int x, int baseline, const std::string& utf8, const text::FontSpec& f,
                         ui::Color c) {
    // Spaces alone draw nothing; skip the texture.
    if (utf8.find_first_not_of(' ') == std::string::npos)
        return;
    for (const CachedText::Piece& p : cachedText(utf8, f, c).pieces) {
        if (p.texture) {
            SDL_Rect dst{x, baseline - p.ascent, p.w, p.h};
            SDL_RenderCopy(r_, p.texture, nullptr, &dst);
        }
        x += p.advance;
    }
}

void SdlCanvas::span(int x0, int x1, int y, ui::Color c) {
    if (x1 <= x0)
        return;
    SDL_SetRenderDrawColor(r_, c.r, c.g, c.b, c.a);
    SDL_Rect row{x0, y, x1 - x0, 1};
    SDL_RenderFillRect(r_, &row);
}

// Rounded corners by scanlines, with the edge pixel's coverage as alpha for smooth curves.
void SdlCanvas::fillRect(const ui::Rect& rect, ui::Color c, int radius) {
    if (rect.w <= 0 || rect.h <= 0)
        return;
    radius = std::min({radius, rect.w / 2, rect.h / 2});
    SDL_SetRenderDrawColor(r_, c.r, c.g, c.b, c.a);
    if (radius <= 1) {
        SDL_Rect r{rect.x, rect.y, rect.w, rect.h};
        SDL_RenderFillRect(r_, &r);
        return;
    }
    SDL_Rect middle{rect.x, rect.y + radius, rect.w, rect.h - 2 * radius};
    SDL_RenderFillRect(r_, &middle);
    for (int i = 0; i < radius; ++i) {
        const double dy = radius - i - 0.5;
        const double dx = std::sqrt(std::max(0.0, double(radius) * radius - dy * dy));
        const double inset = radius - dx;
        const int full = static_cast<int>(std::ceil(inset));
        const double coverage = full - inset;
        ui::Color edge = c;
        edge.a = static_cast<uint8_t>(c.a * coverage);
        for (int row : {rect.y + i, rect.bottom() - 1 - i}) {
            span(rect.x + full, rect.right() - full, row, c);
            if (full > 0 && edge.a > 0) {
                span(rect.x + full - 1, rect.x + full, row, edge);
                span(rect.right() - full, rect.right() - full + 1, row, edge);
            }
        }
    }
}

void SdlCanvas::strokeRect(const ui::Rect& rect, ui::Color c, int t, int radius) {
    if (rect.w <= 0 || rect.h <= 0 || t <= 0)
        return;
    radius = std::min({radius, rect.w / 2, rect.h / 2});
    if (radius <= 1) {
        fillRect({rect.x, rect.y, rect.w, t}, c, 0);
        fillRect({rect.x, rect.bottom() - t, rect.w, t}, c, 0);
        fillRect({rect.x, rect.y + t, t, rect.h - 2 * t}, c, 0);
        fillRect({rect.right() - t, rect.y + t, t, rect.h - 2 * t}, c, 0);
        return;
    }
    // Straight sides, then the four corner arcs as rings between two radii.
    fillRect({rect.x + radius, rect.y, rect.w - 2 * radius, t}, c, 0);
    fillRect({rect.x + radius, rect.bottom() - t, rect.w - 2 * radius, t}, c, 0);
    fillRect({rect.x, rect.y + radius, t, rect.h - 2 * radius}, c, 0);
    fillRect({rect.right() - t, rect.y + radius, t, rect.h - 2 * radius}, c, 0);
    const int inner = std::max(0, radius - t);
    for (int i = 0; i < radius; ++i) {
        const double dy = radius - i - 0.5;
        const double outerDx = std::sqrt(std::max(0.0, double(radius) * radius - dy * dy));
        const double innerDx =
            dy < inner ? std::sqrt(std::max(0.0, double(inner) * inner - dy * dy)) : 0.0;
        const int x0 = static_cast<int>(std::round(radius - outerDx));
        const int x1 = static_cast<int>(std::round(radius - innerDx));
        for (int row : {rect.y + i, rect.bottom() - 1 - i}) {
            span(rect.x + x0, rect.x + std::max(x1, x0 + 1), row, c);
            span(rect.right() - std::max(x1, x0 + 1), rect.right() - x0, row, c);
        }
    }
}

// The header is read and checked against the caps before anything else; only then is the
// file handed to the decoder in the child process, asked for the size shown (never more than
// the image's own size: SDL scales the texture up when drawing, at no memory cost).
SDL_Surface* SdlCanvas::loadImage(const std::string& path, int w, int h) {
    const std::string format = lowerExtension(path);
    const bool svg = format == "svg";
    if (!svg && format != "png" && format != "jpg" && format != "jpeg")
        return nullptr;
    const course::ImageProbe probe = course::probeImage(path, format);
    if (course::checkImage(probe, svg) != course::ImageVerdict::Ok)
        return nullptr;
    if (svg)
        return loadSvgCached(path, w, h);
    if (w >= probe.width || h >= probe.height) {
        w = static_cast<int>(probe.width);
        h = static_cast<int>(probe.height);
    }
    return decodeInChild(path, w, h);
}

std::pair<int, int> SdlCanvas::imageSize(const std::string& path) {
    auto it = imageSizes_.find(path);
    if (it != imageSizes_.end())
        return it->second;
    // From the header only; an SVG that declares no size is measured in the child.
    std::pair<int, int> size{0, 0};
    const std::string format = lowerExtension(path);
    const bool svg = format == "svg";
    const course::ImageProbe probe = course::probeImage(path, format);
    if (course::checkImage(probe, svg) == course::ImageVerdict::Ok) {
        if (probe.sizeDeclared && probe.width <= course::kMaxImageSide * 64 &&
            probe.height <= course::kMaxImageSide * 64)
            size = {static_cast<int>(probe.width), static_cast<int>(probe.height)};
        else if (svg && !probe.sizeDeclared)
            size = svgSizeInChild(path);
    }
    if (imageSizes_.size() > 4096)
        imageSizes_.clear();
    imageSizes_[path] = size;
    return size;
}

bool SdlCanvas::drawImage(const std::string& path, const ui::Rect& r) {
    const std::string key = path + "@" + std::to_string(r.w) + "x" + std::to_string(r.h);
    CachedImage* img = images_.find(key);
    if (!img) {
        CachedImage loaded;
        size_t bytes = kFailedImageBytes + key.size();
        if (SDL_Surface* s = path.empty() ? nullptr : loadImage(path, r.w, r.h)) {
            loaded.texture = SDL_CreateTextureFromSurface(r_, s);
            loaded.w = s->w;
            loaded.h = s->h;
            SDL_FreeSurface(s);
            if (loaded.texture) {
                SDL_SetTextureScaleMode(loaded.texture, SDL_ScaleModeLinear);
                bytes += static_cast<size_t>(loaded.w) * static_cast<size_t>(loaded.h) * 4;
            }
        }
        img = &images_.insert(key, loaded, bytes);
    }
    if (!img->texture)
        return false;
    SDL_Rect dst{r.x, r.y, r.w, r.h};
    SDL_RenderCopy(r_, img->texture, nullptr, &dst);
    return true;
}

void SdlCanvas::setClip(const ui::Rect* r) {
    if (!r) {
        SDL_RenderSetClipRect(r_, nullptr);
        return;
    }
    SDL_Rect clip{r->x, r->y, r->w, r->h};
    SDL_RenderSetClipRect(r_, &clip);
}

} // namespace cordee::render
