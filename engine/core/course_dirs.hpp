// Where the player looks for courses, as pure logic (no file system, no getenv): the caller
// passes the environment and where the program runs from, and gets the folders to scan, first
// one winning. Workload: a handful of short strings. It cannot fail; a folder in the answer may
// not exist, which the caller treats as empty.
//
// The rules, in order:
//   1. --courses DIR, or else $CORDEE_COURSES: that one folder, nothing else.
//   2. A run from the build tree (the program sits in the build's bin/): the source tree's
//      courses, as before the package existed, so that tests and developers see their edits.
//   3. An installed program, by the XDG Base Directory rules: $XDG_DATA_HOME/cordee/courses
//      (default ~/.local/share, where a trainer drops a course), then each $XDG_DATA_DIRS
//      entry's cordee/courses (default /usr/local/share:/usr/share), then the install prefix's
//      share/cordee/courses (beside bin/), in case XDG_DATA_DIRS was set without it.
//      Relative entries are ignored, as the XDG specification asks.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cordee::core {

struct CourseDirsEnv {
    std::optional<std::string> coursesOption; // --courses
    std::optional<std::string> cordeeCourses; // $CORDEE_COURSES
    std::optional<std::string> xdgDataHome;   // $XDG_DATA_HOME
    std::optional<std::string> xdgDataDirs;   // $XDG_DATA_DIRS
    std::optional<std::string> home;          // $HOME
};

struct CourseDirsLayout {
    std::filesystem::path exeDir;        // the running program's folder, canonical
    std::filesystem::path buildBinDir;   // the build tree's bin/, canonical (empty: none)
    std::filesystem::path sourceCourses; // the source tree's courses/
};

std::vector<std::filesystem::path> courseDirs(const CourseDirsEnv& env,
                                              const CourseDirsLayout& layout);

// Course folders found in several places, merged: a folder name seen in an earlier place hides
// the same name further on (a trainer's ~/.local/share copy of "demo" replaces the installed
// one), and each place's folders keep their order.
std::vector<std::filesystem::path>
mergeCourseFolders(const std::vector<std::vector<std::filesystem::path>>& perPlace);

} // namespace cordee::core
