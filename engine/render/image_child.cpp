#include "render/image_child.hpp"

#include "course/image_probe.hpp"

#include <SDL_image.h>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace cordee::render {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

fs::path cacheDir() {
    if (const char* dir = std::getenv("CORDEE_CACHE_DIR"); dir && *dir)
        return dir;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return fs::path(xdg) / "cordee" / "svg";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".cache" / "cordee" / "svg";
    return {};
}

// cordee-svg-raster beside the running program (the build tree), else in the install prefix's
// libexec/cordee/ (the package: users never call it, so it stays out of /usr/bin).
fs::path rasterHelper() {
    std::error_code ec;
    const auto self = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return {};
    for (const fs::path& dir : {self.parent_path(), self.parent_path() / CORDEE_LIBEXEC_FROM_BIN}) {
        const auto helper = (dir / "cordee-svg-raster").lexically_normal();
        if (::access(helper.c_str(), X_OK) == 0)
            return helper;
    }
    return {};
}

bool sizeAllowed(int w, int h) {
    return w > 0 && h > 0 && w <= course::kMaxImageSide && h <= course::kMaxImageSide &&
           static_cast<int64_t>(w) * h <= course::kMaxImagePixels;
}

// A running helper: its pid and the read end of its standard output.
struct Child {
    pid_t pid = -1;
    int out = -1;
};

Child spawn(std::vector<std::string> args) {
    Child child;
    const fs::path helper = rasterHelper();
    if (helper.empty())
        return child;
    args.insert(args.begin(), helper.string());
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0)
        return child;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 1);
    // Decoders' warnings (libpng's "iCCP: known incorrect sRGB profile") are not the
    // learner's business.
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    if (posix_spawn(&child.pid, argv[0], &actions, nullptr, argv.data(), environ) != 0)
        child.pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeFds[1]);
    if (child.pid < 0) {
        ::close(pipeFds[0]);
        return child;
    }
    child.out = pipeFds[0];
    return child;
}

// Reads up to `n` bytes of the child's output before `deadline`; how many arrived.
size_t readUntil(int fd, unsigned char* into, size_t n, Clock::time_point deadline) {
    size_t got = 0;
    while (got < n) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0)
            break;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left)) <= 0)
            break;
        const ssize_t r = ::read(fd, into + got, n - got);
        if (r <= 0)
            break;
        got += static_cast<size_t>(r);
    }
    return got;
}

// Waits for the child until `deadline`, then kills it; whether it exited with status 0.
bool finish(Child& child, Clock::time_point deadline) {
    if (child.out >= 0)
        ::close(child.out);
    int status = 0;
    for (;;) {
        const pid_t done = waitpid(child.pid, &status, WNOHANG);
        if (done == child.pid)
            return WIFEXITED(status) && WEXITSTATUS(status) == 0;
        if (done < 0)
            return false;
        if (Clock::now() >= deadline)
            break;
        ::usleep(5000);
    }
    kill(child.pid, SIGKILL);
    waitpid(child.pid, &status, 0);
    return false;
}

// The cached PNG for this SVG at this size, read back only if its header says exactly
// w × h: a file planted or damaged in the cache is never handed to the decoder as is.
SDL_Surface* fromCache(const fs::path& cached, int w, int h) {
    std::error_code e;
    if (!fs::is_regular_file(cached, e))
        return nullptr;
    const course::ImageProbe probe = course::probeImage(cached, "png");
    if (!probe.ok || probe.width != w || probe.height != h)
        return nullptr;
    SDL_Surface* s = IMG_Load(cached.c_str());
    if (s && (s->w != w || s->h != h)) {
        SDL_FreeSurface(s);
        s = nullptr;
    }
    return s;
}

} // namespace

SDL_Surface* decodeInChild(const std::string& path, int w, int h) {
    if (!sizeAllowed(w, h))
        return nullptr;
    const auto deadline = Clock::now() + std::chrono::milliseconds(kChildWaitMs);
    Child child = spawn({path, std::to_string(w), std::to_string(h), "-"});
    if (child.pid < 0)
        return nullptr;
    SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    const size_t want = static_cast<size_t>(w) * static_cast<size_t>(h) * 4;
    bool whole =
        s && s->pitch == w * 4 &&
        readUntil(child.out, static_cast<unsigned char*>(s->pixels), want, deadline) == want;
    // Anything past the pixels means the child is not the one we know: refuse the image.
    unsigned char extra = 0;
    whole = whole && readUntil(child.out, &extra, 1, deadline) == 0;
    whole = finish(child, deadline) && whole;
    if (!whole && s) {
        SDL_FreeSurface(s);
        s = nullptr;
    }
    return s;
}

SDL_Surface* loadSvgCached(const std::string& path, int w, int h) {
    if (!sizeAllowed(w, h))
        return nullptr;
    std::error_code ec;
    const fs::path dir = cacheDir();
    const auto size = fs::file_size(path, ec);
    const auto mtime = fs::last_write_time(path, ec).time_since_epoch().count();
    if (dir.empty() || ec)
        return decodeInChild(path, w, h);
    const size_t key =
        std::hash<std::string>{}(path + "|" + std::to_string(size) + "|" + std::to_string(mtime));
    const fs::path cached =
        dir / (std::to_string(key) + "-" + std::to_string(w) + "x" + std::to_string(h) + ".png");
    if (SDL_Surface* s = fromCache(cached, w, h))
        return s;
    fs::create_directories(dir, ec);
    if (!fs::is_directory(dir, ec))
        return decodeInChild(path, w, h);
    // A miss: rasterised by the helper into the cache, then read from it.
    const auto deadline = Clock::now() + std::chrono::milliseconds(kChildWaitMs);
    Child child = spawn({path, std::to_string(w), std::to_string(h), cached.string()});
    if (child.pid < 0 || !finish(child, deadline))
        return nullptr;
    return fromCache(cached, w, h);
}

std::pair<int, int> svgSizeInChild(const std::string& path) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(kChildWaitMs);
    Child child = spawn({"--size", path});
    if (child.pid < 0)
        return {0, 0};
    char text[64] = {};
    const size_t got =
        readUntil(child.out, reinterpret_cast<unsigned char*>(text), sizeof text - 1, deadline);
    if (!finish(child, deadline) || got == 0)
        return {0, 0};
    int w = 0, h = 0;
    if (std::sscanf(text, "%d %d", &w, &h) != 2 || w <= 0 || h <= 0)
        return {0, 0};
    return {w, h};
}

} // namespace cordee::render
