#include "core/typed_text.hpp"

#include "core/utf8.hpp"

#include <algorithm>

namespace cordee::core {

namespace {

constexpr char kEsc = '\x1b';

// Skips an escape sequence starting at text[pos] == ESC; returns the position after it.
// CSI (ESC [ params final 0x40–0x7E) and OSC (ESC ] … BEL or ESC \) are skipped whole; any
// other ESC takes the one character after it along.
size_t skipEscape(std::string_view text, size_t pos) {
    ++pos;
    if (pos >= text.size())
        return pos;
    const char kind = text[pos++];
    if (kind == '[') {
        while (pos < text.size() && !(text[pos] >= 0x40 && text[pos] <= 0x7E))
            ++pos;
        return pos < text.size() ? pos + 1 : pos;
    }
    if (kind == ']') {
        while (pos < text.size() && text[pos] != '\a' &&
               !(text[pos] == kEsc && pos + 1 < text.size() && text[pos + 1] == '\\'))
            ++pos;
        if (pos < text.size())
            pos += text[pos] == '\a' ? 1 : 2;
        return pos;
    }
    return pos;
}

} // namespace

std::string cleanTypedText(std::string_view text, size_t maxBytes, bool keepNewlines) {
    std::string out;
    out.reserve(std::min(text.size(), maxBytes));
    size_t pos = 0;
    while (pos < text.size()) {
        if (text[pos] == kEsc) {
            pos = skipEscape(text, pos);
            continue;
        }
        char32_t cp = decodeUtf8(text, pos); // U+FFFD for an invalid byte, one byte consumed
        if (cp == '\t')
            cp = ' ';
        if (cp == '\r' || (cp == '\n' && !keepNewlines))
            cp = ' ';
        const bool control = (cp < 0x20 && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
        if (control)
            continue;
        std::string piece;
        appendUtf8(piece, cp);
        if (out.size() + piece.size() > maxBytes)
            break;
        out += piece;
    }
    return out;
}

} // namespace cordee::core
