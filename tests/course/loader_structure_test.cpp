#include "support/temp_course.hpp"

#include <catch2/catch.hpp>

using namespace cordee;
using namespace cordee::course;
using test::pageModule;
using test::quizModule;
using test::TempCourse;

TEST_CASE("the course root, meta, objectives, glossary and completion load", "[course][loader]") {
    TempCourse t;
    t.write("course.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<course id="c" format="1" version="3" lang="fr">
  <title>  La   co-production </title>
  <subtitle>Sous-titre</subtitle>
  <description>Une <em>description</em>.</description>
  <meta>
    <author>A. Auteur</author><author>B. Autrice</author>
    <organisation>Cordée</organisation>
    <duration minutes="45"/>
    <audience>Agents publics</audience>
    <updated>2026-11-26</updated>
    <source>Source 1</source><source>Source 2</source>
  </meta>
  <objectives><objective>Comprendre</objective><objective>Agir</objective></objectives>
  <glossary><term id="ess" label="ESS">Économie sociale et solidaire.</term></glossary>
  <module id="m1" title="Un"><description>D</description><lesson id="l1" title="L"><page id="p1" title="P"><p>x</p></page></lesson></module>
  <module id="m2" title="Deux" requires="m1"><lesson id="l2" title="L"><page id="p2" title="P"><p>x</p></page></lesson></module>
  <completion pages="none" quizzes="attempted" scenarios="success"/>
</course>)");
    auto r = t.load();
    REQUIRE(r.diagnostics.all().empty());
    const Course& c = r.course;
    CHECK(c.id == "c");
    CHECK(c.version == 3);
    CHECK(c.lang == "fr");
    CHECK(c.title == "La co-production");
    CHECK(c.subtitle == "Sous-titre");
    CHECK(c.description.plainText() == "Une description.");
    CHECK(c.meta.authors == std::vector<std::string>{"A. Auteur", "B. Autrice"});
    CHECK(c.meta.organisations.size() == 1);
    CHECK(c.meta.durationMinutes == 45);
    CHECK(c.meta.audience == "Agents publics");
    CHECK(c.meta.updated == "2026-11-26");
    CHECK(c.meta.sources.size() == 2);
    CHECK(c.objectives.size() == 2);
    REQUIRE(c.glossary.size() == 1);
    CHECK(c.glossary[0].label == "ESS");
    REQUIRE(c.modules.size() == 2);
    CHECK(c.modules[0].description.plainText() == "D");
    CHECK(c.modules[1].prerequisites == std::vector<std::string>{"m1"});
    CHECK(c.completion.pages == Completion::Pages::None);
    CHECK(c.completion.quizzes == Completion::Quizzes::Attempted);
    CHECK(c.completion.scenarios == Completion::Scenarios::Success);
}

TEST_CASE("defaults apply when optional attributes are absent", "[course][loader]") {
    TempCourse t;
    auto r = t.loadBody(
        quizModule("<truefalse id=\"a\" answer=\"true\"><prompt>a</prompt></truefalse>"
                   "<truefalse id=\"b\" answer=\"true\"><prompt>b</prompt></truefalse>"
                   "<truefalse id=\"c\" answer=\"true\"><prompt>c</prompt></truefalse>"));
    REQUIRE(r.ok());
    const Quiz& q = std::get<Quiz>(r.course.modules[0].items[0]);
    CHECK(r.course.version == 1);
    CHECK(q.pass == 70);
    CHECK(q.attempts == 0);
    CHECK(q.pick == 0);
    CHECK(q.drawCount() == 3);
    CHECK_FALSE(q.shuffle);
    CHECK(q.feedback == FeedbackMode::Immediate);
    CHECK(q.questions[0].points == 1.0);
    CHECK(r.course.completion.pages == Completion::Pages::All);
    CHECK(r.course.completion.quizzes == Completion::Quizzes::Passed);
    CHECK(r.course.completion.scenarios == Completion::Scenarios::Ended);
}

