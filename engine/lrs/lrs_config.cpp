#include "lrs/lrs_config.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <ini.h>

namespace cordee::lrs {

namespace {

// Debian's inih gives handlers no line number: the reader counts the lines it hands over,
// and the handler runs right after the line it is about.
struct Reading {
    std::string file;
    LrsConfigResult* out;
    std::FILE* in = nullptr;
    int line = 0;
};

char* readLine(char* str, int size, void* stream) {
    auto* r = static_cast<Reading*>(stream);
    char* got = std::fgets(str, size, r->in);
    if (got)
        ++r->line;
    return got;
}

int onValue(void* user, const char* section, const char* name, const char* value) {
    auto* r = static_cast<Reading*>(user);
    const int line = r->line;
    LrsConfig& c = r->out->config;
    const std::string key = name, v = value;
    auto error = [&](const std::string& message) {
        r->out->errors.push_back(fmt::format("{}:{}: error: {}", r->file, line, message));
    };
    if (std::string(section) != "lrs") {
        error(
            fmt::format("section [{}] inconnue (seule [lrs] est lue) / unknown section", section));
        return 1;
    }
    if (key == "url") {
        if (v.rfind("http://", 0) != 0 && v.rfind("https://", 0) != 0)
            error("url : une adresse http:// ou https:// est attendue / url must be http(s)");
        c.url = v;
    } else if (key == "key") {
        c.key = v;
    } else if (key == "secret_file") {
        c.secretFile = v;
    } else if (key == "interval") {
        int n = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (ec != std::errc() || end != v.data() + v.size() || n < 10)
            error(fmt::format("interval : « {} » n’est pas un nombre de secondes ≥ 10 / interval "
                              "must be a number of seconds ≥ 10",
                              v));
        else
            c.interval = n;
    } else if (key == "base_iri") {
        c.iris.base = v;
    } else if (key == "home_page") {
        c.iris.homePage = v;
    } else {
        error(fmt::format("clé « {} » inconnue / unknown key", key));
    }
    return 1;
}

} // namespace

LrsConfigResult readLrsConfig(const std::filesystem::path& file) {
    LrsConfigResult out;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        return out;
    out.present = true;
    Reading r{file.string(), &out};
    r.in = std::fopen(file.c_str(), "r");
    const int rc = r.in ? ini_parse_stream(readLine, &r, onValue, &r) : -1;
    if (r.in)
        std::fclose(r.in);
    if (rc < 0)
        out.errors.push_back(fmt::format("{}:1: error: fichier illisible / cannot read", r.file));
    else if (rc > 0)
        out.errors.push_back(fmt::format(
            "{}:{}: error: ligne mal formée (clé = valeur attendu) / malformed line", r.file, rc));
    if (out.errors.empty() && out.config.url.empty())
        out.errors.push_back(fmt::format("{}:1: error: url manquante / url is missing", r.file));
    return out;
}

std::optional<std::string> readSecret(const std::string& file) {
    if (file.empty()) {
        const char* env = std::getenv("CORDEE_LRS_SECRET");
        return std::string(env ? env : "");
    }
    std::ifstream in(file);
    std::string line;
    if (!in || !std::getline(in, line))
        return std::nullopt;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
        line.pop_back();
    return line;
}

} // namespace cordee::lrs
