// SVG to pixels with librsvg (which draws <text>, unlike SDL_image's built-in SVG loader).
#pragma once

#include <SDL.h>
#include <string>
#include <utility>

namespace cordee::render {

// The SVG's own size in pixels ({0, 0} when it cannot be read).
std::pair<int, int> svgIntrinsicSize(const std::string& path);
// Rasterised at exactly w × h (straight alpha, ARGB8888), or null.
SDL_Surface* rasterizeSvg(const std::string& path, int w, int h);

// The same through a disk cache of PNGs ($XDG_CACHE_HOME/cordee/svg, keyed by the file's
// path, size, modification time and the target size): a diagram is rasterised once per size,
// and later runs never wake librsvg (tens of milliseconds and megabytes on an old laptop).
SDL_Surface* loadSvgCached(const std::string& path, int w, int h);

} // namespace cordee::render
