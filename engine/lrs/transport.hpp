// What the LRS client needs from HTTP, as an interface: the real one is libcurl
// (http_client.hpp); tests put a fake in its place only for faults a real Learning Record
// Store cannot be made to produce (500s, hangs, a connection dropped mid-batch).
#pragma once

#include <string>
#include <vector>

namespace cordee::lrs {

struct HttpResponse {
    long status = 0;   // 0: no answer (refused, timed out, dropped)
    std::string body;  // the server's text, as it came
    std::string error; // why there was no answer
};

class Transport {
public:
    virtual ~Transport() = default;
    virtual HttpResponse post(const std::string& url, const std::string& json) = 0;
    virtual HttpResponse get(const std::string& url) = 0;
};

} // namespace cordee::lrs
