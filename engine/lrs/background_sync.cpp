#include "lrs/background_sync.hpp"

#include "lrs/http_client.hpp"
#include "lrs/lrs_sync.hpp"
#include "progress/store.hpp"

namespace cordee::lrs {

BackgroundSync::BackgroundSync(std::filesystem::path db, LrsConfig config, std::string secret)
    : db_(std::move(db))
    , config_(std::move(config))
    , secret_(std::move(secret))
    , thread_([this] { run(); }) {}

BackgroundSync::~BackgroundSync() {
    {
        std::lock_guard lock(mutex_);
        deadline_ = std::chrono::steady_clock::now() + kQuitGrace;
        kicked_ = true; // one last sync for what was just done
        quitting_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

bool BackgroundSync::stopping() const {
    return quitting_ && std::chrono::steady_clock::now() >= deadline_;
}

void BackgroundSync::kick() {
    {
        std::lock_guard lock(mutex_);
        kicked_ = true;
    }
    wake_.notify_all();
}

std::string BackgroundSync::lastMessage() const {
    std::lock_guard lock(mutex_);
    return lastMessage_;
}

void BackgroundSync::run() {
    HttpSettings http{config_.key, secret_, std::chrono::seconds(5), std::chrono::seconds(30),
                      [this] {
                          return stopping();
                      }};
    HttpClient client(http);
    SyncSettings settings;
    settings.url = config_.url;
    settings.iris = config_.iris;
    settings.retries = 2; // offline: give up soon, the next interval tries again
    settings.stopRequested = [this] {
        return stopping();
    };
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, std::chrono::seconds(config_.interval),
                           [this] { return quitting_ || kicked_; });
            if (stopping() || (quitting_ && !kicked_))
                return;
            kicked_ = false;
        }
        // Its own connection, opened for this sync only: the player's is never shared
        // across threads, and a file locked by someone else only delays this thread.
        progress::Store store(db_, progress::OpenMode::Edit);
        if (!store.ok())
            continue;
        const SyncReport r = sync(store, client, settings);
        ++syncs_;
        std::lock_guard lock(mutex_);
        lastMessage_ = r.message;
        if (quitting_ && !kicked_)
            return;
    }
}

} // namespace cordee::lrs
