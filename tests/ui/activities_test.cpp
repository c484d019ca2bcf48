#include "support/fake_canvas.hpp"
#include "ui/controller.hpp"

#include <catch2/catch.hpp>

using namespace cordee;
using namespace cordee::ui;

namespace {

std::vector<CourseEntry> demo() {
    std::vector<CourseEntry> out(1);
    out[0].path = std::string(CORDEE_COURSES) + "/demo";
    out[0].load = course::loadCourse(out[0].path);
    return out;
}

InputEvent key(Key k, int digit = 0) {
    InputEvent e;
    e.type = InputEvent::Type::Key;
    e.key = k;
    e.digit = digit;
    return e;
}

InputEvent typed(const std::string& s) {
    InputEvent e;
    e.type = InputEvent::Type::Text;
    e.text = s;
    return e;
}

struct Fixture {
    Controller c{demo(), {}, {false, {}, 11}};
    test::FakeCanvas canvas;
    Fixture() { c.setViewport(1280, 800); }
    const quiz::QuizRun& run() {
        const auto& s = *c.session();
        return const_cast<player::Session&>(s).quizRun(*s.outline().quiz(s.currentStep()));
    }
};

} // namespace

TEST_CASE("GIVEN the quiz WHEN it is started and answered with keys THEN feedback, the next "
          "question and the results follow",
          "[ui][quiz]") {
    Fixture f;
    REQUIRE(f.c.showStep(0, "quiz-demo", true));
    f.c.layout(f.canvas);
    CHECK(f.c.content().list.bounds("quiz:start").w > 0);
    f.c.handle(key(Key::Enter)); // Enter starts from the intro
    f.c.layout(f.canvas);
    REQUIRE(f.run().phase() == quiz::QuizRun::Phase::Question);
    for (int guard = 0; guard < 20 && f.run().phase() != quiz::QuizRun::Phase::Results; ++guard) {
        const course::Question& q = f.run().question();
        // Answer something that can be validated, whatever the type.
        f.c.layout(f.canvas);
        if (q.type == course::QuestionType::Gaps) {
            while (f.c.focused().find("gap:0") == std::string::npos)
                f.c.handle(key(Key::Tab));
            f.c.handle(typed("voix"));
            f.c.handle(key(Key::Escape)); // leave the field; Enter below validates
        }
        f.c.handle(key(Key::Digit, 1));
        if (q.type == course::QuestionType::Match)
            for (size_t i = 0; i < q.pairs.size(); ++i) {
                f.c.activate("quiz:left:" + std::to_string(i));
                f.c.activate("quiz:right:" + std::to_string(i));
            }
        f.c.layout(f.canvas);
        f.c.handle(key(Key::Enter));
        f.c.layout(f.canvas);
        if (f.run().phase() == quiz::QuizRun::Phase::Feedback) {
            CHECK(f.c.focused() == "quiz:next");
            CHECK(f.c.content().list.bounds("quiz:next").w > 0);
            f.c.handle(key(Key::Enter));
            f.c.layout(f.canvas);
        }
    }
    CHECK(f.run().phase() == quiz::QuizRun::Phase::Results);
    CHECK(f.c.session()->facts().attemptedQuizzes.count("quiz-demo") == 1);
    // The results screen offers another attempt and reviews every question.
    CHECK(f.c.content().list.bounds("quiz:start").w > 0);
}

TEST_CASE("a multiple-choice answer toggles with the digit keys", "[ui][quiz][keyboard]") {
    Fixture f;
    REQUIRE(f.c.showStep(0, "q-demo-multiple", true));
    f.c.layout(f.canvas);
    f.c.handle(key(Key::Digit, 1));
    f.c.handle(key(Key::Digit, 3));
    f.c.handle(key(Key::Digit, 1));
    f.c.layout(f.canvas);
    f.c.handle(key(Key::Enter));
    const quiz::Attempt& a = *f.run().current();
    REQUIRE(a.responses[0]);
    const int third = a.questions[0].choiceOrder[2];
    CHECK(a.responses[0]->choices == std::vector<int>{third});
}

