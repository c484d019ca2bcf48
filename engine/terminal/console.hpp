// The terminal's input and output, with the conventions scripts rely on: a "> " prompt,
// flushed, before every line read; end of input ends the session cleanly.
#pragma once

#include "terminal/plain_text.hpp"

#include <iosfwd>
#include <string>

namespace cordee::terminal {

struct Console {
    std::istream& in;
    std::ostream& out;
    PlainTextOptions options;
    bool ended = false; // end of input was reached

    // Prints the prompt, reads a trimmed line; false at end of input.
    bool readLine(std::string& line);
    bool fr() const { return options.lang == core::Lang::Fr; }
};

} // namespace cordee::terminal
