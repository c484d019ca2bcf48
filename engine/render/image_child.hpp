// The player's side of image decoding: every image is decoded by cordee-svg-raster (found
// beside the running program) in a child process, never in the player. The child limits
// its own address space to kChildAddressSpace and its CPU time to kChildCpuSeconds; the
// player waits for it at most kChildWaitMs, then kills it. Pixels come back through a pipe
// (exactly w × h × 4 bytes, nothing more is read), or, for an SVG, through a disk cache of
// PNGs ($XDG_CACHE_HOME/cordee/svg, keyed by the file's path, size and modification time and
// the target size) so that a diagram is rasterised once per size and later runs never wake
// librsvg.
//
// Fails by returning null (the canvas draws its placeholder): no helper, a helper that
// crashed, ran out of memory or time, or sent fewer bytes than asked. A failure is not
// retried in this process for that size (the canvas caches it).
#pragma once

#include <SDL.h>
#include <cstdint>
#include <string>
#include <utility>

namespace cordee::render {

// A decoder at the cap (8192 × 8192 PNG: 256 MB of pixels) with its libraries fits; more
// is refused by the kernel, and the child fails instead of the player.
constexpr uint64_t kChildAddressSpace = 768ull << 20;
constexpr unsigned kChildCpuSeconds = 10;
constexpr int kChildWaitMs = 10000;

// An SVG, PNG or JPEG decoded at exactly w × h (ARGB8888, straight alpha), or null.
SDL_Surface* decodeInChild(const std::string& path, int w, int h);

// The same for an SVG, through the disk cache when there is one.
SDL_Surface* loadSvgCached(const std::string& path, int w, int h);

// The size of an SVG that declares none, measured by librsvg in the child; {0, 0} when it
// cannot be (the page then shows it at the column's width, 16:9).
std::pair<int, int> svgSizeInChild(const std::string& path);

} // namespace cordee::render
