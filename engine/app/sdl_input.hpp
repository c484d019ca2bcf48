// SDL events to the engine's input events (the only place that knows SDL's event types).
#pragma once

#include "ui/input.hpp"

#include <SDL.h>
#include <optional>

namespace cordee::app {

// `density` converts window coordinates to device pixels; `pixelW/H` scale touch positions.
std::optional<ui::InputEvent> translateEvent(const SDL_Event& e, double density, int pixelW,
                                             int pixelH);

} // namespace cordee::app
