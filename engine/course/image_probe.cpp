#include "course/image_probe.hpp"

#include <charconv>
#include <fstream>
#include <string_view>

namespace cordee::course {
namespace {

constexpr size_t kProbeBytes = 256 * 1024;

unsigned readBigEndian(std::string_view s, size_t at, size_t n) {
    unsigned v = 0;
    for (size_t i = 0; i < n; ++i)
        v = (v << 8) | static_cast<unsigned char>(s[at + i]);
    return v;
}

ImageProbe probePng(std::string_view s) {
    ImageProbe p;
    if (s.size() < 24 || s.substr(0, 8) != "\x89PNG\r\n\x1a\n" || s.substr(12, 4) != "IHDR")
        return p;
    p.ok = true;
    p.width = static_cast<int>(readBigEndian(s, 16, 4));
    p.height = static_cast<int>(readBigEndian(s, 20, 4));
    return p;
}

ImageProbe probeJpeg(std::string_view s) {
    ImageProbe p;
    if (s.size() < 4 || static_cast<unsigned char>(s[0]) != 0xFF ||
        static_cast<unsigned char>(s[1]) != 0xD8)
        return p;
    p.ok = true; // a JPEG; the size is in the first start-of-frame segment
    size_t i = 2;
    while (i + 9 < s.size()) {
        if (static_cast<unsigned char>(s[i]) != 0xFF) {
            ++i;
            continue;
        }
        unsigned marker = static_cast<unsigned char>(s[i + 1]);
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            i += 2;
            continue;
        }
        unsigned length = readBigEndian(s, i + 2, 2);
        const bool startOfFrame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame) {
            p.height = static_cast<int>(readBigEndian(s, i + 5, 2));
            p.width = static_cast<int>(readBigEndian(s, i + 7, 2));
            return p;
        }
        if (length < 2)
            break;
        i += 2 + length;
    }
    return p;
}

// The number at the start of an SVG length ("960", "960px", "12.5"); 0 for "100%" and units
// that need a viewport.
int svgLength(std::string_view v) {
    double value = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec != std::errc())
        return 0;
    std::string_view unit(end, static_cast<size_t>(v.data() + v.size() - end));
    if (!unit.empty() && unit != "px")
        return 0;
    return static_cast<int>(value);
}

std::string_view svgAttribute(std::string_view tag, std::string_view name) {
    size_t at = 0;
    while ((at = tag.find(name, at)) != std::string_view::npos) {
        const bool boundary = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\n' ||
                                         tag[at - 1] == '\t' || tag[at - 1] == '\r');
        size_t eq = at + name.size();
        while (eq < tag.size() && tag[eq] == ' ')
            ++eq;
        if (boundary && eq < tag.size() && tag[eq] == '=') {
            size_t quote = tag.find_first_of("\"'", eq);
            if (quote == std::string_view::npos)
                return {};
            size_t close = tag.find(tag[quote], quote + 1);
            if (close == std::string_view::npos)
                return {};
            return tag.substr(quote + 1, close - quote - 1);
        }
        at += name.size();
    }
    return {};
}

ImageProbe probeSvg(std::string_view s) {
    ImageProbe p;
    size_t open = s.find("<svg");
    if (open == std::string_view::npos)
        return p;
    size_t close = s.find('>', open);
    if (close == std::string_view::npos)
        return p;
    p.ok = true;
    std::string_view tag = s.substr(open, close - open);
    p.width = svgLength(svgAttribute(tag, "width"));
    p.height = svgLength(svgAttribute(tag, "height"));
    if (p.width == 0 || p.height == 0) {
        std::string_view box = svgAttribute(tag, "viewBox");
        double v[4] = {0, 0, 0, 0};
        const char* cur = box.data();
        const char* end = box.data() + box.size();
        for (double& x : v) {
            while (cur < end && (*cur == ' ' || *cur == ','))
                ++cur;
            auto r = std::from_chars(cur, end, x);
            if (r.ec != std::errc())
                break;
            cur = r.ptr;
        }
        p.width = static_cast<int>(v[2]);
        p.height = static_cast<int>(v[3]);
    }
    return p;
}

} // namespace

ImageProbe probeImage(const std::filesystem::path& file, const std::string& format) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes(kProbeBytes, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<size_t>(in.gcount()));
    if (format == "png")
        return probePng(bytes);
    if (format == "jpg" || format == "jpeg")
        return probeJpeg(bytes);
    if (format == "svg")
        return probeSvg(bytes);
    return {};
}

} // namespace cordee::course
