// Can a learner pass a shipped course by always picking the longest option? For every course
// under courses/, this measures the share of single-choice questions (quizzes and in-page
// checks) whose right answer is strictly the longest choice, and the share of scenario scenes
// whose longest option carries the scene's best score. Either share above 40 % fails: the
// editorial rule of issue 16. Lengths are counted in code points of the plain text, feedback
// excluded. Workload: loads each course once (a few milliseconds each).
#include "core/utf8.hpp"
#include "course/loader.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <iostream>
#include <set>

namespace fs = std::filesystem;
using namespace cordee::course;

namespace {

// Courses still waiting for their editorial round on another branch: their shares are printed
// but do not fail the test. Empty this list when that branch is merged.
const std::set<std::string> kCoursesAwaitingEditorialRound{"coproduction", "droit-partenariat"};

constexpr double kMaxShare = 0.40;

struct Tally {
    int singles = 0;
    int singlesLongestRight = 0;
    int scenes = 0;
    int scenesLongestBest = 0;
    std::vector<std::string> tells; // ids where the longest option is the right one
};

size_t length(const RichText& t) {
    return cordee::core::countCodePoints(t.plainText());
}

// Index of the option strictly longer than all the others, or -1 on a tie.
template <typename T, typename TextOf>
int strictlyLongest(const std::vector<T>& options, TextOf textOf) {
    int best = -1;
    size_t bestLength = 0;
    bool tie = false;
    for (size_t i = 0; i < options.size(); ++i) {
        size_t n = length(textOf(options[i]));
        if (best < 0 || n > bestLength) {
            best = static_cast<int>(i);
            bestLength = n;
            tie = false;
        } else if (n == bestLength) {
            tie = true;
        }
    }
    return tie ? -1 : best;
}

void countQuestion(const Question& q, Tally& t) {
    if (q.type != QuestionType::Single || q.choices.size() < 2)
        return;
    ++t.singles;
    int longest =
        strictlyLongest(q.choices, [](const Choice& c) -> const RichText& { return c.text; });
    if (longest >= 0 && q.choices[static_cast<size_t>(longest)].correct) {
        ++t.singlesLongestRight;
        t.tells.push_back(q.id);
    }
}

void countScene(const Scene& s, Tally& t) {
    if (s.options.size() < 2)
        return;
    auto [lo, hi] =
        std::minmax_element(s.options.begin(), s.options.end(),
                            [](const Option& a, const Option& b) { return a.score < b.score; });
    if (lo->score == hi->score)
        return; // every option scores the same: there is no best option to give away
    ++t.scenes;
    int longest =
        strictlyLongest(s.options, [](const Option& o) -> const RichText& { return o.text; });
    if (longest >= 0 && s.options[static_cast<size_t>(longest)].score == hi->score) {
        ++t.scenesLongestBest;
        t.tells.push_back(s.id);
    }
}

Tally tally(const Course& c) {
    Tally t;
    for (const Module& m : c.modules)
        for (const ModuleItem& item : m.items) {
            if (const Lesson* l = std::get_if<Lesson>(&item)) {
                for (const Page& p : l->pages)
                    for (const Block& b : p.blocks)
                        if (const Check* chk = std::get_if<Check>(&b))
                            countQuestion(chk->question, t);
            } else if (const Quiz* q = std::get_if<Quiz>(&item)) {
                for (const Question& question : q->questions)
                    countQuestion(question, t);
            } else if (const Scenario* sc = std::get_if<Scenario>(&item)) {
                for (const Scene& scene : sc->scenes)
                    countScene(scene, t);
            }
        }
    return t;
}

double share(int part, int whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / whole;
}

} // namespace

TEST_CASE("the longest option is not a reliable way to the right answer",
          "[course][shipped][guess]") {
    auto folders = findCourseFolders(CORDEE_COURSES);
    REQUIRE_FALSE(folders.empty());
    for (const fs::path& folder : folders) {
        const std::string name = folder.filename().string();
        DYNAMIC_SECTION(name) {
            LoadResult r = loadCourse(folder);
            REQUIRE(r.ok());
            Tally t = tally(r.course);
            double singles = share(t.singlesLongestRight, t.singles);
            double scenes = share(t.scenesLongestBest, t.scenes);
            std::cout << name << ": right answer longest in " << t.singlesLongestRight << "/"
                      << t.singles << " single-choice questions ("
                      << static_cast<int>(singles * 100 + 0.5) << " %), best option longest in "
                      << t.scenesLongestBest << "/" << t.scenes << " scenes ("
                      << static_cast<int>(scenes * 100 + 0.5) << " %)\n";
            std::string tells;
            for (const std::string& id : t.tells)
                tells += " " + id;
            INFO("longest option is the right one in:" << tells);
            if (kCoursesAwaitingEditorialRound.count(name)) {
                if (singles > kMaxShare || scenes > kMaxShare)
                    WARN(name << " is above 40 % and is waiting for its editorial round");
                else
                    WARN(name << " now passes: remove it from kCoursesAwaitingEditorialRound");
                continue;
            }
            CHECK(singles <= kMaxShare);
            CHECK(scenes <= kMaxShare);
        }
    }
}

TEST_CASE("the guessability measure sees a tell and ignores ties", "[course][guess]") {
    Question q;
    q.type = QuestionType::Single;
    auto text = [](const char* s) {
        RichText t;
        t.runs.push_back(InlineRun{});
        t.runs.back().text = s;
        return t;
    };
    q.choices = {{text("court"), false, {}}, {text("la réponse la plus longue"), true, {}}};
    Tally t;
    countQuestion(q, t);
    CHECK(t.singlesLongestRight == 1);
    q.choices[0].text = text("réponse fausse"); // 14 code points, accents counted once
    q.choices[1].text = text("réponse juste!"); // 14 too: a tie gives nothing away
    Tally tie;
    countQuestion(q, tie);
    CHECK(tie.singles == 1);
    CHECK(tie.singlesLongestRight == 0);

    Scene s;
    s.id = "s";
    s.options = {{"a", 0, text("une option bien plus longue que l’autre"), {}, {}},
                 {"b", 2, text("la bonne"), {}, {}}};
    Tally ts;
    countScene(s, ts);
    CHECK(ts.scenes == 1);
    CHECK(ts.scenesLongestBest == 0);
    s.options[0].score = 2;
    s.options[1].score = 2;
    Tally same;
    countScene(s, same);
    CHECK(same.scenes == 0); // equal scores: no best option
}
