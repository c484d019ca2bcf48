#include "course/xml_reader.hpp"

#include "core/edit_distance.hpp"
#include "course/vocabulary.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace cordee::course::detail {

std::string LoadContext::displayPathOf(const std::filesystem::path& relative) const {
    if (displayFolder.empty() || displayFolder == ".")
        return relative.generic_string();
    return (std::filesystem::path(displayFolder) / relative).lexically_normal().generic_string();
}

bool isValidId(std::string_view id) {
    if (id.empty())
        return false;
    auto ok = [](char c, bool first) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               (!first && (c == '_' || c == '-'));
    };
    for (size_t i = 0; i < id.size(); ++i)
        if (!ok(id[i], i == 0))
            return false;
    return true;
}

void LoadContext::registerId(const std::string& id, const SourcePos& pos) {
    if (!isValidId(id)) {
        diags.add("I001", pos, {id});
        return;
    }
    auto [it, inserted] = ids.emplace(id, pos);
    if (!inserted) {
        const SourcePos& first = it->second;
        diags.add("I002", pos,
                  {id, first.file + ":" + std::to_string(first.line) + ":" +
                           std::to_string(first.column)});
    }
}

std::string foldSpaces(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
        } else {
            if (space)
                out += ' ';
            space = false;
            out += c;
        }
    }
    return out;
}

// Trainers who know HTML write its tags; point them at ours rather than at a near spelling.
std::string htmlEquivalent(std::string_view name) {
    static const std::pair<std::string_view, std::string_view> kHtml[] = {
        {"b", "strong"}, {"i", "em"},         {"a", "link"},    {"ul", "list"},
        {"ol", "list"},  {"li", "item"},      {"h1", "h"},      {"h2", "h"},
        {"h3", "h"},     {"h4", "h"},         {"img", "image"}, {"blockquote", "quote"},
        {"tr", "row"},   {"td", "cell"},      {"th", "cell"},   {"u", "em"},
        {"div", "p"},    {"section", "page"},
    };
    for (const auto& [html, ours] : kHtml)
        if (name == html)
            return std::string(ours);
    return {};
}

std::string joinNames(std::initializer_list<std::string_view> names) {
    std::string out;
    for (std::string_view n : names) {
        if (!out.empty())
            out += ", ";
        out += "<";
        out += n;
        out += ">";
    }
    return out;
}

XmlReader::XmlReader(LoadContext& ctx, const XmlSource& src, const tinyxml2::XMLDocument& doc)
    : ctx_(ctx)
    , src_(src) {
    size_t next = 0;
    for (const XMLElement* el = doc.FirstChildElement(); el; el = el->NextSiblingElement())
        indexElements(el, next);
}

void XmlReader::indexElements(const XMLElement* el, size_t& next) {
    // Pre-order traversal visits start tags in text order: the n-th element is the n-th tag.
    // The offset is kept in the element's user data (offset + 1; 0 = unknown), which spares
    // a hash map of every element.
    if (next < src_.startTags.size()) {
        size_t offset = src_.startTags[next];
        std::string_view name = el->Name();
        if (src_.text.compare(offset + 1, name.size(), name) == 0)
            const_cast<XMLElement*>(el)->SetUserData(reinterpret_cast<void*>(offset + 1));
        ++next;
    }
    for (const XMLElement* c = el->FirstChildElement(); c; c = c->NextSiblingElement())
        indexElements(c, next);
}

std::optional<size_t> XmlReader::offsetOf(const XMLElement* el) const {
    auto stored = reinterpret_cast<size_t>(el->GetUserData());
    if (stored == 0)
        return std::nullopt;
    return stored - 1;
}

SourcePos XmlReader::pos(const XMLElement* el) const {
    if (auto offset = offsetOf(el))
        return src_.posAt(*offset);
    return {src_.displayPath, el->GetLineNum(), 1};
}

