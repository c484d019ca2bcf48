#include "core/typed_text.hpp"

#include <catch2/catch.hpp>

using cordee::core::cleanTypedText;

TEST_CASE("typed text keeps ordinary French as it is", "[core][typed]") {
    CHECK(cleanTypedText("Une idée : co-produire l’intérêt général.", 100) ==
          "Une idée : co-produire l’intérêt général.");
    CHECK(cleanTypedText("ligne 1\nligne 2", 100) == "ligne 1\nligne 2");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD, byte by byte", "[core][typed]") {
    CHECK(cleanTypedText("a\xff"
                         "b",
                         100) == "a\xEF\xBF\xBD"
                                 "b");
    CHECK(cleanTypedText("\xC3", 100) == "\xEF\xBF\xBD");                 // cut sequence
    CHECK(cleanTypedText("\xC0\xAF", 100) == "\xEF\xBF\xBD\xEF\xBF\xBD"); // overlong
    CHECK(cleanTypedText("\xED\xA0\x80", 100).find("\xED\xA0") == std::string::npos); // surrogate
}

TEST_CASE("control characters and terminal escapes are removed", "[core][typed]") {
    CHECK(cleanTypedText(std::string("a\0b", 3), 100) == "ab");
    CHECK(cleanTypedText("rouge \x1b[31mtexte\x1b[0m fin", 100) == "rouge texte fin");
    CHECK(cleanTypedText("titre \x1b]0;pirate\x07 ici", 100) == "titre  ici");
    CHECK(cleanTypedText("a\x7f"
                         "b\xC2\x9B"
                         "c",
                         100) == "abc"); // DEL and C1 CSI
    CHECK(cleanTypedText("a\tb", 100) == "a b");
    CHECK(cleanTypedText("a\r\nb", 100) == "a \nb");
    CHECK(cleanTypedText("a\nb", 100, false) == "a b");
}

TEST_CASE("the cap never cuts a character in two", "[core][typed]") {
    CHECK(cleanTypedText("abcdef", 3) == "abc");
    const std::string e = "éé"; // 4 bytes
    CHECK(cleanTypedText(e, 3) == "é");
    const std::string big(100000, 'x');
    CHECK(cleanTypedText(big, cordee::core::kMaxReflectionBytes).size() ==
          cordee::core::kMaxReflectionBytes);
}
