#include "course/media_path.hpp"

#include <algorithm>
#include <system_error>

namespace cordee::course {
namespace fs = std::filesystem;

namespace {

bool isWithin(const fs::path& folder, const fs::path& candidate) {
    auto f = folder.begin();
    auto c = candidate.begin();
    for (; f != folder.end(); ++f, ++c) {
        if (c == candidate.end() || *f != *c)
            return false;
    }
    return true;
}

} // namespace

bool resolvesInside(const fs::path& folder, const fs::path& file) {
    std::error_code ec;
    fs::path canonical = fs::canonical(file, ec);
    return !ec && isWithin(folder, canonical);
}

std::string lowerExtension(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    if (!ext.empty())
        ext.erase(0, 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    return ext;
}

ResolvedPath resolveInsideFolder(const fs::path& folder, const std::string& relative) {
    ResolvedPath out;
    const bool looksLikeUrl = relative.find("://") != std::string::npos;
    const bool windowsDrive = relative.size() >= 2 && relative[1] == ':';
    fs::path given(relative);
    if (given.is_absolute() || relative.starts_with("\\") || windowsDrive || looksLikeUrl ||
        relative.starts_with("~")) {
        out.status = PathStatus::Absolute;
        return out;
    }
    fs::path normal = given.lexically_normal();
    if (!normal.empty() && *normal.begin() == "..") {
        out.status = PathStatus::LeavesFolder;
        return out;
    }
    std::error_code ec;
    fs::path joined = folder / normal;
    if (!fs::exists(joined, ec)) {
        // A dangling link or a missing file: report missing, but a link that would leave the
        // folder is still a leak of intent worth naming.
        out.status = PathStatus::Missing;
        return out;
    }
    fs::path canonical = fs::canonical(joined, ec);
    if (ec) {
        out.status = PathStatus::Missing;
        return out;
    }
    if (!isWithin(folder, canonical)) {
        out.status = PathStatus::LeavesFolder;
        return out;
    }
    const fs::file_status st = fs::status(canonical, ec);
    if (ec) {
        out.status = PathStatus::Missing;
        return out;
    }
    if (fs::is_directory(st)) {
        out.status = PathStatus::Directory;
        return out;
    }
    if (!fs::is_regular_file(st)) {
        out.status = PathStatus::NotRegular;
        return out;
    }
    out.status = PathStatus::Ok;
    out.path = canonical;
    return out;
}

} // namespace cordee::course
