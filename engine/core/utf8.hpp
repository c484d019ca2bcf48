// UTF-8 helpers: validation with the offset of the first bad byte, decoding, counting.
// Course text is UTF-8 end to end; everything that reaches the model has been validated here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cordee::core {

// Offset of the first byte that does not start or continue a valid UTF-8 sequence (overlong
// forms, surrogates and code points past U+10FFFF are invalid), or npos when all is valid.
size_t findInvalidUtf8(std::string_view text, size_t from = 0);
// Length of the valid sequence starting at `pos`, or 0 when it is invalid.
size_t utf8SequenceLength(std::string_view text, size_t pos);

// Decodes the code point at `pos` and advances `pos`; returns U+FFFD on invalid input.
char32_t decodeUtf8(std::string_view text, size_t& pos);
void appendUtf8(std::string& out, char32_t cp);
size_t countCodePoints(std::string_view text);
// Removes the last code point (Backspace in a text field).
void popCodePoint(std::string& text);

// Lower case and accents removed, for lenient comparisons (gap answers, "did you mean").
std::string foldForComparison(std::string_view text);

} // namespace cordee::core
