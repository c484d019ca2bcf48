// The terminal's input and output, with the conventions scripts rely on: a "> " prompt,
// flushed, before every line read; end of input ends the session cleanly.
#pragma once

#include "player/progress_sink.hpp"
#include "terminal/plain_text.hpp"

#include <iosfwd>
#include <string>

namespace cordee::terminal {

struct Console {
    std::istream& in;
    std::ostream& out;
    PlainTextOptions options;
    // Where the session's actions are recorded: before each prompt, the actions kept in memory
    // are tried again, and a change (not saved any more / saved again) is said on its own line.
    player::ProgressSink* sink = nullptr;
    bool ended = false;       // end of input was reached
    bool saidUnsaved = false; // "not saved" was said and still holds

    // Prints the prompt, reads a trimmed line; false at end of input.
    bool readLine(std::string& line);
    bool fr() const { return options.lang == core::Lang::Fr; }
    // Whether every action so far is in the progress file (true without a sink).
    bool saved() const { return !sink || sink->allSaved(); }
    // Says, once, that progress is not being saved, and again when it is.
    void sayProgressState();
};

} // namespace cordee::terminal
