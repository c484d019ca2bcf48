#include "app/catalogue_loader.hpp"

#include "core/course_dirs.hpp"
#include "course/loader.hpp"

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace cordee::app {

namespace {

std::optional<std::string> env(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::optional<std::string>(value) : std::nullopt;
}

} // namespace

std::vector<fs::path> courseSearchPath(const std::string& coursesOption) {
    std::error_code ec;
    core::CourseDirsEnv e{
        coursesOption.empty() ? std::nullopt : std::optional<std::string>(coursesOption),
        env("CORDEE_COURSES"), env("XDG_DATA_HOME"), env("XDG_DATA_DIRS"), env("HOME")};
    core::CourseDirsLayout layout;
    layout.exeDir = fs::weakly_canonical(fs::read_symlink("/proc/self/exe", ec), ec).parent_path();
#ifdef CORDEE_BUILD_BIN_DIR
    layout.buildBinDir = fs::weakly_canonical(CORDEE_BUILD_BIN_DIR, ec);
#endif
#ifdef CORDEE_SOURCE_COURSES_DIR
    layout.sourceCourses = CORDEE_SOURCE_COURSES_DIR;
#endif
    return core::courseDirs(e, layout);
}

Catalogue loadCatalogue(const std::vector<fs::path>& places, const std::string& course) {
    Catalogue c;
    if (!course.empty()) {
        // One course asked for: only it is read. Loading every bundled course too would make
        // the start as slow as the slowest of them, and show their problems for nothing.
        std::error_code ec;
        ui::CourseEntry entry;
        entry.path =
            fs::is_regular_file(course, ec) ? fs::path(course).parent_path() : fs::path(course);
        entry.load = course::loadCourse(course);
        c.courses.push_back(std::move(entry));
        c.selected = 0;
        return c;
    }
    std::vector<std::vector<fs::path>> found;
    for (const fs::path& place : places)
        found.push_back(course::findCourseFolders(place));
    for (const fs::path& folder : core::mergeCourseFolders(found)) {
        ui::CourseEntry entry;
        entry.path = folder;
        entry.load = course::loadCourse(folder);
        c.courses.push_back(std::move(entry));
    }
    return c;
}

} // namespace cordee::app
