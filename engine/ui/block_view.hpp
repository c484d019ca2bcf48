// Lays out a page's blocks (headings, paragraphs, lists, images, quotes, notes, tables,
// timelines, checks, reflections) into a Flow, with a clear typographic hierarchy.
#pragma once

#include "core/diagnostic.hpp"
#include "course/model.hpp"
#include "ui/flow.hpp"

#include <functional>
#include <utility>

namespace cordee::ui {

struct BlockContext {
    core::Lang lang = core::Lang::Fr;
    // Natural size of an image file, {0, 0} when unknown.
    std::function<std::pair<int, int>(const std::string&)> imageSize;
    bool kiosk = false; // links are inert
    // Figures may be wider than the text column (diagrams stay legible), centred on it, up to
    // this width; 0 = the column's width.
    int figureWidth = 0;
    // And no taller than this (a diagram should fit on the screen whole); 0 = no limit.
    int figureHeight = 0;
    // Interactive checks and reflections (the controller's); unset, they are drawn inert.
    std::function<void(Flow&, const course::Check&)> check;
    std::function<void(Flow&, const course::Reflection&)> reflection;
};

void layoutBlocks(Flow& flow, const std::vector<course::Block>& blocks, const BlockContext& ctx,
                  const std::string& idPrefix = "");

} // namespace cordee::ui
