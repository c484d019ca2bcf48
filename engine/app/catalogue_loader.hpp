// Finds and loads the courses the player offers: every course folder under the courses path,
// or, with --course, that course alone.
#pragma once

#include "ui/controller.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cordee::app {

// The bundled courses folder: $CORDEE_COURSES, else the source tree's, else ./courses, else
// ../share/cordee/courses beside the executable.
std::string defaultCoursesDir(const char* argv0);

struct Catalogue {
    std::vector<ui::CourseEntry> courses;
    std::optional<size_t> selected; // the --course one (then the only one)
};

Catalogue loadCatalogue(const std::string& coursesDir, const std::string& course);

} // namespace cordee::app
