#include "render/downscale.hpp"

#include <algorithm>
#include <vector>

namespace cordee::render {
namespace {

struct Sum {
    uint64_t r = 0, g = 0, b = 0, a = 0, n = 0;
};

// The source span [first, last) that destination pixel `d` of `dn` covers in `sn`.
void span(int d, int dn, int sn, int& first, int& last) {
    first = static_cast<int>(static_cast<int64_t>(d) * sn / dn);
    last = static_cast<int>(static_cast<int64_t>(d + 1) * sn / dn);
    last = std::max(last, first + 1);
}

} // namespace

bool boxDownscale(const uint8_t* src, int sw, int sh, size_t srcPitch, const PixelLayout& layout,
                  uint32_t* dst, int dw, int dh) {
    if (sw <= 0 || sh <= 0 || dw <= 0 || dh <= 0 ||
        (layout.bytesPerPixel != 3 && layout.bytesPerPixel != 4))
        return false;
    // For each source column, the destination column it adds to.
    std::vector<int> column(static_cast<size_t>(sw));
    for (int dx = 0, first = 0, last = 0; dx < dw; ++dx) {
        span(dx, dw, sw, first, last);
        for (int x = first; x < last; ++x)
            column[static_cast<size_t>(x)] = dx;
    }
    std::vector<Sum> sums(static_cast<size_t>(dw));
    const int bpp = layout.bytesPerPixel;
    for (int dy = 0; dy < dh; ++dy) {
        int first = 0, last = 0;
        span(dy, dh, sh, first, last);
        std::fill(sums.begin(), sums.end(), Sum{});
        for (int y = first; y < last; ++y) {
            const uint8_t* row = src + static_cast<size_t>(y) * srcPitch;
            for (int x = 0; x < sw; ++x) {
                const uint8_t* p = row + static_cast<size_t>(x) * static_cast<size_t>(bpp);
                uint32_t v = p[0] | (p[1] << 8) | (p[2] << 16);
                if (bpp == 4)
                    v |= static_cast<uint32_t>(p[3]) << 24;
                const uint32_t a = layout.aShift < 0 ? 255 : (v >> layout.aShift) & 0xFF;
                Sum& s = sums[static_cast<size_t>(column[static_cast<size_t>(x)])];
                s.r += ((v >> layout.rShift) & 0xFF) * a;
                s.g += ((v >> layout.gShift) & 0xFF) * a;
                s.b += ((v >> layout.bShift) & 0xFF) * a;
                s.a += a;
                ++s.n;
            }
        }
        uint32_t* out = dst + static_cast<size_t>(dy) * static_cast<size_t>(dw);
        // When the destination is larger than the source, columns repeat: find each one's
        // source column directly (the sums above hold only one destination per source).
        for (int dx = 0; dx < dw; ++dx) {
            Sum s = sums[static_cast<size_t>(dx)];
            if (s.n == 0) {
                int fx = 0, lx = 0;
                span(dx, dw, sw, fx, lx);
                s = sums[static_cast<size_t>(column[static_cast<size_t>(fx)])];
            }
            if (s.n == 0 || s.a == 0) {
                out[dx] = 0;
                continue;
            }
            const uint32_t a = static_cast<uint32_t>((s.a + s.n / 2) / s.n);
            const uint32_t r = static_cast<uint32_t>((s.r + s.a / 2) / s.a);
            const uint32_t g = static_cast<uint32_t>((s.g + s.a / 2) / s.a);
            const uint32_t b = static_cast<uint32_t>((s.b + s.a / 2) / s.a);
            out[dx] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
    return true;
}

} // namespace cordee::render
