// The text front end driven end to end through standard input, for a whole quiz and a whole
// scenario, with answers computed from the same seeded draw the player makes.
#include "course/loader.hpp"
#include "quiz/attempt.hpp"
#include "terminal/text_player.hpp"

#include <catch2/catch.hpp>
#include <numeric>
#include <sstream>

using namespace cordee;

namespace {

struct Demo {
    course::LoadResult load = course::loadCourse(std::string(CORDEE_COURSES) + "/demo");
    player::CourseOutline outline{load.course};
    player::Session session{outline};
    const course::Quiz& quiz() const {
        return std::get<course::Quiz>(load.course.modules[1].items[2]);
    }
};

constexpr uint64_t kSeed = 77;

// The input lines that answer a question right (or wrong), given how it is shown.
std::vector<std::string> answerLines(const course::Question& q, const quiz::Presentation& p,
                                     bool right) {
    using T = course::QuestionType;
    switch (q.type) {
    case T::Single:
        for (size_t k = 0; k < p.choiceOrder.size(); ++k)
            if (q.choices[static_cast<size_t>(p.choiceOrder[k])].correct == right)
                return {std::to_string(k + 1)};
        break;
    case T::Multiple: {
        std::string line;
        for (size_t k = 0; k < p.choiceOrder.size(); ++k)
            if (q.choices[static_cast<size_t>(p.choiceOrder[k])].correct == right)
                line += std::to_string(k + 1) + " ";
        return {line};
    }
    case T::TrueFalse:
        return {(q.answer == right) ? "1" : "2"};
    case T::Order: {
        std::string line;
        for (size_t item = 0; item < q.items.size(); ++item) {
            size_t shown = static_cast<size_t>(
                std::find(p.itemOrder.begin(), p.itemOrder.end(), static_cast<int>(item)) -
                p.itemOrder.begin());
            line += std::to_string(shown + 1) + " ";
        }
        return {right ? line : "1 2 3 4 5 6 7 8 9"};
    }
    case T::Match: {
        std::string line;
        for (size_t left = 0; left < q.pairs.size(); ++left) {
            size_t shown = static_cast<size_t>(
                std::find(p.rightOrder.begin(), p.rightOrder.end(), static_cast<int>(left)) -
                p.rightOrder.begin());
            line += std::to_string(left + 1) + static_cast<char>('a' + shown) + " ";
        }
        return {line};
    }
    case T::Gaps: {
        std::vector<std::string> lines;
        for (const course::Blank& b : q.blanks)
            lines.push_back(right ? b.answers[0] : "rien");
        return lines;
    }
    }
    return {};
}

std::string run(Demo& d, const std::string& input, const std::string& page) {
    d.session.seedSource = [] {
        return kSeed;
    };
    d.session.goTo(*d.outline.findStep(page), true);
    std::istringstream in(input);
    std::ostringstream out;
    CHECK(terminal::runTextPlayer(d.session, in, out, {core::Lang::Fr, 80, false}) == 0);
    return out.str();
}

} // namespace

TEST_CASE("GIVEN a quiz in the terminal WHEN every answer is right THEN the score is full "
          "and the quiz passed",
          "[terminal][quiz]") {
    Demo d;
    quiz::Attempt expected = quiz::startAttempt(d.quiz(), kSeed, 1);
    std::string input = "1\n";
    for (const quiz::Presentation& p : expected.questions) {
        for (const std::string& line :
             answerLines(d.quiz().questions[static_cast<size_t>(p.question)], p, true))
            input += line + "\n";
        input += "\n"; // continue after the feedback
    }
    input += "q\n";
    std::string out = run(d, input, "quiz-demo");
    for (size_t i = 1; i <= expected.questions.size(); ++i)
        CHECK(out.find("Question " + std::to_string(i) + " / 5\n") != std::string::npos);
    CHECK(out.find("Mauvaise réponse") == std::string::npos);
    CHECK(out.find("Réponse non comprise") == std::string::npos);
    const std::string max = quiz::formatPoints(expected.maxScore());
    CHECK(out.find("Score : " + max + " / " + max + " (100 %)") != std::string::npos);
    CHECK(out.find("Quiz réussi (seuil : 60 %).") != std::string::npos);
    CHECK(out.find("tentatives restantes : 2 sur 3") != std::string::npos);
    CHECK(d.session.facts().passedQuizzes.count("quiz-demo") == 1);
}

