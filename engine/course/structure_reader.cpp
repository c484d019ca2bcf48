#include "course/structure_reader.hpp"

#include "course/block_reader.hpp"
#include "course/inline_builder.hpp"
#include "course/media_path.hpp"

#include <algorithm>

namespace cordee::course::detail {
namespace fs = std::filesystem;

namespace {

// tinyxml2 reports its own errors; the pre-scan catches most with a column, this is the rest.
bool parse(LoadContext& ctx, const XmlSource& src, tinyxml2::XMLDocument& doc) {
    doc.Parse(src.text.data(), src.text.size());
    if (doc.Error()) {
        // The pre-scan catches most mistakes with a column; this is what is left.
        const char* what = "xml-parse";
        switch (doc.ErrorID()) {
        case tinyxml2::XML_ERROR_PARSING_ATTRIBUTE:
            what = "xml-parse-attribute";
            break;
        case tinyxml2::XML_ERROR_PARSING_ELEMENT:
            what = "xml-parse-element";
            break;
        case tinyxml2::XML_ERROR_PARSING_TEXT:
            what = "xml-parse-text";
            break;
        default:
            break;
        }
        ctx.diags.add("X001", {src.displayPath, std::max(1, doc.ErrorLineNum()), 1},
                      {core::fragment(what)});
        return false;
    }
    if (!doc.RootElement()) {
        ctx.diags.add("X001", {src.displayPath, 1, 1}, {core::fragment("no-root")});
        return false;
    }
    return true;
}

Page readPage(XmlReader& r, const XMLElement* el) {
    r.checkAttributes(el, {"id", "title"}, {});
    Page page;
    page.id = r.idAttr(el);
    page.title = r.textAttr(el, "title");
    page.pos = r.pos(el);
    page.blocks = readBlocks(r, el);
    const bool hasText = std::any_of(page.blocks.begin(), page.blocks.end(), [](const Block& b) {
        return !std::holds_alternative<Image>(b);
    });
    if (!hasText)
        r.diags().add("P001", page.pos, {page.id});
    return page;
}

Lesson readLesson(XmlReader& r, const XMLElement* el) {
    r.checkAttributes(el, {"id", "title"}, {});
    r.checkNoText(el);
    Lesson lesson;
    lesson.id = r.idAttr(el);
    lesson.title = r.textAttr(el, "title");
    lesson.pos = r.pos(el);
    for (const XMLElement* c = el->FirstChildElement(); c; c = c->NextSiblingElement()) {
        if (std::string_view(c->Name()) == "page")
            lesson.pages.push_back(readPage(r, c));
        else
            r.reportUnexpected(c, el, {"page"});
    }
    if (lesson.pages.empty())
        r.diags().add("S003", lesson.pos, {"lesson", core::fragment("at-least-one", {"<page>"})});
    return lesson;
}

Quiz readQuiz(XmlReader& r, const XMLElement* el) {
    r.checkAttributes(el, {"id", "title"}, {"pass", "attempts", "pick", "shuffle", "feedback"});
    r.checkNoText(el);
    Quiz quiz;
    quiz.id = r.idAttr(el);
    quiz.title = r.textAttr(el, "title");
    quiz.pos = r.pos(el);
    if (auto pass = r.attr(el, "pass")) {
        int value = r.intAttr(el, "pass", -1, -1000000, 1000000);
        if (value < 0 || value > 100) {
            if (value != -1 || foldSpaces(*pass) == "-1")
                r.diags().add("Q004", r.attrPos(el, "pass"), {*pass});
        } else {
            quiz.pass = value;
        }
    }
    quiz.attempts = r.intAttr(el, "attempts", 0, 0, 1000);
    quiz.pick = r.intAttr(el, "pick", 0, 0, 100000);
    quiz.shuffle = r.boolAttr(el, "shuffle", false);
    quiz.feedback = static_cast<FeedbackMode>(r.enumAttr(el, "feedback", {"immediate", "end"}, 0));
    bool intro = false;
    for (const XMLElement* c = el->FirstChildElement(); c; c = c->NextSiblingElement()) {
        std::string_view name = c->Name();
        if (name == "intro") {
            readOnceInline(r, c, el, intro, quiz.intro);
        } else if (isQuestionElement(name)) {
            quiz.questions.push_back(readQuestion(r, c));
        } else {
            r.reportUnexpected(
                c, el, {"intro", "single", "multiple", "truefalse", "order", "match", "gaps"});
        }
    }
    const int pool = static_cast<int>(quiz.questions.size());
    if (pool == 0)
        r.diags().add("S003", quiz.pos, {"quiz", core::fragment("a-question")});
    else if (pool < 3)
        r.diags().add("Q005", quiz.pos, {quiz.id, std::to_string(pool)});
    if (quiz.pick > pool && pool > 0)
        r.diags().add("Q003", r.attrPos(el, "pick"),
                      {std::to_string(quiz.pick), std::to_string(pool)});
    return quiz;
}

Option readOption(XmlReader& r, const XMLElement* el) {
    r.checkAttributes(el, {"goto"}, {"score"});
    Option option;
    option.target = r.textAttr(el, "goto");
    option.score = r.intAttr(el, "score", 0, -1000, 1000);
    option.pos = r.attrPos(el, "goto");
    readWithFeedback(r, el, option.text, option.feedback);
    return option;
}

Scenario readScenario(XmlReader& r, const XMLElement* el) {
    r.checkAttributes(el, {"id", "title", "start"}, {});
    r.checkNoText(el);
    Scenario scenario;
    scenario.id = r.idAttr(el);
    scenario.title = r.textAttr(el, "title");
    scenario.start = r.textAttr(el, "start");
    scenario.pos = r.pos(el);
    scenario.startPos = r.attrPos(el, "start");
    bool intro = false;
    for (const XMLElement* c = el->FirstChildElement(); c; c = c->NextSiblingElement()) {
        std::string_view name = c->Name();
        if (name == "intro") {
            readOnceInline(r, c, el, intro, scenario.intro);
        } else if (name == "scene") {
            r.checkAttributes(c, {"id"}, {"title"});
            Scene scene;
            scene.id = r.idAttr(c);
            scene.title = r.textAttr(c, "title");
            scene.pos = r.pos(c);
            scene.blocks = readBlocks(r, c, {"option"}, [&](const XMLElement* option) {
                scene.options.push_back(readOption(r, option));
            });
            scenario.scenes.push_back(std::move(scene));
        } else if (name == "ending") {
            r.checkAttributes(c, {"id", "outcome"}, {"title"});
            Ending ending;
            ending.id = r.idAttr(c);
            ending.title = r.textAttr(c, "title");
            ending.outcome = static_cast<Outcome>(
                r.enumAttr(c, "outcome", {"success", "partial", "failure"}, 0));
            ending.pos = r.pos(c);
            ending.blocks = readBlocks(r, c);
            scenario.endings.push_back(std::move(ending));
        } else {
            r.reportUnexpected(c, el, {"intro", "scene", "ending"});
        }
    }
    if (scenario.scenes.empty())
        r.diags().add("S003", scenario.pos,
                      {"scenario", core::fragment("at-least-one", {"<scene>"})});
    return scenario;
}

std::vector<std::string> splitIds(const std::string& list) {
    std::vector<std::string> out;
    std::string folded = foldSpaces(list);
    size_t start = 0;
    while (start < folded.size()) {
        size_t end = folded.find(' ', start);
        if (end == std::string::npos)
            end = folded.size();
        out.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

Module readModule(XmlReader& r, const XMLElement* el) {
    r.checkAttributes(el, {"id", "title"}, {"requires"});
    r.checkNoText(el);
    Module module;
    module.id = r.idAttr(el);
    module.title = r.textAttr(el, "title");
    module.pos = r.pos(el);
    if (auto req = r.attr(el, "requires")) {
        module.prerequisites = splitIds(*req);
        for (const std::string& id : module.prerequisites)
            r.ctx().requiresRefs.push_back({{id, r.attrPos(el, "requires")}, module.id});
    }
    bool description = false;
    for (const XMLElement* c = el->FirstChildElement(); c; c = c->NextSiblingElement()) {
        std::string_view name = c->Name();
        if (name == "description") {
            readOnceInline(r, c, el, description, module.description);
        } else if (name == "lesson") {
            module.items.emplace_back(readLesson(r, c));
        } else if (name == "quiz") {
            module.items.emplace_back(readQuiz(r, c));
        } else if (name == "scenario") {
            module.items.emplace_back(readScenario(r, c));
        } else {
            r.reportUnexpected(c, el, {"description", "lesson", "quiz", "scenario"});
        }
    }
    if (module.items.empty())
        r.diags().add("S003", module.pos,
                      {"module", core::fragment("at-least-one", {"<lesson>, <quiz>, <scenario>"})});
    return module;
}

void readInclude(XmlReader& r, const XMLElement* el, Course& course);

// "fr", "en", "fr-FR", "oc-aranes": a BCP 47 primary language subtag and optional subtags.
bool isLanguageTag(const std::string& tag) {
    size_t dash = tag.find('-');
    std::string primary = tag.substr(0, dash);
    if (primary.size() < 2 || primary.size() > 3)
        return false;
    // Language tags are case-insensitive ("fr", "FR", "fr-FR").
    if (!std::all_of(primary.begin(), primary.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }))
        return false;
    if (dash == std::string::npos)
        return true;
    std::string rest = tag.substr(dash + 1);
    return !rest.empty() && std::all_of(rest.begin(), rest.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
    });
}

void readMeta(XmlReader& r, const XMLElement* el, Meta& meta) {
    r.checkAttributes(el, {}, {});
    r.checkNoText(el);
    bool duration = false, audience = false, updated = false;
    for (const XMLElement* c = el->FirstChildElement(); c; c = c->NextSiblingElement()) {
        std::string_view name = c->Name();
        if (name == "author" || name == "organisation" || name == "source") {
            r.checkAttributes(c, {}, {});
            auto& list = name == "author"         ? meta.authors
                         : name == "organisation" ? meta.organisations
                                                  : meta.sources;
            list.push_back(r.plainText(c));
        } else if (name == "duration") {
            if (r.once(c, el, duration)) {
                r.checkAttributes(c, {"minutes"}, {});
                r.checkNoText(c);
                int minutes = r.intAttr(c, "minutes", 0, 1, 100000);
                if (minutes > 0)
                    meta.durationMinutes = minutes;
            }
        } else if (name == "audience") {
            if (r.once(c, el, audience)) {
                r.checkAttributes(c, {}, {});
                meta.audience = r.plainText(c);
            }
        } else if (name == "updated") {
            if (r.once(c, el, updated)) {
                r.checkAttributes(c, {}, {});
                meta.updated = r.plainText(c);
                const std::string& d = meta.updated;
                bool iso = d.size() == 10 && d[4] == '-' && d[7] == '-' &&
                           std::all_of(d.begin(), d.end(), [](char ch) {
                               return std::isdigit(static_cast<unsigned char>(ch)) || ch == '-';
                           });
                if (iso) {
                    const int year = std::stoi(d.substr(0, 4));
                    const int month = std::stoi(d.substr(5, 2));
                    const int day = std::stoi(d.substr(8, 2));
                    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                    const int days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
                    iso = month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
                }
                if (!iso)
                    r.diags().add("S005", r.pos(c),
                                  {d, "updated", core::fragment("date-expected")});
            }
        } else {
            r.reportUnexpected(
                c, el, {"author", "organisation", "duration", "audience", "updated", "source"});
        }
    }
}

void readGlossary(XmlReader& r, const XMLElement* el, Course& course) {
    r.checkAttributes(el, {}, {});
    r.checkNoText(el);
    for (const XMLElement* c = el->FirstChildElement(); c; c = c->NextSiblingElement()) {
        if (std::string_view(c->Name()) != "term") {
            r.reportUnexpected(c, el, {"term"});
            continue;
        }
        r.checkAttributes(c, {"id", "label"}, {});
        GlossaryTerm term;
        term.id = r.idAttr(c);
        term.label = r.textAttr(c, "label");
        term.pos = r.pos(c);
        r.ctx().glossaryIds.insert(term.id);
        term.definition = readInline(r, c);
        course.glossary.push_back(std::move(term));
    }
}

void readCompletion(XmlReader& r, const XMLElement* el, Completion& completion) {
    r.checkAttributes(el, {}, {"pages", "quizzes", "scenarios"});
    r.checkNoText(el);
    completion.pages = static_cast<Completion::Pages>(r.enumAttr(el, "pages", {"all", "none"}, 0));
    completion.quizzes = static_cast<Completion::Quizzes>(
        r.enumAttr(el, "quizzes", {"passed", "attempted", "none"}, 0));
    completion.scenarios = static_cast<Completion::Scenarios>(
        r.enumAttr(el, "scenarios", {"ended", "success", "none"}, 0));
}

void readCourseRoot(XmlReader& r, const XMLElement* el, Course& course) {
    r.checkAttributes(el, {"id", "format"}, {"version", "lang"});
    r.checkNoText(el);
    // The course id names the folder's course in the catalogue and in progress records; the
    // spec's uniqueness rule covers what is inside the course, so a module may share it.
    course.id = r.attr(el, "id").value_or("");
    if (el->Attribute("id") && !isValidId(course.id))
        r.diags().add("I001", r.attrPos(el, "id"), {course.id});
    if (auto format = r.attr(el, "format")) {
        if (foldSpaces(*format) != "1")
            r.diags().add("S010", r.attrPos(el, "format"), {*format});
    }
    course.version = r.intAttr(el, "version", 1, 1, 1000000);
    course.lang = foldSpaces(r.attr(el, "lang").value_or("fr"));
    if (!isLanguageTag(course.lang)) {
        r.diags().add("S005", r.attrPos(el, "lang"),
                      {course.lang, "lang", core::fragment("lang-expected")});
        course.lang = "fr";
    }
    bool title = false, subtitle = false, description = false, meta = false, objectives = false,
         glossary = false, completion = false;
    for (const XMLElement* c = el->FirstChildElement(); c; c = c->NextSiblingElement()) {
        std::string_view name = c->Name();
        if (name == "title") {
            if (r.once(c, el, title)) {
                r.checkAttributes(c, {}, {});
                course.title = r.plainText(c);
            }
        } else if (name == "subtitle") {
            if (r.once(c, el, subtitle)) {
                r.checkAttributes(c, {}, {});
                course.subtitle = r.plainText(c);
            }
        } else if (name == "description") {
            readOnceInline(r, c, el, description, course.description);
        } else if (name == "meta") {
            if (r.once(c, el, meta))
                readMeta(r, c, course.meta);
        } else if (name == "objectives") {
            if (r.once(c, el, objectives)) {
                r.checkAttributes(c, {}, {});
                r.checkNoText(c);
                for (const XMLElement* o = c->FirstChildElement(); o; o = o->NextSiblingElement()) {
                    if (std::string_view(o->Name()) != "objective") {
                        r.reportUnexpected(o, c, {"objective"});
                        continue;
                    }
                    r.checkAttributes(o, {}, {});
                    course.objectives.push_back(readInline(r, o));
                }
            }
        } else if (name == "glossary") {
            if (r.once(c, el, glossary))
                readGlossary(r, c, course);
        } else if (name == "module") {
            course.modules.push_back(readModule(r, c));
        } else if (name == "include") {
            readInclude(r, c, course);
        } else if (name == "completion") {
            if (r.once(c, el, completion))
                readCompletion(r, c, course.completion);
        } else {
            r.reportUnexpected(c, el,
                               {"title", "subtitle", "description", "meta", "objectives",
                                "glossary", "module", "include", "completion"});
        }
    }
    if (!title)
        r.diags().add("S003", r.pos(el), {"course", "<title>"});
    if (course.modules.empty())
        r.diags().add("S003", r.pos(el), {"course", core::fragment("at-least-one", {"<module>"})});
}

void readInclude(XmlReader& r, const XMLElement* el, Course& course) {
    r.checkAttributes(el, {"src"}, {});
    r.checkNoText(el);
    auto src = r.attr(el, "src");
    if (!src)
        return;
    LoadContext& ctx = r.ctx();
    const core::SourcePos where = r.attrPos(el, "src");
    ResolvedPath resolved = resolveInsideFolder(ctx.folder, *src);
    switch (resolved.status) {
    case PathStatus::Absolute:
        ctx.diags.add("M001", where, {*src});
        return;
    case PathStatus::LeavesFolder:
        ctx.diags.add("M002", where, {*src});
        return;
    case PathStatus::Missing:
        ctx.diags.add("N001", where, {*src});
        return;
    case PathStatus::Directory:
        ctx.diags.add("M011", where, {*src});
        return;
    case PathStatus::NotRegular:
        ctx.diags.add("M012", where, {*src});
        return;
    case PathStatus::Ok:
        break;
    }
    auto& stack = ctx.includeStack;
    if (std::find(stack.begin(), stack.end(), resolved.path) != stack.end()) {
        ctx.diags.add("N002", where, {*src, r.source().displayPath});
        return;
    }
    // A file already included is not read again: its module's ids are already taken, so one
    // I002 here says it all (reading it again would repeat one I002 per id, and a 14 MB
    // module included 200 times would be read 200 times).
    auto [seen, first] = ctx.included.emplace(resolved.path, IncludedFile{"", where});
    if (!first) {
        const IncludedFile& f = seen->second;
        ctx.diags.add("I002", where,
                      {f.moduleId.empty() ? *src : f.moduleId,
                       f.where.file + ":" + std::to_string(f.where.line) + ":" +
                           std::to_string(f.where.column)});
        return;
    }
    std::error_code ec;
    const auto size = fs::file_size(resolved.path, ec);
    if (!ec && ctx.bytesRead + size > kMaxCourseBytes) {
        ctx.diags.add("X024", where, {*src, std::to_string(kMaxCourseBytes)});
        return;
    }
    const std::string display = ctx.displayPathOf(fs::relative(resolved.path, ctx.folder));
    auto included = readXmlFile(resolved.path, display, ctx.diags);
    if (!included)
        return;
    ctx.bytesRead += included->text.size();
    tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
    if (!parse(ctx, *included, doc))
        return;
    XmlReader inner(ctx, *included, doc);
    const XMLElement* root = doc.RootElement();
    if (std::string_view(root->Name()) != "module") {
        ctx.diags.add("S009", inner.pos(root), {"module", root->Name()});
        return;
    }
    if (auto id = inner.attr(root, "id"))
        seen->second = IncludedFile{*id, inner.attrPos(root, "id")};
    stack.push_back(resolved.path);
    course.modules.push_back(readModule(inner, root));
    stack.pop_back();
}

} // namespace

void readCourseDocument(LoadContext& ctx, const XmlSource& src, Course& course) {
    tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
    if (!parse(ctx, src, doc))
        return;
    XmlReader reader(ctx, src, doc);
    const XMLElement* root = doc.RootElement();
    if (std::string_view(root->Name()) != "course") {
        ctx.diags.add("S009", reader.pos(root), {"course", root->Name()});
        return;
    }
    readCourseRoot(reader, root, course);
}

} // namespace cordee::course::detail
