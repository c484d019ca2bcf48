#include "support/temp_course.hpp"

#include <catch2/catch.hpp>

using namespace cordee;
using namespace cordee::course;
using test::pageModule;
using test::TempCourse;

namespace {

const Page& onlyPage(const Course& c) {
    return std::get<Lesson>(c.modules.at(0).items.at(0)).pages.at(0);
}

} // namespace

TEST_CASE("a paragraph folds white space and keeps inline styles as runs", "[course][loader]") {
    TempCourse t;
    auto r = t.loadBody(
        "<glossary><term id=\"scic\" label=\"SCIC\">Coopérative.</term></glossary>" +
        pageModule("<p>\n  Une   <em>SCIC</em> est <strong>très <em>utile</em></strong>,\n"
                   " voir <term ref=\"scic\">SCIC</term> et <link href=\"https://a.fr\">ici</link>."
                   "<br/>  Fin.  </p>"));
    REQUIRE(r.ok());
    const auto& runs = std::get<Paragraph>(onlyPage(r.course).blocks.at(0)).text.runs;
    REQUIRE(runs.size() >= 8);
    CHECK(runs[0].text == "Une ");
    CHECK(runs[1].text == "SCIC");
    CHECK(runs[1].style == kEmphasis);
    CHECK(runs[2].text == " est ");
    CHECK(runs[3].text == "très ");
    CHECK(runs[3].style == kStrong);
    CHECK(runs[4].text == "utile");
    CHECK(runs[4].style == (kStrong | kEmphasis));
    auto term = std::find_if(runs.begin(), runs.end(), [](auto& x) { return !x.termRef.empty(); });
    REQUIRE(term != runs.end());
    CHECK(term->termRef == "scic");
    CHECK(term->text == "SCIC");
    auto link = std::find_if(runs.begin(), runs.end(), [](auto& x) { return !x.linkHref.empty(); });
    REQUIRE(link != runs.end());
    CHECK(link->linkHref == "https://a.fr");
    auto br = std::find_if(runs.begin(), runs.end(),
                           [](auto& x) { return x.kind == InlineRun::Kind::LineBreak; });
    REQUIRE(br != runs.end());
    CHECK(std::next(br)->text == "Fin.");
    CHECK(std::get<Paragraph>(onlyPage(r.course).blocks.at(0)).text.plainText() ==
          "Une SCIC est très utile, voir SCIC et ici.\nFin.");
}

TEST_CASE("no-break spaces are text, not white space to fold", "[course][loader]") {
    TempCourse t;
    auto r = t.loadBody(pageModule("<p>Bonjour\u00A0! « oui »</p>"));
    REQUIRE(r.ok());
    CHECK(std::get<Paragraph>(onlyPage(r.course).blocks.at(0)).text.plainText() ==
          "Bonjour\u00A0! « oui »");
}

TEST_CASE("headings, lists, quotes, tables and timelines load in order", "[course][loader]") {
    TempCourse t;
    auto r = t.loadBody(
        pageModule("<h>Titre</h><list ordered=\"true\"><item>un</item><item>deux</item></list>"
                   "<quote cite=\"H. Sibille\">On le devient.</quote>"
                   "<table><row><cell header=\"true\">A</cell><cell header=\"true\">B</cell></row>"
                   "<row><cell>1</cell><cell>2</cell></row></table>"
                   "<timeline><event date=\"2001\">SCIC</event><event date=\"2014\">Loi "
                   "ESS</event></timeline>"));
    REQUIRE(r.ok());
    const auto& blocks = onlyPage(r.course).blocks;
    REQUIRE(blocks.size() == 5);
    CHECK(std::get<Heading>(blocks[0]).text.plainText() == "Titre");
    const auto& list = std::get<ListBlock>(blocks[1]);
    CHECK(list.ordered);
    CHECK(list.items.size() == 2);
    CHECK(std::get<Quote>(blocks[2]).cite == "H. Sibille");
    const auto& table = std::get<Table>(blocks[3]);
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0][0].header);
    CHECK_FALSE(table.rows[1][0].header);
    CHECK(table.rows[1][1].text.plainText() == "2");
    const auto& timeline = std::get<Timeline>(blocks[4]);
    REQUIRE(timeline.events.size() == 2);
    CHECK(timeline.events[1].date == "2014");
}

