// A cache bounded in bytes, not entries: each value is inserted with what it costs, and the
// least recently used values are evicted (through a callback that frees what they hold, such
// as a texture) until the total is back under the budget. The renderer keeps its image and
// text textures in it, so that zooming a page in and out, or reading a long course, cannot
// grow the player's memory without limit.
//
// Workload: find and insert are O(1) on average (a hash map into a list ordered by use).
// The entry just inserted is never evicted by its own insertion, even when it alone is over
// the budget (it is about to be drawn); it goes at the next insertion.
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>

namespace cordee::core {

template <class Value> class ByteLru {
public:
    using Evict = std::function<void(Value&)>;

    explicit ByteLru(size_t budget, Evict onEvict = {})
        : budget_(budget)
        , onEvict_(std::move(onEvict)) {}
    ByteLru(const ByteLru&) = delete;
    ByteLru& operator=(const ByteLru&) = delete;
    ~ByteLru() { clear(); }

    // The value for `key`, now the most recently used; null when absent.
    Value* find(const std::string& key) {
        auto it = index_.find(key);
        if (it == index_.end())
            return nullptr;
        order_.splice(order_.begin(), order_, it->second);
        return &it->second->value;
    }

    // Inserts (or replaces) `key`, costing `bytes`, then evicts the least recently used
    // others until the total fits the budget.
    Value& insert(const std::string& key, Value value, size_t bytes) {
        erase(key);
        order_.push_front(Entry{key, std::move(value), bytes});
        index_.emplace(key, order_.begin());
        bytes_ += bytes;
        while (bytes_ > budget_ && order_.size() > 1)
            evict(std::prev(order_.end()));
        return order_.front().value;
    }

    void erase(const std::string& key) {
        auto it = index_.find(key);
        if (it != index_.end())
            evict(it->second);
    }

    void clear() {
        while (!order_.empty())
            evict(order_.begin());
    }

    size_t bytes() const { return bytes_; }
    size_t size() const { return order_.size(); }
    size_t budget() const { return budget_; }

private:
    struct Entry {
        std::string key;
        Value value;
        size_t bytes;
    };
    using Iterator = typename std::list<Entry>::iterator;

    void evict(Iterator it) {
        if (onEvict_)
            onEvict_(it->value);
        bytes_ -= it->bytes;
        index_.erase(it->key);
        order_.erase(it);
    }

    size_t budget_;
    Evict onEvict_;
    std::list<Entry> order_; // most recently used first
    std::unordered_map<std::string, Iterator> index_;
    size_t bytes_ = 0;
};

} // namespace cordee::core
