#include "quiz/scoring.hpp"

#include <catch2/catch.hpp>

using namespace cordee;
using namespace cordee::quiz;
using course::Question;
using course::QuestionType;

namespace {

Question choices(QuestionType type, std::vector<bool> correct, double points = 1,
                 bool partial = false) {
    Question q;
    q.type = type;
    q.points = points;
    q.partial = partial;
    for (bool c : correct)
        q.choices.push_back({{}, c, {}});
    return q;
}

Response picks(std::vector<int> v) {
    Response r;
    r.choices = std::move(v);
    return r;
}

} // namespace

TEST_CASE("single choice scores its points only for the right choice", "[quiz][scoring]") {
    Question q = choices(QuestionType::Single, {false, true, false}, 2);
    CHECK(score(q, picks({1})).points == 2);
    CHECK(score(q, picks({1})).verdict == Verdict::Correct);
    CHECK(score(q, picks({0})).points == 0);
    CHECK(score(q, picks({0})).verdict == Verdict::Incorrect);
    CHECK(score(q, picks({})).points == 0);
    CHECK(score(q, picks({7})).points == 0); // out of range: no crash, no points
}

TEST_CASE("multiple choice is all or nothing by default", "[quiz][scoring]") {
    Question q = choices(QuestionType::Multiple, {true, false, true, false});
    CHECK(score(q, picks({0, 2})).points == 1);
    CHECK(score(q, picks({2, 0})).points == 1);
    CHECK(score(q, picks({0})).points == 0);
    CHECK(score(q, picks({0, 1, 2})).points == 0);
}

TEST_CASE("multiple choice with partial credit: right picks minus wrong picks", "[quiz][scoring]") {
    Question q = choices(QuestionType::Multiple, {true, true, true, false, false}, 3, true);
    CHECK(score(q, picks({0, 1, 2})).points == Approx(3));
    CHECK(score(q, picks({0, 1})).points == Approx(2));
    CHECK(score(q, picks({0, 1})).verdict == Verdict::Partial);
    CHECK(score(q, picks({0, 1, 3})).points == Approx(1)); // 2 right − 1 wrong = 1/3 of 3
    CHECK(score(q, picks({0, 3, 4})).points == Approx(0)); // floor at 0
    CHECK(score(q, picks({0, 3, 4})).verdict == Verdict::Incorrect);
    Question half = choices(QuestionType::Multiple, {true, true, false}, 1, true);
    CHECK(score(half, picks({0})).points == Approx(0.5));
}

TEST_CASE("true/false compares with the answer attribute", "[quiz][scoring]") {
    Question q;
    q.type = QuestionType::TrueFalse;
    q.answer = false;
    Response r;
    r.truth = false;
    CHECK(score(q, r).points == 1);
    r.truth = true;
    CHECK(score(q, r).points == 0);
    CHECK(score(q, Response{}).points == 0);
}

TEST_CASE("order is right only in the authored order", "[quiz][scoring]") {
    Question q;
    q.type = QuestionType::Order;
    q.items.resize(3);
    Response r;
    r.order = {0, 1, 2};
    CHECK(score(q, r).points == 1);
    r.order = {1, 0, 2};
    CHECK(score(q, r).points == 0);
    r.order = {0, 1};
    CHECK(score(q, r).points == 0);
}

TEST_CASE("match is right only when every pair is", "[quiz][scoring]") {
    Question q;
    q.type = QuestionType::Match;
    q.pairs.resize(3);
    Response r;
    r.matches = {0, 1, 2};
    CHECK(score(q, r).points == 1);
    r.matches = {0, 2, 1};
    CHECK(score(q, r).points == 0);
    r.matches = {0, 1, -1};
    CHECK(score(q, r).points == 0);
}

TEST_CASE("gaps: each blank its share; lenient on case, accents and spaces", "[quiz][scoring]") {
    Question q;
    q.type = QuestionType::Gaps;
    q.points = 3;
    q.blanks = {{{"une voix", "1 voix"}}, {{"Capital"}}, {{"État"}}};
    Response r;
    r.gaps = {"  Une   VOIX ", "capital", "etat"};
    QuestionResult all = score(q, r);
    CHECK(all.points == Approx(3));
    CHECK(all.verdict == Verdict::Correct);
    r.gaps = {"1 voix", "argent", ""};
    QuestionResult some = score(q, r);
    CHECK(some.points == Approx(1));
    CHECK(some.verdict == Verdict::Partial);
    CHECK(some.blanksRight == std::vector<bool>{true, false, false});
}

TEST_CASE("strict gaps keep case and accents but still trim", "[quiz][scoring]") {
    Question q;
    q.type = QuestionType::Gaps;
    q.strict = true;
    q.blanks = {{{"État"}}};
    Response r;
    r.gaps = {" État "};
    CHECK(score(q, r).points == 1);
    r.gaps = {"Etat"};
    CHECK(score(q, r).points == 0);
    r.gaps = {"état"};
    CHECK(score(q, r).points == 0);
}

TEST_CASE("points read like a person writes them", "[quiz][scoring]") {
    CHECK(formatPoints(7.5) == "7,5");
    CHECK(formatPoints(7.5, false) == "7.5");
    CHECK(formatPoints(8) == "8");
    CHECK(formatPoints(2.0 / 3.0) == "0,7");
    CHECK(formatPoints(0.999999) == "1");
}

TEST_CASE("responses round-trip through their text form", "[quiz][response]") {
    Question multiple = choices(QuestionType::Multiple, {true, false, true});
    auto r = fromText(multiple, toText(multiple, picks({2, 0})));
    REQUIRE(r);
    CHECK(r->choices == std::vector<int>{0, 2});
    CHECK_FALSE(fromText(multiple, "0,9"));
    Question gaps;
    gaps.type = QuestionType::Gaps;
    gaps.blanks.resize(2);
    Response g;
    g.gaps = {"a|b", "c\\d"};
    CHECK(toText(gaps, g) == "a\\|b|c\\\\d");
    auto back = fromText(gaps, toText(gaps, g));
    REQUIRE(back);
    CHECK(back->gaps == g.gaps);
    Question match;
    match.type = QuestionType::Match;
    match.pairs.resize(3);
    Response m;
    m.matches = {2, -1, 0};
    CHECK(toText(match, m) == "2,-,0");
    CHECK(fromText(match, "2,-,0")->matches == m.matches);
}

TEST_CASE("a response reads as what the learner chose, for reports", "[quiz][response]") {
    auto text = [](const std::string& s) {
        course::RichText t;
        t.runs.push_back({course::InlineRun::Kind::Text, s});
        return t;
    };
    Question single = choices(QuestionType::Multiple, {true, false, true});
    single.choices[0].text = text("Une subvention");
    single.choices[2].text = text("Un marché public");
    CHECK(describe(single, picks({2, 0})) == "A. Une subvention ; C. Un marché public");
    CHECK(describe(single, picks({9})).empty()); // out of range: nothing invented

    Question order;
    order.type = QuestionType::Order;
    order.items = {text("1901"), text("2014")};
    Response o;
    o.order = {1, 0};
    CHECK(describe(order, o) == "2014 → 1901");

    Question match;
    match.type = QuestionType::Match;
    match.pairs = {{text("SCIC"), text("coopérative")}, {text("GIP"), text("groupement")}};
    Response m;
    m.matches = {1, -1};
    CHECK(describe(match, m) == "SCIC → groupement ; GIP → —");

    Question tf;
    tf.type = QuestionType::TrueFalse;
    Response t;
    t.truth = false;
    CHECK(describe(tf, t) == "faux");
}
