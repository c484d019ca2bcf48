// Finds and loads the courses the player offers: every course folder in the places
// core::courseDirs names (--courses, the build tree, or the XDG data folders), or, with
// --course, that course alone.
#pragma once

#include "ui/controller.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cordee::app {

// The folders to scan for courses, first one winning (see core/course_dirs.hpp for the rules):
// reads the environment and /proc/self/exe.
std::vector<std::filesystem::path> courseSearchPath(const std::string& coursesOption);

struct Catalogue {
    std::vector<ui::CourseEntry> courses;
    std::optional<size_t> selected; // the --course one (then the only one)
};

Catalogue loadCatalogue(const std::vector<std::filesystem::path>& places,
                        const std::string& course);

} // namespace cordee::app
