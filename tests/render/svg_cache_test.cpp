#include "render/image_child.hpp"
#include "render/svg_raster.hpp"

#include <SDL_image.h>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

TEST_CASE("an SVG is rasterised once per size, then read from the disk cache", "[render][svg]") {
    fs::path dir = fs::temp_directory_path() / "cordee-svg-cache-test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    setenv("CORDEE_CACHE_DIR", (dir / "cache").c_str(), 1);
    fs::path svg = dir / "d.svg";
    std::ofstream(svg) << "<svg xmlns='http://www.w3.org/2000/svg' width='100' height='50'>"
                          "<rect width='100' height='50' fill='#ff0000'/>"
                          "<text x='10' y='30' font-size='20'>Texte</text></svg>";
    CHECK(cordee::render::svgIntrinsicSize(svg.string()) == std::pair<int, int>{100, 50});
    SDL_Surface* first = cordee::render::loadSvgCached(svg.string(), 200, 100);
    REQUIRE(first);
    CHECK(first->w == 200);
    CHECK(first->h == 100);
    // The top-left pixel is the red rectangle, with straight (not premultiplied) alpha.
    Uint8 r, g, b, a;
    SDL_GetRGBA(static_cast<Uint32*>(first->pixels)[0], first->format, &r, &g, &b, &a);
    CHECK(r == 255);
    CHECK(a == 255);
    SDL_FreeSurface(first);
    int cached = 0;
    for (const auto& e : fs::directory_iterator(dir / "cache"))
        cached += e.path().extension() == ".png" ? 1 : 0;
    CHECK(cached == 1);
    // The cached PNG is what comes back now, even if the SVG could no longer be read.
    SDL_Surface* second = cordee::render::loadSvgCached(svg.string(), 200, 100);
    REQUIRE(second);
    CHECK(second->w == 200);
    SDL_FreeSurface(second);
    unsetenv("CORDEE_CACHE_DIR");
    fs::remove_all(dir);
}

TEST_CASE("a broken SVG gives no image rather than a crash", "[render][svg]") {
    fs::path svg = fs::temp_directory_path() / "cordee-broken.svg";
    std::ofstream(svg) << "<svg><g>";
    CHECK(cordee::render::rasterizeSvg(svg.string(), 100, 100) == nullptr);
    fs::remove(svg);
}

TEST_CASE("a broken SVG through the cache gives no image and leaves nothing in the cache",
          "[render][svg]") {
    fs::path dir = fs::temp_directory_path() / "cordee-svg-broken-test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    setenv("CORDEE_CACHE_DIR", (dir / "cache").c_str(), 1);
    fs::path svg = dir / "b.svg";
    std::ofstream(svg) << "<svg xmlns='http://www.w3.org/2000/svg'><g>";
    CHECK(cordee::render::loadSvgCached(svg.string(), 120, 80) == nullptr);
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir / "cache")) {
        (void)e;
        ++files;
    }
    CHECK(files == 0); // neither a PNG nor a half-written .tmp
    unsetenv("CORDEE_CACHE_DIR");
    fs::remove_all(dir);
}