TEST_CASE("gap fields take typed text, Backspace, and Enter validates", "[ui][quiz][text]") {
    Fixture f;
    REQUIRE(f.c.showStep(0, "q-demo-gaps", true));
    f.c.layout(f.canvas);
    REQUIRE(f.c.content().list.bounds("quiz:gap:0").w > 0);
    f.c.handle(key(Key::Tab)); // reach the first field with Tab
    while (f.c.focused() != "quiz:gap:0")
        f.c.handle(key(Key::Tab));
    CHECK(f.c.wantsTextInput());
    f.c.handle(typed("une voixx"));
    f.c.handle(key(Key::Backspace));
    CHECK_FALSE(f.c.handle(key(Key::Right))); // arrows do not turn the page in a field
    f.c.handle(key(Key::Tab));
    CHECK(f.c.focused() == "quiz:gap:1");
    f.c.handle(typed("Capital"));
    f.c.handle(key(Key::Enter));
    const quiz::Attempt& a = *f.run().current();
    REQUIRE(a.responses[0]);
    CHECK(a.responses[0]->gaps == std::vector<std::string>{"une voix", "Capital"});
    CHECK(a.results[0].verdict == quiz::Verdict::Correct);
}

TEST_CASE("order: Space picks an item up, arrows move it, Space drops it", "[ui][quiz][order]") {
    Fixture f;
    REQUIRE(f.c.showStep(0, "q-demo-order", true));
    f.c.layout(f.canvas);
    const std::vector<int> before = f.run().presentation().itemOrder;
    while (f.c.focused() != "quiz:item:0")
        f.c.handle(key(Key::Tab));
    f.c.handle(key(Key::Space));
    f.c.handle(key(Key::Down));
    CHECK(f.c.focused() == "quiz:item:1"); // the focus follows the item
    f.c.handle(key(Key::Space));
    f.c.layout(f.canvas);
    f.c.activate("quiz:validate");
    const quiz::Attempt& a = *f.run().current();
    REQUIRE(a.responses[0]);
    std::vector<int> expected = before;
    std::swap(expected[0], expected[1]);
    CHECK(a.responses[0]->order == expected);
}

TEST_CASE("order: an item dragged with the mouse lands where it is dropped", "[ui][quiz][order]") {
    Fixture f;
    REQUIRE(f.c.showStep(0, "q-demo-order", true));
    f.c.layout(f.canvas);
    const std::vector<int> before = f.run().presentation().itemOrder;
    const Layer& l = f.c.content();
    Rect first = l.list.bounds("quiz:item:0");
    Rect last = l.list.bounds("quiz:item:2");
    auto at = [&](InputEvent::Type t, const Rect& r, int dy) {
        InputEvent e;
        e.type = t;
        e.x = r.x + 20 + l.viewport.x;
        e.y = r.y + dy + l.viewport.y - l.scroll;
        return e;
    };
    f.c.handle(at(InputEvent::Type::PointerDown, first, 10));
    f.c.handle(at(InputEvent::Type::PointerMove, last, last.h - 5));
    f.c.layout(f.canvas);
    f.c.handle(at(InputEvent::Type::PointerUp, last, last.h - 5));
    f.c.layout(f.canvas);
    f.c.activate("quiz:validate");
    const quiz::Attempt& a = *f.run().current();
    REQUIRE(a.responses[0]);
    CHECK(a.responses[0]->order == std::vector<int>{before[1], before[2], before[0]});
}

TEST_CASE("match: a left then a right make a pair; choosing the left again undoes it",
          "[ui][quiz][match]") {
    Fixture f;
    REQUIRE(f.c.showStep(0, "q-demo-match", true));
    f.c.layout(f.canvas);
    f.c.activate("quiz:left:0");
    f.c.activate("quiz:right:2");
    f.c.activate("quiz:left:0"); // undo
    f.c.activate("quiz:right:1");
    for (int i = 1; i < 4; ++i) {
        f.c.activate("quiz:left:" + std::to_string(i));
        f.c.activate("quiz:right:" + std::to_string(i == 1 ? 0 : i));
    }
    f.c.layout(f.canvas);
    f.c.activate("quiz:validate");
    const quiz::Attempt& a = *f.run().current();
    REQUIRE(a.responses[0]);
    const auto& right = a.questions[0].rightOrder;
    CHECK(a.responses[0]->matches == std::vector<int>{right[1], right[0], right[2], right[3]});
}

