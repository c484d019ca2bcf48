// Reads an image's pixel size from its header, without decoding it (PNG, JPEG, SVG), checks
// that the file is whole, and says whether the image fits the caps every decoder in the
// player is held to. The loader refuses what does not fit (M020–M023), and the renderer runs
// the same check before it lets a decoder near the file, so a hostile header can never make
// a decoder allocate gigabytes or write past a buffer.
//
// Workload: a PNG is walked chunk by chunk and a JPEG segment by segment with seeks, reading
// only the 8- or 4-byte headers (a few hundred reads for a photo); the end of a JPEG is
// looked for backwards from the end of the file. An SVG is read up to 256 KB. The course
// room links no image library.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace cordee::course {

// The caps. Decoded, a pixel takes 4 bytes: 8192 × 8192 pixels is 256 MB, the most a
// decoder may allocate for one image. A side longer than 16384 px is refused whatever the
// pixel count (no texture can hold it and nothing on screen needs it).
constexpr int64_t kMaxImagePixels = 8192LL * 8192LL;
constexpr int64_t kMaxDecodedBytes = kMaxImagePixels * 4;
constexpr int64_t kMaxImageSide = 16384;

enum class ProbeStatus {
    Ok,
    NotThisFormat, // the signature is not the one the extension promises
    Damaged,       // the signature is right but the structure is not (no frame, bad length)
    Truncated,     // the file stops before the image does
};

struct ImageProbe {
    ProbeStatus status = ProbeStatus::NotThisFormat;
    bool ok = false; // status == Ok
    // As declared, signed: a PNG's 32-bit size above 2^31 reads negative. For an SVG, 0 when
    // it declares no absolute size (no width/height in px and no viewBox).
    int64_t width = 0;
    int64_t height = 0;
    bool sizeDeclared = false; // an SVG that says nothing about its size leaves this false
};

// `format` is "png", "jpg"/"jpeg" or "svg".
ImageProbe probeImage(const std::filesystem::path& file, const std::string& format);

enum class ImageVerdict {
    Ok,
    NotThisFormat, // M008
    Damaged,       // M008
    Truncated,     // M023
    EmptySize,     // M022: 0 or negative width or height
    SideTooLong,   // M021: a side above kMaxImageSide
    TooManyPixels, // M020: above kMaxImagePixels (kMaxDecodedBytes decoded)
};

// Whether an image with this header may be decoded. An SVG is drawn at the size it is shown,
// so its declared size is only checked for being positive.
ImageVerdict checkImage(const ImageProbe& probe, bool vector);

} // namespace cordee::course
