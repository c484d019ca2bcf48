// cordee-svg-raster IN.svg WIDTH HEIGHT OUT.png: rasterises one SVG into the player's cache.
// The player runs this in a child process on a cache miss, so that librsvg, pango, cairo and
// ICU never enter the player's memory (about 13 MB the first time a diagram is seen), and a
// hostile SVG that crashes or hangs librsvg takes down only this process.
#include "core/version.hpp"
#include "render/svg_raster.hpp"

#include <SDL_image.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
    if (argc == 2 && std::string(argv[1]) == "--version") {
        std::printf("cordee-svg-raster %s\n", cordee::core::kVersion);
        return 0;
    }
    if (argc != 5)
        return 2;
    const int w = std::atoi(argv[2]);
    const int h = std::atoi(argv[3]);
    SDL_Surface* s = cordee::render::rasterizeSvg(argv[1], w, h);
    if (!s)
        return 1;
    // Written aside then renamed: the player never reads a half-written PNG.
    const std::string temp = std::string(argv[4]) + ".tmp";
    const bool saved = IMG_SavePNG(s, temp.c_str()) == 0;
    SDL_FreeSurface(s);
    std::error_code ec;
    if (saved)
        std::filesystem::rename(temp, argv[4], ec);
    else
        std::filesystem::remove(temp, ec);
    return saved && !ec ? 0 : 1;
}
