// What cordee-lint prints for one course: diagnostics, then a one-line summary.
#pragma once

#include "core/diagnostic.hpp"
#include "course/course_stats.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace cordee::lint {

struct LintedCourse {
    std::string path;
    core::Diagnostics diagnostics;
    bool loaded = false; // false when the file could not even be read as a course
    course::CourseStats stats;
};

std::string summaryLine(const LintedCourse& c, core::Lang lang);
nlohmann::json toJson(const LintedCourse& c, core::Lang lang, bool quiet);
nlohmann::json toJson(const core::Diagnostic& d, core::Lang lang);

} // namespace cordee::lint
