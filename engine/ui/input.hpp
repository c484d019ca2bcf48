// Input events in the engine's own terms: the app turns SDL events into these, tests build
// them directly. Coordinates in device pixels.
#pragma once

#include <string>

namespace cordee::ui {

enum class Key {
    None,
    Tab,
    Enter,
    Space,
    Escape,
    Left,
    Right,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    F1,
    Plus,
    Minus,
    Zero,
    Backspace,
    Digit
};

struct InputEvent {
    enum class Type {
        Key,
        Text,
        PointerMove,
        PointerDown,
        PointerUp,
        Wheel,
        TouchDown,
        TouchMove,
        TouchUp,
        Leave
    };
    Type type = Type::Key;
    Key key = Key::None;
    bool shift = false, ctrl = false;
    int digit = 0;    // Key::Digit: 0..9
    int x = 0, y = 0; // pointer and touch position
    int wheel = 0;    // notches, positive = away from the user (scroll up)
    std::string text; // Type::Text
};

} // namespace cordee::ui