TEST_CASE("a module's children keep document order", "[course][loader]") {
    TempCourse t;
    auto r = t.loadBody(
        "<module id=\"m\" title=\"M\">"
        "<quiz id=\"q\" title=\"Q\"><truefalse id=\"a\" "
        "answer=\"true\"><prompt>a</prompt></truefalse>"
        "<truefalse id=\"b\" answer=\"true\"><prompt>b</prompt></truefalse>"
        "<truefalse id=\"c\" answer=\"true\"><prompt>c</prompt></truefalse></quiz>"
        "<lesson id=\"l\" title=\"L\"><page id=\"p\" title=\"P\"><p>x</p></page></lesson>"
        "<scenario id=\"s\" title=\"S\" start=\"s1\"><scene id=\"s1\"><p>x</p><option "
        "goto=\"e\">go</option></scene>"
        "<ending id=\"e\" outcome=\"success\"><p>fin</p></ending></scenario></module>");
    REQUIRE(r.ok());
    const auto& items = r.course.modules[0].items;
    REQUIRE(items.size() == 3);
    CHECK(std::holds_alternative<Quiz>(items[0]));
    CHECK(std::holds_alternative<Lesson>(items[1]));
    CHECK(std::holds_alternative<Scenario>(items[2]));
}

TEST_CASE("an included module file joins the course in place", "[course][loader][include]") {
    TempCourse t;
    t.write("modules/deux.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
                                    std::string("<module id=\"m2\" title=\"Deux\">"
                                                "<lesson id=\"l2\" title=\"L\"><page id=\"p2\" "
                                                "title=\"P\"><p>x</p></page></lesson></module>"));
    auto r = t.loadBody(pageModule("<p>x</p>") + "<include src=\"modules/deux.xml\"/>" +
                        "<module id=\"m3\" title=\"Trois\"><lesson id=\"l3\" title=\"L\"><page "
                        "id=\"p3\" title=\"P\"><p>x</p></page></lesson></module>");
    REQUIRE(r.ok());
    REQUIRE(r.course.modules.size() == 3);
    CHECK(r.course.modules[1].id == "m2");
    CHECK(r.course.modules[2].id == "m3");
}

TEST_CASE("a diagnostic inside an included file names that file and its line",
          "[course][loader][include]") {
    TempCourse t;
    t.write("modules/deux.xml", "<module id=\"m2\" title=\"Deux\">\n"
                                "<lesson id=\"l2\" title=\"L\">\n"
                                "<pgae id=\"p2\" title=\"P\"><p>x</p></pgae></lesson></module>");
    auto r = t.loadBody(pageModule("<p>x</p>") + "<include src=\"modules/deux.xml\"/>");
    REQUIRE(r.diagnostics.hasCode("S001"));
    const auto& d = r.diagnostics.all().front();
    CHECK(d.pos.file.ends_with("modules/deux.xml"));
    CHECK(d.pos.line == 3);
    CHECK(d.pos.column == 1);
    CHECK(renderMessage(d, core::Lang::En).find("did you mean <page>?") != std::string::npos);
}

TEST_CASE("an id used twice names both places", "[course][loader][ids]") {
    TempCourse t;
    auto r = t.loadBody("<module id=\"m\" title=\"M\">\n<lesson id=\"x\" title=\"L\">\n"
                        "<page id=\"x\" title=\"P\"><p>x</p></page></lesson></module>");
    REQUIRE(r.diagnostics.hasCode("I002"));
    const auto& d = r.diagnostics.all().front();
    CHECK(d.pos.line == 6);
    CHECK(renderMessage(d, core::Lang::Fr).find("course.xml:5:") != std::string::npos);
}

TEST_CASE("every problem is reported in one run, not only the first", "[course][loader]") {
    TempCourse t;
    auto r = t.loadBody("<module id=\"Bad\" title=\"M\" colour=\"x\">\n"
                        "<lesson id=\"l\" title=\"L\"><page id=\"p\" title=\"P\"><para/><p><term "
                        "ref=\"nope\">x</term></p></page></lesson>\n"
                        "</module>");
    CHECK(r.diagnostics.hasCode("I001"));
    CHECK(r.diagnostics.hasCode("S002"));
    CHECK(r.diagnostics.hasCode("S001"));
    CHECK(r.diagnostics.hasCode("R001"));
    CHECK(r.diagnostics.errorCount() == 4);
}

