// The player's command line (fixed: tests and trainers rely on it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace cordee::app {

struct Options {
    std::string coursesDir;            // --courses (default: the bundled courses)
    std::string course;                // --course: a folder or its course.xml
    std::string page;                  // --page: a page, quiz, question, scenario or scene id
    std::string screenshot;            // --screenshot OUT.png: render and exit, no display needed
    int width = 1280, height = 800;    // --size WxH
    std::optional<int> scale;          // --scale PERCENT (text size)
    std::string theme;                 // --theme light|dark|contrast
    std::string font;                  // --font standard|opendyslexic
    std::string lang;                  // --lang fr|en
    bool text = false;                 // --text: play in the terminal
    std::string db;                    // --db PATH (progress store)
    std::string lrsConfig;             // --lrs-config FILE (where to sync; default lrs.ini)
    std::string learner;               // --learner NAME
    std::string renderer = "software"; // --renderer software|accelerated
    std::string overlay; // --overlay contents|glossary|settings|help (previews, tests)
    bool kiosk = false;
    std::optional<uint64_t> seed; // --seed: quiz draws repeatable (tests, demonstrations)
    bool reportTiming = false;    // --report-timing: frame times on stderr (tools/bench)
    bool noSettings = false;      // --no-settings: neither read nor write the settings file
};

// Parses argv; on --help or an error prints and returns the exit status to use.
std::optional<int> parseOptions(int argc, char** argv, Options& out);

} // namespace cordee::app
