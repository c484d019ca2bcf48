#include "app/catalogue_loader.hpp"

#include "core/course_dirs.hpp"

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
    std::error_code ec;
    std::vector<std::vector<fs::path>> found;
    for (const fs::path& place : places)
        found.push_back(course::findCourseFolders(place));
    for (const fs::path& folder : core::mergeCourseFolders(found)) {
        ui::CourseEntry entry;
        entry.path = folder;
        entry.load = course::loadCourse(folder);
        c.courses.push_back(std::move(entry));
    }
    if (!course.empty()) {
        fs::path wanted =
            fs::is_regular_file(course, ec) ? fs::path(course).parent_path() : fs::path(course);
        fs::path canonical = fs::weakly_canonical(wanted, ec);
        for (size_t i = 0; i < c.courses.size(); ++i)
            if (fs::weakly_canonical(c.courses[i].path, ec) == canonical)
                c.selected = i;
        if (!c.selected) {
            ui::CourseEntry entry;
            entry.path = wanted;
            entry.load = course::loadCourse(course);
            c.courses.push_back(std::move(entry));
            c.selected = c.courses.size() - 1;
        }
    }
    return c;
}

} // namespace cordee::app
