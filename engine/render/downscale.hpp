// Shrinks decoded pixels to the size they will be shown, by averaging every source pixel
// that falls into each destination pixel (a box filter: no aliasing on photos, unlike
// nearest or bilinear sampling at strong reductions). Transparent pixels do not darken
// their neighbours: colours are averaged weighted by alpha.
//
// Workload: one pass over the source, O(source pixels); memory is the destination plus one
// row of sums. Pure: no SDL, tested directly. Used by cordee-svg-raster, never by the player.
#pragma once

#include <cstddef>
#include <cstdint>

namespace cordee::render {

// How to read one source pixel: 3 or 4 bytes, little-endian, with the bit position of each
// channel (alpha absent: aShift < 0).
struct PixelLayout {
    int bytesPerPixel = 4;
    int rShift = 16, gShift = 8, bShift = 0, aShift = 24;
};

// Writes dw × dh pixels as ARGB8888 (straight alpha) into `dst` (pitch dw * 4). A
// destination larger than the source repeats source pixels. False on sizes <= 0.
bool boxDownscale(const uint8_t* src, int sw, int sh, size_t srcPitch, const PixelLayout& layout,
                  uint32_t* dst, int dw, int dh);

} // namespace cordee::render