TEST_CASE("notes keep their kind, title, paragraphs and lists", "[course][loader]") {
    TempCourse t;
    auto r = t.loadBody(pageModule("<note kind=\"law\" title=\"Article 59\"><p>La "
                                   "subvention.</p><list><item>a</item></list></note>"
                                   "<note kind=\"example\"><p>Ex.</p></note>"));
    REQUIRE(r.ok());
    const auto& note = std::get<Note>(onlyPage(r.course).blocks.at(0));
    CHECK(note.kind == NoteKind::Law);
    CHECK(note.title == "Article 59");
    REQUIRE(note.blocks.size() == 2);
    CHECK(std::holds_alternative<ListBlock>(note.blocks[1]));
    CHECK(std::get<Note>(onlyPage(r.course).blocks.at(1)).kind == NoteKind::Example);
}

TEST_CASE("a note kind outside the list is an invalid value", "[course][loader]") {
    TempCourse t;
    auto r = t.loadBody(pageModule("<note kind=\"tip\"><p>x</p></note>"));
    CHECK(r.diagnostics.hasCode("S005"));
}

TEST_CASE("images resolve inside the course folder and report their size", "[course][loader]") {
    TempCourse t;
    t.write("media/d.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 960 540\"></svg>");
    auto r = t.loadBody(
        pageModule("<p>x</p><image src=\"media/d.svg\" alt=\"Un schéma\" caption=\"Légende\"/>"));
    REQUIRE(r.ok());
    const auto& image = std::get<Image>(onlyPage(r.course).blocks.at(1));
    CHECK(image.alt == "Un schéma");
    CHECK(image.caption == "Légende");
    CHECK(image.width == 960);
    CHECK(image.height == 540);
    CHECK(image.resolved.filename() == "d.svg");
}

TEST_CASE("an image without alt text is refused", "[course][loader]") {
    TempCourse t;
    t.write("media/d.svg", "<svg width=\"10\" height=\"10\"></svg>");
    auto r = t.loadBody(pageModule("<p>x</p><image src=\"media/d.svg\"/>"));
    CHECK(r.diagnostics.hasCode("S004"));
}

TEST_CASE("a check holds one question and a reflection its prompt", "[course][loader]") {
    TempCourse t;
    auto r = t.loadBody(
        pageModule("<p>x</p><check><truefalse id=\"c1\" answer=\"false\"><prompt>Vrai "
                   "?</prompt></truefalse></check>"
                   "<reflection id=\"r1\"><prompt>Qu'en pensez-vous ?</prompt></reflection>"));
    REQUIRE(r.ok());
    const auto& blocks = onlyPage(r.course).blocks;
    const auto& check = std::get<Check>(blocks.at(1));
    CHECK(check.question.id == "c1");
    CHECK(check.question.type == QuestionType::TrueFalse);
    CHECK_FALSE(check.question.answer);
    const auto& reflection = std::get<Reflection>(blocks.at(2));
    CHECK(reflection.id == "r1");
    CHECK(reflection.prompt.plainText() == "Qu'en pensez-vous ?");
}

TEST_CASE("a link other than http or https is refused", "[course][loader]") {
    TempCourse t;
    auto r = t.loadBody(pageModule("<p><link href=\"javascript:alert(1)\">x</link></p>"));
    CHECK(r.diagnostics.hasCode("M006"));
}

TEST_CASE("editor schema attributes on the root are tolerated", "[course][loader]") {
    TempCourse t;
    t.write("course.xml",
            "<course xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
            "xsi:noNamespaceSchemaLocation=\"../schema/course.xsd\" id=\"t\" format=\"1\">"
            "<title>T</title>" +
                pageModule("<p>x</p>") + "</course>");
    auto r = t.load();
    CHECK(r.diagnostics.all().empty());
}
