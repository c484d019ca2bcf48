// Internal: the checks that need the whole course read first — references (glossary terms,
// module prerequisites, scenario gotos) and each scenario's graph. Fills Scenario::bestScore.
#pragma once

#include "course/xml_reader.hpp"

namespace cordee::course::detail {

void validateCourse(Course& course, LoadContext& ctx);

} // namespace cordee::course::detail
