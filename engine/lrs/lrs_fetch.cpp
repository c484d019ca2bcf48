#include "lrs/lrs_fetch.hpp"

#include "lrs/lrs_sync.hpp"

#include <fmt/format.h>

namespace cordee::lrs {

namespace {

// `more` is relative to the LRS's origin (scheme, host and port of the endpoint).
std::string resolve(const std::string& endpoint, const std::string& more) {
    if (more.rfind("http://", 0) == 0 || more.rfind("https://", 0) == 0)
        return more;
    const auto scheme = endpoint.find("://");
    const auto path = endpoint.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    return endpoint.substr(0, path) + more;
}

} // namespace

FetchResult fetchStatements(Transport& http, const std::string& url, size_t pageSize,
                            const std::function<void(const nlohmann::json&)>& each) {
    FetchResult r;
    const std::string endpoint = statementsUrl(url);
    std::string next = fmt::format("{}?limit={}", endpoint, pageSize);
    while (!next.empty()) {
        const HttpResponse page = http.get(next);
        if (page.status != 200) {
            r.ok = false;
            r.message = page.status == 0 ? "no answer from the LRS: " + page.error
                                         : fmt::format("HTTP {} from the LRS: {}", page.status,
                                                       page.body.substr(0, 300));
            return r;
        }
        const auto j = nlohmann::json::parse(page.body, nullptr, false);
        if (!j.is_object() || !j.contains("statements") || !j["statements"].is_array()) {
            r.ok = false;
            r.message = "the LRS's answer is not a StatementResult";
            return r;
        }
        for (const auto& s : j["statements"]) {
            each(s);
            ++r.statements;
        }
        ++r.pages;
        const std::string more = j.value("more", "");
        next = more.empty() ? "" : resolve(endpoint, more);
    }
    return r;
}

} // namespace cordee::lrs
