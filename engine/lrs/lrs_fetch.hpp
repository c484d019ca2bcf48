// Reading statements back from a Learning Record Store: GET /statements, page after page
// through the `more` link, each statement handed to the caller as it comes (the fleet view
// keeps no raw statements). Voided statements are left out by the LRS itself, as xAPI says.
// Workload: one request per page of `pageSize`. Fails with a message (no answer, refused key,
// a page that is not JSON); the caller says so and reports nothing half-read.
#pragma once

#include "lrs/transport.hpp"

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

namespace cordee::lrs {

struct FetchResult {
    bool ok = true;
    int64_t statements = 0, pages = 0;
    std::string message;
};

FetchResult fetchStatements(Transport& http, const std::string& url, size_t pageSize,
                            const std::function<void(const nlohmann::json&)>& each);

} // namespace cordee::lrs
