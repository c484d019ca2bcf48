// Images are checked from their header before any decoder sees them, decoded in the child
// process at the size shown, and kept in a texture cache bounded in bytes.
#include "course/image_probe.hpp"
#include "offscreen.hpp"
#include "render/downscale.hpp"
#include "render/image_child.hpp"

#include <SDL_image.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>

namespace fs = std::filesystem;
using namespace cordee;

namespace {

// A PNG whose chunks are all there but whose IHDR declares w × h over an empty IDAT: only
// the caps can refuse it (CRCs are not checked by the probe).
void writePngHeader(const fs::path& p, uint32_t w, uint32_t h) {
    std::string s("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (uint32_t v : {w, h})
        for (int shift = 24; shift >= 0; shift -= 8)
            s += static_cast<char>((v >> shift) & 0xFF);
    s += std::string("\x08\x06\0\0\0", 5) + std::string(4, '\0'); // RGBA 8-bit, CRC
    s += std::string("\0\0\0\0IDAT\0\0\0\0\0\0\0\0IEND\xae\x42\x60\x82", 24);
    std::ofstream(p, std::ios::binary) << s;
}

// A real PNG, left half red, right half blue.
void writePng(const fs::path& p, int w, int h) {
    SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Rect left{0, 0, w / 2, h}, right{w / 2, 0, w - w / 2, h};
    SDL_FillRect(s, &left, SDL_MapRGBA(s->format, 255, 0, 0, 255));
    SDL_FillRect(s, &right, SDL_MapRGBA(s->format, 0, 0, 255, 255));
    IMG_SavePNG(s, p.c_str());
    SDL_FreeSurface(s);
}

struct TempDir {
    fs::path dir = fs::temp_directory_path() / "cordee-image-limits-test";
    TempDir() {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~TempDir() { fs::remove_all(dir); }
};

} // namespace

TEST_CASE("averaging down keeps colours and does not let transparent pixels darken them",
          "[render][image]") {
    // 4 × 2: red, red, transparent black, blue / red, red, blue, blue.
    const uint32_t src[8] = {0xFFFF0000, 0xFFFF0000, 0x00000000, 0xFF0000FF,
                             0xFFFF0000, 0xFFFF0000, 0xFF0000FF, 0xFF0000FF};
    uint32_t dst[2] = {};
    REQUIRE(render::boxDownscale(reinterpret_cast<const uint8_t*>(src), 4, 2, 16,
                                 render::PixelLayout{}, dst, 2, 1));
    CHECK(dst[0] == 0xFFFF0000);
    CHECK((dst[1] & 0x00FFFFFF) == 0x000000FF); // pure blue, not darkened
    CHECK((dst[1] >> 24) == 191);               // three opaque pixels of four
    uint32_t big[16] = {};
    REQUIRE(render::boxDownscale(reinterpret_cast<const uint8_t*>(src), 4, 2, 16,
                                 render::PixelLayout{}, big, 8, 2));
    CHECK(big[0] == 0xFFFF0000);
    CHECK(big[15] == 0xFF0000FF);
    CHECK_FALSE(render::boxDownscale(reinterpret_cast<const uint8_t*>(src), 4, 2, 16,
                                     render::PixelLayout{}, dst, 0, 1));
}

TEST_CASE("the canvas refuses an image whose header is over the caps without decoding it",
          "[render][image]") {
    TempDir t;
    test::Offscreen off(200, 200);
    for (auto [w, h] :
         {std::pair<uint32_t, uint32_t>{30000, 30000}, {4000, 60000}, {0, 0}, {0xFFFFFFFF, 10}}) {
        const fs::path p = t.dir / fmt::format("h{}x{}.png", w, h);
        writePngHeader(p, w, h);
        const auto start = std::chrono::steady_clock::now();
        CHECK_FALSE(off.canvas().drawImage(p.string(), {0, 0, 100, 100}));
        CHECK(off.canvas().imageSize(p.string()) == std::pair<int, int>{0, 0});
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(500));
    }
    CHECK(off.canvas().cachedImageBytes() < 4096);
}

TEST_CASE("a PNG is decoded in the child at the size it is shown", "[render][image]") {
    TempDir t;
    const fs::path p = t.dir / "photo.png";
    writePng(p, 640, 480);
    SDL_Surface* s = render::decodeInChild(p.string(), 160, 120);
    REQUIRE(s);
    CHECK(s->w == 160);
    CHECK(s->h == 120);
    const uint32_t* px = static_cast<const uint32_t*>(s->pixels);
    CHECK(px[0] == 0xFFFF0000);
    CHECK(px[159] == 0xFF0000FF);
    SDL_FreeSurface(s);
    // A damaged file gives no image, and the child's failure is not the player's.
    std::ofstream(t.dir / "bad.png", std::ios::binary) << "\x89PNG\r\n\x1a\nnot really";
    CHECK(render::decodeInChild((t.dir / "bad.png").string(), 10, 10) == nullptr);
}

TEST_CASE("zooming a photo in and out keeps the image cache within its byte budget",
          "[render][image][cache]") {
    TempDir t;
    const fs::path p = t.dir / "photo.png";
    writePng(p, 2000, 1500);
    test::Offscreen off(400, 300);
    size_t most = 0;
    // Sixteen sizes of one photo add up to 85 MB of textures.
    for (int w = 500; w <= 2000; w += 100) {
        CHECK(off.canvas().drawImage(p.string(), {0, 0, w, w * 3 / 4}));
        most = std::max(most, off.canvas().cachedImageBytes());
    }
    CHECK(most <= 64u * 1024u * 1024u);
    CHECK(most > 32u * 1024u * 1024u); // the cache was used, then evicted from
    // Asked larger than the file, the texture stays the file's size.
    CHECK(off.canvas().drawImage(p.string(), {0, 0, 4000, 3000}));
    CHECK(off.canvas().cachedImageBytes() <= 64u * 1024u * 1024u);
    CHECK(off.canvas().imageSize(p.string()) == std::pair<int, int>{2000, 1500});
}
