// Diagnostics for authored content: what is wrong, where (file:line:col), under a stable code.
//
// Loaders never throw for bad content: they add a Diagnostic and go on, so that a trainer sees
// every problem in one run. The message is kept as a code plus arguments and rendered at print
// time in the interface language (see diagnostic_catalog.hpp), so tests assert codes, not prose.
//
// Workload: a hostile file can hold millions of mistakes (one stray </em> every 5 bytes).
// Each file keeps its first kMaxDiagnosticsPerFile diagnostics; the rest are only counted, in
// one closing X022 line ("… and N more"), so that adding is O(1) and memory stays bounded.
#pragma once

#include <cstddef>
#include <map>
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

inline constexpr int kMaxDiagnosticsPerFile = 200;
// The closing line of a file that had more than kMaxDiagnosticsPerFile diagnostics.
inline constexpr const char* kMoreDiagnosticsCode = "X022";

class Diagnostics {
public:
    // Severity comes from the catalogue entry of the code. Past the per-file cap, the
    // diagnostic is counted (errorCount() stays true) but not kept.
    void add(const std::string& code, SourcePos pos, std::vector<std::string> args = {});
    void append(const Diagnostics& other);

    // Kept diagnostics, then each capped file's X022 line (in the order the cap was reached).
    const std::vector<Diagnostic>& all() const { return items_; }
    bool hasErrors() const { return errorCount() > 0; }
    // Every error and warning added, kept or not (X022 lines are not counted).
    int errorCount() const { return errors_; }
    int warningCount() const { return warnings_; }
    bool hasCode(const std::string& code) const;
    // Sorted by file, line, column, then insertion order: the order an editor shows them.
    // A file's X022 line comes last among that file's lines.
    std::vector<Diagnostic> sorted() const;

private:
    struct FileCount {
        int kept = 0;
        size_t moreIndex = 0; // index in items_ of the X022 line, once there is one
        long long hidden = 0;
        long long hiddenErrors = 0;
    };
    void push(Diagnostic d);
    void hide(const std::string& file, long long errors, long long warnings);

    std::vector<Diagnostic> items_;
    std::map<std::string, FileCount> perFile_;
    int errors_ = 0;
    int warnings_ = 0;
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
