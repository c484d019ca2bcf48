// The demo course uses every element of the format; it must load into exactly this model.
#include "course/course_stats.hpp"
#include "course/loader.hpp"

#include <catch2/catch.hpp>

using namespace cordee::course;

namespace {

const LoadResult& demo() {
    static const LoadResult r = loadCourse(std::string(CORDEE_COURSES) + "/demo");
    return r;
}

template <class T> const T& item(const Module& m, size_t i) {
    return std::get<T>(m.items.at(i));
}

} // namespace

TEST_CASE("the demo course loads with no diagnostic at all", "[course][demo]") {
    for (const auto& d : demo().diagnostics.all())
        FAIL_CHECK(formatDiagnostic(d, cordee::core::Lang::En));
    CHECK(demo().diagnostics.all().empty());
}

TEST_CASE("the demo course's header, meta, objectives and glossary", "[course][demo]") {
    const Course& c = demo().course;
    CHECK(c.id == "demo");
    CHECK(c.version == 1);
    CHECK(c.lang == "fr");
    CHECK(c.title == "Découvrir Cordée : un parcours de démonstration");
    CHECK(c.subtitle == "Prendre en main le lecteur et goûter à la co-production");
    CHECK(c.meta.authors == std::vector<std::string>{"Équipe Cordée"});
    CHECK(c.meta.organisations == std::vector<std::string>{"Projet Cordée"});
    CHECK(c.meta.durationMinutes == 20);
    CHECK(c.meta.updated == "2026-11-26");
    CHECK(c.meta.sources.size() == 3);
    CHECK(c.objectives.size() == 3);
    REQUIRE(c.glossary.size() == 4);
    CHECK(c.glossary[0].id == "t-module");
    CHECK(c.glossary[3].label == "SCIC (société coopérative d’intérêt collectif)");
    CHECK(c.completion.quizzes == Completion::Quizzes::Attempted);
}

TEST_CASE("the demo course's modules, lesson pages and blocks", "[course][demo]") {
    const Course& c = demo().course;
    REQUIRE(c.modules.size() == 2);
    const Module& first = c.modules[0];
    CHECK(first.id == "m-prise-en-main");
    CHECK(first.prerequisites.empty());
    const Lesson& visit = item<Lesson>(first, 0);
    REQUIRE(visit.pages.size() == 3);
    CHECK(visit.pages[0].id == "p-bienvenue");
    const auto& welcome = visit.pages[0].blocks;
    REQUIRE(welcome.size() == 7);
    const Image& image = std::get<Image>(welcome[0]);
    CHECK(image.src == "media/demo-accueil.png");
    CHECK(image.width == 960);
    CHECK(image.height == 400);
    CHECK(std::holds_alternative<Paragraph>(welcome[1]));
    CHECK(std::holds_alternative<Heading>(welcome[2]));
    CHECK(std::get<ListBlock>(welcome[5]).ordered);
    const Note& note = std::get<Note>(welcome[6]);
    CHECK(note.kind == NoteKind::Info);
    CHECK(note.title == "Votre progression est enregistrée");
    CHECK(std::get<Table>(visit.pages[1].blocks.at(4)).rows.size() == 6);
    const auto& trying = visit.pages[2].blocks;
    CHECK(std::get<Check>(trying.at(1)).question.id == "chk-module");
    CHECK(std::get<Reflection>(trying.at(3)).id == "r-attentes");

    const Module& second = c.modules[1];
    CHECK(second.id == "m-coproduction");
    CHECK(second.prerequisites == std::vector<std::string>{"m-prise-en-main"});
    CHECK(second.pos.file.ends_with("modules/coproduction.xml"));
    REQUIRE(second.items.size() == 3);
    const Lesson& lesson = item<Lesson>(second, 0);
    CHECK(lesson.pages.size() == 2);
    CHECK(std::get<Quote>(lesson.pages[0].blocks.at(1)).cite ==
          "Hugues Sibille, « L’heure de la co-production », Labo de l’ESS, 18 février 2015");
}

TEST_CASE("the demo course's scenario and its best score", "[course][demo]") {
    const Scenario& s = item<Scenario>(demo().course.modules.at(1), 1);
    CHECK(s.id == "sc-jardin");
    CHECK(s.start == "s-proposition");
    CHECK(s.scenes.size() == 4);
    REQUIRE(s.endings.size() == 3);
    CHECK(s.endings[0].outcome == Outcome::Success);
    CHECK(s.endings[1].outcome == Outcome::Partial);
    CHECK(s.endings[2].outcome == Outcome::Failure);
    CHECK(s.scenes[0].options.size() == 3);
    CHECK(s.scenes[0].options[2].score == -1);
    // s-proposition -(2)-> s-reunion -(2)-> s-regles -(2)-> fin-reussite
    CHECK(s.bestScore == 6);
}

TEST_CASE("the demo course's quiz uses every question type", "[course][demo]") {
    const Quiz& q = item<Quiz>(demo().course.modules.at(1), 2);
    CHECK(q.id == "quiz-demo");
    CHECK(q.pass == 60);
    CHECK(q.attempts == 3);
    CHECK(q.pick == 5);
    CHECK(q.shuffle);
    CHECK(q.feedback == FeedbackMode::Immediate);
    REQUIRE(q.questions.size() == 6);
    CHECK(q.questions[0].type == QuestionType::Single);
    CHECK_FALSE(q.questions[0].shuffleChoices);
    CHECK(q.questions[1].type == QuestionType::Multiple);
    CHECK(q.questions[1].partial);
    CHECK(q.questions[1].points == 2.0);
    CHECK(q.questions[2].type == QuestionType::TrueFalse);
    CHECK_FALSE(q.questions[2].answer);
    CHECK(q.questions[3].type == QuestionType::Order);
    CHECK(q.questions[4].type == QuestionType::Match);
    CHECK(q.questions[4].points == 1.5);
    const Question& gaps = q.questions[5];
    CHECK(gaps.type == QuestionType::Gaps);
    CHECK_FALSE(gaps.strict);
    REQUIRE(gaps.blanks.size() == 2);
    CHECK(gaps.blanks[0].answers ==
          std::vector<std::string>{"une voix", "1 voix", "une seule voix"});
    CHECK(gaps.blanks[1].answers == std::vector<std::string>{"capital"});
}

TEST_CASE("the demo course's statistics", "[course][demo]") {
    CourseStats s = computeStats(demo().course);
    CHECK(s.modules == 2);
    CHECK(s.lessons == 2);
    CHECK(s.pages == 5);
    CHECK(s.quizzes == 1);
    CHECK(s.questions == 6);
    CHECK(s.checks == 1);
    CHECK(s.reflections == 1);
    CHECK(s.scenarios == 1);
    CHECK(s.glossaryTerms == 4);
    CHECK(s.media == 2);
    CHECK(s.words > 400);
}
