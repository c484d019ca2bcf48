#include "terminal/text_quiz.hpp"

#include "core/strings.hpp"
#include "quiz/scoring.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <sstream>

namespace cordee::terminal {

using namespace course;
using quiz::Presentation;
using quiz::QuestionResult;
using quiz::Response;
using quiz::Verdict;

namespace {

const char* T(const Console& c, const char* fr, const char* en) {
    return c.fr() ? fr : en;
}

std::string wrapped(const Console& c, const std::string& text, const std::string& first = "",
                    const std::string& rest = "") {
    return wrap(text, c.options.columns, first, rest);
}

std::vector<int> numbers(const std::string& line, bool& ok) {
    std::vector<int> out;
    std::istringstream in(line);
    std::string word;
    ok = true;
    while (in >> word) {
        try {
            size_t used = 0;
            int v = std::stoi(word, &used);
            if (used != word.size())
                ok = false;
            out.push_back(v);
        } catch (...) {
            ok = false;
        }
    }
    return out;
}

std::string choiceLine(const Question& q, size_t index) {
    return plain(q.choices[index].text, false);
}

std::string instructions(const Console& c, const Question& q) {
    switch (q.type) {
    case QuestionType::Single:
    case QuestionType::TrueFalse:
        return T(c, "Répondez par un numéro.", "Answer with a number.");
    case QuestionType::Multiple:
        return T(
            c,
            "Plusieurs réponses possibles : tapez les numéros séparés par des espaces (ex. 1 3).",
            "Several answers possible: type the numbers separated by spaces (e.g. 1 3).");
    case QuestionType::Order:
        return T(c, "Tapez les numéros dans le bon ordre, séparés par des espaces (ex. 3 1 2).",
                 "Type the numbers in the right order, separated by spaces (e.g. 3 1 2).");
    case QuestionType::Match:
        return T(c, "Associez chaque numéro à une lettre (ex. 1b 2a 3c).",
                 "Match each number with a letter (e.g. 1b 2a 3c).");
    case QuestionType::Gaps:
        return T(c, "Tapez une ligne par trou, dans l’ordre.",
                 "Type one line per blank, in order.");
    }
    return "";
}

// Reads the answer for everything but gaps from one line; nothing if it does not fit.
std::optional<Response> parseLine(const Question& q, const Presentation& p,
                                  const std::string& line) {
    Response r;
    bool ok = true;
    switch (q.type) {
    case QuestionType::Single: {
        std::vector<int> n = numbers(line, ok);
        if (!ok || n.size() != 1 || n[0] < 1 || n[0] > static_cast<int>(p.choiceOrder.size()))
            return std::nullopt;
        r.choices = {p.choiceOrder[static_cast<size_t>(n[0] - 1)]};
        return r;
    }
    case QuestionType::Multiple: {
        std::vector<int> n = numbers(line, ok);
        std::set<int> chosen;
        if (!ok || n.empty())
            return std::nullopt;
        for (int v : n) {
            if (v < 1 || v > static_cast<int>(p.choiceOrder.size()))
                return std::nullopt;
            chosen.insert(p.choiceOrder[static_cast<size_t>(v - 1)]);
        }
        r.choices.assign(chosen.begin(), chosen.end());
        return r;
    }
    case QuestionType::TrueFalse: {
        std::vector<int> n = numbers(line, ok);
        if (!ok || n.size() != 1 || (n[0] != 1 && n[0] != 2))
            return std::nullopt;
        r.truth = n[0] == 1;
        return r;
    }
    case QuestionType::Order: {
        std::vector<int> n = numbers(line, ok);
        std::set<int> seen(n.begin(), n.end());
        if (!ok || n.size() != p.itemOrder.size() || seen.size() != n.size())
            return std::nullopt;
        for (int v : n) {
            if (v < 1 || v > static_cast<int>(p.itemOrder.size()))
                return std::nullopt;
            r.order.push_back(p.itemOrder[static_cast<size_t>(v - 1)]);
        }
        return r;
    }
    case QuestionType::Match: {
        r.matches.assign(q.pairs.size(), -1);
        std::istringstream in(line);
        std::string word;
        std::set<int> usedRight;
        while (in >> word) {
            size_t digits = 0;
            while (digits < word.size() && std::isdigit(static_cast<unsigned char>(word[digits])))
                ++digits;
            if (digits == 0 || digits + 1 != word.size())
                return std::nullopt;
            int left = std::stoi(word.substr(0, digits)) - 1;
            int right = std::tolower(static_cast<unsigned char>(word.back())) - 'a';
            if (left < 0 || left >= static_cast<int>(q.pairs.size()) || right < 0 ||
                right >= static_cast<int>(p.rightOrder.size()) || !usedRight.insert(right).second)
                return std::nullopt;
            r.matches[static_cast<size_t>(left)] = p.rightOrder[static_cast<size_t>(right)];
        }
        if (std::count(r.matches.begin(), r.matches.end(), -1) > 0)
            return std::nullopt;
        return r;
    }
    case QuestionType::Gaps:
        return std::nullopt;
    }
    return std::nullopt;
}

std::string rightAnswer(const Console& c, const Question& q, const Presentation& p) {
    std::string out;
    switch (q.type) {
    case QuestionType::Single:
    case QuestionType::Multiple:
        for (size_t k = 0; k < p.choiceOrder.size(); ++k)
            if (q.choices[static_cast<size_t>(p.choiceOrder[k])].correct)
                out += wrapped(c,
                               fmt::format("{}) {}", k + 1,
                                           choiceLine(q, static_cast<size_t>(p.choiceOrder[k]))),
                               "  ", "     ");
        break;
    case QuestionType::TrueFalse:
        out = std::string("  ") + (q.answer ? T(c, "Vrai", "True") : T(c, "Faux", "False")) + "\n";
        break;
    case QuestionType::Order:
        for (size_t i = 0; i < q.items.size(); ++i)
            out +=
                wrapped(c, fmt::format("{}. {}", i + 1, plain(q.items[i], false)), "  ", "     ");
        break;
    case QuestionType::Match:
        for (const MatchPair& pair : q.pairs)
            out += wrapped(c, plain(pair.left, false) + " — " + plain(pair.right, false), "  ",
                           "    ");
        break;
    case QuestionType::Gaps:
        for (size_t i = 0; i < q.blanks.size(); ++i)
            out += fmt::format("  [{}] {}\n", i + 1,
                               q.blanks[i].answers.empty() ? "" : q.blanks[i].answers[0]);
        break;
    }
    return out;
}

} // namespace

std::optional<Response> askQuestion(Console& c, const Question& q, const Presentation& p,
                                    const std::string& header) {
    c.out << "\n" << header << "\n";
    if (!q.prompt.empty())
        c.out << wrapped(c, plain(q.prompt, false));
    switch (q.type) {
    case QuestionType::Single:
    case QuestionType::Multiple:
        for (size_t k = 0; k < p.choiceOrder.size(); ++k)
            c.out << wrapped(c, choiceLine(q, static_cast<size_t>(p.choiceOrder[k])),
                             std::to_string(k + 1) + ") ", "   ");
        break;
    case QuestionType::TrueFalse:
        c.out << "1) " << T(c, "Vrai", "True") << "\n2) " << T(c, "Faux", "False") << "\n";
        break;
    case QuestionType::Order:
        for (size_t k = 0; k < p.itemOrder.size(); ++k)
            c.out << wrapped(c, plain(q.items[static_cast<size_t>(p.itemOrder[k])], false),
                             std::to_string(k + 1) + ") ", "   ");
        break;
    case QuestionType::Match:
        for (size_t i = 0; i < q.pairs.size(); ++i)
            c.out << wrapped(c, plain(q.pairs[i].left, false), std::to_string(i + 1) + ") ", "   ");
        for (size_t k = 0; k < p.rightOrder.size(); ++k)
            c.out << wrapped(c, plain(q.pairs[static_cast<size_t>(p.rightOrder[k])].right, false),
                             std::string(1, static_cast<char>('a' + k)) + ") ", "   ");
        break;
    case QuestionType::Gaps:
        c.out << wrapped(c, plain(q.gapText, false));
        break;
    }
    c.out << instructions(c, q);
    if (q.hint)
        c.out << T(c, " (? : un indice)", " (?: a hint)");
    c.out << "\n";
    for (;;) {
        if (q.type == QuestionType::Gaps) {
            Response r;
            for (size_t i = 0; i < q.blanks.size(); ++i) {
                c.out << "[" << i + 1 << "]\n";
                std::string line;
                if (!c.readLine(line))
                    return std::nullopt;
                if (line == "?" && q.hint) {
                    c.out << wrapped(c, T(c, "Indice : ", "Hint: ") + plain(*q.hint, false));
                    --i;
                    continue;
                }
                r.gaps.push_back(line);
            }
            return r;
        }
        std::string line;
        if (!c.readLine(line))
            return std::nullopt;
        if (line == "?" && q.hint) {
            c.out << wrapped(c, T(c, "Indice : ", "Hint: ") + plain(*q.hint, false));
            continue;
        }
        if (auto r = parseLine(q, p, line))
            return r;
        c.out << T(c, "Réponse non comprise. ", "Answer not understood. ") << instructions(c, q)
              << "\n";
    }
}

std::string feedbackText(const Console& c, const Question& q, const Response& r,
                         const QuestionResult& result, const Presentation& p, bool scored) {
    std::string out;
    const bool fr = c.fr();
    const std::string pts =
        !scored
            ? ""
            : fmt::format(" ({} / {} {})", quiz::formatPoints(result.points, fr),
                          quiz::formatPoints(result.maxPoints, fr), T(c, "point(s)", "point(s)"));
    switch (result.verdict) {
    case Verdict::Correct:
        out += std::string(T(c, "Bonne réponse", "Correct")) + pts + "\n";
        break;
    case Verdict::Partial:
        out += std::string(T(c, "Réponse partielle", "Partly correct")) + pts + "\n";
        break;
    case Verdict::Incorrect:
        out += std::string(T(c, "Mauvaise réponse", "Incorrect")) + pts + "\n";
        break;
    }
    // The feedback the author wrote for each chosen choice, under the number it was shown with.
    for (int index : r.choices) {
        if (index < 0 || index >= static_cast<int>(q.choices.size()) ||
            q.choices[static_cast<size_t>(index)].feedback.empty())
            continue;
        auto shown = std::find(p.choiceOrder.begin(), p.choiceOrder.end(), index);
        const std::string label = shown == p.choiceOrder.end()
                                      ? "  "
                                      : fmt::format("  {}) ", shown - p.choiceOrder.begin() + 1);
        out += wrapped(c, plain(q.choices[static_cast<size_t>(index)].feedback, false), label,
                       std::string(label.size(), ' '));
    }
    if (q.type == QuestionType::Gaps)
        for (size_t i = 0; i < result.blanksRight.size(); ++i)
            out += fmt::format("  [{}] {}\n", i + 1, result.blanksRight[i] ? "✓" : "✗");
    if (result.verdict != Verdict::Correct) {
        out += std::string(T(c, "La bonne réponse :", "The right answer:")) + "\n";
        out += rightAnswer(c, q, p);
    }
    if (!q.explanation.empty())
        out += wrapped(c, plain(q.explanation, false));
    return out;
}

namespace {

std::string resultsText(const Console& c, const Quiz& quiz, const quiz::Attempt& a) {
    const bool fr = c.fr();
    std::string out = "\n";
    out +=
        fmt::format("Score{} : {} / {} ({} %)\n", fr ? "" : "", quiz::formatPoints(a.score(), fr),
                    quiz::formatPoints(a.maxScore(), fr), a.percent());
    if (!fr)
        out = fmt::format("\nScore: {} / {} ({} %)\n", quiz::formatPoints(a.score(), fr),
                          quiz::formatPoints(a.maxScore(), fr), a.percent());
    out += a.passed(quiz) ? fmt::format(fmt::runtime(T(c, "Quiz réussi (seuil : {} %).",
                                                       "Quiz passed (pass mark: {} %).")),
                                        quiz.pass)
                          : fmt::format(fmt::runtime(T(c, "Quiz non réussi (seuil : {} %).",
                                                       "Quiz not passed (pass mark: {} %).")),
                                        quiz.pass);
    out += "\n";
    return out;
}

std::string reviewText(const Console& c, const Quiz& quiz, const quiz::Attempt& a) {
    std::string out = std::string(T(c, "Relecture :", "Review:")) + "\n";
    for (size_t k = 0; k < a.questions.size(); ++k) {
        const Question& q = quiz.questions[static_cast<size_t>(a.questions[k].question)];
        out += fmt::format("\nQuestion {} / {}\n", k + 1, a.questions.size());
        out += wrapped(c, plain(q.prompt.empty() ? q.gapText : q.prompt, false));
        if (a.responses[k])
            out += feedbackText(c, q, *a.responses[k], a.results[k], a.questions[k]);
        else
            out += std::string(T(c, "Sans réponse.", "Not answered.")) + "\n";
    }
    return out;
}

// After an answer: nothing when it is in the progress file; otherwise it is said right there,
// before its feedback, that it is kept in memory and not saved yet.
std::string unsavedAnswer(const Console& c) {
    if (c.saved())
        return "";
    return T(c,
             "Réponse gardée en mémoire, pas encore enregistrée : elle le sera dès que "
             "possible.\n",
             "Answer kept in memory, not saved yet: it will be as soon as possible.\n");
}

std::string attemptsText(const Console& c, const quiz::QuizRun& run) {
    const Quiz& quiz = run.quiz();
    std::string out = fmt::format(fmt::runtime(T(c, "{} question(s) · seuil de réussite : {} %",
                                                 "{} question(s) · pass mark: {} %")),
                                  quiz.drawCount(), quiz.pass);
    if (auto left = run.attemptsLeft())
        out += fmt::format(
            fmt::runtime(T(c, " · tentatives restantes : {} sur {}", " · attempts left: {} of {}")),
            *left, quiz.attempts);
    if (auto best = run.bestPercent())
        out += fmt::format(fmt::runtime(T(c, " · meilleur score : {} %", " · best score: {} %")),
                           *best);
    return out + "\n";
}

} // namespace

std::optional<std::string> playQuiz(Console& c, player::Session& s, const Quiz& quiz) {
    quiz::QuizRun& run = s.quizRun(quiz);
    for (;;) {
        if (run.phase() == quiz::QuizRun::Phase::Question ||
            run.phase() == quiz::QuizRun::Phase::Feedback) {
            // An attempt under way: ask its questions.
            while (run.phase() == quiz::QuizRun::Phase::Question) {
                const std::string header =
                    fmt::format("Question {} / {}", run.index() + 1, run.count());
                const Presentation p = run.presentation();
                const Question& q = run.question();
                auto r = askQuestion(c, q, p, header);
                if (!r)
                    return std::nullopt;
                QuestionResult result = s.answerQuiz(quiz, *r);
                c.out << unsavedAnswer(c);
                if (run.phase() == quiz::QuizRun::Phase::Feedback) {
                    c.out << feedbackText(c, q, *r, result, p);
                    c.out << T(c, "n ou Entrée : continuer\n", "n or Enter: continue\n");
                    std::string line;
                    if (!c.readLine(line))
                        return std::nullopt;
                    if (line == "q")
                        return line;
                    s.nextQuestion(quiz);
                }
            }
            if (run.phase() == quiz::QuizRun::Phase::Results) {
                c.out << resultsText(c, quiz, *run.current());
                c.out << reviewText(c, quiz, *run.current());
            }
        }
        c.out << "\n" << attemptsText(c, run);
        if (run.canStart())
            c.out << "1) "
                  << (run.attempts().empty() ? T(c, "Commencer le quiz", "Start the quiz")
                                             : T(c, "Recommencer le quiz", "Take the quiz again"))
                  << "\n";
        c.out << T(c, "n : suite de la formation\n", "n: go on with the course\n");
        std::string line;
        if (!c.readLine(line))
            return std::nullopt;
        if (line == "1" && run.canStart()) {
            s.startQuiz(quiz);
            continue;
        }
        return line; // any other command is the course's
    }
}

namespace {

const char* outcomeLabel(const Console& c, Outcome o) {
    switch (o) {
    case Outcome::Success:
        return T(c, "réussite", "success");
    case Outcome::Partial:
        return T(c, "partielle", "partial");
    case Outcome::Failure:
        return T(c, "échec", "failure");
    }
    return "";
}

} // namespace

std::optional<std::string> playScenario(Console& c, player::Session& s, const Scenario& scenario) {
    player::ScenarioRun& run = s.scenarioRun(scenario);
    std::set<std::string> terms;
    for (;;) {
        switch (run.phase()) {
        case player::ScenarioRun::Phase::Intro:
        case player::ScenarioRun::Phase::Ending: {
            if (run.phase() == player::ScenarioRun::Phase::Ending && run.ending()) {
                const Ending& e = *run.ending();
                c.out << "\n## " << (e.title.empty() ? T(c, "Fin", "Ending") : e.title) << "\n\n";
                c.out << renderBlocks(e.blocks, c.options, terms);
                c.out << T(c, "Issue : ", "Outcome: ") << outcomeLabel(c, e.outcome) << "\n";
                if (run.previewed())
                    c.out << T(c, "Score : aperçu, non calculé\n", "Score: preview, not counted\n");
                else
                    c.out << fmt::format(
                        fmt::runtime(T(c, "Score : {} / {}\n", "Score: {} / {}\n")), run.score(),
                        run.bestScore());
                std::string path;
                for (const player::PathStep& step : run.path())
                    if (const Scene* sc = scenario.findScene(step.scene))
                        path +=
                            (path.empty() ? "" : " → ") + (sc->title.empty() ? sc->id : sc->title);
                if (!path.empty())
                    c.out << wrapped(c, T(c, "Votre parcours : ", "Your path: ") + path);
            }
            c.out << "1) "
                  << (run.phase() == player::ScenarioRun::Phase::Intro
                          ? T(c, "Commencer le cas pratique", "Start the case study")
                          : T(c, "Rejouer", "Play again"))
                  << "\n"
                  << T(c, "n : suite de la formation\n", "n: go on with the course\n");
            std::string line;
            if (!c.readLine(line))
                return std::nullopt;
            if (line == "1") {
                run.begin();
                continue;
            }
            return line;
        }
        case player::ScenarioRun::Phase::Scene: {
            const Scene& scene = *run.scene();
            if (run.previewed() && run.path().empty())
                c.out << fmt::format(fmt::runtime(T(c, "\n(Aperçu de la scène « {} »)\n",
                                                    "\n(Preview of scene “{}”)\n")),
                                     scene.id);
            if (!scene.title.empty())
                c.out << "\n## " << scene.title << "\n";
            c.out << "\n" << renderBlocks(scene.blocks, c.options, terms);
            for (size_t i = 0; i < scene.options.size(); ++i)
                c.out << wrapped(c, plain(scene.options[i].text, false),
                                 std::to_string(i + 1) + ") ", "   ");
            for (;;) {
                std::string line;
                if (!c.readLine(line))
                    return std::nullopt;
                if (line == "q")
                    return line;
                bool ok = true;
                std::vector<int> n = numbers(line, ok);
                if (ok && n.size() == 1 && n[0] >= 1 && run.choose(static_cast<size_t>(n[0] - 1)))
                    break;
                c.out << T(c, "Répondez par le numéro d’une option.\n",
                           "Answer with an option's number.\n");
            }
            s.scenarioChanged(scenario);
            break;
        }
        case player::ScenarioRun::Phase::Feedback: {
            if (const Option* o = run.chosen(); o && !o->feedback.empty())
                c.out << wrapped(c, plain(o->feedback, false));
            c.out << T(c, "n ou Entrée : continuer\n", "n or Enter: continue\n");
            std::string line;
            if (!c.readLine(line))
                return std::nullopt;
            if (line == "q")
                return line;
            run.next();
            s.scenarioChanged(scenario);
            break;
        }
        }
    }
}

bool hasQuestions(const Page& page) {
    return std::any_of(page.blocks.begin(), page.blocks.end(), [](const Block& b) {
        return std::holds_alternative<Check>(b) || std::holds_alternative<Reflection>(b);
    });
}

bool answerPage(Console& c, player::Session& s, const Page& page) {
    for (const Block& b : page.blocks) {
        if (const Check* check = std::get_if<Check>(&b)) {
            const Question& q = check->question;
            // Shown the same way every time (a fixed seed): a check is practice, never scored.
            const quiz::Presentation p = quiz::presentQuestion(q, 0, 1);
            auto r = askQuestion(c, q, p, T(c, "Question d’auto-vérification", "Knowledge check"));
            if (!r)
                return false;
            const auto& rec = s.answerCheck(q, *r);
            c.out << unsavedAnswer(c);
            c.out << feedbackText(c, q, *r, rec.result, p, false);
            c.out << T(c, "(Cette question ne compte pas dans la note.)\n",
                       "(This question does not count in any score.)\n");
        } else if (const Reflection* refl = std::get_if<Reflection>(&b)) {
            c.out << "\n" << T(c, "Réflexion personnelle", "Personal reflection") << "\n";
            c.out << wrapped(c, plain(refl->prompt, false));
            std::string before = s.reflection(refl->id);
            if (!before.empty())
                c.out << wrapped(c,
                                 T(c, "Ce que vous aviez écrit : ", "What you wrote: ") + before);
            c.out << T(c,
                       "Écrivez votre texte sur une ligne (Entrée seule : le garder tel quel).\n",
                       "Write your text on one line (Enter alone: keep it as it is).\n");
            std::string line;
            if (!c.readLine(line))
                return false;
            if (!line.empty()) {
                s.setReflection(refl->id, line);
                // Said only once the text is in the file (an acknowledgement is a commit).
                c.out << (c.saved() ? T(c, "Texte enregistré.\n", "Text saved.\n")
                                    : T(c,
                                        "Texte gardé en mémoire, pas encore enregistré : il le "
                                        "sera dès que possible.\n",
                                        "Text kept in memory, not saved yet: it will be as soon as "
                                        "possible.\n"));
            }
        }
    }
    return true;
}

} // namespace cordee::terminal