TEST_CASE("columns count characters, not bytes", "[course][loader]") {
    TempCourse t;
    t.write("course.xml", "<course id=\"t\" format=\"1\"><title>Économie é</title><bogus/>" +
                              pageModule("<p>x</p>") + "</course>");
    auto r = t.load();
    REQUIRE(r.diagnostics.hasCode("S001"));
    // "<course id="t" format="1"><title>Économie é</title>" is 51 characters (53 bytes).
    CHECK(r.diagnostics.all().front().pos.column == 52);
}

TEST_CASE("a folder with no course.xml is reported", "[course][loader]") {
    TempCourse t;
    t.write("README.txt", "rien");
    auto r = t.load();
    CHECK(r.diagnostics.hasCode("C001"));
}

TEST_CASE("findCourseFolders lists folders holding a course.xml, sorted", "[course][loader]") {
    TempCourse t;
    t.write("b/course.xml", "x");
    t.write("a/course.xml", "x");
    t.write("schema/course.xsd", "x");
    auto found = findCourseFolders(t.dir());
    REQUIRE(found.size() == 2);
    CHECK(found[0].filename() == "a");
    CHECK(found[1].filename() == "b");
}

TEST_CASE("lang must be a language code and updated a real date", "[course][loader]") {
    TempCourse t;
    t.write("course.xml", "<course id=\"t\" format=\"1\" lang=\"français\"><title>T</title>"
                          "<meta><updated>2026-13-45</updated></meta>" +
                              test::pageModule("<p>x</p>") + "</course>");
    auto r = t.load();
    int invalid = 0;
    for (const auto& d : r.diagnostics.all())
        invalid += d.code == "S005" ? 1 : 0;
    CHECK(invalid == 2);
    CHECK(r.course.lang == "fr");
}

TEST_CASE("a score may be written with a plus sign", "[course][loader]") {
    TempCourse t;
    auto r =
        t.loadBody("<module id=\"m\" title=\"M\"><scenario id=\"s\" title=\"S\" start=\"a\">"
                   "<scene id=\"a\"><p>x</p><option goto=\"e\" score=\"+3\">go</option></scene>"
                   "<ending id=\"e\" outcome=\"success\"><p>fin</p></ending></scenario></module>");
    REQUIRE(r.ok());
    CHECK(std::get<Scenario>(r.course.modules[0].items[0]).bestScore == 3);
}

TEST_CASE("HTML habits get our element's name as the suggestion", "[course][loader]") {
    TempCourse t;
    auto r = t.loadBody(test::pageModule("<p>Un mot <b>fort</b> et <i>penché</i></p>"));
    std::vector<std::string> messages;
    for (const auto& d : r.diagnostics.all())
        messages.push_back(renderMessage(d, core::Lang::En));
    REQUIRE(messages.size() == 2);
    CHECK(messages[0] == "unknown element <b> — did you mean <strong>?");
    CHECK(messages[1] == "unknown element <i> — did you mean <em>?");
}

TEST_CASE("dates must exist and language codes are case-insensitive", "[course][loader]") {
    TempCourse t;
    t.write("course.xml", "<course id=\"t\" format=\"1\" lang=\"FR\"><title>T</title>"
                          "<meta><updated>2026-02-31</updated></meta>" +
                              test::pageModule("<p>x</p>") + "</course>");
    auto r = t.load();
    REQUIRE(r.diagnostics.all().size() == 1);
    CHECK(r.diagnostics.all()[0].code == "S005");
    CHECK(r.course.lang == "FR");
    TempCourse leap;
    leap.write("course.xml", "<course id=\"t\" format=\"1\"><title>T</title>"
                             "<meta><updated>2024-02-29</updated></meta>" +
                                 test::pageModule("<p>x</p>") + "</course>");
    CHECK(leap.load().diagnostics.all().empty());
}

TEST_CASE("words after the root element are reported as such", "[course][loader]") {
    TempCourse t;
    t.write("course.xml", "<course id=\"t\" format=\"1\"><title>T</title>" +
                              test::pageModule("<p>x</p>") + "</course>\noups\n");
    auto r = t.load();
    REQUIRE(r.diagnostics.hasCode("X019"));
    CHECK(r.diagnostics.all()[0].pos.line == 2);
}
