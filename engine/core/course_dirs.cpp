#include "core/course_dirs.hpp"

#include <set>

namespace fs = std::filesystem;

namespace cordee::core {
namespace {

bool given(const std::optional<std::string>& s) {
    return s && !s->empty();
}

// Lexically normal, without a trailing separator (which would keep an empty last element).
fs::path normal(const fs::path& p) {
    fs::path n = p.lexically_normal();
    return n.has_filename() || !n.has_parent_path() || n == n.root_path() ? n : n.parent_path();
}

void addOnce(std::vector<fs::path>& out, const fs::path& dir) {
    const fs::path n = normal(dir);
    for (const fs::path& seen : out)
        if (seen == n)
            return;
    out.push_back(n);
}

} // namespace

std::vector<fs::path> courseDirs(const CourseDirsEnv& env, const CourseDirsLayout& layout) {
    if (given(env.coursesOption))
        return {fs::path(*env.coursesOption)};
    if (given(env.cordeeCourses))
        return {fs::path(*env.cordeeCourses)};
    if (!layout.buildBinDir.empty() && normal(layout.exeDir) == normal(layout.buildBinDir))
        return {layout.sourceCourses};

    std::vector<fs::path> out;
    if (given(env.xdgDataHome) && fs::path(*env.xdgDataHome).is_absolute())
        addOnce(out, fs::path(*env.xdgDataHome) / "cordee" / "courses");
    else if (given(env.home) && fs::path(*env.home).is_absolute())
        addOnce(out, fs::path(*env.home) / ".local" / "share" / "cordee" / "courses");

    const std::string dirs =
        given(env.xdgDataDirs) ? *env.xdgDataDirs : "/usr/local/share:/usr/share";
    size_t start = 0;
    while (start <= dirs.size()) {
        size_t end = dirs.find(':', start);
        if (end == std::string::npos)
            end = dirs.size();
        const fs::path entry = dirs.substr(start, end - start);
        if (entry.is_absolute())
            addOnce(out, entry / "cordee" / "courses");
        start = end + 1;
    }
    if (!layout.exeDir.empty())
        addOnce(out, layout.exeDir / ".." / "share" / "cordee" / "courses");
    return out;
}

std::vector<fs::path> mergeCourseFolders(const std::vector<std::vector<fs::path>>& perPlace) {
    std::vector<fs::path> out;
    std::set<std::string> names;
    for (const auto& place : perPlace)
        for (const fs::path& folder : place)
            if (names.insert(folder.filename().string()).second)
                out.push_back(folder);
    return out;
}

} // namespace cordee::core
