#include "app/sdl_input.hpp"

namespace cordee::app {

using ui::InputEvent;
using ui::Key;

namespace {

Key mapKey(SDL_Keycode k) {
    switch (k) {
    case SDLK_TAB:
        return Key::Tab;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        return Key::Enter;
    case SDLK_SPACE:
        return Key::Space;
    case SDLK_ESCAPE:
    case SDLK_AC_BACK:
        return Key::Escape;
    case SDLK_LEFT:
        return Key::Left;
    case SDLK_RIGHT:
        return Key::Right;
    case SDLK_UP:
        return Key::Up;
    case SDLK_DOWN:
        return Key::Down;
    case SDLK_PAGEUP:
        return Key::PageUp;
    case SDLK_PAGEDOWN:
        return Key::PageDown;
    case SDLK_HOME:
        return Key::Home;
    case SDLK_END:
        return Key::End;
    case SDLK_F1:
        return Key::F1;
    case SDLK_PLUS:
    case SDLK_EQUALS:
    case SDLK_KP_PLUS:
        return Key::Plus;
    case SDLK_MINUS:
    case SDLK_KP_MINUS:
        return Key::Minus;
    case SDLK_0:
    case SDLK_KP_0:
        return Key::Zero;
    case SDLK_BACKSPACE:
        return Key::Backspace;
    default:
        return Key::None;
    }
}

} // namespace

std::optional<InputEvent> translateEvent(const SDL_Event& e, double density, int pixelW,
                                         int pixelH) {
    InputEvent out;
    auto scaled = [&](int v) {
        return static_cast<int>(v * density);
    };
    switch (e.type) {
    case SDL_KEYDOWN: {
        out.type = InputEvent::Type::Key;
        out.key = mapKey(e.key.keysym.sym);
        out.shift = (e.key.keysym.mod & KMOD_SHIFT) != 0;
        out.ctrl = (e.key.keysym.mod & KMOD_CTRL) != 0;
        const SDL_Scancode sc = e.key.keysym.scancode;
        // Digits by position, so that the row above the letters works on AZERTY too (where
        // "1" needs Shift); on AZERTY Ctrl and the 6 key is the minus sign.
        if (out.ctrl && sc == SDL_SCANCODE_0)
            out.key = Key::Zero;
        else if (out.ctrl && sc == SDL_SCANCODE_6 && out.key == Key::None)
            out.key = Key::Minus;
        else if (sc >= SDL_SCANCODE_1 && sc <= SDL_SCANCODE_9 && !out.ctrl) {
            out.key = Key::Digit;
            out.digit = sc - SDL_SCANCODE_1 + 1;
        } else if (sc >= SDL_SCANCODE_KP_1 && sc <= SDL_SCANCODE_KP_9 && !out.ctrl) {
            out.key = Key::Digit;
            out.digit = sc - SDL_SCANCODE_KP_1 + 1;
        }
        if (out.key == Key::None)
            return std::nullopt;
        return out;
    }
    case SDL_TEXTINPUT:
        out.type = InputEvent::Type::Text;
        out.text = e.text.text;
        return out;
    case SDL_MOUSEMOTION:
        if (e.motion.which == SDL_TOUCH_MOUSEID)
            return std::nullopt;
        out.type = InputEvent::Type::PointerMove;
        out.x = scaled(e.motion.x);
        out.y = scaled(e.motion.y);
        return out;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT)
            return std::nullopt;
        out.type = e.type == SDL_MOUSEBUTTONDOWN ? InputEvent::Type::PointerDown
                                                 : InputEvent::Type::PointerUp;
        out.x = scaled(e.button.x);
        out.y = scaled(e.button.y);
        return out;
    case SDL_MOUSEWHEEL: {
        if (e.wheel.which == SDL_TOUCH_MOUSEID)
            return std::nullopt;
        out.type = InputEvent::Type::Wheel;
        out.wheel = e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -e.wheel.y : e.wheel.y;
        int mx = 0, my = 0;
        SDL_GetMouseState(&mx, &my);
        out.x = scaled(mx);
        out.y = scaled(my);
        return out;
    }
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        out.type = e.type == SDL_FINGERDOWN ? InputEvent::Type::TouchDown
                   : e.type == SDL_FINGERUP ? InputEvent::Type::TouchUp
                                            : InputEvent::Type::TouchMove;
        out.x = static_cast<int>(e.tfinger.x * pixelW);
        out.y = static_cast<int>(e.tfinger.y * pixelH);
        return out;
    case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_LEAVE) {
            out.type = InputEvent::Type::Leave;
            return out;
        }
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

} // namespace cordee::app
