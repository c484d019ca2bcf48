#include "app/catalogue_loader.hpp"

#include "course/loader.hpp"

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace cordee::app {

std::string defaultCoursesDir(const char* argv0) {
    std::error_code ec;
    if (const char* env = std::getenv("CORDEE_COURSES"); env && fs::is_directory(env, ec))
        return env;
#ifdef CORDEE_SOURCE_COURSES_DIR
    if (fs::is_directory(CORDEE_SOURCE_COURSES_DIR, ec))
        return CORDEE_SOURCE_COURSES_DIR;
#endif
    if (fs::is_directory("courses", ec))
        return "courses";
    fs::path exe = fs::weakly_canonical(fs::path(argv0), ec).parent_path();
    return (exe / ".." / "share" / "cordee" / "courses").lexically_normal().string();
}

Catalogue loadCatalogue(const std::string& coursesDir, const std::string& course) {
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
    for (const fs::path& folder : course::findCourseFolders(coursesDir)) {
        ui::CourseEntry entry;
        entry.path = folder;
        entry.load = course::loadCourse(folder);
        c.courses.push_back(std::move(entry));
    }
    return c;
}

} // namespace cordee::app
