// Every element and attribute name of course format 1, for "did you mean …?" suggestions.
#pragma once

#include <span>
#include <string_view>

namespace cordee::course {

std::span<const std::string_view> allElementNames();
std::span<const std::string_view> allAttributeNames();
bool isKnownElement(std::string_view name);

} // namespace cordee::course
