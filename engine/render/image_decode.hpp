// PNG and JPEG to pixels at the size they will be shown, inside cordee-svg-raster only (the
// player never runs a raster decoder itself). The header is checked against the caps of
// course/image_probe.hpp before any decoder sees the file; a JPEG is decoded directly at
// 1/2, 1/4 or 1/8 of its size when that is still at least the size shown (libjpeg's DCT
// scaling: a 4000 × 3000 photo shown at 800 px wide is decoded at 1000 × 750, 16 times less
// memory); a PNG has no such mode and is decoded whole (at most 256 MB, by the caps), then
// averaged down.
//
// Fails by returning null: a file that is not whole, a decoder error (libjpeg's errors
// unwind through longjmp, never exit), or memory refused by the process's address-space
// limit.
#pragma once

#include <SDL.h>
#include <string>

namespace cordee::render {

// Decoded and shrunk to exactly w × h, ARGB8888 with straight alpha, or null.
SDL_Surface* decodeRasterAt(const std::string& path, int w, int h);

} // namespace cordee::render