TEST_CASE("wrong answers say so, show the right one, and fail the quiz", "[terminal][quiz]") {
    Demo d;
    quiz::Attempt expected = quiz::startAttempt(d.quiz(), kSeed, 1);
    std::string input = "1\n";
    for (const quiz::Presentation& p : expected.questions) {
        const course::Question& q = d.quiz().questions[static_cast<size_t>(p.question)];
        if (q.type == course::QuestionType::Order || q.type == course::QuestionType::Match)
            for (const std::string& line : answerLines(q, p, true))
                input += line + "\n"; // (a wrong order is refused as not understood)
        else
            for (const std::string& line : answerLines(q, p, false))
                input += line + "\n";
        input += "n\n";
    }
    std::string out = run(d, input, "quiz-demo");
    CHECK(out.find("Mauvaise réponse") != std::string::npos);
    CHECK(out.find("La bonne réponse :") != std::string::npos);
    CHECK(out.find("Quiz non réussi (seuil : 60 %).") != std::string::npos);
    CHECK(out.find("Relecture :") != std::string::npos);
    CHECK(d.session.facts().attemptedQuizzes.count("quiz-demo") == 1);
    CHECK(d.session.facts().passedQuizzes.count("quiz-demo") == 0);
}

TEST_CASE("an answer that cannot be read is asked again, not scored", "[terminal][quiz]") {
    Demo d;
    std::string out = run(d, "1\nbanane\n", "quiz-demo");
    CHECK(out.find("Réponse non comprise.") != std::string::npos);
    CHECK(d.session.quizRun(d.quiz()).current()->responses[0].has_value() == false);
}

TEST_CASE("GIVEN the case study in the terminal WHEN the best path is taken THEN the ending "
          "shows its outcome and the best score",
          "[terminal][scenario]") {
    Demo d;
    std::string out = run(d, "1\n2\n\n2\n\n2\n\nq\n", "sc-jardin");
    CHECK(out.find("1) Commencer le cas pratique") != std::string::npos);
    CHECK(out.find("1) Rédiger vous-même un cahier des charges") != std::string::npos);
    CHECK(out.find("Bon réflexe") != std::string::npos); // the chosen option's feedback
    CHECK(out.find("## Un jardin qui rassemble") != std::string::npos);
    CHECK(out.find("Issue : réussite") != std::string::npos);
    CHECK(out.find("Score : 6 / 6") != std::string::npos);
    CHECK(out.find("Votre parcours : La proposition → La première réunion → Les règles du jeu") !=
          std::string::npos);
    CHECK(d.session.facts().endedScenarios.count("sc-jardin") == 1);
    CHECK(d.session.facts().succeededScenarios.count("sc-jardin") == 1);
}

TEST_CASE("a failing path ends in failure with its score", "[terminal][scenario]") {
    Demo d;
    std::string out = run(d, "1\n3\n\n", "sc-jardin");
    CHECK(out.find("Issue : échec") != std::string::npos);
    CHECK(out.find("Score : -1 / 6") != std::string::npos);
    CHECK(out.find("1) Rejouer") != std::string::npos);
}

TEST_CASE("a page's check and reflection are answered with r and kept", "[terminal][check]") {
    Demo d;
    std::string out = run(d, "r\n1\nJe veux comprendre la SCIC.\nr\n2\n\n", "p-essayer");
    CHECK(out.find("Mauvaise réponse") != std::string::npos);
    CHECK(out.find("(Cette question ne compte pas dans la note.)") != std::string::npos);
    CHECK(out.find("Texte enregistré.") != std::string::npos);
    CHECK(out.find("Ce que vous aviez écrit : Je veux comprendre la SCIC.") != std::string::npos);
    CHECK(out.find("Bonne réponse") != std::string::npos);
    CHECK(d.session.reflection("r-attentes") == "Je veux comprendre la SCIC.");
    REQUIRE(d.session.check("chk-module"));
    CHECK(d.session.check("chk-module")->tries == 2);
}
