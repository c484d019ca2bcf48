#include "app/catalogue_loader.hpp"

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
    std::error_code ec;
    for (const fs::path& folder : course::findCourseFolders(coursesDir)) {
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
