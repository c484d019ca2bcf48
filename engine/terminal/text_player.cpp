#include "terminal/text_player.hpp"

#include "core/strings.hpp"
#include "core/utf8.hpp"
#include "terminal/text_quiz.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iostream>

namespace cordee::terminal {

using namespace player;
using core::Str;
using core::tr;

namespace {

std::string helpText(core::Lang lang) {
    return lang == core::Lang::En
               ? "Commands (type one, then Enter):\n"
                 "  n (or Enter)  next page\n  p  previous page\n"
                 "  r  answer a page's questions; 1: start a quiz or a case study\n"
                 "  t  contents, then the number of a page to open it\n"
                 "  g  the course glossary\n  h  this help\n  q  quit\n"
               : "Commandes (tapez-en une, puis Entrée) :\n"
                 "  n (ou Entrée)  page suivante\n  p  page précédente\n"
                 "  r  répondre aux questions d’une page ; 1 : commencer un quiz ou un cas\n"
                 "  t  sommaire, puis le numéro d’une page pour l’ouvrir\n"
                 "  g  glossaire du cours\n  h  cette aide\n  q  quitter\n";
}

std::string commandsLine(core::Lang lang) {
    return lang == core::Lang::En
               ? "n: next · p: previous · t: contents · g: glossary · h: help · q: quit\n"
               : "n : suivant · p : précédent · t : sommaire · g : glossaire · h : aide · q : "
                 "quitter\n";
}

std::string glossaryText(const course::Course& c, const PlainTextOptions& o,
                         const std::set<std::string>* only) {
    std::vector<const course::GlossaryTerm*> terms;
    for (const course::GlossaryTerm& t : c.glossary)
        if (!only || only->count(t.id))
            terms.push_back(&t);
    std::sort(terms.begin(), terms.end(), [](auto* a, auto* b) {
        return core::foldForComparison(a->label) < core::foldForComparison(b->label);
    });
    std::string out;
    for (const course::GlossaryTerm* t : terms)
        out += wrap(t->label + " : " + plain(t->definition, false), o.columns, "  - ", "    ");
    return out;
}

std::string contentsText(const Session& s, const PlainTextOptions& o) {
    const CourseOutline& outline = s.outline();
    std::string out = std::string(tr(Str::Contents, o.lang)) + "\n";
    for (size_t m = 0; m < s.course().modules.size(); ++m) {
        const bool unlocked = isModuleUnlocked(outline, m, s.facts());
        out += fmt::format("{} {} : {}{}\n", tr(Str::Module, o.lang), m + 1,
                           s.course().modules[m].title,
                           unlocked ? "" : fmt::format(" ({})", tr(Str::Locked, o.lang)));
        for (size_t i = outline.moduleBegin(m); i < outline.moduleEnd(m); ++i) {
            const Step& step = outline.steps()[i];
            std::string kind = step.kind == StepKind::Quiz ? std::string(tr(Str::Quiz, o.lang))
                               : step.kind == StepKind::Scenario
                                   ? std::string(tr(Str::Scenario, o.lang))
                                   : "";
            // "Quiz : Quiz de démonstration" says it twice.
            if (!kind.empty())
                kind = outline.title(step).rfind(kind, 0) == 0 ? "" : kind + " : ";
            std::string mark =
                i == s.current() ? "  ← " + std::string(o.lang == core::Lang::En ? "you are here"
                                                                                 : "vous êtes ici")
                : isStepDone(outline, step, s.facts()) ? " ✓"
                                                       : "";
            out += fmt::format("{}) {}{}{}\n", i + 1, kind, outline.title(step), mark);
        }
    }
    return out;
}

} // namespace

std::string renderStep(const Session& s, const PlainTextOptions& o) {
    const CourseOutline& outline = s.outline();
    const Step& step = s.currentStep();
    const course::Module& module = s.course().modules[step.module];
    std::string out;
    std::string crumbs =
        fmt::format("{} {} · {}", tr(Str::Module, o.lang), step.module + 1, module.title);
    if (const course::Lesson* l = outline.lesson(step))
        crumbs += " › " + l->title;
    out += "\n" + crumbs + "\n";
    out += fmt::format(
        "# {} ({})\n\n", outline.title(step),
        fmt::format(fmt::runtime(tr(Str::PageOf, o.lang)), s.current() + 1, outline.size()));
    std::set<std::string> terms;
    if (const course::Page* page = outline.page(step)) {
        out += renderBlocks(page->blocks, o, terms);
    } else if (const course::Quiz* quiz = outline.quiz(step)) {
        if (!quiz->intro.empty())
            out += wrap(plain(quiz->intro), o.columns, "", "") + "\n";
    } else if (const course::Scenario* sc = outline.scenario(step)) {
        if (!sc->intro.empty())
            out += wrap(plain(sc->intro), o.columns, "", "") + "\n";
        out += std::string(tr(Str::ScenarioPlaceholder, o.lang)) + "\n\n";
    }
    if (!terms.empty()) {
        out += std::string(o.lang == core::Lang::En ? "Glossary terms on this page:"
                                                    : "Termes du glossaire sur cette page :") +
               "\n";
        out += glossaryText(s.course(), o, &terms) + "\n";
    }
    return out;
}

namespace {

constexpr const char* kReadCommand = "\x01"; // no command pending: read one

// Shows the current step; for a quiz or a scenario, runs it. Returns a command the learner
// typed while in it (to process next), kReadCommand, or nothing at the end of input.
std::optional<std::string> showStep(Console& c, Session& session) {
    c.out << renderStep(session, c.options);
    const CourseOutline& outline = session.outline();
    const Step& step = session.currentStep();
    if (const course::Quiz* quiz = outline.quiz(step))
        return playQuiz(c, session, *quiz);
    if (const course::Scenario* scenario = outline.scenario(step))
        return playScenario(c, session, *scenario);
    if (const course::Page* page = outline.page(step); page && hasQuestions(*page))
        c.out << (c.fr() ? "r : répondre aux questions de cette page\n"
                         : "r: answer the questions on this page\n");
    c.out << commandsLine(c.options.lang);
    return std::string(kReadCommand);
}

} // namespace

int runTextPlayer(Session& session, std::istream& in, std::ostream& out,
                  const PlainTextOptions& o) {
    Console c{in, out, o, session.sink()};
    const core::Lang lang = o.lang;
    out << session.course().title << "\n";
    if (session.outline().size() == 0)
        return 0;
    std::optional<std::string> pending = showStep(c, session);
    while (pending) {
        std::string line = *pending;
        pending = std::string(kReadCommand);
        if (line == kReadCommand && !c.readLine(line))
            break;
        if (line == "q")
            break;
        if (line == "n" || line.empty()) {
            MoveResult r = session.next();
            if (r == MoveResult::Moved) {
                pending = showStep(c, session);
                continue;
            }
            out << (r == MoveResult::Locked ? tr(Str::Locked, lang) : tr(Str::EndOfCourse, lang))
                << "\n";
        } else if (line == "p") {
            if (session.previous() == MoveResult::Moved) {
                pending = showStep(c, session);
                continue;
            }
            out << (lang == core::Lang::En ? "This is the first page.\n"
                                           : "Vous êtes à la première page.\n");
        } else if (line == "r") {
            const course::Page* page = session.outline().page(session.currentStep());
            if (page && hasQuestions(*page)) {
                if (!answerPage(c, session, *page))
                    break;
            } else {
                out << (lang == core::Lang::En ? "Nothing to answer on this page.\n"
                                               : "Rien à répondre sur cette page.\n");
            }
        } else if (line == "t") {
            out << contentsText(session, o);
            out << (lang == core::Lang::En ? "Number of the page to open (empty: stay):\n"
                                           : "Numéro de la page à ouvrir (vide : rester) :\n");
            std::string choice;
            if (!c.readLine(choice))
                break;
            if (!choice.empty()) {
                size_t n = 0;
                try {
                    n = std::stoul(choice);
                } catch (...) {
                }
                if (n < 1 || n > session.outline().size()) {
                    out << (lang == core::Lang::En ? "No page with that number.\n"
                                                   : "Aucune page ne porte ce numéro.\n");
                } else if (session.goTo(n - 1) == MoveResult::Moved) {
                    pending = showStep(c, session);
                    continue;
                } else {
                    out << tr(Str::Locked, lang) << "\n";
                }
            }
        } else if (line == "g") {
            out << tr(Str::Glossary, lang) << "\n" << glossaryText(session.course(), o, nullptr);
        } else if (line == "h") {
            out << helpText(lang);
            continue;
        } else {
            out << (lang == core::Lang::En ? "Unknown command. " : "Commande inconnue. ")
                << commandsLine(lang);
            continue;
        }
        out << commandsLine(lang);
    }
    out << "\n";
    return 0;
}

} // namespace cordee::terminal
