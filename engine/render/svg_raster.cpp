#include "render/svg_raster.hpp"

#include <SDL_image.h>
#include <cairo.h>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <librsvg/rsvg.h>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

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

namespace {

std::filesystem::path cacheDir() {
    if (const char* dir = std::getenv("CORDEE_CACHE_DIR"); dir && *dir)
        return dir;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "cordee" / "svg";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".cache" / "cordee" / "svg";
    return {};
}

} // namespace

namespace {

// cordee-svg-raster beside the running program (the build tree), else in the install prefix's
// libexec/cordee/ (the package: users never call it, so it stays out of /usr/bin).
std::filesystem::path rasterHelper() {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        return {};
    for (const std::filesystem::path& dir :
         {self.parent_path(), self.parent_path() / CORDEE_LIBEXEC_FROM_BIN}) {
        const auto helper = (dir / "cordee-svg-raster").lexically_normal();
        if (::access(helper.c_str(), X_OK) == 0)
            return helper;
    }
    return {};
}

// Runs the helper and waits for it, at most 10 s (a hostile SVG must not hang the player).
bool rasterizeInChild(const std::filesystem::path& helper, const std::string& svg, int w, int h,
                      const std::filesystem::path& out) {
    const std::string ws = std::to_string(w), hs = std::to_string(h);
    std::string exe = helper.string(), in = svg, target = out.string();
    char* args[] = {
        exe.data(),    in.data(), const_cast<char*>(ws.c_str()), const_cast<char*>(hs.c_str()),
        target.data(), nullptr};
    pid_t pid = 0;
    if (posix_spawn(&pid, exe.c_str(), nullptr, nullptr, args, environ) != 0)
        return false;
    int status = 0;
    for (int waited = 0; waited < 2000; ++waited) {
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid)
            return WIFEXITED(status) && WEXITSTATUS(status) == 0;
        if (done < 0)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return false;
}

} // namespace

SDL_Surface* loadSvgCached(const std::string& path, int w, int h) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path dir = cacheDir();
    const auto size = fs::file_size(path, ec);
    const auto mtime = fs::last_write_time(path, ec).time_since_epoch().count();
    if (dir.empty() || ec)
        return rasterizeSvg(path, w, h);
    const size_t key =
        std::hash<std::string>{}(path + "|" + std::to_string(size) + "|" + std::to_string(mtime));
    const fs::path cached =
        dir / (std::to_string(key) + "-" + std::to_string(w) + "x" + std::to_string(h) + ".png");
    auto fromCache = [&cached, w, h]() -> SDL_Surface* {
        std::error_code e;
        if (!fs::exists(cached, e))
            return nullptr;
        SDL_Surface* s = IMG_Load(cached.c_str());
        if (s && (s->w != w || s->h != h)) {
            SDL_FreeSurface(s);
            s = nullptr;
        }
        return s;
    };
    if (SDL_Surface* s = fromCache())
        return s;
    const bool cacheUsable = fs::create_directories(dir, ec) | fs::is_directory(dir, ec);
    // A miss: rasterised by the helper into the cache, then read from it. If the helper
    // failed on this file, the image is unavailable (it is not retried in this process).
    if (const fs::path helper = rasterHelper(); cacheUsable && !helper.empty())
        return w > 0 && h > 0 && w <= 8192 && h <= 8192 &&
                       rasterizeInChild(helper, path, w, h, cached)
                   ? fromCache()
                   : nullptr;
    SDL_Surface* s = rasterizeSvg(path, w, h);
    if (s && cacheUsable) {
        // Written aside then renamed: a half-written PNG is never read back.
        const fs::path temp = cached.string() + ".tmp";
        if (IMG_SavePNG(s, temp.c_str()) == 0)
            fs::rename(temp, cached, ec);
        else
            fs::remove(temp, ec);
    }
    return s;
}

} // namespace cordee::render
