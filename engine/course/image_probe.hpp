// Reads an image's pixel size from its header, without decoding it (PNG, JPEG, SVG).
// Used by the loader to warn about oversized images; the course room links no image library.
#pragma once

#include <filesystem>
#include <string>

namespace cordee::course {

struct ImageProbe {
    bool ok = false; // the file has the signature its extension promises
    int width = 0;   // 0 when the format does not say (an SVG without size)
    int height = 0;
};

// `format` is "png", "jpg"/"jpeg" or "svg". Reads at most the first 256 KB.
ImageProbe probeImage(const std::filesystem::path& file, const std::string& format);

} // namespace cordee::course
