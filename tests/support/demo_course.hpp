// The bundled demo course and its quiz, loaded once for the tests that record progress on it.
#pragma once

#include "course/loader.hpp"

#include <string>
#include <variant>

namespace cordee::test {

inline const course::Course& demoCourse() {
    static const course::LoadResult r = course::loadCourse(std::string(CORDEE_COURSES) + "/demo");
    return r.course;
}

inline const course::Quiz& demoQuiz() {
    return std::get<course::Quiz>(demoCourse().modules[1].items[2]);
}

} // namespace cordee::test
