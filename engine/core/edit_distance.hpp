// "Did you mean …?" for misspelt element and attribute names.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace cordee::core {

// Edit distance over bytes (names are ASCII), a transposition counting as one edit.
int editDistance(std::string_view a, std::string_view b);
// The candidate closest to `word`, if it is close enough to be a plausible typo; else "".
std::string closestMatch(std::string_view word, std::span<const std::string_view> candidates);

} // namespace cordee::core
