// SVG to pixels with librsvg (which draws <text>, unlike SDL_image's built-in SVG loader).
// Linked into cordee-svg-raster only: the player reaches it through render/image_child.hpp,
// in a child process under an address-space limit, so librsvg never runs in the player.
#pragma once

#include <SDL.h>
#include <string>
#include <utility>

namespace cordee::render {

// The SVG's own size in pixels ({0, 0} when it cannot be read).
std::pair<int, int> svgIntrinsicSize(const std::string& path);
// Rasterised at exactly w × h (straight alpha, ARGB8888), or null.
SDL_Surface* rasterizeSvg(const std::string& path, int w, int h);

} // namespace cordee::render
