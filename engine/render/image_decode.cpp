#include "render/image_decode.hpp"

#include "course/image_probe.hpp"
#include "render/downscale.hpp"

#include <SDL_image.h>
#include <csetjmp>
#include <cstdio>
#include <jpeglib.h>
#include <memory>
#include <vector>

namespace cordee::render {
namespace {

struct JpegError {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
};

[[noreturn]] void jpegFail(j_common_ptr info) {
    std::longjmp(reinterpret_cast<JpegError*>(info->err)->jump, 1);
}

void jpegQuiet(j_common_ptr, int) {}

SDL_Surface* shrink(const uint8_t* pixels, int sw, int sh, size_t pitch, const PixelLayout& layout,
                    int w, int h) {
    SDL_Surface* out = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!out)
        return nullptr;
    if (out->pitch != w * 4 ||
        !boxDownscale(pixels, sw, sh, pitch, layout, static_cast<uint32_t*>(out->pixels), w, h)) {
        SDL_FreeSurface(out);
        return nullptr;
    }
    return out;
}

// The buffer lives outside the setjmp frame so that a longjmp leaks nothing.
SDL_Surface* decodeJpeg(const std::string& path, int w, int h, std::vector<uint8_t>& buffer) {
    std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file)
        return nullptr;
    jpeg_decompress_struct info{};
    JpegError error{};
    info.err = jpeg_std_error(&error.mgr);
    error.mgr.error_exit = jpegFail;
    error.mgr.emit_message = jpegQuiet;
    if (setjmp(error.jump)) {
        jpeg_destroy_decompress(&info);
        return nullptr;
    }
    jpeg_create_decompress(&info);
    jpeg_stdio_src(&info, file.get());
    jpeg_read_header(&info, TRUE);
    course::ImageProbe declared;
    declared.status = course::ProbeStatus::Ok;
    declared.width = info.image_width;
    declared.height = info.image_height;
    declared.sizeDeclared = true;
    if (course::checkImage(declared, false) != course::ImageVerdict::Ok ||
        info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK) {
        jpeg_destroy_decompress(&info);
        return nullptr;
    }
    // The strongest reduction that still gives at least the size shown.
    unsigned denom = 8;
    while (denom > 1 && ((info.image_width + denom - 1) / denom < static_cast<unsigned>(w) ||
                         (info.image_height + denom - 1) / denom < static_cast<unsigned>(h)))
        denom /= 2;
    info.scale_num = 1;
    info.scale_denom = denom;
    info.out_color_space = JCS_EXT_BGRA; // ARGB8888 in memory on a little-endian machine
    jpeg_start_decompress(&info);
    const size_t pitch = static_cast<size_t>(info.output_width) * 4;
    buffer.resize(pitch * info.output_height);
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = buffer.data() + pitch * info.output_scanline;
        jpeg_read_scanlines(&info, &row, 1);
    }
    const int sw = static_cast<int>(info.output_width), sh = static_cast<int>(info.output_height);
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return shrink(buffer.data(), sw, sh, pitch, PixelLayout{4, 16, 8, 0, 24}, w, h);
}

SDL_Surface* decodePng(const std::string& path, int w, int h) {
    SDL_Surface* s = IMG_Load(path.c_str());
    if (!s)
        return nullptr;
    // 24- and 32-bit pixels are read as they are; palettes and grey levels are widened first.
    if (s->format->BytesPerPixel != 3 && s->format->BytesPerPixel != 4) {
        SDL_Surface* wide = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
        SDL_FreeSurface(s);
        if (!(s = wide))
            return nullptr;
    }
    const SDL_PixelFormat* f = s->format;
    const PixelLayout layout{f->BytesPerPixel, f->Rshift, f->Gshift, f->Bshift,
                             f->Amask ? static_cast<int>(f->Ashift) : -1};
    SDL_LockSurface(s);
    SDL_Surface* out = shrink(static_cast<const uint8_t*>(s->pixels), s->w, s->h,
                              static_cast<size_t>(s->pitch), layout, w, h);
    SDL_UnlockSurface(s);
    SDL_FreeSurface(s);
    return out;
}

} // namespace

SDL_Surface* decodeRasterAt(const std::string& path, int w, int h) {
    if (w <= 0 || h <= 0 || w > course::kMaxImageSide || h > course::kMaxImageSide)
        return nullptr;
    const bool png = path.ends_with(".png") || path.ends_with(".PNG");
    const course::ImageProbe probe = course::probeImage(path, png ? "png" : "jpg");
    if (course::checkImage(probe, false) != course::ImageVerdict::Ok)
        return nullptr;
    if (png)
        return decodePng(path, w, h);
    std::vector<uint8_t> buffer;
    return decodeJpeg(path, w, h, buffer);
}

} // namespace cordee::render
