#include "core/diagnostic.hpp"

#include "core/diagnostic_catalog.hpp"

#include <algorithm>
#include <fmt/args.h>
#include <fmt/format.h>

namespace cordee::core {

void Diagnostics::add(const std::string& code, SourcePos pos, std::vector<std::string> args) {
    const DiagnosticInfo* info = findDiagnosticInfo(code);
    Severity severity = info ? info->severity : Severity::Error;
    push(Diagnostic{severity, code, std::move(pos), std::move(args)});
}

void Diagnostics::push(Diagnostic d) {
    FileCount& count = perFile_[d.pos.file];
    if (count.kept < kMaxDiagnosticsPerFile) {
        (d.severity == Severity::Error ? errors_ : warnings_)++;
        ++count.kept;
        items_.push_back(std::move(d));
        return;
    }
    const bool error = d.severity == Severity::Error;
    hide(d.pos.file, error ? 1 : 0, error ? 0 : 1);
}

void Diagnostics::hide(const std::string& file, long long errors, long long warnings) {
    errors_ += static_cast<int>(errors);
    warnings_ += static_cast<int>(warnings);
    FileCount& count = perFile_[file];
    // One line says how many more there were; its severity is the worst hidden one, so that
    // --quiet still shows it when errors were hidden.
    if (count.hidden == 0) {
        count.moreIndex = items_.size();
        items_.push_back(Diagnostic{Severity::Warning, kMoreDiagnosticsCode, {file, 0, 0}, {}});
    }
    count.hidden += errors + warnings;
    count.hiddenErrors += errors;
    Diagnostic& more = items_[count.moreIndex];
    more.severity = count.hiddenErrors > 0 ? Severity::Error : Severity::Warning;
    more.args = {std::to_string(count.hidden), std::to_string(kMaxDiagnosticsPerFile)};
}

void Diagnostics::append(const Diagnostics& other) {
    for (const Diagnostic& d : other.items_)
        if (d.code != kMoreDiagnosticsCode)
            push(d);
    for (const auto& [file, count] : other.perFile_)
        if (count.hidden > 0)
            hide(file, count.hiddenErrors, count.hidden - count.hiddenErrors);
}

bool Diagnostics::hasCode(const std::string& code) const {
    return std::any_of(items_.begin(), items_.end(),
                       [&](const Diagnostic& d) { return d.code == code; });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out = items_;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.pos.file != b.pos.file)
            return a.pos.file < b.pos.file;
        const bool moreA = a.code == kMoreDiagnosticsCode, moreB = b.code == kMoreDiagnosticsCode;
        if (moreA != moreB)
            return moreB;
        if (a.pos.line != b.pos.line)
            return a.pos.line < b.pos.line;
        return a.pos.column < b.pos.column;
    });
    return out;
}

namespace {

constexpr char kFragmentMark = '\x1e'; // record separator: never typed in a course
constexpr char kFragmentSep = '\x1f';  // unit separator

std::string renderTemplate(const char* pattern, const std::vector<std::string>& args, Lang lang);

std::string renderArg(const std::string& arg, Lang lang) {
    if (arg.empty() || arg[0] != kFragmentMark)
        return arg;
    std::vector<std::string> parts;
    size_t start = 1;
    for (size_t i = 1; i <= arg.size(); ++i) {
        if (i == arg.size() || arg[i] == kFragmentSep) {
            parts.push_back(arg.substr(start, i - start));
            start = i + 1;
        }
    }
    const DiagnosticInfo* info = findFragment(parts.front());
    if (!info)
        return parts.front();
    return renderTemplate(lang == Lang::En ? info->en : info->fr,
                          std::vector<std::string>(parts.begin() + 1, parts.end()), lang);
}

std::string renderTemplate(const char* pattern, const std::vector<std::string>& args, Lang lang) {
    fmt::dynamic_format_arg_store<fmt::format_context> store;
    for (const std::string& a : args)
        store.push_back(renderArg(a, lang));
    // Missing arguments would throw: pad so that a catalogue typo never takes the linter down.
    for (size_t i = args.size(); i < 4; ++i)
        store.push_back(std::string("?"));
    try {
        return fmt::vformat(pattern, store);
    } catch (const fmt::format_error&) {
        return pattern;
    }
}

} // namespace

std::string fragment(const std::string& key, const std::vector<std::string>& args) {
    std::string out(1, kFragmentMark);
    out += key;
    for (const std::string& a : args) {
        out += kFragmentSep;
        out += a;
    }
    return out;
}

std::string renderMessage(const Diagnostic& d, Lang lang) {
    const DiagnosticInfo* info = findDiagnosticInfo(d.code);
    if (!info)
        return d.code;
    return renderTemplate(lang == Lang::En ? info->en : info->fr, d.args, lang);
}

std::string formatDiagnostic(const Diagnostic& d, Lang lang) {
    std::string where = d.pos.file;
    if (d.pos.line > 0) {
        where += fmt::format(":{}", d.pos.line);
        where += fmt::format(":{}", d.pos.column > 0 ? d.pos.column : 1);
    }
    const char* severity = d.severity == Severity::Error ? "error" : "warning";
    return fmt::format("{}: {}[{}]: {}", where, severity, d.code, renderMessage(d, lang));
}

Lang parseLang(const std::string& name, Lang fallback) {
    if (name.rfind("en", 0) == 0)
        return Lang::En;
    if (name.rfind("fr", 0) == 0)
        return Lang::Fr;
    return fallback;
}

} // namespace cordee::core
