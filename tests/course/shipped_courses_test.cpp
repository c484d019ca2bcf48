// The courses we ship: each lints clean, and the three real courses meet the content minimums
// of the course issue (modules, pages, words, glossary, quizzes, checks, scenario, diagrams).
#include "course/course_stats.hpp"
#include "course/loader.hpp"
#include "course/media_path.hpp"
#include "course/scenario_graph.hpp"

#include <catch2/catch.hpp>
#include <set>

namespace fs = std::filesystem;
using namespace cordee::course;

namespace {

const std::vector<std::string> kRealCourses{"coproduction", "gouvernance", "droit-partenariat"};

void collectTermRefs(const RichText& t, std::set<std::string>& out) {
    for (const InlineRun& r : t.runs)
        if (!r.termRef.empty())
            out.insert(r.termRef);
}

void collectBlocks(const std::vector<Block>& blocks, std::set<std::string>& terms,
                   std::vector<const Image*>& images) {
    for (const Block& b : blocks) {
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, Paragraph> || std::is_same_v<T, Heading> ||
                              std::is_same_v<T, Quote>)
                    collectTermRefs(x.text, terms);
                else if constexpr (std::is_same_v<T, ListBlock>)
                    for (const RichText& i : x.items)
                        collectTermRefs(i, terms);
                else if constexpr (std::is_same_v<T, Note>)
                    for (const NoteBlock& nb : x.blocks) {
                        if (auto* p = std::get_if<Paragraph>(&nb))
                            collectTermRefs(p->text, terms);
                        else
                            for (const RichText& i : std::get<ListBlock>(nb).items)
                                collectTermRefs(i, terms);
                    }
                else if constexpr (std::is_same_v<T, Table>)
                    for (const auto& row : x.rows)
                        for (const TableCell& c : row)
                            collectTermRefs(c.text, terms);
                else if constexpr (std::is_same_v<T, Timeline>)
                    for (const TimelineEvent& e : x.events)
                        collectTermRefs(e.text, terms);
                else if constexpr (std::is_same_v<T, Image>)
                    images.push_back(&x);
            },
            b);
    }
}

// The score of always taking the first option (stopping if it loops).
int firstOptionScore(const Scenario& s) {
    int total = 0;
    std::set<std::string> seen;
    std::string at = s.start;
    while (const Scene* scene = s.findScene(at)) {
        if (!seen.insert(at).second || scene->options.empty())
            return total;
        total += scene->options[0].score;
        at = scene->options[0].target;
    }
    return total;
}

} // namespace

TEST_CASE("every shipped course loads with no error and no warning", "[course][shipped]") {
    auto folders = findCourseFolders(CORDEE_COURSES);
    REQUIRE(folders.size() >= 4);
    for (const fs::path& folder : folders) {
        DYNAMIC_SECTION(folder.filename().string()) {
            LoadResult r = loadCourse(folder);
            for (const auto& d : r.diagnostics.all())
                FAIL_CHECK(formatDiagnostic(d, cordee::core::Lang::En));
        }
    }
}

TEST_CASE("each real course meets the content minimums", "[course][shipped][content]") {
    for (const std::string& name : kRealCourses) {
        DYNAMIC_SECTION(name) {
            LoadResult r = loadCourse(fs::path(CORDEE_COURSES) / name);
            REQUIRE(r.ok());
            const Course& c = r.course;
            CourseStats s = computeStats(c);
            CHECK(c.id == name);
            CHECK(s.modules >= 3);
            CHECK(s.pages >= 15);
            CHECK(s.words >= 3500);
            CHECK_FALSE(c.objectives.empty());
            CHECK(c.meta.durationMinutes.has_value());
            CHECK(c.meta.sources.size() >= 2);
            CHECK(s.glossaryTerms >= 12);
            CHECK(s.checks >= 2);
            CHECK(s.reflections >= 1);

            std::set<std::string> usedTerms;
            std::vector<const Image*> images;
            int bigQuizzes = 0;
            bool drawsFromPool = false;
            int scenarios = 0;
            for (const Module& m : c.modules) {
                for (const ModuleItem& item : m.items) {
                    if (const Lesson* l = std::get_if<Lesson>(&item)) {
                        for (const Page& p : l->pages)
                            collectBlocks(p.blocks, usedTerms, images);
                    } else if (const Quiz* q = std::get_if<Quiz>(&item)) {
                        std::set<QuestionType> types;
                        for (const Question& question : q->questions) {
                            INFO(question.id);
                            types.insert(question.type);
                            CHECK_FALSE(question.explanation.empty());
                            for (const Choice& choice : question.choices)
                                if (!choice.correct)
                                    CHECK_FALSE(choice.feedback.empty());
                        }
                        if (q->questions.size() >= 10 && types.size() >= 4)
                            ++bigQuizzes;
                        if (q->pick > 0 && q->pick < static_cast<int>(q->questions.size()))
                            drawsFromPool = true;
                    } else if (const Scenario* sc = std::get_if<Scenario>(&item)) {
                        ++scenarios;
                        CHECK(sc->scenes.size() >= 6);
                        std::set<Outcome> outcomes;
                        for (const Ending& e : sc->endings)
                            outcomes.insert(e.outcome);
                        CHECK(sc->endings.size() >= 3);
                        CHECK(outcomes.size() == 3);
                        for (const Scene& scene : sc->scenes)
                            for (const Option& o : scene.options) {
                                INFO(scene.id << " -> " << o.target);
                                CHECK_FALSE(o.feedback.empty());
                            }
                        CHECK(firstOptionScore(*sc) < sc->bestScore);
                    }
                }
            }
            CHECK(bigQuizzes >= 2);
            CHECK(drawsFromPool);
            CHECK(scenarios >= 1);
            for (const GlossaryTerm& t : c.glossary) {
                INFO("glossary term never used: " << t.id);
                CHECK(usedTerms.count(t.id) == 1);
            }
            int diagrams = 0;
            for (const Image* image : images)
                if (lowerExtension(image->src) == "svg" && image->alt.size() >= 40)
                    ++diagrams;
            CHECK(diagrams >= 2);
        }
    }
}
