// Internal: page blocks and questions, from XML to the model.
#pragma once

#include "course/xml_reader.hpp"

#include <functional>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace cordee::course::detail {

// Reads the page blocks among `container`'s children. Children named in `extra` go to
// `onExtra` (a scene's <option>); any other child is reported.
std::vector<Block> readBlocks(XmlReader& r, const XMLElement* container,
                              std::initializer_list<std::string_view> extra = {},
                              const std::function<void(const XMLElement*)>& onExtra = {});

bool isQuestionElement(std::string_view name);
Question readQuestion(XmlReader& r, const XMLElement* el);

} // namespace cordee::course::detail
