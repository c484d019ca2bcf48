#include "support/temp_course.hpp"

#include <catch2/catch.hpp>

using namespace cordee;
using namespace cordee::course;
using test::quizModule;
using test::TempCourse;

namespace {

const std::string kFiller = "<truefalse id=\"f1\" answer=\"true\"><prompt>a</prompt></truefalse>"
                            "<truefalse id=\"f2\" answer=\"true\"><prompt>b</prompt></truefalse>";

const Question& firstQuestion(const LoadResult& r) {
    return std::get<Quiz>(r.course.modules.at(0).items.at(0)).questions.at(0);
}

} // namespace

TEST_CASE("a quiz keeps all its attributes", "[course][loader][quiz]") {
    TempCourse t;
    auto r = t.loadBody(
        quizModule("<intro>Bienvenue</intro>" + kFiller +
                       "<truefalse id=\"f3\" answer=\"false\"><prompt>c</prompt></truefalse>",
                   "pass=\"80\" attempts=\"2\" pick=\"2\" shuffle=\"true\" feedback=\"end\""));
    REQUIRE(r.ok());
    const Quiz& q = std::get<Quiz>(r.course.modules[0].items[0]);
    CHECK(q.pass == 80);
    CHECK(q.attempts == 2);
    CHECK(q.pick == 2);
    CHECK(q.drawCount() == 2);
    CHECK(q.shuffle);
    CHECK(q.feedback == FeedbackMode::End);
    CHECK(q.intro.plainText() == "Bienvenue");
    CHECK(q.questions.size() == 3);
}

TEST_CASE("a single-choice question keeps choices, feedback, hint and explanation",
          "[course][loader][quiz]") {
    TempCourse t;
    auto r = t.loadBody(
        quizModule("<single id=\"q1\" points=\"2\" shuffle=\"false\"><prompt>Qui ?</prompt>"
                   "<choice>Lui<feedback>Non.</feedback></choice>"
                   "<choice correct=\"true\">Elle <em>seule</em><feedback>Oui.</feedback></choice>"
                   "<hint>Pensez-y.</hint><explanation>Parce que.</explanation></single>" +
                   kFiller));
    REQUIRE(r.ok());
    const Question& q = firstQuestion(r);
    CHECK(q.type == QuestionType::Single);
    CHECK(q.points == 2.0);
    CHECK_FALSE(q.shuffleChoices);
    REQUIRE(q.choices.size() == 2);
    CHECK_FALSE(q.choices[0].correct);
    CHECK(q.choices[0].feedback.plainText() == "Non.");
    CHECK(q.choices[1].correct);
    CHECK(q.choices[1].text.plainText() == "Elle seule");
    REQUIRE(q.hint.has_value());
    CHECK(q.hint->plainText() == "Pensez-y.");
    CHECK(q.explanation.plainText() == "Parce que.");
}

TEST_CASE("a multiple-choice question reads partial credit and fractional points",
          "[course][loader][quiz]") {
    TempCourse t;
    auto r = t.loadBody(quizModule(
        "<multiple id=\"q1\" points=\"+1,5\" partial=\"true\"><prompt>Quoi ?</prompt>"
        "<choice correct=\"true\">a</choice><choice correct=\"true\">b</choice><choice>c</choice>"
        "</multiple>" +
        kFiller));
    REQUIRE(r.ok());
    const Question& q = firstQuestion(r);
    CHECK(q.partial);
    CHECK(q.points == 1.5);
    CHECK(q.shuffleChoices);
}

TEST_CASE("order items keep the document order as the answer", "[course][loader][quiz]") {
    TempCourse t;
    auto r = t.loadBody(quizModule("<order id=\"q1\"><prompt>Classez</prompt><item>1901</item>"
                                   "<item>2001</item><item>2014</item></order>" +
                                   kFiller));
    REQUIRE(r.ok());
    const Question& q = firstQuestion(r);
    REQUIRE(q.items.size() == 3);
    CHECK(q.items[0].plainText() == "1901");
    CHECK(q.items[2].plainText() == "2014");
}

TEST_CASE("match pairs keep left and right", "[course][loader][quiz]") {
    TempCourse t;
    auto r = t.loadBody(quizModule("<match id=\"q1\"><prompt>Associez</prompt>"
                                   "<pair><left>SCIC</left><right>2001</right></pair>"
                                   "<pair><left>ESS</left><right>2014</right></pair></match>" +
                                   kFiller));
    REQUIRE(r.ok());
    const Question& q = firstQuestion(r);
    REQUIRE(q.pairs.size() == 2);
    CHECK(q.pairs[1].left.plainText() == "ESS");
    CHECK(q.pairs[1].right.plainText() == "2014");
}

TEST_CASE("gaps keep blanks in place with all accepted answers", "[course][loader][quiz]") {
    TempCourse t;
    auto r = t.loadBody(quizModule(
        "<gaps id=\"q1\" strict=\"true\"><text>Une <blank>personne | Personne</blank>, une "
        "<blank>voix</blank>.</text></gaps>" +
        kFiller));
    REQUIRE(r.ok());
    const Question& q = firstQuestion(r);
    CHECK(q.strict);
    REQUIRE(q.blanks.size() == 2);
    CHECK(q.blanks[0].answers == std::vector<std::string>{"personne", "Personne"});
    CHECK(q.gapText.plainText() == "Une ___, une ___.");
    int blanks = 0;
    for (const InlineRun& run : q.gapText.runs)
        if (run.kind == InlineRun::Kind::Blank)
            CHECK(run.blankIndex == blanks++);
    CHECK(blanks == 2);
}

TEST_CASE("a single-choice question with two correct choices is rejected",
          "[course][loader][quiz]") {
    TempCourse t;
    auto r = t.loadBody(quizModule("<single id=\"q1\"><prompt>?</prompt><choice correct=\"true\">a"
                                   "</choice><choice correct=\"true\">b</choice></single>" +
                                   kFiller));
    CHECK(r.diagnostics.hasCode("Q002"));
}

TEST_CASE("a question with no correct answer is rejected", "[course][loader][quiz]") {
    TempCourse t;
    auto r = t.loadBody(quizModule("<multiple id=\"q1\"><prompt>?</prompt><choice>a</choice>"
                                   "<choice>b</choice></multiple>" +
                                   kFiller));
    CHECK(r.diagnostics.hasCode("Q001"));
}

TEST_CASE("pick larger than the pool and pass outside 0-100 are rejected",
          "[course][loader][quiz]") {
    TempCourse t;
    auto r = t.loadBody(
        quizModule(kFiller + "<truefalse id=\"f3\" answer=\"true\"><prompt>c</prompt></truefalse>",
                   "pick=\"5\" pass=\"101\""));
    CHECK(r.diagnostics.hasCode("Q003"));
    CHECK(r.diagnostics.hasCode("Q004"));
}

TEST_CASE("a quiz of fewer than three questions is a warning, not an error",
          "[course][loader][quiz]") {
    TempCourse t;
    auto r = t.loadBody(quizModule(kFiller));
    CHECK(r.diagnostics.hasCode("Q005"));
    CHECK(r.ok());
}

TEST_CASE("a true/false question needs its answer attribute", "[course][loader][quiz]") {
    TempCourse t;
    auto r =
        t.loadBody(quizModule("<truefalse id=\"q1\"><prompt>?</prompt></truefalse>" + kFiller));
    CHECK(r.diagnostics.hasCode("S004"));
}
