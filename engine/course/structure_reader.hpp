// Internal: the course skeleton (course, meta, glossary, modules, lessons, pages, quizzes,
// scenarios, includes, completion) from XML to the model.
#pragma once

#include "course/xml_reader.hpp"

namespace cordee::course::detail {

// Parses `src` and fills `course` from its <course> root. Includes are read recursively.
void readCourseDocument(LoadContext& ctx, const XmlSource& src, Course& course);

} // namespace cordee::course::detail
