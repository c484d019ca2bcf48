#include "course/block_reader.hpp"

#include "course/image_probe.hpp"
#include "course/inline_builder.hpp"
#include "course/media_path.hpp"

#include <algorithm>

namespace cordee::course::detail {
namespace {

constexpr int kMaxSensibleImageWidth = 4096;

ListBlock readList(XmlReader& r, const XMLElement* el) {
    r.checkAttributes(el, {}, {"ordered"});
    r.checkNoText(el);
    ListBlock list;
    list.ordered = r.boolAttr(el, "ordered", false);
    for (const XMLElement* c = el->FirstChildElement(); c; c = c->NextSiblingElement()) {
        if (std::string_view(c->Name()) != "item") {
            r.reportUnexpected(c, el, {"item"});
            continue;
        }
        r.checkAttributes(c, {}, {});
        list.items.push_back(readInline(r, c));
    }
    if (list.items.empty())
        r.diags().add("S003", r.pos(el), {"list", core::fragment("at-least-one", {"<item>"})});
    return list;
}

Image readImage(XmlReader& r, const XMLElement* el) {
    r.checkAttributes(el, {"src", "alt"}, {"caption"});
    r.checkNoText(el);
    for (const XMLElement* c = el->FirstChildElement(); c; c = c->NextSiblingElement())
        r.reportUnexpected(c, el, {});
    Image image;
    image.src = r.textAttr(el, "src");
    image.alt = r.textAttr(el, "alt");
    image.caption = r.textAttr(el, "caption");
    if (el->Attribute("alt") && image.alt.empty())
        r.diags().add("M007", r.attrPos(el, "alt"), {image.src});
    if (!el->Attribute("src"))
        return image;
    const core::SourcePos where = r.attrPos(el, "src");
    ResolvedPath resolved = resolveInsideFolder(r.ctx().folder, image.src);
    switch (resolved.status) {
    case PathStatus::Absolute:
        r.diags().add("M001", where, {image.src});
        return image;
    case PathStatus::LeavesFolder:
        r.diags().add("M002", where, {image.src});
        return image;
    case PathStatus::Missing:
        r.diags().add("M003", where, {image.src});
        return image;
    case PathStatus::Directory:
        r.diags().add("M011", where, {image.src});
        return image;
    case PathStatus::NotRegular:
        r.diags().add("M012", where, {image.src});
        return image;
    case PathStatus::Ok:
        break;
    }
    std::string format = lowerExtension(image.src);
    if (format != "png" && format != "jpg" && format != "jpeg" && format != "svg") {
        r.diags().add("M004", where, {format.empty() ? image.src : format});
        return image;
    }
    const ImageProbe probe = probeImage(resolved.path, format);
    const std::string w = std::to_string(probe.width), h = std::to_string(probe.height);
    switch (checkImage(probe, format == "svg")) {
    case ImageVerdict::NotThisFormat:
    case ImageVerdict::Damaged:
        r.diags().add("M008", where, {image.src, format == "jpg" ? "JPEG" : [&] {
                                          std::string f = format;
                                          std::transform(f.begin(), f.end(), f.begin(), ::toupper);
                                          return f;
                                      }()});
        return image;
    case ImageVerdict::Truncated:
        r.diags().add("M023", where, {image.src});
        return image;
    case ImageVerdict::EmptySize:
        r.diags().add("M022", where, {image.src, w, h});
        return image;
    case ImageVerdict::SideTooLong:
        r.diags().add("M021", where, {image.src, w, h});
        return image;
    case ImageVerdict::TooManyPixels:
        r.diags().add("M020", where,
                      {image.src, w, h, std::to_string(probe.width * probe.height * 4 >> 20)});
        return image;
    case ImageVerdict::Ok:
        break;
    }
    // Refused images keep no size and no resolved path: nothing downstream opens them.
    image.resolved = resolved.path;
    // Only an SVG can be this large (it is drawn at the size shown): its ratio is what counts.
    int64_t iw = probe.width, ih = probe.height;
    while (iw > kMaxImageSide * 64 || ih > kMaxImageSide * 64) {
        iw = std::max<int64_t>(1, iw / 2);
        ih = std::max<int64_t>(1, ih / 2);
    }
    image.width = static_cast<int>(iw);
    image.height = static_cast<int>(ih);
    if (probe.width > kMaxSensibleImageWidth)
        r.diags().add("M005", where, {image.src, std::to_string(probe.width)});
    return image;
}

Note readNote(XmlReader& r, const XMLElement* el) {
    r.checkAttributes(el, {"kind"}, {"title"});
    r.checkNoText(el);
    Note note;
    note.kind = static_cast<NoteKind>(
        r.enumAttr(el, "kind", {"info", "key", "law", "example", "warning"}, 0));
    note.title = r.textAttr(el, "title");
    for (const XMLElement* c = el->FirstChildElement(); c; c = c->NextSiblingElement()) {
        std::string_view name = c->Name();
        if (name == "p") {
            r.checkAttributes(c, {}, {});
            note.blocks.emplace_back(Paragraph{readInline(r, c)});
        } else if (name == "list") {
            note.blocks.emplace_back(readList(r, c));
        } else {
            r.reportUnexpected(c, el, {"p", "list"});
        }
    }
    if (note.blocks.empty())
        r.diags().add("S003", r.pos(el), {"note", core::fragment("at-least-one", {"<p>"})});
    return note;
}

Table readTable(XmlReader& r, const XMLElement* el) {
    r.checkAttributes(el, {}, {});
    r.checkNoText(el);
    Table table;
    for (const XMLElement* row = el->FirstChildElement(); row; row = row->NextSiblingElement()) {
        if (std::string_view(row->Name()) != "row") {
            r.reportUnexpected(row, el, {"row"});
            continue;
        }
        r.checkAttributes(row, {}, {});
        r.checkNoText(row);
        std::vector<TableCell> cells;
        for (const XMLElement* c = row->FirstChildElement(); c; c = c->NextSiblingElement()) {
            if (std::string_view(c->Name()) != "cell") {
                r.reportUnexpected(c, row, {"cell"});
                continue;
            }
            r.checkAttributes(c, {}, {"header"});
            cells.push_back({r.boolAttr(c, "header", false), readInline(r, c)});
        }
        if (cells.empty())
            r.diags().add("S003", r.pos(row), {"row", core::fragment("at-least-one", {"<cell>"})});
        table.rows.push_back(std::move(cells));
    }
    if (table.rows.empty())
        r.diags().add("S003", r.pos(el), {"table", core::fragment("at-least-one", {"<row>"})});
    return table;
}

Timeline readTimeline(XmlReader& r, const XMLElement* el) {
    r.checkAttributes(el, {}, {});
    r.checkNoText(el);
    Timeline timeline;
    for (const XMLElement* c = el->FirstChildElement(); c; c = c->NextSiblingElement()) {
        if (std::string_view(c->Name()) != "event") {
            r.reportUnexpected(c, el, {"event"});
            continue;
        }
        r.checkAttributes(c, {"date"}, {});
        timeline.events.push_back({r.textAttr(c, "date"), readInline(r, c)});
    }
    if (timeline.events.empty())
        r.diags().add("S003", r.pos(el), {"timeline", core::fragment("at-least-one", {"<event>"})});
    return timeline;
}

std::optional<Check> readCheck(XmlReader& r, const XMLElement* el) {
    r.checkAttributes(el, {}, {});
    r.checkNoText(el);
    std::optional<Check> check;
    int questions = 0;
    for (const XMLElement* c = el->FirstChildElement(); c; c = c->NextSiblingElement()) {
        if (!isQuestionElement(c->Name())) {
            r.reportUnexpected(c, el,
                               {"single", "multiple", "truefalse", "order", "match", "gaps"});
            continue;
        }
        Question q = readQuestion(r, c);
        if (++questions == 1)
            check = Check{std::move(q)};
    }
    if (questions != 1)
        r.diags().add("Q009", r.pos(el));
    return check;
}

Reflection readReflection(XmlReader& r, const XMLElement* el) {
    r.checkAttributes(el, {"id"}, {});
    r.checkNoText(el);
    Reflection reflection;
    reflection.id = r.idAttr(el);
    reflection.pos = r.pos(el);
    bool seen = false;
    for (const XMLElement* c = el->FirstChildElement(); c; c = c->NextSiblingElement()) {
        if (std::string_view(c->Name()) != "prompt") {
            r.reportUnexpected(c, el, {"prompt"});
            continue;
        }
        if (!r.once(c, el, seen))
            continue;
        r.checkAttributes(c, {}, {});
        reflection.prompt = readInline(r, c);
    }
    if (!seen)
        r.diags().add("S003", r.pos(el), {"reflection", "<prompt>"});
    return reflection;
}

} // namespace

std::vector<Block> readBlocks(XmlReader& r, const XMLElement* container,
                              std::initializer_list<std::string_view> extra,
                              const std::function<void(const XMLElement*)>& onExtra) {
    r.checkNoText(container);
    std::vector<Block> blocks;
    for (const XMLElement* c = container->FirstChildElement(); c; c = c->NextSiblingElement()) {
        std::string_view name = c->Name();
        if (name == "h" || name == "p") {
            r.checkAttributes(c, {}, {});
            RichText text = readInline(r, c);
            if (name == "h")
                blocks.emplace_back(Heading{std::move(text)});
            else
                blocks.emplace_back(Paragraph{std::move(text)});
        } else if (name == "list") {
            blocks.emplace_back(readList(r, c));
        } else if (name == "image") {
            blocks.emplace_back(readImage(r, c));
        } else if (name == "quote") {
            r.checkAttributes(c, {}, {"cite"});
            blocks.emplace_back(Quote{readInline(r, c), r.textAttr(c, "cite")});
        } else if (name == "note") {
            blocks.emplace_back(readNote(r, c));
        } else if (name == "table") {
            blocks.emplace_back(readTable(r, c));
        } else if (name == "timeline") {
            blocks.emplace_back(readTimeline(r, c));
        } else if (name == "check") {
            if (auto check = readCheck(r, c))
                blocks.emplace_back(std::move(*check));
        } else if (name == "reflection") {
            blocks.emplace_back(readReflection(r, c));
        } else if (std::find(extra.begin(), extra.end(), name) != extra.end()) {
            onExtra(c);
        } else if (extra.size() == 0) {
            r.reportUnexpected(c, container,
                               {"h", "p", "list", "image", "quote", "note", "table", "timeline",
                                "check", "reflection"});
        } else {
            r.reportUnexpected(c, container,
                               {"h", "p", "list", "image", "quote", "note", "table", "timeline",
                                "check", "reflection", "option"});
        }
    }
    return blocks;
}

} // namespace cordee::course::detail