TEST_CASE("a knowledge check answers in place, never scored, and can be tried again",
          "[ui][check]") {
    Fixture f;
    REQUIRE(f.c.showStep(0, "p-essayer", true));
    f.c.layout(f.canvas);
    CHECK(f.c.content().list.bounds("chk:chk-module:choice:1").w > 0);
    f.c.activate("chk:chk-module:choice:1");
    f.c.activate("chk:chk-module:validate");
    f.c.layout(f.canvas);
    const auto* rec = f.c.session()->check("chk-module");
    REQUIRE(rec);
    CHECK(rec->result.verdict == quiz::Verdict::Correct);
    CHECK(f.c.content().list.bounds("chk:chk-module:retry").w > 0);
    f.c.activate("chk:chk-module:retry");
    f.c.layout(f.canvas);
    CHECK(f.c.content().list.bounds("chk:chk-module:validate").w > 0);
    CHECK(f.c.session()->facts().passedQuizzes.empty());
}

TEST_CASE("a reflection keeps what is typed, and shows it again", "[ui][reflection]") {
    Fixture f;
    REQUIRE(f.c.showStep(0, "p-essayer", true));
    f.c.layout(f.canvas);
    f.c.activate("refl:r-attentes");
    f.c.layout(f.canvas);
    // Clicking gives the field the focus (as the pointer does); here by Tab.
    while (f.c.focused() != "refl:r-attentes")
        f.c.handle(key(Key::Tab));
    f.c.handle(typed("Comprendre"));
    f.c.handle(typed(" la SCIC"));
    f.c.handle(key(Key::Backspace));
    CHECK(f.c.session()->reflection("r-attentes") == "Comprendre la SCI");
    f.c.handle(key(Key::Escape)); // leaves the field, not the page
    CHECK(f.c.screen() == ScreenKind::Step);
    f.c.handle(key(Key::Right));
    f.c.handle(key(Key::Left));
    CHECK(f.c.session()->reflection("r-attentes") == "Comprendre la SCI");
}

TEST_CASE("the case study plays with option keys and Enter to the ending", "[ui][scenario]") {
    Fixture f;
    REQUIRE(f.c.showStep(0, "sc-jardin", true));
    f.c.layout(f.canvas);
    f.c.handle(key(Key::Enter)); // start
    for (int option : {2, 2, 2}) {
        f.c.layout(f.canvas);
        f.c.handle(key(Key::Digit, option));
        f.c.layout(f.canvas);
        CHECK(f.c.focused() == "scn:next");
        f.c.handle(key(Key::Enter));
    }
    f.c.layout(f.canvas);
    const auto& s = *f.c.session();
    CHECK(s.facts().endedScenarios.count("sc-jardin") == 1);
    CHECK(s.facts().succeededScenarios.count("sc-jardin") == 1);
    CHECK(f.c.content().list.bounds("scn:begin").w > 0); // "play again"
}

TEST_CASE("a scene previewed by id says so, keeps no score and records nothing",
          "[ui][scenario][preview]") {
    Fixture f;
    REQUIRE(f.c.showStep(0, "s-reunion", true));
    f.c.layout(f.canvas);
    auto shown = [&f] {
        std::string all;
        for (const DrawItem& item : f.c.content().list.items)
            if (const auto* t = std::get_if<DrawText>(&item))
                all += t->text + " ";
        return all;
    };
    // (French spacing puts narrow no-break spaces inside « » and before ":".)
    CHECK(shown().find("Aperçu de la scène") != std::string::npos);
    CHECK(shown().find("s-reunion") != std::string::npos);
    CHECK(shown().find("Étape") == std::string::npos);
    for (int option : {2, 2}) {
        f.c.layout(f.canvas);
        f.c.handle(key(Key::Digit, option));
        f.c.layout(f.canvas);
        f.c.handle(key(Key::Enter));
    }
    f.c.layout(f.canvas);
    CHECK(shown().find("score non calculé") != std::string::npos);
    CHECK(shown().find("Score") == std::string::npos);
    // A trainer's look at the last scenes is not a learner who finished the case.
    CHECK(f.c.session()->facts().endedScenarios.count("sc-jardin") == 0);
    // Playing it from the start is real again.
    REQUIRE(f.c.activate("scn:begin"));
    f.c.layout(f.canvas);
    CHECK(shown().find("Étape") != std::string::npos);
}
