#include "core/utf8.hpp"

#include <cstring>

namespace cordee::core {

size_t utf8SequenceLength(std::string_view s, size_t pos) {
    const auto byte = [&](size_t i) {
        return static_cast<unsigned char>(s[i]);
    };
    unsigned char b0 = byte(pos);
    if (b0 < 0x80)
        return 1;
    size_t len;
    char32_t cp;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (pos + len > s.size())
        return 0;
    for (size_t i = 1; i < len; ++i) {
        unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    if (overlong || surrogate || cp > 0x10FFFF)
        return 0;
    return len;
}

size_t findInvalidUtf8(std::string_view s, size_t from) {
    size_t pos = from;
    while (pos < s.size()) {
        // Course text is mostly ASCII: skip it eight bytes at a time.
        while (pos + 8 <= s.size()) {
            uint64_t word;
            std::memcpy(&word, s.data() + pos, 8);
            if (word & 0x8080808080808080ull)
                break;
            pos += 8;
        }
        if (pos >= s.size())
            break;
        size_t len = utf8SequenceLength(s, pos);
        if (len == 0)
            return pos;
        pos += len;
    }
    return std::string_view::npos;
}

char32_t decodeUtf8(std::string_view s, size_t& pos) {
    size_t len = utf8SequenceLength(s, pos);
    if (len == 0) {
        ++pos;
        return 0xFFFD;
    }
    const auto byte = [&](size_t i) {
        return static_cast<unsigned char>(s[i]);
    };
    char32_t cp;
    switch (len) {
    case 1:
        cp = byte(pos);
        break;
    case 2:
        cp = ((byte(pos) & 0x1F) << 6) | (byte(pos + 1) & 0x3F);
        break;
    case 3:
        cp = ((byte(pos) & 0x0F) << 12) | ((byte(pos + 1) & 0x3F) << 6) | (byte(pos + 2) & 0x3F);
        break;
    default:
        cp = ((byte(pos) & 0x07) << 18) | ((byte(pos + 1) & 0x3F) << 12) |
             ((byte(pos + 2) & 0x3F) << 6) | (byte(pos + 3) & 0x3F);
        break;
    }
    pos += len;
    return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

size_t countCodePoints(std::string_view s) {
    // Every byte that is not a continuation byte (10xxxxxx) starts a code point.
    size_t n = 0;
    for (char c : s)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

void popCodePoint(std::string& s) {
    while (!s.empty()) {
        const bool continuation = (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80;
        s.pop_back();
        if (!continuation)
            break;
    }
}

namespace {

// Latin-1 Supplement and Latin Extended-A letters used in French and its neighbours,
// folded to their base letter; ligatures expand.
const char* foldLatin(char32_t cp) {
    switch (cp) {
    case U'à':
    case U'á':
    case U'â':
    case U'ã':
    case U'ä':
    case U'å':
    case U'À':
    case U'Á':
    case U'Â':
    case U'Ã':
    case U'Ä':
    case U'Å':
        return "a";
    case U'ç':
    case U'Ç':
        return "c";
    case U'è':
    case U'é':
    case U'ê':
    case U'ë':
    case U'È':
    case U'É':
    case U'Ê':
    case U'Ë':
        return "e";
    case U'ì':
    case U'í':
    case U'î':
    case U'ï':
    case U'Ì':
    case U'Í':
    case U'Î':
    case U'Ï':
        return "i";
    case U'ñ':
    case U'Ñ':
        return "n";
    case U'ò':
    case U'ó':
    case U'ô':
    case U'õ':
    case U'ö':
    case U'Ò':
    case U'Ó':
    case U'Ô':
    case U'Õ':
    case U'Ö':
        return "o";
    case U'ù':
    case U'ú':
    case U'û':
    case U'ü':
    case U'Ù':
    case U'Ú':
    case U'Û':
    case U'Ü':
        return "u";
    case U'ý':
    case U'ÿ':
    case U'Ý':
    case U'Ÿ':
        return "y";
    case U'æ':
    case U'Æ':
        return "ae";
    case U'œ':
    case U'Œ':
        return "oe";
    case U'’':
    case U'‘':
        return "'";
    case U'\u00A0':
    case U'\u202F':
        return " ";
    default:
        return nullptr;
    }
}

} // namespace

std::string foldForComparison(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t pos = 0; pos < s.size();) {
        char32_t cp = decodeUtf8(s, pos);
        if (cp < 0x80) {
            out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
        } else if (const char* folded = foldLatin(cp)) {
            out += folded;
        } else {
            appendUtf8(out, cp);
        }
    }
    return out;
}

} // namespace cordee::core
