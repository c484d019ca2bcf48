// HTTP for the LRS client, with libcurl: the only code that includes curl.h. One easy handle
// per client, reused so that a sync of many batches keeps one connection open. Every request
// carries the xAPI version header, JSON content type and Basic auth; it is bounded in time
// (connect and total timeouts) so a hanging server cannot hang the caller.
// Workload: one request per batch of statements. Fails by returning status 0 with the error.
#pragma once

#include "lrs/transport.hpp"

#include <chrono>

namespace cordee::lrs {

struct HttpSettings {
    std::string key, secret; // Basic auth
    std::chrono::seconds connectTimeout{10};
    std::chrono::seconds timeout{60};
};

class HttpClient : public Transport {
public:
    explicit HttpClient(HttpSettings settings);
    ~HttpClient() override;
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    HttpResponse post(const std::string& url, const std::string& json) override;
    HttpResponse get(const std::string& url) override;

private:
    HttpResponse perform(const std::string& url, const std::string* body);

    HttpSettings settings_;
    void* curl_ = nullptr; // CURL*, kept out of this header
};

} // namespace cordee::lrs
