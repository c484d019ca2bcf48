#include "render/svg_raster.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>

namespace cordee::render {
namespace {

RsvgHandle* open(const std::string& path) {
    GError* error = nullptr;
    RsvgHandle* handle = rsvg_handle_new_from_file(path.c_str(), &error);
    if (error)
        g_error_free(error);
    return handle;
}

} // namespace

std::pair<int, int> svgIntrinsicSize(const std::string& path) {
    RsvgHandle* handle = open(path);
    if (!handle)
        return {0, 0};
    gdouble w = 0, h = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h)) {
        RsvgRectangle viewport{0, 0, 1000, 1000}, ink, logical;
        if (rsvg_handle_get_geometry_for_layer(handle, nullptr, &viewport, &ink, &logical,
                                               nullptr)) {
            w = logical.width;
            h = logical.height;
        }
    }
    g_object_unref(handle);
    return {static_cast<int>(w), static_cast<int>(h)};
}

SDL_Surface* rasterizeSvg(const std::string& path, int w, int h) {
    if (w <= 0 || h <= 0 || w > 8192 || h > 8192)
        return nullptr;
    RsvgHandle* handle = open(path);
    if (!handle)
        return nullptr;
    cairo_surface_t* target = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t* cr = cairo_create(target);
    RsvgRectangle viewport{0, 0, static_cast<double>(w), static_cast<double>(h)};
    GError* error = nullptr;
    const bool drawn = rsvg_handle_render_document(handle, cr, &viewport, &error);
    if (error)
        g_error_free(error);
    cairo_destroy(cr);
    g_object_unref(handle);
    SDL_Surface* out = nullptr;
    if (drawn) {
        cairo_surface_flush(target);
        out = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        if (out) {
            // Cairo's pixels are premultiplied; SDL blends straight alpha.
            const unsigned char* src = cairo_image_surface_get_data(target);
            const int srcStride = cairo_image_surface_get_stride(target);
            for (int y = 0; y < h; ++y) {
                const uint32_t* in = reinterpret_cast<const uint32_t*>(src + y * srcStride);
                uint32_t* row = reinterpret_cast<uint32_t*>(
                    static_cast<unsigned char*>(out->pixels) + y * out->pitch);
                for (int x = 0; x < w; ++x) {
                    uint32_t p = in[x];
                    uint32_t a = p >> 24;
                    if (a == 0 || a == 255) {
                        row[x] = p;
                        continue;
                    }
                    uint32_t r = ((p >> 16) & 0xFF) * 255 / a;
                    uint32_t g = ((p >> 8) & 0xFF) * 255 / a;
                    uint32_t b = (p & 0xFF) * 255 / a;
                    row[x] = (a << 24) | (r << 16) | (g << 8) | b;
                }
            }
        }
    }
    cairo_surface_destroy(target);
    return out;
}

} // namespace cordee::render