std::vector<size_t> XmlReader::attributeOffsets(const XMLElement* el) const {
    std::vector<size_t> out;
    auto offset = offsetOf(el);
    if (!offset)
        return out;
    const size_t start = *offset;
    const size_t end = src_.tagEnd(start);
    std::string_view tag(src_.text.data() + start, end - start);
    // Names start after white space, outside quoted values; the pre-scan made sure each
    // value is quoted, so every name found here is one of the element's attributes, in order.
    char quote = 0;
    for (size_t i = 1; i < tag.size(); ++i) {
        char c = tag[i];
        if (quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c;
            continue;
        }
        const bool boundary =
            tag[i - 1] == ' ' || tag[i - 1] == '\t' || tag[i - 1] == '\n' || tag[i - 1] == '\r';
        const unsigned char u = static_cast<unsigned char>(c);
        const bool nameStart =
            (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u == ':' || u >= 0x80;
        if (boundary && nameStart)
            out.push_back(start + i);
    }
    return out;
}

SourcePos XmlReader::attrPos(const XMLElement* el, const char* name) const {
    std::string_view wanted(name);
    for (size_t at : attributeOffsets(el)) {
        if (src_.text.compare(at, wanted.size(), wanted) != 0)
            continue;
        size_t j = at + wanted.size();
        while (j < src_.text.size() && (src_.text[j] == ' ' || src_.text[j] == '\t' ||
                                        src_.text[j] == '\n' || src_.text[j] == '\r'))
            ++j;
        if (j < src_.text.size() && src_.text[j] == '=')
            return src_.posAt(at);
    }
    return pos(el);
}

void XmlReader::checkAttributes(const XMLElement* el,
                                std::initializer_list<std::string_view> required,
                                std::initializer_list<std::string_view> optional) {
    auto allowedName = [&](std::string_view name) {
        return std::find(required.begin(), required.end(), name) != required.end() ||
               std::find(optional.begin(), optional.end(), name) != optional.end();
    };
    std::vector<std::string_view> allowed(required);
    allowed.insert(allowed.end(), optional.begin(), optional.end());
    // The tag is scanned once for every attribute's position, not once per attribute: the
    // n-th attribute tinyxml2 gives is the n-th name in the tag (it keeps document order).
    std::optional<std::vector<size_t>> offsets;
    size_t index = 0;
    for (const tinyxml2::XMLAttribute* a = el->FirstAttribute(); a; a = a->Next(), ++index) {
        std::string_view name = a->Name();
        // Editors hook the XSD in with xsi:noNamespaceSchemaLocation; that is not content.
        if (allowedName(name) || name.starts_with("xmlns") || name.starts_with("xsi:"))
            continue;
        std::string suggestion = core::closestMatch(name, allowed);
        std::string hint;
        if (!suggestion.empty()) {
            hint = core::fragment("didyoumean", {suggestion});
        } else {
            std::string list;
            for (std::string_view n : allowed)
                list += (list.empty() ? "" : ", ") + std::string(n);
            hint = core::fragment("allowed", {list.empty() ? "-" : list});
        }
        if (!offsets)
            offsets = attributeOffsets(el);
        SourcePos where = pos(el);
        if (index < offsets->size() && src_.text.compare((*offsets)[index], name.size(), name) == 0)
            where = src_.posAt((*offsets)[index]);
        else
            where = attrPos(el, a->Name());
        diags().add("S002", where, {std::string(name), el->Name(), hint});
    }
    for (std::string_view name : required)
        if (!el->Attribute(std::string(name).c_str()))
            diags().add("S004", pos(el), {std::string(name), el->Name()});
}

std::optional<std::string> XmlReader::attr(const XMLElement* el, const char* name) const {
    if (const char* v = el->Attribute(name))
        return std::string(v);
    return std::nullopt;
}

std::string XmlReader::textAttr(const XMLElement* el, const char* name) const {
    const char* v = el->Attribute(name);
    return v ? foldSpaces(v) : std::string();
}

int XmlReader::intAttr(const XMLElement* el, const char* name, int fallback, int min, int max) {
    auto raw = attr(el, name);
    if (!raw)
        return fallback;
    std::string v = foldSpaces(*raw);
    if (v.size() > 1 && v[0] == '+')
        v.erase(0, 1);
    int value = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec != std::errc() || end != v.data() + v.size() || v.empty()) {
        diags().add("S005", attrPos(el, name), {*raw, name, core::fragment("int-expected")});
        return fallback;
    }
    if (value < min || value > max) {
        diags().add(
            "S005", attrPos(el, name),
            {*raw, name, core::fragment("range", {std::to_string(min), std::to_string(max)})});
        return fallback;
    }
    return value;
}

