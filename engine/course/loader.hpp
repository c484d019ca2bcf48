// Loading a course: folder or course.xml in, course model and every diagnostic out.
//
// Never throws and never aborts on bad content: the course comes back as far as it could be
// read, with all problems found in one run. Callers decide what to do with errors (the linter
// prints them; the player refuses to play a course that has any).
#pragma once

#include "core/diagnostic.hpp"
#include "course/model.hpp"

#include <filesystem>
#include <string>

namespace cordee::course {

struct LoadResult {
    Course course;
    core::Diagnostics diagnostics;
    bool ok() const { return !diagnostics.hasErrors(); }
};

// `path` is a course folder or its course.xml. Diagnostics name files relative to `path` as
// given (so "courses/demo/course.xml:12:5" when called with "courses/demo").
LoadResult loadCourse(const std::filesystem::path& path);

// Loads course XML already in memory, as if it were `folder`/course.xml (tests, fuzzing).
LoadResult loadCourseFromString(std::string xml, const std::filesystem::path& folder,
                                const std::string& displayPath = "course.xml");

// Only the XML parse, as tinyxml2 does it: the benchmark's baseline. Returns false on error.
bool parseXmlOnly(const std::string& xml);

// Every folder under `root` (one level) that holds a course.xml, sorted by name.
std::vector<std::filesystem::path> findCourseFolders(const std::filesystem::path& root);

} // namespace cordee::course
