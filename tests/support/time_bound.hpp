// Time bounds for regression tests of slow inputs: generous in a normal build, and scaled
// for sanitizer builds (AddressSanitizer runs 2 to 5 times slower), so that the bound catches
// a quadratic path coming back, not a slow machine.
#pragma once

#include <chrono>

namespace cordee::test {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
inline constexpr double kSlowdown = 5.0;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
inline constexpr double kSlowdown = 5.0;
#else
inline constexpr double kSlowdown = 1.0;
#endif
#else
inline constexpr double kSlowdown = 1.0;
#endif

// Seconds allowed for work that takes a fraction of that in a release build.
inline double bound(double seconds) {
    return seconds * kSlowdown;
}

inline double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace cordee::test
