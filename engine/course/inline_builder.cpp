#include "course/inline_builder.hpp"

#include <algorithm>

namespace cordee::course::detail {
namespace {

struct RunAttributes {
    unsigned style = kPlain;
    std::string termRef;
    std::string linkHref;
};

bool isFoldable(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isHttpUrl(std::string_view href) {
    auto startsWithNoCase = [&](std::string_view prefix) {
        if (href.size() < prefix.size())
            return false;
        for (size_t i = 0; i < prefix.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(href[i])) != prefix[i])
                return false;
        return true;
    };
    return (startsWithNoCase("http://") && href.size() > 7) ||
           (startsWithNoCase("https://") && href.size() > 8);
}

class InlineBuilder {
public:
    InlineBuilder(XmlReader& r, const InlineOptions& options)
        : r_(r)
        , options_(options) {}

    void walk(const XMLElement* el, const RunAttributes& attrs) {
        for (const tinyxml2::XMLNode* n = el->FirstChild(); n; n = n->NextSibling()) {
            if (const tinyxml2::XMLText* t = n->ToText())
                addText(t->Value(), attrs);
            else if (const XMLElement* child = n->ToElement())
                element(child, el, attrs);
        }
    }

    RichText finish() {
        trimTrailingSpace();
        return std::move(out_);
    }

private:
    void element(const XMLElement* child, const XMLElement* parent, const RunAttributes& attrs) {
        std::string_view name = child->Name();
        if (std::find(options_.skip.begin(), options_.skip.end(), name) != options_.skip.end())
            return;
        RunAttributes inner = attrs;
        if (name == "em" || name == "strong") {
            r_.checkAttributes(child, {}, {});
            inner.style |= name == "em" ? kEmphasis : kStrong;
            walk(child, inner);
        } else if (name == "term") {
            r_.checkAttributes(child, {"ref"}, {});
            if (const char* ref = child->Attribute("ref")) {
                inner.termRef = ref;
                // Terms usually come after the glossary: resolve them now, and keep a position
                // only for those still unknown (checked once everything is read).
                if (!r_.ctx().glossaryIds.count(inner.termRef))
                    r_.ctx().termRefs.push_back({inner.termRef, r_.attrPos(child, "ref")});
            }
            walk(child, inner);
        } else if (name == "link") {
            r_.checkAttributes(child, {"href"}, {});
            if (auto href = r_.attr(child, "href")) {
                std::string trimmed = foldSpaces(*href);
                if (!isHttpUrl(trimmed))
                    r_.diags().add("M006", r_.attrPos(child, "href"), {*href});
                inner.linkHref = trimmed;
            }
            walk(child, inner);
        } else if (name == "br") {
            r_.checkAttributes(child, {}, {});
            r_.checkNoText(child);
            InlineRun run;
            run.kind = InlineRun::Kind::LineBreak;
            trimTrailingSpace();
            out_.runs.push_back(std::move(run));
            lastWasSpace_ = false;
            atLineStart_ = true;
        } else if (name == "blank" && options_.blanks) {
            blank(child, attrs);
        } else if (options_.blanks) {
            r_.reportUnexpected(child, parent, {"em", "strong", "term", "link", "br", "blank"});
        } else {
            r_.reportUnexpected(child, parent, {"em", "strong", "term", "link", "br"});
        }
    }

    void blank(const XMLElement* child, const RunAttributes& attrs) {
        r_.checkAttributes(child, {}, {});
        Blank b;
        std::string raw;
        for (const tinyxml2::XMLNode* n = child->FirstChild(); n; n = n->NextSibling()) {
            if (const tinyxml2::XMLText* t = n->ToText())
                raw += t->Value();
            else if (const XMLElement* e = n->ToElement())
                r_.reportUnexpected(e, child, {});
        }
        size_t start = 0;
        for (size_t i = 0; i <= raw.size(); ++i) {
            if (i == raw.size() || raw[i] == '|') {
                std::string answer = foldSpaces(std::string_view(raw).substr(start, i - start));
                if (!answer.empty())
                    b.answers.push_back(std::move(answer));
                start = i + 1;
            }
        }
        if (b.answers.empty())
            r_.diags().add("Q008", r_.pos(child));
        InlineRun run;
        run.kind = InlineRun::Kind::Blank;
        run.blankIndex = static_cast<int>(options_.blanks->size());
        run.style = attrs.style;
        out_.runs.push_back(std::move(run));
        options_.blanks->push_back(std::move(b));
        atLineStart_ = false;
        lastWasSpace_ = false;
    }

    // A run of white space becomes one space where it was written (so a space before <em>
    // stays outside the emphasis), never at the start of a line.
    void addText(std::string_view text, const RunAttributes& attrs) {
        // Fold into one buffer, a word at a time, then append once.
        std::string folded;
        folded.reserve(text.size());
        size_t i = 0;
        while (i < text.size()) {
            if (isFoldable(text[i])) {
                if (!atLineStart_ && !lastWasSpace_)
                    folded += ' ';
                lastWasSpace_ = true;
                ++i;
                continue;
            }
            size_t j = i + 1;
            while (j < text.size() && !isFoldable(text[j]))
                ++j;
            folded.append(text.data() + i, j - i);
            atLineStart_ = false;
            lastWasSpace_ = false;
            i = j;
        }
        if (!folded.empty())
            append(folded, attrs);
    }

    void trimTrailingSpace() {
        if (out_.runs.empty())
            return;
        InlineRun& last = out_.runs.back();
        if (last.kind == InlineRun::Kind::Text && !last.text.empty() && last.text.back() == ' ') {
            last.text.pop_back();
            if (last.text.empty())
                out_.runs.pop_back();
        }
    }

    void append(std::string_view text, const RunAttributes& attrs) {
        if (!out_.runs.empty()) {
            InlineRun& last = out_.runs.back();
            if (last.kind == InlineRun::Kind::Text && last.style == attrs.style &&
                last.termRef == attrs.termRef && last.linkHref == attrs.linkHref) {
                last.text += text;
                return;
            }
        }
        InlineRun run;
        run.text = std::string(text);
        run.style = attrs.style;
        run.termRef = attrs.termRef;
        run.linkHref = attrs.linkHref;
        out_.runs.push_back(std::move(run));
    }

    XmlReader& r_;
    const InlineOptions& options_;
    RichText out_;
    bool lastWasSpace_ = false;
    bool atLineStart_ = true;
};

} // namespace

RichText readInline(XmlReader& r, const XMLElement* el, const InlineOptions& options) {
    InlineBuilder builder(r, options);
    builder.walk(el, {});
    return builder.finish();
}

void readWithFeedback(XmlReader& r, const XMLElement* el, RichText& text, RichText& feedback) {
    text = readInline(r, el, {.skip = {"feedback"}});
    bool seen = false;
    for (const XMLElement* c = el->FirstChildElement("feedback"); c;
         c = c->NextSiblingElement("feedback"))
        readOnceInline(r, c, el, seen, feedback);
}

void readOnceInline(XmlReader& r, const XMLElement* child, const XMLElement* parent, bool& seen,
                    RichText& out) {
    if (!r.once(child, parent, seen))
        return;
    r.checkAttributes(child, {}, {});
    out = readInline(r, child);
}

} // namespace cordee::course::detail
