// Internal to the course room: reading one parsed XML file into the model.
//
// XmlReader wraps a tinyxml2 document and its XmlSource so that every check can name its
// exact position. LoadContext is what the whole load shares across files: diagnostics,
// the course folder (the only place media and includes may come from), the id registry,
// and references to resolve once everything is read.
#pragma once

#include "core/diagnostic.hpp"
#include "course/model.hpp"
#include "course/xml_source.hpp"

#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tinyxml2.h>
#include <unordered_set>
#include <vector>

namespace cordee::course::detail {

using tinyxml2::XMLElement;

struct Reference {
    std::string id;
    SourcePos pos;
};

// Every course file, course.xml and includes together, stays under this many bytes (X024):
// four times the largest shipped course, and what a kiosk can hold without strain.
inline constexpr size_t kMaxCourseBytes = 64u * 1024u * 1024u;

struct IncludedFile {
    std::string moduleId; // the id of its <module>, "" until read
    SourcePos where;      // the <module>, or the first <include> when it could not be read
};

struct LoadContext {
    core::Diagnostics& diags;
    std::filesystem::path folder;                         // canonical course folder
    std::string displayFolder;                            // the folder as the user named it
    std::vector<std::filesystem::path> includeStack = {}; // canonical paths of files being read
    std::map<std::string, SourcePos> ids = {};            // every author id, where first defined
    std::vector<Reference> termRefs = {};                 // refs still to resolve at the end
    std::unordered_set<std::string> glossaryIds = {};     // known once <glossary> is read
    std::vector<std::pair<Reference, std::string>> requiresRefs = {}; // (required id, module id)
    size_t bytesRead = 0;                                        // course.xml and includes so far
    std::map<std::filesystem::path, IncludedFile> included = {}; // by canonical path

    std::string displayPathOf(const std::filesystem::path& relative) const;
    // Records an id; reports I001 (pattern) or I002 (already used, naming the first place).
    void registerId(const std::string& id, const SourcePos& pos);
};

bool isValidId(std::string_view id);
// Trims and folds runs of white space to one space, as HTML does.
std::string foldSpaces(std::string_view text);

class XmlReader {
public:
    XmlReader(LoadContext& ctx, const XmlSource& src, const tinyxml2::XMLDocument& doc);

    LoadContext& ctx() { return ctx_; }
    core::Diagnostics& diags() { return ctx_.diags; }
    const XmlSource& source() const { return src_; }

    SourcePos pos(const XMLElement* el) const;
    SourcePos attrPos(const XMLElement* el, const char* name) const;

    // Reports unknown attributes (S002, with a suggestion) and missing required ones (S004).
    void checkAttributes(const XMLElement* el, std::initializer_list<std::string_view> required,
                         std::initializer_list<std::string_view> optional);
    std::optional<std::string> attr(const XMLElement* el, const char* name) const;
    std::string textAttr(const XMLElement* el, const char* name) const; // folded, "" if absent
    int intAttr(const XMLElement* el, const char* name, int fallback, int min, int max);
    double pointsAttr(const XMLElement* el, const char* name, double fallback);
    bool boolAttr(const XMLElement* el, const char* name, bool fallback);
    // One of `values`; returns its index, or `fallback` (with S005) when it is not one of them.
    int enumAttr(const XMLElement* el, const char* name, std::initializer_list<const char*> values,
                 int fallback);
    // Reads and registers the element's `id` (the attribute must be declared by the caller).
    std::string idAttr(const XMLElement* el);

    // A child that is not allowed here: S001 when the name is unknown, S006 otherwise.
    void reportUnexpected(const XMLElement* child, const XMLElement* parent,
                          std::initializer_list<std::string_view> allowed);
    // S007 for any non-blank text directly inside a structural element.
    void checkNoText(const XMLElement* el);
    // Text content of an element that holds plain text only (title, author …), folded.
    std::string plainText(const XMLElement* el);
    // S008 when `seen` is already set; sets it.
    bool once(const XMLElement* child, const XMLElement* parent, bool& seen);

private:
    void indexElements(const XMLElement* el, size_t& next);
    std::optional<size_t> offsetOf(const XMLElement* el) const; // its '<' in the text
    // Offset of each attribute name in the element's tag, in document order (one scan).
    std::vector<size_t> attributeOffsets(const XMLElement* el) const;

    LoadContext& ctx_;
    const XmlSource& src_;
};

std::string joinNames(std::initializer_list<std::string_view> names);
std::string htmlEquivalent(std::string_view name);

} // namespace cordee::course::detail
