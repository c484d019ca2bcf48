// Where the player looks for courses (core/course_dirs.hpp): the XDG rules for an installed
// program, the build tree, and the overrides, as pure logic.
#include "core/course_dirs.hpp"

#include <catch2/catch.hpp>

using namespace cordee::core;
using Paths = std::vector<std::filesystem::path>;

namespace {

const CourseDirsLayout installed{"/usr/bin", "/home/dev/cordee/build/bin",
                                 "/home/dev/cordee/courses"};

} // namespace

TEST_CASE("an installed player follows the XDG defaults", "[course_dirs]") {
    CourseDirsEnv env;
    env.home = "/home/ana";
    CHECK(courseDirs(env, installed) == Paths{"/home/ana/.local/share/cordee/courses",
                                              "/usr/local/share/cordee/courses",
                                              "/usr/share/cordee/courses"});
}

TEST_CASE("XDG_DATA_HOME and XDG_DATA_DIRS replace the defaults, in order", "[course_dirs]") {
    CourseDirsEnv env;
    env.home = "/home/ana";
    env.xdgDataHome = "/data/ana";
    env.xdgDataDirs = "/opt/site/share:/usr/share/";
    CHECK(courseDirs(env, installed) == Paths{"/data/ana/cordee/courses",
                                              "/opt/site/share/cordee/courses",
                                              "/usr/share/cordee/courses"});
}

TEST_CASE("relative and empty XDG entries are ignored, as the specification asks",
          "[course_dirs]") {
    CourseDirsEnv env;
    env.home = "/home/ana";
    env.xdgDataHome = "relative/data";
    env.xdgDataDirs = "::share:/srv/share:";
    // A relative XDG_DATA_HOME falls back to the default under HOME.
    CHECK(courseDirs(env, installed) == Paths{"/home/ana/.local/share/cordee/courses",
                                              "/srv/share/cordee/courses",
                                              "/usr/share/cordee/courses"});
    env.xdgDataHome = "";
    env.xdgDataDirs = "";
    CHECK(courseDirs(env, installed).size() == 3); // empty means unset: the defaults
}

TEST_CASE("no HOME: only the system folders", "[course_dirs]") {
    CHECK(courseDirs({}, installed) ==
          Paths{"/usr/local/share/cordee/courses", "/usr/share/cordee/courses"});
}

TEST_CASE("another prefix finds its own share folder even when XDG_DATA_DIRS lacks it",
          "[course_dirs]") {
    CourseDirsEnv env;
    env.xdgDataDirs = "/usr/share";
    const CourseDirsLayout opt{"/opt/cordee/bin", "/build/bin", "/src/courses"};
    CHECK(courseDirs(env, opt) ==
          Paths{"/usr/share/cordee/courses", "/opt/cordee/share/cordee/courses"});
}

TEST_CASE("a build-tree run plays the source tree's courses only", "[course_dirs]") {
    CourseDirsEnv env;
    env.home = "/home/dev";
    env.xdgDataDirs = "/usr/share";
    const CourseDirsLayout build{"/home/dev/cordee/build/bin", "/home/dev/cordee/build/bin/",
                                 "/home/dev/cordee/courses"};
    CHECK(courseDirs(env, build) == Paths{"/home/dev/cordee/courses"});
}

TEST_CASE("the courses option, then CORDEE_COURSES, override every other place", "[course_dirs]") {
    CourseDirsEnv env;
    env.home = "/home/ana";
    env.cordeeCourses = "/env/courses";
    CHECK(courseDirs(env, installed) == Paths{"/env/courses"});
    env.coursesOption = "mine";
    CHECK(courseDirs(env, installed) == Paths{"mine"});
    const CourseDirsLayout build{"/b/bin", "/b/bin", "/src/courses"};
    CHECK(courseDirs(env, build) == Paths{"mine"});
}

TEST_CASE("a course in an earlier place hides the same folder name further on", "[course_dirs]") {
    const Paths home{"/home/ana/.local/share/cordee/courses/demo",
                     "/home/ana/.local/share/cordee/courses/mon-cours"};
    const Paths system{"/usr/share/cordee/courses/coproduction", "/usr/share/cordee/courses/demo"};
    CHECK(mergeCourseFolders({home, system}) ==
          Paths{"/home/ana/.local/share/cordee/courses/demo",
                "/home/ana/.local/share/cordee/courses/mon-cours",
                "/usr/share/cordee/courses/coproduction"});
    CHECK(mergeCourseFolders({{}, system}) == system);
    CHECK(mergeCourseFolders({}).empty());
}
