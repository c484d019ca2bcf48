#include "course/xml_source.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <system_error>

namespace cordee::course {
namespace {

constexpr int kMaxReportsPerKind = 20; // one bad byte often repeats: cap the noise
// tinyxml2's own limit (TINYXML2_MAX_ELEMENT_DEPTH); a course needs about ten levels.
constexpr size_t kMaxDepth = 100;

bool isNameStart(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
}
bool isNameChar(unsigned char c) {
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

bool isXmlChar(unsigned long cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

// Walks the markup once: balanced tags, entities, character references, declarations.
class PreScanner {
public:
    PreScanner(XmlSource& src, core::Diagnostics& diags)
        : src_(src)
        , diags_(diags)
        , t_(src.text) {}

    void run() {
        size_t i = 0;
        const size_t n = t_.size();
        while (i < n) {
            const char c = t_[i];
            if (c == '<') {
                i = markup(i);
            } else if (c == '&') {
                i = reference(i);
            } else {
                if (rootClosed_ && !fatal_ && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    report("X019", i); // words after </course>
                    fatal_ = true;
                }
                ++i;
            }
        }
        if (stopped_)
            return; // the scan stopped at the first fatal flood: the open tags are its echo
        int reported = 0;
        for (auto it = open_.rbegin(); it != open_.rend() && reported < kMaxReportsPerKind;
             ++it, ++reported)
            report("X015", it->offset, {it->name});
    }

private:
    struct OpenTag {
        std::string name;
        size_t offset;
    };

    // The first `c` at or after `from`. `from` only grows during the scan, so the last answer
    // stays right while it is not behind `from`: a thousand "<!" before one far '>' search
    // the text once, not a thousand times.
    size_t nextOf(char c, size_t from, size_t& cache) const {
        if (cache == kUnknown || (cache != std::string_view::npos && cache < from))
            cache = t_.find(c, from);
        return cache;
    }
    static constexpr size_t kUnknown = std::string_view::npos - 1;

    void report(const char* code, size_t offset, std::vector<std::string> args = {}) {
        // After a broken tag, tag balance is guesswork: say the first problem, not the echo.
        const std::string_view c(code);
        const bool structural =
            c == "X014" || c == "X015" || c == "X016" || c == "X017" || c == "X018" || c == "X020";
        if (structural && structureBroken_)
            return;
        if (c == "X016" || c == "X017")
            structureBroken_ = true;
        diags_.add(code, src_.posAt(offset), std::move(args));
    }

    size_t skipPast(size_t from, std::string_view terminator, size_t reportAt, const char* what) {
        size_t end = t_.find(terminator, from);
        if (end == std::string_view::npos) {
            report("X016", reportAt, {what});
            return t_.size();
        }
        return end + terminator.size();
    }

    std::string nameAt(size_t i) const {
        size_t j = i;
        while (j < t_.size() && isNameChar(static_cast<unsigned char>(t_[j])))
            ++j;
        return std::string(t_.substr(i, j - i));
    }

    size_t markup(size_t i) {
        std::string_view rest = t_.substr(i);
        if (rest.starts_with("<!--"))
            return skipPast(i + 4, "-->", i, "<!--");
        if (rest.starts_with("<![CDATA["))
            return skipPast(i + 9, "]]>", i, "<![CDATA[");
        if (rest.starts_with("<?")) {
            if (i > 0 && rest.starts_with("<?xml") && rest.size() > 5 &&
                (rest[5] == ' ' || rest[5] == '\t' || rest[5] == '\n' || rest[5] == '\r'))
                report("X021", i);
            return skipPast(i + 2, "?>", i, "<?");
        }
        if (rest.starts_with("<!")) {
            std::string word = nameAt(i + 2);
            std::string upper = word;
            std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
            report("X005", i, {upper.empty() ? "<!" : "<!" + upper});
            fatal_ = true;
            // A DOCTYPE's internal subset ("[ … ]") holds declarations of its own: scan them
            // too, so that each <!ENTITY is named.
            size_t bracket = nextOf('[', i, nextBracket_);
            size_t close = nextOf('>', i, nextGt_);
            if (upper == "DOCTYPE" && bracket != std::string_view::npos && bracket < close)
                return bracket + 1;
            return skipDeclaration(i);
        }
        if (rest.starts_with("</"))
            return endTag(i);
        if (i + 1 < t_.size() && isNameStart(static_cast<unsigned char>(t_[i + 1])))
            return startTag(i);
        report("X020", i);
        return i + 1;
    }

    // Past the '>' that closes a declaration, quoted strings skipped.
    size_t skipDeclaration(size_t i) {
        char quote = 0;
        for (size_t j = i + 2; j < t_.size(); ++j) {
            if (quote) {
                if (t_[j] == quote)
                    quote = 0;
            } else if (t_[j] == '"' || t_[j] == '\'') {
                quote = t_[j];
            } else if (t_[j] == '>') {
                return j + 1;
            }
        }
        report("X016", i, {"<!"});
        return t_.size();
    }

    size_t endTag(size_t i) {
        std::string name = nameAt(i + 2);
        size_t close = t_.find('>', i);
        if (close == std::string_view::npos) {
            report("X016", i, {"</" + name});
            return t_.size();
        }
        if (open_.empty()) {
            report("X018", i, {name});
        } else if (open_.back().name != name) {
            const OpenTag& top = open_.back();
            report("X014", i, {name, top.name, std::to_string(src_.posAt(top.offset).line)});
            // Recover like a browser: close up to a matching open tag if there is one.
            auto match = std::find_if(open_.rbegin(), open_.rend(),
                                      [&](const OpenTag& o) { return o.name == name; });
            if (match != open_.rend())
                open_.erase(std::next(match).base(), open_.end());
        } else {
            open_.pop_back();
        }
        rootClosed_ = open_.empty();
        return close + 1;
    }

    size_t startTag(size_t i) {
        std::string name = nameAt(i + 1);
        if (rootClosed_ && !fatal_) {
            report("X019", i);
            fatal_ = true;
        }
        src_.startTags.push_back(i);
        size_t j = i + 1 + name.size();
        size_t attributes = 0;
        while (j < t_.size()) {
            char c = t_[j];
            if (c == '"' || c == '\'') {
                // Each quoted value is one attribute. Past the cap the file is refused before
                // the parser and the checks see it, so their work stays small per element.
                if (++attributes == kMaxAttributesPerElement + 1) {
                    report("X023", i, {name, std::to_string(kMaxAttributesPerElement)});
                    fatal_ = true;
                }
                size_t endQuote = t_.find(c, j + 1);
                if (endQuote == std::string_view::npos) {
                    report("X016", j, {std::string(1, c)});
                    return t_.size();
                }
                for (size_t k = j + 1; k < endQuote; ++k) {
                    if (t_[k] == '&')
                        k = reference(k) - 1;
                    else if (t_[k] == '<') {
                        report("X017", i, {name});
                        break;
                    }
                }
                j = endQuote + 1;
                if (j < t_.size() && t_[j] != ' ' && t_[j] != '\t' && t_[j] != '\n' &&
                    t_[j] != '\r' && t_[j] != '/' && t_[j] != '>' && t_[j] != '?')
                    report("X017", i, {name}); // kind="info"title="…": a space is missing
            } else if (c == '>') {
                if (t_[j - 1] != '/') {
                    open_.push_back({name, i});
                    if (open_.size() > kMaxDepth) {
                        // Deeper is not a course, and every later tag would search a longer
                        // stack: stop here.
                        report("X008", i, {std::to_string(kMaxDepth)});
                        fatal_ = true;
                        stopped_ = true;
                        return t_.size();
                    }
                }
                return j + 1;
            } else if (c == '<') {
                // Most likely a forgotten '>': treat the tag as opened, so that its closing
                // tag does not add a second, misleading error.
                report("X017", i, {name});
                open_.push_back({name, i});
                return j;
            } else {
                ++j;
            }
        }
        report("X016", i, {"<" + name});
        return t_.size();
    }

    size_t reference(size_t i) {
        // Only a short window is searched: a file of "&amp " with no ';' must not search the
        // rest of the file at each '&'.
        constexpr size_t kWindow = 40;
        size_t semi = t_.substr(i, kWindow).find(';');
        if (semi != std::string_view::npos)
            semi += i;
        if (semi == std::string_view::npos) {
            report("X012", i);
            return i + 1;
        }
        std::string_view body = t_.substr(i + 1, semi - i - 1);
        if (body.starts_with("#")) {
            const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
            std::string_view digits = body.substr(hex ? 2 : 1);
            unsigned long value = 0;
            bool ok = !digits.empty() && digits.size() <= 8;
            for (char c : digits) {
                int d = hex ? (std::isxdigit(static_cast<unsigned char>(c))
                                   ? (std::isdigit(static_cast<unsigned char>(c))
                                          ? c - '0'
                                          : std::tolower(c) - 'a' + 10)
                                   : -1)
                            : (std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : -1);
                if (d < 0) {
                    ok = false;
                    break;
                }
                value = value * (hex ? 16 : 10) + static_cast<unsigned long>(d);
            }
            if (!ok || !isXmlChar(value))
                report("X009", i, {"&" + std::string(body) + ";"});
        } else if (body != "amp" && body != "lt" && body != "gt" && body != "quot" &&
                   body != "apos") {
            bool looksLikeName = !body.empty();
            for (char c : body)
                looksLikeName = looksLikeName && isNameChar(static_cast<unsigned char>(c));
            if (looksLikeName)
                report("X011", i, {"&" + std::string(body) + ";"});
            else
                report("X012", i);
        }
        return semi + 1;
    }

    XmlSource& src_;
    core::Diagnostics& diags_;
    std::string_view t_;
    std::vector<OpenTag> open_;
    bool rootClosed_ = false;
    bool structureBroken_ = false;
    bool stopped_ = false;
    size_t nextBracket_ = kUnknown;
    size_t nextGt_ = kUnknown;

public:
    bool fatal_ = false;
};

// The encoding named by the XML declaration, if any.
std::string declaredEncoding(std::string_view text) {
    if (!text.starts_with("<?xml"))
        return "";
    size_t end = text.find("?>");
    std::string_view decl = text.substr(0, end);
    size_t at = decl.find("encoding");
    if (at == std::string_view::npos)
        return "";
    size_t quote = decl.find_first_of("\"'", at);
    if (quote == std::string_view::npos)
        return "";
    size_t close = decl.find(decl[quote], quote + 1);
    if (close == std::string_view::npos)
        return "";
    return std::string(decl.substr(quote + 1, close - quote - 1));
}

bool isUtf8Name(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    return name == "utf-8" || name == "utf8";
}

} // namespace

void XmlSource::indexPositions() {
    lineStarts.assign(1, 0);
    codePointsAt.clear();
    codePointsAt.reserve(text.size() / kPosStride + 1);
    uint32_t count = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if (i % kPosStride == 0)
            codePointsAt.push_back(count);
        const unsigned char c = static_cast<unsigned char>(text[i]);
        // Every byte that is not a continuation byte (10xxxxxx) starts a code point, as in
        // core::countCodePoints.
        count += (c & 0xC0) != 0x80 ? 1 : 0;
        if (c == '\n')
            lineStarts.push_back(i + 1);
    }
    if (codePointsAt.empty() || text.size() % kPosStride == 0)
        codePointsAt.push_back(count);
}

core::SourcePos XmlSource::posAt(size_t offset) const {
    offset = std::min(offset, text.size());
    auto it = std::upper_bound(lineStarts.begin(), lineStarts.end(), offset);
    size_t line = static_cast<size_t>(it - lineStarts.begin()); // 1-based
    size_t start = lineStarts[line - 1];
    auto codePointsBefore = [&](size_t at) -> size_t {
        const size_t block = at / kPosStride;
        if (block >= codePointsAt.size()) // not indexed (a test's hand-made source)
            return core::countCodePoints(std::string_view(text.data(), at));
        const size_t from = block * kPosStride;
        return codePointsAt[block] +
               core::countCodePoints(std::string_view(text.data() + from, at - from));
    };
    const size_t column = codePointsBefore(offset) - codePointsBefore(start);
    return {displayPath, static_cast<int>(line), static_cast<int>(column) + 1};
}

size_t XmlSource::tagEnd(size_t tagOffset) const {
    char quote = 0;
    for (size_t i = tagOffset; i < text.size(); ++i) {
        char c = text[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return text.size();
}

std::optional<XmlSource> xmlSourceFromBytes(std::string bytes, const std::string& displayPath,
                                            core::Diagnostics& diags, size_t maxBytes) {
    core::SourcePos whole{displayPath, 0, 0};
    if (bytes.size() > maxBytes) {
        diags.add("X006", whole, {std::to_string(bytes.size()), std::to_string(maxBytes)});
        return std::nullopt;
    }
    std::string_view view(bytes);
    if (view.find_first_not_of(" \t\r\n") == std::string_view::npos || view == "\xEF\xBB\xBF") {
        diags.add("X007", whole);
        return std::nullopt;
    }
    const bool utf16NoBom =
        view.size() >= 4 && ((view[0] == '<' && view[1] == '\0' && view[3] == '\0') ||
                             (view[0] == '\0' && view[1] == '<' && view[2] == '\0'));
    if (view.starts_with("\xFF\xFE") || view.starts_with("\xFE\xFF") || utf16NoBom) {
        diags.add("X002", {displayPath, 1, 1}, {"UTF-16"});
        return std::nullopt;
    }
    XmlSource src;
    src.displayPath = displayPath;
    src.text = view.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : std::move(bytes);
    src.indexPositions();

    // The declaration first: a Latin-1 file is better told "save as UTF-8" once than shown
    // each of its accented letters as an invalid byte.
    std::string encoding = declaredEncoding(src.text);
    if (!encoding.empty() && !isUtf8Name(encoding)) {
        diags.add("X002", src.posAt(src.text.find(encoding)), {encoding});
        return std::nullopt;
    }
    // One pass over the bytes: NUL and control characters, UTF-8 validity.
    const std::string& t = src.text;
    const size_t n = t.size();
    std::vector<size_t> badBytes, controls;
    size_t nul = std::string::npos;
    for (size_t i = 0; i < n;) {
        const unsigned char c = static_cast<unsigned char>(t[i]);
        if (c >= 0x20 && c < 0x80) {
            ++i;
        } else if (c == '\n') {
            ++i;
        } else if (c < 0x20) {
            if (c == 0 && nul == std::string::npos)
                nul = i;
            else if (c != '\t' && c != '\r' && controls.size() < kMaxReportsPerKind)
                controls.push_back(i);
            ++i;
        } else {
            size_t len = core::utf8SequenceLength(t, i);
            if (len == 0) {
                if (badBytes.size() < kMaxReportsPerKind)
                    badBytes.push_back(i);
                len = 1;
            }
            i += len;
        }
    }
    if (nul != std::string::npos) {
        diags.add("X004", src.posAt(nul));
        return std::nullopt; // a binary file: nothing more worth saying
    }
    for (size_t at : badBytes)
        diags.add("X003", src.posAt(at),
                  {fmt::format("0x{:02X}", static_cast<unsigned char>(t[at]))});
    for (size_t at : controls)
        diags.add("X013", src.posAt(at),
                  {fmt::format("U+{:04X}", static_cast<unsigned char>(t[at]))});
    bool fatal = !badBytes.empty() || !controls.empty();
    if (fatal)
        return std::nullopt;

    const int before = diags.errorCount();
    PreScanner scanner(src, diags);
    scanner.run();
    if (scanner.fatal_ || diags.errorCount() > before)
        return std::nullopt;
    return src;
}

std::optional<XmlSource> readXmlFile(const std::filesystem::path& file,
                                     const std::string& displayPath, core::Diagnostics& diags,
                                     size_t maxBytes) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        diags.add("X010", {displayPath, 0, 0}, {ec ? ec.message() : core::fragment("not-a-file")});
        return std::nullopt;
    }
    auto size = std::filesystem::file_size(file, ec);
    if (ec) {
        diags.add("X010", {displayPath, 0, 0}, {ec.message()});
        return std::nullopt;
    }
    if (size > maxBytes) {
        diags.add("X006", {displayPath, 0, 0}, {std::to_string(size), std::to_string(maxBytes)});
        return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    std::string bytes(static_cast<size_t>(size), '\0');
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) {
        diags.add("X010", {displayPath, 0, 0}, {core::fragment("read-error")});
        return std::nullopt;
    }
    return xmlSourceFromBytes(std::move(bytes), displayPath, diags, maxBytes);
}

} // namespace cordee::course
