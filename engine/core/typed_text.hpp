// What a learner types, cleaned at the door before it reaches the session, the progress file,
// a report or a terminal: valid UTF-8 only (each invalid byte becomes U+FFFD), no control
// characters (C0 but newline, DEL, C1) and no terminal escape sequences (ESC [ … final, OSC
// … BEL), tabs as spaces, and a length cap that never cuts a character in two.
// Workload: one pass over a short text per keystroke or line; linear in its length.
// Never fails: anything in gives some clean text out (possibly empty).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cordee::core {

// Caps on what one field may hold, in bytes (a reflection is a few paragraphs at most).
constexpr size_t kMaxReflectionBytes = 20000;
constexpr size_t kMaxGapBytes = 200;
constexpr size_t kMaxNameBytes = 80;

std::string cleanTypedText(std::string_view text, size_t maxBytes, bool keepNewlines = true);

} // namespace cordee::core