double XmlReader::pointsAttr(const XMLElement* el, const char* name, double fallback) {
    auto raw = attr(el, name);
    if (!raw)
        return fallback;
    std::string v = foldSpaces(*raw);
    std::replace(v.begin(), v.end(), ',', '.'); // trainers write "1,5" too
    if (v.size() > 1 && v[0] == '+')
        v.erase(0, 1);
    double value = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec != std::errc() || end != v.data() + v.size() || v.empty() || !std::isfinite(value) ||
        value <= 0 || value > 1000) {
        diags().add("S005", attrPos(el, name), {*raw, name, core::fragment("points-expected")});
        return fallback;
    }
    return value;
}

bool XmlReader::boolAttr(const XMLElement* el, const char* name, bool fallback) {
    return enumAttr(el, name, {"false", "true"}, fallback ? 1 : 0) == 1;
}

int XmlReader::enumAttr(const XMLElement* el, const char* name,
                        std::initializer_list<const char*> values, int fallback) {
    auto raw = attr(el, name);
    if (!raw)
        return fallback;
    std::string v = foldSpaces(*raw);
    int index = 0;
    std::string expected;
    for (const char* candidate : values) {
        if (v == candidate)
            return index;
        expected += (expected.empty() ? "" : ", ") + std::string(candidate);
        ++index;
    }
    diags().add("S005", attrPos(el, name), {*raw, name, core::fragment("one-of", {expected})});
    return fallback;
}

std::string XmlReader::idAttr(const XMLElement* el) {
    auto raw = attr(el, "id");
    if (!raw)
        return "";
    ctx_.registerId(*raw, attrPos(el, "id"));
    return *raw;
}

void XmlReader::reportUnexpected(const XMLElement* child, const XMLElement* parent,
                                 std::initializer_list<std::string_view> allowed) {
    std::string_view name = child->Name();
    if (!isKnownElement(name)) {
        std::string suggestion = htmlEquivalent(name);
        if (suggestion.empty())
            suggestion = core::closestMatch(name, std::vector<std::string_view>(allowed));
        if (suggestion.empty())
            suggestion = core::closestMatch(name, allElementNames());
        std::string hint = suggestion.empty() ? "" : core::fragment("didyoumean-el", {suggestion});
        diags().add("S001", pos(child), {std::string(name), hint});
        return;
    }
    std::string list = allowed.size() ? joinNames(allowed) : core::fragment("nothing");
    diags().add("S006", pos(child), {std::string(name), parent->Name(), list});
}

void XmlReader::checkNoText(const XMLElement* el) {
    for (const tinyxml2::XMLNode* n = el->FirstChild(); n; n = n->NextSibling()) {
        const tinyxml2::XMLText* t = n->ToText();
        if (!t)
            continue;
        std::string folded = foldSpaces(t->Value());
        if (folded.empty())
            continue;
        if (folded.size() > 40)
            folded = folded.substr(0, 37) + "…";
        SourcePos where = pos(el);
        where.line = t->GetLineNum();
        where.column = 1;
        // Point at the first word of the stray text on its line.
        if (where.line >= 1 && static_cast<size_t>(where.line) <= src_.lineStarts.size()) {
            // From the element's own tag when known: on a long line, searching from the line's
            // start for each element would make the search quadratic.
            size_t start = src_.lineStarts[where.line - 1];
            if (auto own = offsetOf(el))
                start = std::max(start, *own);
            std::string_view raw = t->Value();
            size_t first = raw.find_first_not_of(" \t\r\n");
            std::string_view word = raw.substr(first, std::min<size_t>(12, raw.size() - first));
            size_t at = src_.text.find(word, start);
            if (at != std::string::npos)
                where = src_.posAt(at);
        }
        diags().add("S007", where, {el->Name(), folded});
        return; // once per element is enough to point at the mistake
    }
}

std::string XmlReader::plainText(const XMLElement* el) {
    std::string raw;
    for (const tinyxml2::XMLNode* n = el->FirstChild(); n; n = n->NextSibling()) {
        if (const tinyxml2::XMLText* t = n->ToText())
            raw += t->Value();
        else if (const XMLElement* child = n->ToElement())
            reportUnexpected(child, el, {});
    }
    return foldSpaces(raw);
}

bool XmlReader::once(const XMLElement* child, const XMLElement* parent, bool& seen) {
    if (seen) {
        diags().add("S008", pos(child), {child->Name(), parent->Name()});
        return false;
    }
    seen = true;
    return true;
}

} // namespace cordee::course::detail
