// A device that syncs by itself: a thread of its own sends the progress file's waiting
// statements to the LRS after each completed activity (kick()) and every `interval` seconds,
// through its own connection to the file, so the player never waits for the network and an
// answer is recorded as fast as without it (the sync's own transactions are a few ms).
// Offline, a sync gives up quickly and the queue waits for the next one. At quit, a last
// sync gets kQuitGrace to send what the learner just did, then a request in flight is aborted.
// Workload: one sleeping thread; one sync per kick or interval. Fails quietly: the outcome
// of the last sync is in the file (sync-status) and in lastMessage().
#pragma once

#include "lrs/lrs_config.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

namespace cordee::lrs {

class BackgroundSync {
public:
    BackgroundSync(std::filesystem::path db, LrsConfig config, std::string secret);
    ~BackgroundSync();
    BackgroundSync(const BackgroundSync&) = delete;
    BackgroundSync& operator=(const BackgroundSync&) = delete;

    static constexpr std::chrono::milliseconds kQuitGrace{2000};

    void kick(); // an activity was completed: sync soon
    int64_t syncs() const { return syncs_; }
    std::string lastMessage() const;

private:
    void run();

    std::filesystem::path db_;
    LrsConfig config_;
    std::string secret_;
    bool stopping() const;

    std::atomic<bool> quitting_{false};
    std::chrono::steady_clock::time_point deadline_;
    std::atomic<int64_t> syncs_{0};
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool kicked_ = true; // a first sync at start sends what waited offline
    std::string lastMessage_;
    std::thread thread_;
};

} // namespace cordee::lrs
