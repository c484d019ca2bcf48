// One authored XML file as text, checked before any parser sees it.
//
// Workload: files are small (a few hundred KB); a cap (16 MB) bounds memory before parsing.
// The pre-scan refuses what tinyxml2 would accept silently or handle badly: other encodings,
// invalid UTF-8, NUL and control bytes, DOCTYPE/ENTITY declarations, unknown entities,
// out-of-range character references, and unbalanced tags (with exact line and column).
// It also records the offset of every start tag in document order, which gives columns
// for elements and attributes (tinyxml2 only knows lines).
//
// Positions are indexed once, when the text is read: line starts, and the code-point count
// at every 64th byte, so that a position costs a binary search and at most 63 bytes of
// counting, however long the line (a one-line 16 MB file with a million mistakes stays linear).
// Work is bounded for any input: attributes per tag are capped (X023), references are looked
// for in a window of 40 bytes, and nesting past 100 levels stops the scan (X008).
#pragma once

#include "core/diagnostic.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cordee::course {

inline constexpr size_t kMaxCourseFileBytes = 16u * 1024u * 1024u;
// A course element has at most six attributes; more than this is not a course (X023).
inline constexpr size_t kMaxAttributesPerElement = 100;

struct XmlSource {
    std::string displayPath;            // the path shown in diagnostics
    std::string text;                   // the file's bytes, BOM removed
    std::vector<size_t> lineStarts;     // offset of each line's first byte
    std::vector<size_t> startTags;      // offset of each start tag's '<', in document order
    std::vector<uint32_t> codePointsAt; // code points before byte k * kPosStride

    static constexpr size_t kPosStride = 64;

    // Builds lineStarts and codePointsAt from `text`: once, before any posAt().
    void indexPositions();
    core::SourcePos posAt(size_t offset) const;
    // Offset just after the tag that starts at `tagOffset` (past its '>').
    size_t tagEnd(size_t tagOffset) const;
};

// Reads and pre-scans a file. On failure adds diagnostics and returns nothing.
std::optional<XmlSource> readXmlFile(const std::filesystem::path& file,
                                     const std::string& displayPath, core::Diagnostics& diags,
                                     size_t maxBytes = kMaxCourseFileBytes);
// The same checks on bytes already in memory (tests, fuzzing).
std::optional<XmlSource> xmlSourceFromBytes(std::string bytes, const std::string& displayPath,
                                            core::Diagnostics& diags,
                                            size_t maxBytes = kMaxCourseFileBytes);

} // namespace cordee::course
