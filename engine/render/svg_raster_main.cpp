// cordee-svg-raster: every image decoder the player needs, in a child process it runs.
//   cordee-svg-raster IN.svg WIDTH HEIGHT OUT.png   an SVG into the player's disk cache
//   cordee-svg-raster IN WIDTH HEIGHT -             an SVG, PNG or JPEG at WIDTH × HEIGHT, as
//                                                   raw ARGB8888 on standard output
//   cordee-svg-raster --size IN.svg                 "W H" of an SVG that declares no size
// librsvg, pango, cairo, ICU, libpng and libjpeg never enter the player's memory, and a
// hostile file that crashes, hangs or swells a decoder takes down only this process: it
// limits its own address space (kChildAddressSpace) and CPU time before it reads anything.
// Exit status 0 on success, 1 when the image cannot be drawn, 2 on bad usage.
#include "core/version.hpp"
#include "render/image_child.hpp"
#include "render/image_decode.hpp"
#include "render/svg_raster.hpp"

#include <SDL_image.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define CORDEE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CORDEE_ASAN 1
#endif
#endif

namespace {

void limitSelf() {
#ifndef CORDEE_ASAN
    // AddressSanitizer reserves terabytes of shadow memory before main(): under it an address
    // space limit would refuse every allocation, so sanitizer builds keep only the CPU limit.
    const rlimit memory{cordee::render::kChildAddressSpace, cordee::render::kChildAddressSpace};
    setrlimit(RLIMIT_AS, &memory);
#endif
    const rlimit cpu{cordee::render::kChildCpuSeconds, cordee::render::kChildCpuSeconds};
    setrlimit(RLIMIT_CPU, &cpu);
}

bool writeAll(int fd, const unsigned char* p, size_t n) {
    while (n > 0) {
        const ssize_t done = ::write(fd, p, n);
        if (done <= 0)
            return false;
        p += done;
        n -= static_cast<size_t>(done);
    }
    return true;
}

bool isSvg(const std::string& path) {
    return path.ends_with(".svg") || path.ends_with(".SVG");
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::string(argv[1]) == "--version") {
        std::printf("cordee-svg-raster %s\n", cordee::core::kVersion);
        return 0;
    }
    limitSelf();
    if (argc == 3 && std::string(argv[1]) == "--size") {
        const auto [w, h] = cordee::render::svgIntrinsicSize(argv[2]);
        if (w <= 0 || h <= 0)
            return 1;
        std::printf("%d %d\n", w, h);
        return 0;
    }
    if (argc != 5)
        return 2;
    const std::string in = argv[1], out = argv[4];
    const int w = std::atoi(argv[2]);
    const int h = std::atoi(argv[3]);
    SDL_Surface* s = isSvg(in) ? cordee::render::rasterizeSvg(in, w, h)
                               : cordee::render::decodeRasterAt(in, w, h);
    if (!s)
        return 1;
    if (out == "-") {
        bool sent = s->pitch == w * 4;
        for (int y = 0; sent && y < h; ++y)
            sent = writeAll(1, static_cast<const unsigned char*>(s->pixels) + y * s->pitch,
                            static_cast<size_t>(w) * 4);
        SDL_FreeSurface(s);
        return sent ? 0 : 1;
    }
    // Written aside then renamed: the player never reads a half-written PNG.
    const std::string temp = out + ".tmp";
    const bool saved = IMG_SavePNG(s, temp.c_str()) == 0;
    SDL_FreeSurface(s);
    std::error_code ec;
    if (saved)
        std::filesystem::rename(temp, out, ec);
    else
        std::filesystem::remove(temp, ec);
    return saved && !ec ? 0 : 1;
}
