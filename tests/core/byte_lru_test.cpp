#include "core/byte_lru.hpp"

#include <catch2/catch.hpp>
#include <vector>

using cordee::core::ByteLru;

TEST_CASE("a byte-bounded cache evicts the least recently used entries past its budget",
          "[core][cache]") {
    GIVEN("a cache of 100 bytes that records what it frees") {
        std::vector<int> freed;
        ByteLru<int> cache(100, [&freed](int& v) { freed.push_back(v); });
        cache.insert("a", 1, 40);
        cache.insert("b", 2, 40);
        WHEN("the oldest entry is used again and a third one arrives") {
            REQUIRE(cache.find("a"));
            cache.insert("c", 3, 40);
            THEN("the least recently used one goes, and the total fits") {
                CHECK(freed == std::vector<int>{2});
                CHECK(cache.find("b") == nullptr);
                CHECK(*cache.find("a") == 1);
                CHECK(*cache.find("c") == 3);
                CHECK(cache.bytes() == 80);
                CHECK(cache.size() == 2);
            }
        }
        WHEN("one entry costs more than the whole budget") {
            cache.insert("big", 9, 500);
            THEN("it evicts every other entry but stays until the next insertion") {
                CHECK(freed == std::vector<int>{1, 2});
                CHECK(*cache.find("big") == 9);
                cache.insert("d", 4, 10);
                CHECK(cache.find("big") == nullptr);
                CHECK(cache.bytes() == 10);
            }
        }
        WHEN("a key is inserted again") {
            cache.insert("a", 5, 10);
            THEN("the old value is freed and its bytes no longer counted") {
                CHECK(freed == std::vector<int>{1});
                CHECK(*cache.find("a") == 5);
                CHECK(cache.bytes() == 50);
            }
        }
        WHEN("it is cleared") {
            cache.clear();
            THEN("everything is freed") {
                CHECK(freed.size() == 2);
                CHECK(cache.bytes() == 0);
                CHECK(cache.size() == 0);
            }
        }
    }
}

TEST_CASE("zooming in and out many times keeps a byte-bounded cache under its budget",
          "[core][cache]") {
    // One photo drawn at 40 zoom levels, each size a new entry, as the renderer does.
    size_t live = 0;
    ByteLru<size_t> cache(64u << 20, [&live](size_t& bytes) { live -= bytes; });
    for (int round = 0; round < 10; ++round)
        for (int zoom = 80; zoom <= 200; zoom += 3) {
            const size_t w = 4000u * zoom / 400, h = 3000u * zoom / 400;
            const size_t bytes = w * h * 4;
            const std::string key = "photo.jpg@" + std::to_string(w) + "x" + std::to_string(h);
            if (!cache.find(key)) {
                live += bytes;
                cache.insert(key, bytes, bytes);
            }
            CHECK(cache.bytes() <= cache.budget());
            CHECK(live == cache.bytes());
        }
    CHECK(cache.size() > 1);
}
