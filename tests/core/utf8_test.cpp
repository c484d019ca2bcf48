#include "core/utf8.hpp"

#include <catch2/catch.hpp>

using namespace cordee::core;

TEST_CASE("valid UTF-8 passes and the first bad byte is found", "[core][utf8]") {
    CHECK(findInvalidUtf8("Économie « sociale » — 23 000 €") == std::string_view::npos);
    CHECK(findInvalidUtf8("ab\xE9z") == 2);          // Latin-1 é
    CHECK(findInvalidUtf8("\xC0\xAF") == 0);         // overlong '/'
    CHECK(findInvalidUtf8("\xED\xA0\x80") == 0);     // surrogate
    CHECK(findInvalidUtf8("\xF4\x90\x80\x80") == 0); // past U+10FFFF
    CHECK(findInvalidUtf8("ok\xE2\x82") == 2);       // truncated at the end
}

TEST_CASE("code points decode, encode and count", "[core][utf8]") {
    std::string s;
    appendUtf8(s, U'é');
    appendUtf8(s, U'€');
    appendUtf8(s, U'\U0001F600');
    CHECK(countCodePoints(s) == 3);
    size_t pos = 0;
    CHECK(decodeUtf8(s, pos) == U'é');
    CHECK(decodeUtf8(s, pos) == U'€');
    CHECK(decodeUtf8(s, pos) == U'\U0001F600');
    CHECK(pos == s.size());
}

TEST_CASE("comparison folding removes case and accents", "[core][utf8]") {
    CHECK(foldForComparison("Économie Sociale") == "economie sociale");
    CHECK(foldForComparison("cœur") == "coeur");
    CHECK(foldForComparison("l’État") == "l'etat");
}
