// Diagnostics for authored content: what is wrong, where (file:line:col), under a stable code.
//
// Loaders never throw for bad content: they add a Diagnostic and go on, so that a trainer sees
// every problem in one run. The message is kept as a code plus arguments and rendered at print
// time in the interface language (see diagnostic_catalog.hpp), so tests assert codes, not prose.
#pragma once

#include <string>
#include <vector>

namespace cordee::core {

enum class Severity { Warning, Error };
enum class Lang { Fr, En };

struct SourcePos {
    std::string file; // as given by the caller (relative paths stay relative)
    int line = 0;     // 1-based; 0 = the whole file
    int column = 0;   // 1-based, in characters; 0 = unknown
};

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code; // e.g. "S001"; stable across releases
    SourcePos pos;
    std::vector<std::string> args; // substituted into the catalogue's message template
};

class Diagnostics {
public:
    // Severity comes from the catalogue entry of the code.
    void add(const std::string& code, SourcePos pos, std::vector<std::string> args = {});
    void append(const Diagnostics& other);

    const std::vector<Diagnostic>& all() const { return items_; }
    bool hasErrors() const { return errorCount() > 0; }
    int errorCount() const;
    int warningCount() const;
    bool hasCode(const std::string& code) const;
    // Sorted by file, line, column, then insertion order: the order an editor shows them.
    std::vector<Diagnostic> sorted() const;

private:
    std::vector<Diagnostic> items_;
};

// An argument that is itself translated: rendered from the catalogue's fragment `key`
// (see diagnostic_catalog.cpp) in the message's language. Used for "did you mean …" and
// value explanations, so that no prose in one language leaks into the other.
std::string fragment(const std::string& key, const std::vector<std::string>& args = {});

// The message alone, in the given language.
std::string renderMessage(const Diagnostic& d, Lang lang);
// GCC style, which editors pick up: "path:line:col: error[CODE]: message".
std::string formatDiagnostic(const Diagnostic& d, Lang lang);

Lang parseLang(const std::string& name, Lang fallback = Lang::Fr);

} // namespace cordee::core
