// The player in a terminal (--text): the same Session as the window, driven by one-line
// commands on standard input. Screen-reader users take courses this way, and tests drive the
// player through it.
//
// Conventions (fixed: tests and scripts rely on them): every page is printed as plain text;
// choices are printed one per line as "N) text"; before reading a line the prompt "> " is
// printed and flushed; commands are n (next), p (previous), t (contents), g (glossary),
// h (help), q (quit); end of input quits cleanly.
#pragma once

#include "player/session.hpp"
#include "terminal/plain_text.hpp"

#include <iosfwd>

namespace cordee::terminal {

// Returns the process exit status (0).
int runTextPlayer(player::Session& session, std::istream& in, std::ostream& out,
                  const PlainTextOptions& options);

// The text shown for the current step (without the command line).
std::string renderStep(const player::Session& session, const PlainTextOptions& options);

} // namespace cordee::terminal
