// Confines authored paths (images, includes) to the course folder.
//
// Checked lexically first (absolute paths, "..", URLs) and then on disk with the canonical
// path, so a symbolic link that points out of the folder is refused too. Nothing outside the
// folder is ever opened. A directory or a special file (FIFO, device, socket) is told apart
// from a missing one, and never opened either: reading a FIFO would block the loader.
#pragma once

#include <filesystem>
#include <string>

namespace cordee::course {

enum class PathStatus { Ok, Absolute, LeavesFolder, Missing, Directory, NotRegular };

struct ResolvedPath {
    PathStatus status = PathStatus::Missing;
    std::filesystem::path path; // canonical, when status is Ok
};

// `folder` must be canonical. `relative` is the path as the trainer wrote it.
ResolvedPath resolveInsideFolder(const std::filesystem::path& folder, const std::string& relative);

// Whether `file`, once every symbolic link is followed, is inside `folder` (canonical).
bool resolvesInside(const std::filesystem::path& folder, const std::filesystem::path& file);

// Lower-case extension without the dot ("png"), "" when none.
std::string lowerExtension(const std::string& path);

} // namespace cordee::course
