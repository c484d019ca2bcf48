// One authored XML file as text, checked before any parser sees it.
//
// Workload: files are small (a few hundred KB); a cap (16 MB) bounds memory before parsing.
// The pre-scan refuses what tinyxml2 would accept silently or handle badly: other encodings,
// invalid UTF-8, NUL and control bytes, DOCTYPE/ENTITY declarations, unknown entities,
// out-of-range character references, and unbalanced tags (with exact line and column).
// It also records the offset of every start tag in document order, which gives columns
// for elements and attributes (tinyxml2 only knows lines).
#pragma once

#include "core/diagnostic.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cordee::course {

inline constexpr size_t kMaxCourseFileBytes = 16u * 1024u * 1024u;

struct XmlSource {
    std::string displayPath;        // the path shown in diagnostics
    std::string text;               // the file's bytes, BOM removed
    std::vector<size_t> lineStarts; // offset of each line's first byte
    std::vector<size_t> startTags;  // offset of each start tag's '<', in document order

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
