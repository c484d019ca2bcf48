#include "course/image_probe.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <string_view>

namespace cordee::course {
namespace {

constexpr size_t kSvgHeadBytes = 256 * 1024;
constexpr size_t kTailBytes = 4096;
// More chunks or segments than any real image has; past this the file is called damaged
// rather than walked for ever.
constexpr int kMaxChunks = 1'000'000;
// SVG lengths are clamped to this before they become integers ("1e300" and "inf" parse).
constexpr double kHugeSvg = 1e9;

uint32_t bigEndian(const unsigned char* p, size_t n) {
    uint32_t v = 0;
    for (size_t i = 0; i < n; ++i)
        v = (v << 8) | p[i];
    return v;
}

// Random access to the file by small reads; every read says whether it was whole.
class Reader {
public:
    explicit Reader(const std::filesystem::path& file)
        : in_(file, std::ios::binary) {
        in_.seekg(0, std::ios::end);
        const auto end = in_.tellg();
        size_ = end < 0 ? 0 : static_cast<uint64_t>(end);
    }
    uint64_t size() const { return size_; }
    bool read(uint64_t at, unsigned char* out, size_t n) {
        if (at + n > size_)
            return false;
        in_.clear();
        in_.seekg(static_cast<std::streamoff>(at));
        in_.read(reinterpret_cast<char*>(out), static_cast<std::streamsize>(n));
        return static_cast<size_t>(in_.gcount()) == n;
    }
    std::string bytes(uint64_t at, size_t n) {
        if (at >= size_)
            return {};
        n = static_cast<size_t>(std::min<uint64_t>(n, size_ - at));
        std::string s(n, '\0');
        if (!read(at, reinterpret_cast<unsigned char*>(s.data()), n))
            return {};
        return s;
    }

private:
    std::ifstream in_;
    uint64_t size_ = 0;
};

ImageProbe with(ProbeStatus status, ImageProbe p = {}) {
    p.status = status;
    p.ok = status == ProbeStatus::Ok;
    return p;
}

// Signature, IHDR first, then every chunk's length until IEND, which must be in the file.
ImageProbe probePng(Reader& in) {
    ImageProbe p;
    unsigned char head[33];
    static constexpr unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (!in.read(0, head, 8) || !std::equal(head, head + 8, kSignature))
        return with(ProbeStatus::NotThisFormat);
    if (!in.read(0, head, sizeof head))
        return with(ProbeStatus::Truncated);
    if (bigEndian(head + 8, 4) != 13 ||
        std::string_view(reinterpret_cast<char*>(head + 12), 4) != "IHDR")
        return with(ProbeStatus::Damaged);
    p.width = static_cast<int32_t>(bigEndian(head + 16, 4));
    p.height = static_cast<int32_t>(bigEndian(head + 20, 4));
    p.sizeDeclared = true;
    uint64_t at = 8;
    bool sawData = false;
    for (int chunks = 0; chunks < kMaxChunks; ++chunks) {
        unsigned char chunk[8];
        if (!in.read(at, chunk, 8))
            return with(ProbeStatus::Truncated, p);
        const uint32_t length = bigEndian(chunk, 4);
        if (length > 0x7FFFFFFFu)
            return with(ProbeStatus::Damaged, p);
        const std::string_view type(reinterpret_cast<char*>(chunk + 4), 4);
        at += 12 + static_cast<uint64_t>(length);
        if (at > in.size())
            return with(ProbeStatus::Truncated, p);
        if (type == "IDAT")
            sawData = true;
        if (type == "IEND")
            return with(sawData ? ProbeStatus::Ok : ProbeStatus::Damaged, p);
    }
    return with(ProbeStatus::Damaged, p);
}

// Whether an end-of-image marker follows `from`, looked for backwards from the end of the
// file (after it, cameras sometimes append their own data).
bool jpegHasEnd(Reader& in, uint64_t from) {
    constexpr size_t kBlock = 64 * 1024;
    uint64_t end = in.size();
    while (end > from + 1) {
        const uint64_t start = end - std::min<uint64_t>(kBlock, end - from);
        // One byte of overlap so that a marker across two blocks is seen.
        const std::string block =
            in.bytes(start, static_cast<size_t>(std::min<uint64_t>(end + 1, in.size()) - start));
        if (block.rfind("\xFF\xD9") != std::string::npos)
            return true;
        end = start;
    }
    return false;
}

// Segment by segment to the first frame header (the size), then on to the start of scan;
// the entropy-coded data must then be followed by an end-of-image marker.
ImageProbe probeJpeg(Reader& in) {
    ImageProbe p;
    unsigned char b[9];
    if (!in.read(0, b, 2) || b[0] != 0xFF || b[1] != 0xD8)
        return with(ProbeStatus::NotThisFormat);
    uint64_t at = 2;
    for (int segments = 0; segments < kMaxChunks; ++segments) {
        if (!in.read(at, b, 2))
            return with(ProbeStatus::Truncated, p);
        if (b[0] != 0xFF)
            return with(ProbeStatus::Damaged, p);
        const unsigned marker = b[1];
        if (marker == 0xFF) { // fill byte
            ++at;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            at += 2;
            continue;
        }
        if (marker == 0xD8 || marker == 0xD9) // a second start, or the end before any frame
            return with(ProbeStatus::Damaged, p);
        if (!in.read(at + 2, b, 2))
            return with(ProbeStatus::Truncated, p);
        const uint32_t length = bigEndian(b, 2);
        if (length < 2)
            return with(ProbeStatus::Damaged, p);
        const bool frame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame && !p.sizeDeclared) {
            if (length < 8)
                return with(ProbeStatus::Damaged, p);
            if (!in.read(at + 4, b, 5))
                return with(ProbeStatus::Truncated, p);
            p.height = bigEndian(b + 1, 2);
            p.width = bigEndian(b + 3, 2);
            p.sizeDeclared = true;
        }
        at += 2 + static_cast<uint64_t>(length);
        if (at > in.size())
            return with(ProbeStatus::Truncated, p);
        if (marker == 0xDA) { // start of scan: the header is complete
            if (!p.sizeDeclared)
                return with(ProbeStatus::Damaged, p);
            return with(jpegHasEnd(in, at) ? ProbeStatus::Ok : ProbeStatus::Truncated, p);
        }
    }
    return with(ProbeStatus::Damaged, p);
}

// An absolute SVG length ("960", "960px", "12.5"); nothing for "100%" and units that need a
// viewport, or when the attribute is absent.
std::optional<double> svgLength(std::string_view v) {
    while (!v.empty() && v.front() == ' ')
        v.remove_prefix(1);
    if (v.empty())
        return std::nullopt;
    double value = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec != std::errc())
        return std::nullopt;
    std::string_view unit(end, static_cast<size_t>(v.data() + v.size() - end));
    while (!unit.empty() && unit.back() == ' ')
        unit.remove_suffix(1);
    if ((!unit.empty() && unit != "px") || !std::isfinite(value))
        return std::nullopt;
    return std::clamp(value, -kHugeSvg, kHugeSvg);
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

// Whether the document ends with the root's end tag (comments and spaces may follow it).
bool svgEndsWithRoot(std::string_view tail) {
    for (;;) {
        while (!tail.empty() &&
               std::string_view(" \t\r\n").find(tail.back()) != std::string_view::npos)
            tail.remove_suffix(1);
        if (!tail.ends_with("-->"))
            break;
        const size_t open = tail.rfind("<!--");
        if (open == std::string_view::npos)
            return false;
        tail = tail.substr(0, open);
    }
    if (!tail.ends_with(">"))
        return false;
    const size_t open = tail.rfind("</");
    if (open == std::string_view::npos)
        return false;
    std::string_view name = tail.substr(open + 2, tail.size() - open - 3);
    while (!name.empty() && name.back() == ' ')
        name.remove_suffix(1);
    return name == "svg" || name.ends_with(":svg");
}

ImageProbe probeSvg(Reader& in) {
    ImageProbe p;
    const std::string head = in.bytes(0, kSvgHeadBytes);
    const size_t open = head.find("<svg");
    if (open == std::string::npos)
        return with(ProbeStatus::NotThisFormat);
    const size_t close = head.find('>', open);
    if (close == std::string::npos)
        return with(in.size() <= kSvgHeadBytes ? ProbeStatus::Truncated : ProbeStatus::Damaged);
    const std::string_view tag = std::string_view(head).substr(open, close - open);
    const bool selfClosing = tag.ends_with("/");
    const std::string tail =
        in.size() <= kSvgHeadBytes ? head : in.bytes(in.size() - kTailBytes, kTailBytes);
    if (!selfClosing && !svgEndsWithRoot(tail))
        return with(ProbeStatus::Truncated);
    const auto w = svgLength(svgAttribute(tag, "width"));
    const auto h = svgLength(svgAttribute(tag, "height"));
    if ((w && *w <= 0) || (h && *h <= 0)) { // refused by the SVG rules, drawn by no one
        p.width = w ? static_cast<int64_t>(*w) : 1;
        p.height = h ? static_cast<int64_t>(*h) : 1;
        p.sizeDeclared = true;
        return with(ProbeStatus::Ok, p);
    }
    if (w && h) {
        p.width = static_cast<int64_t>(*w);
        p.height = static_cast<int64_t>(*h);
        // A fraction of a pixel is still a drawing, not an empty one.
        p.width = *w > 0 && p.width == 0 ? 1 : p.width;
        p.height = *h > 0 && p.height == 0 ? 1 : p.height;
        p.sizeDeclared = true;
        return with(ProbeStatus::Ok, p);
    }
    const std::string_view box = svgAttribute(tag, "viewBox");
    double v[4] = {0, 0, 0, 0};
    const char* cur = box.data();
    const char* end = box.data() + box.size();
    int read = 0;
    for (double& x : v) {
        while (cur < end && (*cur == ' ' || *cur == ','))
            ++cur;
        auto r = std::from_chars(cur, end, x);
        if (r.ec != std::errc() || !std::isfinite(x))
            break;
        x = std::clamp(x, -kHugeSvg, kHugeSvg);
        cur = r.ptr;
        ++read;
    }
    if (read == 4) {
        p.width = static_cast<int64_t>(v[2]);
        p.height = static_cast<int64_t>(v[3]);
        p.width = v[2] > 0 && p.width == 0 ? 1 : p.width;
        p.height = v[3] > 0 && p.height == 0 ? 1 : p.height;
        p.sizeDeclared = true;
    }
    return with(ProbeStatus::Ok, p);
}

} // namespace

ImageProbe probeImage(const std::filesystem::path& file, const std::string& format) {
    Reader in(file);
    if (format == "png")
        return probePng(in);
    if (format == "jpg" || format == "jpeg")
        return probeJpeg(in);
    if (format == "svg")
        return probeSvg(in);
    return {};
}

ImageVerdict checkImage(const ImageProbe& probe, bool vector) {
    switch (probe.status) {
    case ProbeStatus::NotThisFormat:
        return ImageVerdict::NotThisFormat;
    case ProbeStatus::Damaged:
        return ImageVerdict::Damaged;
    case ProbeStatus::Truncated:
        return ImageVerdict::Truncated;
    case ProbeStatus::Ok:
        break;
    }
    if (vector && !probe.sizeDeclared)
        return ImageVerdict::Ok;
    if (probe.width <= 0 || probe.height <= 0)
        return ImageVerdict::EmptySize;
    if (vector)
        return ImageVerdict::Ok;
    if (probe.width * probe.height > kMaxImagePixels)
        return ImageVerdict::TooManyPixels;
    if (probe.width > kMaxImageSide || probe.height > kMaxImageSide)
        return ImageVerdict::SideTooLong;
    return ImageVerdict::Ok;
}

} // namespace cordee::course
