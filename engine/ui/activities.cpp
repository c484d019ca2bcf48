// Quizzes, branching scenarios, knowledge checks and reflections on screen: their layout and
// what clicks, taps and keys do to them. The rules live in quiz/ and player/; this is the
// screen side.
#include "core/strings.hpp"
#include "core/utf8.hpp"
#include "ui/block_view.hpp"
#include "ui/controller.hpp"

#include <fmt/format.h>

namespace cordee::ui {

using course::QuestionType;
using player::ScenarioRun;
using quiz::QuizRun;

namespace {

const char* T(core::Lang lang, const char* fr, const char* en) {
    return lang == core::Lang::En ? en : fr;
}

std::string stepKey(size_t attempt, size_t index) {
    return std::to_string(attempt) + ":" + std::to_string(index);
}

int trailingIndex(const std::string& id) {
    size_t colon = id.rfind(':');
    try {
        return std::stoi(id.substr(colon + 1));
    } catch (...) {
        return -1;
    }
}

// A banner: coloured back, accent bar, a bold line.
// A framed card (knowledge checks, reflections): its frame is reserved before the content,
// so it is drawn underneath, and sized once the content's height is known.
class Card {
public:
    Card(Flow& outer, const Metrics& mt)
        : outer_(outer)
        , mt_(mt)
        , top_(outer.y())
        , bg_(reserveFrame(outer.out()))
        , pad_(mt.grid(2.5))
        , inner_(outer.out(), outer.measurer(), mt, outer.x() + pad_, outer.width() - 2 * pad_,
                 top_ + pad_) {}
    Flow& inner() { return inner_; }
    void close() {
        inner_.space(pad_);
        const Rect r{outer_.x(), top_, outer_.width(), inner_.y() - top_};
        DisplayList& out = outer_.out();
        out.items[bg_] = DrawRect{r, Role::Surface, mt_.px(8)};
        out.items[bg_ + 1] = DrawBorder{r, Role::Border, std::max(1, mt_.px(1)), mt_.px(8)};
        outer_.setY(r.bottom() + mt_.grid(3));
    }

private:
    static size_t reserveFrame(DisplayList& out) {
        out.add(DrawRect{});
        out.add(DrawBorder{});
        return out.items.size() - 2;
    }

    Flow& outer_;
    const Metrics& mt_;
    int top_;
    size_t bg_;
    int pad_;
    Flow inner_;
};

void banner(Flow& f, Role back, Role accent, const std::string& text, const Metrics& mt) {
    const int top = f.y();
    const size_t bg = f.out().items.size();
    f.out().add(DrawRect{});
    f.out().add(DrawRect{});
    const int pad = mt.grid(2);
    f.space(pad);
    f.text(plainRuns(text, mt.font(20, text::kBold)), accent, 1.3, pad + mt.px(6),
           f.width() - 2 * pad);
    f.space(pad);
    Rect r{f.x(), top, f.width(), f.y() - top};
    f.out().items[bg] = DrawRect{r, back, mt.px(8)};
    f.out().items[bg + 1] = DrawRect{{r.x, r.y, std::max(3, mt.px(6)), r.h}, accent, 0};
    f.space(mt.grid(2));
}

} // namespace

bool Controller::wantsTextInput() const {
    if (overlay_ == Overlay::Profiles)
        return focus_ == "learner:new";
    return overlay_ == Overlay::None &&
           (focus_.find("gap:") != std::string::npos || focus_.rfind("refl:", 0) == 0);
}

// ---------------------------------------------------------------------------------------------
// Quiz
// ---------------------------------------------------------------------------------------------
void Controller::layoutQuiz(Canvas& c, Flow& f, const course::Quiz& quiz) {
    const Metrics& mt = metrics_;
    const core::Lang lang = settings_.lang;
    const bool fr = lang != core::Lang::En;
    QuizRun& run = session_->quizRun(quiz);
    DisplayList& out = content_.list;

    if (run.phase() == QuizRun::Phase::Question || run.phase() == QuizRun::Phase::Feedback) {
        const quiz::Attempt& a = *run.current();
        const std::string key =
            stepKey(a.questions.size() * 1000 + static_cast<size_t>(a.number), run.index());
        const course::Question& q = run.question();
        const quiz::Presentation& p = run.presentation();
        if (quizDraft_.key != key) {
            quizDraft_.reset(key, q, p);
            showHint_ = false;
        }
        // Where we are in the attempt.
        std::string where = fmt::format("Question {} / {}", run.index() + 1, run.count());
        f.text(plainRuns(where, mt.font(15, text::kBold)), Role::Primary, 1.3);
        Rect track{f.x(), f.y() + mt.grid(0.5), f.width(), mt.px(6)};
        out.add(DrawRect{track, Role::SurfaceAlt, mt.px(3)});
        out.add(DrawRect{
            {track.x, track.y,
             static_cast<int>(track.w *
                              (run.index() + (run.phase() == QuizRun::Phase::Feedback ? 1 : 0)) /
                              std::max<size_t>(1, run.count())),
             track.h},
            Role::Primary,
            mt.px(3)});
        f.space(mt.grid(3));
        const bool feedback = run.phase() == QuizRun::Phase::Feedback;
        QuestionFeedback fb;
        if (feedback) {
            fb.response = *a.responses[run.index()];
            fb.result = a.results[run.index()];
            fb.unsaved = unsaved(quizDraft_.action);
        }
        layoutQuestion(f, q, p, quizDraft_, feedback ? &fb : nullptr,
                       {lang, "quiz:", showHint_, focus_});
        f.space(mt.grid(1.5));
        if (feedback) {
            layoutFeedback(f, q, p, fb, lang, true);
            const bool last = run.index() + 1 >= run.count();
            Rect b = addButton(out, c, mt, "quiz:next",
                               last ? T(lang, "Voir les résultats", "See the results")
                                    : T(lang, "Question suivante", "Next question"),
                               f.x(), f.y(), ButtonStyle::Primary, mt.px(220));
            f.setY(b.bottom() + mt.grid(2));
        } else {
            Rect b = addButton(out, c, mt, "quiz:validate", T(lang, "Valider", "Submit"), f.x(),
                               f.y(), ButtonStyle::Primary, mt.px(180), quizDraft_.complete(q));
            if (q.hint && !showHint_)
                addButton(out, c, mt, "quiz:hint", T(lang, "Indice", "Hint"),
                          b.right() + mt.grid(2), f.y(), ButtonStyle::Secondary);
            f.setY(b.bottom() + mt.grid(2));
        }
        return;
    }

    // Intro, or the results of the last attempt.
    if (!quiz.intro.empty()) {
        f.text(toRuns(quiz.intro, mt.body()), Role::Text, mt.bodySpacing(), 0, -1, "intro:");
        f.space(mt.grid(2));
    }
    std::string info = fmt::format(fmt::runtime(T(lang, "{} questions · réussite à partir de {} %",
                                                  "{} questions · pass mark {} %")),
                                   quiz.drawCount(), quiz.pass);
    if (auto left = run.attemptsLeft())
        info += fmt::format(fmt::runtime(T(lang, " · tentatives restantes : {} sur {}",
                                           " · attempts left: {} of {}")),
                            *left, quiz.attempts);
    if (auto best = run.bestPercent())
        info += fmt::format(
            fmt::runtime(T(lang, " · meilleur score : {} %", " · best score: {} %")), *best);
    f.text(plainRuns(info, mt.font(16, text::kBold)), Role::Primary, 1.4);
    f.space(mt.grid(3));

    if (run.phase() == QuizRun::Phase::Results) {
        const quiz::Attempt& a = *run.current();
        const bool passed = a.passed(quiz);
        banner(f, passed ? Role::KeyBack : Role::WarningBack,
               passed ? Role::KeyAccent : Role::WarningAccent,
               fmt::format(fmt::runtime(T(lang, "Score : {} / {} ({} %) — {}",
                                          "Score: {} / {} ({} %) — {}")),
                           quiz::formatPoints(a.score(), fr), quiz::formatPoints(a.maxScore(), fr),
                           a.percent(),
                           passed ? T(lang, "quiz réussi", "passed")
                                  : T(lang, "quiz non réussi", "not passed")),
               mt);
    }
    if (run.canStart()) {
        const char* label = run.attempts().empty() ? T(lang, "Commencer le quiz", "Start the quiz")
                                                   : T(lang, "Recommencer", "Try again");
        Rect b = addButton(out, c, mt, "quiz:start", label, f.x(), f.y(), ButtonStyle::Primary,
                           mt.px(220));
        f.setY(b.bottom() + mt.grid(3));
    } else {
        f.text(plainRuns(T(lang, "Vous avez utilisé toutes vos tentatives.",
                           "You have used all your attempts."),
                         mt.body()),
               Role::TextMuted, 1.5);
        f.space(mt.grid(3));
    }
    if (run.phase() == QuizRun::Phase::Results) {
        // The review: each question with the learner's answer, the right one, the explanation.
        const quiz::Attempt& a = *run.current();
        f.text(plainRuns(T(lang, "Relecture", "Review"), mt.h2()), Role::Heading, 1.25);
        f.space(mt.grid(2));
        for (size_t k = 0; k < a.questions.size(); ++k) {
            const course::Question& q =
                quiz.questions[static_cast<size_t>(a.questions[k].question)];
            f.text(plainRuns(fmt::format("Question {} / {}", k + 1, a.questions.size()),
                             mt.font(15, text::kBold)),
                   Role::Primary, 1.3);
            f.space(mt.grid(1));
            QuestionDraft shown;
            shown.reset("review", q, a.questions[k]);
            QuestionFeedback fb;
            if (a.responses[k]) {
                fb.response = *a.responses[k];
                fb.result = a.results[k];
                // Show the learner's own picks in the cards.
                for (size_t pos = 0; pos < a.questions[k].choiceOrder.size(); ++pos)
                    for (int chosen : fb.response.choices)
                        if (a.questions[k].choiceOrder[pos] == chosen)
                            shown.chosen.insert(static_cast<int>(pos));
                if (q.type == QuestionType::TrueFalse && fb.response.truth)
                    shown.chosen.insert(*fb.response.truth ? 0 : 1);
                if (q.type == QuestionType::Order)
                    shown.order = fb.response.order;
                if (q.type == QuestionType::Match)
                    for (size_t i = 0; i < fb.response.matches.size(); ++i)
                        for (size_t pos = 0; pos < a.questions[k].rightOrder.size(); ++pos)
                            if (a.questions[k].rightOrder[pos] == fb.response.matches[i])
                                shown.matchOf[i] = static_cast<int>(pos);
                if (q.type == QuestionType::Gaps)
                    shown.gaps = fb.response.gaps;
            }
            layoutQuestion(f, q, a.questions[k], shown, &fb,
                           {lang, "review" + std::to_string(k) + ":", false, ""});
            layoutFeedback(f, q, a.questions[k], fb, lang, true);
            f.space(mt.grid(2));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Scenario
// ---------------------------------------------------------------------------------------------
void Controller::layoutScenario(Canvas& c, Flow& f, const course::Scenario& scenario) {
    const Metrics& mt = metrics_;
    const core::Lang lang = settings_.lang;
    ScenarioRun& run = session_->scenarioRun(scenario);
    DisplayList& out = content_.list;
    const BlockContext ctx = blockContext(c);
    switch (run.phase()) {
    case ScenarioRun::Phase::Intro: {
        if (!scenario.intro.empty()) {
            f.text(toRuns(scenario.intro, mt.body()), Role::Text, mt.bodySpacing(), 0, -1,
                   "intro:");
            f.space(mt.grid(3));
        }
        Rect b = addButton(out, c, mt, "scn:begin",
                           T(lang, "Commencer le cas pratique", "Start the case study"), f.x(),
                           f.y(), ButtonStyle::Primary, mt.px(260));
        f.setY(b.bottom() + mt.grid(3));
        break;
    }
    case ScenarioRun::Phase::Scene:
    case ScenarioRun::Phase::Feedback: {
        const course::Scene& scene = *run.scene();
        const std::string label =
            run.previewed()
                ? fmt::format(
                      fmt::runtime(T(lang, "Aperçu de la scène « {} »", "Preview of scene “{}”")),
                      scene.id)
                : fmt::format(fmt::runtime(T(lang, "Étape {}", "Step {}")),
                              run.path().size() +
                                  (run.phase() == ScenarioRun::Phase::Feedback ? 0 : 1));
        f.text(plainRuns(label, mt.font(15, text::kBold)), Role::Primary, 1.3);
        if (!scene.title.empty()) {
            f.space(mt.grid(0.5));
            f.text(plainRuns(scene.title, mt.h2()), Role::Heading, 1.25);
        }
        f.space(mt.grid(2));
        layoutBlocks(f, scene.blocks, ctx, "scene:");
        const bool feedback = run.phase() == ScenarioRun::Phase::Feedback;
        f.text(plainRuns(T(lang, "Que faites-vous ?", "What do you do?"), mt.h3()), Role::Heading,
               1.3);
        f.space(mt.grid(1.5));
        const size_t chosen = feedback && !run.path().empty() ? run.path().back().option : SIZE_MAX;
        for (size_t i = 0; i < scene.options.size(); ++i) {
            const bool isChosen = i == chosen;
            const int top = f.y();
            const size_t bg = out.items.size();
            out.add(DrawRect{});
            out.add(DrawBorder{});
            const int pad = mt.grid(2);
            const text::FontSpec mark = mt.font(16, text::kBold);
            std::string number = std::to_string(i + 1);
            text::TextBlock tb =
                f.textAt(toRuns(scene.options[i].text, mt.body()), f.x() + pad + mt.px(36),
                         top + pad, f.width() - 2 * pad - mt.px(36), Role::Text, 1.4);
            Rect r{f.x(), top, f.width(),
                   std::max(mt.targetSize() + mt.px(8), tb.height + 2 * pad)};
            out.items[bg] = DrawRect{r, isChosen ? Role::PrimarySoft : Role::Surface, mt.px(8)};
            out.items[bg + 1] =
                DrawBorder{r, isChosen ? Role::Primary : Role::Border,
                           isChosen ? std::max(2, mt.px(2)) : std::max(1, mt.px(1)), mt.px(8)};
            out.add(DrawText{f.x() + pad, top + (r.h - c.lineHeight(mark)) / 2 + c.ascent(mark),
                             c.width(number, mark), number, mark, Role::Primary});
            out.hot("scn:option:" + std::to_string(i), r, HotKind::Choice, !feedback);
            f.setY(r.bottom() + mt.grid(1));
            if (isChosen && run.chosen() && !run.chosen()->feedback.empty()) {
                f.space(mt.grid(0.5));
                const int ftop = f.y();
                const size_t fbg = out.items.size();
                out.add(DrawRect{});
                out.add(DrawRect{});
                f.space(pad);
                f.text(toRuns(run.chosen()->feedback, mt.body()), Role::Text, 1.5, pad + mt.px(6),
                       f.width() - 2 * pad - mt.px(6), "optfb:");
                f.space(pad);
                Rect fr{f.x(), ftop, f.width(), f.y() - ftop};
                out.items[fbg] = DrawRect{fr, Role::InfoBack, mt.px(8)};
                out.items[fbg + 1] =
                    DrawRect{{fr.x, fr.y, std::max(3, mt.px(6)), fr.h}, Role::InfoAccent, 0};
                f.space(mt.grid(1.5));
            }
        }
        if (feedback) {
            f.space(mt.grid(1));
            Rect b = addButton(out, c, mt, "scn:next", T(lang, "Continuer", "Continue"), f.x(),
                               f.y(), ButtonStyle::Primary, mt.px(200));
            f.setY(b.bottom() + mt.grid(2));
        }
        break;
    }
    case ScenarioRun::Phase::Ending: {
        const course::Ending* e = run.ending();
        if (!e)
            break;
        const Role back = e->outcome == course::Outcome::Success   ? Role::KeyBack
                          : e->outcome == course::Outcome::Partial ? Role::ExampleBack
                                                                   : Role::WarningBack;
        const Role accent = e->outcome == course::Outcome::Success   ? Role::KeyAccent
                            : e->outcome == course::Outcome::Partial ? Role::ExampleAccent
                                                                     : Role::WarningAccent;
        const char* outcome =
            e->outcome == course::Outcome::Success   ? T(lang, "Réussite", "Success")
            : e->outcome == course::Outcome::Partial ? T(lang, "Issue partielle", "Partial outcome")
                                                     : T(lang, "Échec", "Failure");
        banner(f, back, accent,
               run.previewed() ? fmt::format(fmt::runtime(T(lang, "{} · aperçu : score non calculé",
                                                            "{} · preview: score not counted")),
                                             outcome)
                               : fmt::format(fmt::runtime(T(lang, "{} · Score : {} / {}",
                                                            "{} · Score: {} / {}")),
                                             outcome, run.score(), run.bestScore()),
               mt);
        if (!e->title.empty()) {
            f.text(plainRuns(e->title, mt.h2()), Role::Heading, 1.25);
            f.space(mt.grid(2));
        }
        layoutBlocks(f, e->blocks, ctx, "ending:");
        f.text(plainRuns(T(lang, "Votre parcours", "Your path"), mt.h3()), Role::Heading, 1.3);
        f.space(mt.grid(1));
        for (size_t i = 0; i < run.path().size(); ++i) {
            const player::PathStep& step = run.path()[i];
            const course::Scene* s = scenario.findScene(step.scene);
            if (!s || step.option >= s->options.size())
                continue;
            TaggedRuns line = untagged(toRuns(s->options[step.option].text, mt.body()));
            std::string head = fmt::format("{}. {} — ", i + 1, s->title.empty() ? s->id : s->title);
            line.runs.insert(line.runs.begin(), {head, mt.font(18, text::kBold), -1});
            f.text(line, Role::Text, 1.45);
            f.space(mt.grid(1));
        }
        f.space(mt.grid(2));
        Rect b = addButton(out, c, mt, "scn:begin", T(lang, "Rejouer", "Play again"), f.x(), f.y(),
                           ButtonStyle::Secondary, mt.px(200));
        f.setY(b.bottom() + mt.grid(2));
        break;
    }
    }
}

// ---------------------------------------------------------------------------------------------
// Checks and reflections inside a page
// ---------------------------------------------------------------------------------------------
void Controller::layoutCheck(Flow& f, const course::Check& check) {
    const Metrics& mt = metrics_;
    const core::Lang lang = settings_.lang;
    const course::Question& q = check.question;
    const quiz::Presentation p = quiz::presentQuestion(q, 0, 1);
    QuestionDraft& d = checkDrafts_[q.id];
    if (d.key.empty())
        d.reset("check", q, p);
    const player::Session::CheckRecord* rec = session_->check(q.id);
    const bool answered = rec && d.key == "answered";
    DisplayList& out = f.out();
    Card card(f, mt);
    Flow& inner = card.inner();
    inner.text(plainRuns(T(lang, "Question d’auto-vérification · ne compte pas dans la note",
                           "Knowledge check · never scored"),
                         mt.font(14, text::kBold)),
               Role::Primary, 1.3);
    inner.space(mt.grid(1));
    QuestionFeedback fb;
    if (answered) {
        fb.response = rec->response;
        fb.result = rec->result;
        fb.unsaved = unsaved(d.action);
    }
    const std::string prefix = "chk:" + q.id + ":";
    layoutQuestion(inner, q, p, d, answered ? &fb : nullptr, {lang, prefix, false, focus_});
    inner.space(mt.grid(1));
    if (answered) {
        layoutFeedback(inner, q, p, fb, lang, true);
        Rect b =
            addButton(out, f.measurer(), mt, prefix + "retry", T(lang, "Réessayer", "Try again"),
                      inner.x(), inner.y(), ButtonStyle::Secondary);
        inner.setY(b.bottom());
    } else {
        Rect b = addButton(out, f.measurer(), mt, prefix + "validate", T(lang, "Vérifier", "Check"),
                           inner.x(), inner.y(), ButtonStyle::Primary, mt.px(160), d.complete(q));
        inner.setY(b.bottom());
    }
    card.close();
}

void Controller::layoutReflection(Flow& f, const course::Reflection& reflection) {
    const Metrics& mt = metrics_;
    const core::Lang lang = settings_.lang;
    DisplayList& out = f.out();
    Card card(f, mt);
    Flow& inner = card.inner();
    inner.text(plainRuns(T(lang, "Réflexion personnelle · gardée pour vous, jamais notée",
                           "Personal reflection · kept for you, never scored"),
                         mt.font(14, text::kBold)),
               Role::Primary, 1.3);
    inner.space(mt.grid(1));
    inner.text(toRuns(reflection.prompt, mt.font(18, text::kBold)), Role::Heading, 1.4, 0, -1,
               "reflp:");
    inner.space(mt.grid(1.5));
    const std::string id = "refl:" + reflection.id;
    const bool focused = focus_ == id;
    std::string text = session_->reflection(reflection.id);
    const int boxTop = inner.y();
    const size_t boxBg = out.items.size();
    out.add(DrawRect{});
    out.add(DrawBorder{});
    const int bpad = mt.grid(1.5);
    TaggedRuns runs = text.empty() && !focused ? plainRuns(T(lang, "Écrivez ici…", "Write here…"),
                                                           mt.font(18, text::kItalic))
                                               : plainRuns(text + (focused ? "|" : ""), mt.body());
    text::TextBlock tb =
        inner.textAt(runs, inner.x() + bpad, boxTop + bpad, inner.width() - 2 * bpad,
                     text.empty() && !focused ? Role::TextMuted : Role::Text, 1.5);
    Rect box{inner.x(), boxTop, inner.width(), std::max(mt.px(120), tb.height + 2 * bpad)};
    out.items[boxBg] = DrawRect{box, Role::Background, mt.px(4)};
    out.items[boxBg + 1] =
        DrawBorder{box, focused ? Role::Primary : Role::Border,
                   focused ? std::max(2, mt.px(2)) : std::max(1, mt.px(1)), mt.px(4)};
    out.hot(id, box, HotKind::Choice);
    inner.setY(box.bottom() + mt.grid(1));
    const auto typed = reflectionActions_.find(reflection.id);
    const bool waiting = typed != reflectionActions_.end() && unsaved(typed->second);
    inner.text(plainRuns(text.empty() ? T(lang, "Votre texte est gardé à mesure que vous écrivez.",
                                          "Your text is kept as you write.")
                         : waiting    ? T(lang,
                                          "Texte gardé en mémoire, pas encore enregistré : il le "
                                             "sera dès que possible.",
                                          "Text kept in memory, not saved yet: it will be as soon "
                                             "as possible.")
                                      : T(lang, "Texte gardé. Vous le retrouverez ici.",
                                          "Text kept. You will find it here again."),
                         mt.font(14, text::kItalic)),
               Role::TextMuted, 1.3);
    card.close();
}

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------
QuestionDraft* Controller::draftFor(const std::string& id, const course::Question** q,
                                    quiz::Presentation* p) {
    if (!session_)
        return nullptr;
    if (id.rfind("quiz:", 0) == 0) {
        const course::Quiz* quiz = session_->outline().quiz(session_->currentStep());
        if (!quiz)
            return nullptr;
        QuizRun& run = session_->quizRun(*quiz);
        if (run.phase() != QuizRun::Phase::Question)
            return nullptr;
        *q = &run.question();
        *p = run.presentation();
        return &quizDraft_;
    }
    if (id.rfind("chk:", 0) == 0) {
        const std::string qid = id.substr(4, id.find(':', 4) - 4);
        const course::Page* page = session_->outline().page(session_->currentStep());
        if (!page)
            return nullptr;
        for (const course::Block& b : page->blocks)
            if (const auto* check = std::get_if<course::Check>(&b);
                check && check->question.id == qid) {
                *q = &check->question;
                *p = quiz::presentQuestion(check->question, 0, 1);
                return &checkDrafts_[qid];
            }
    }
    return nullptr;
}

bool Controller::activateActivity(const std::string& id) {
    if (!session_)
        return false;
    const player::Step& step = session_->currentStep();
    dirty_ = true;
    if (id.rfind("quiz:", 0) == 0) {
        const course::Quiz* quiz = session_->outline().quiz(step);
        if (!quiz)
            return false;
        QuizRun& run = session_->quizRun(*quiz);
        const std::string action = id.substr(5);
        if (action == "start") {
            session_->startQuiz(*quiz);
            content_.scroll = 0;
            focus_.clear();
            return true;
        }
        if (action == "hint") {
            run.useHint();
            showHint_ = true;
            return true;
        }
        if (action == "validate" && run.phase() == QuizRun::Phase::Question) {
            if (!quizDraft_.complete(run.question()))
                return false;
            session_->answerQuiz(*quiz, quizDraft_.response(run.question(), run.presentation()));
            quizDraft_.action = lastAction();
            if (run.phase() == QuizRun::Phase::Feedback) {
                // Keep the question in place; show its feedback and make "next" the default.
                focus_ = "quiz:next";
                revealAfterLayout_ = "quiz:next";
            } else {
                content_.scroll = 0;
                focus_.clear();
            }
            return true;
        }
        if (action == "next" && run.phase() == QuizRun::Phase::Feedback) {
            session_->nextQuestion(*quiz);
            content_.scroll = 0;
            focus_.clear();
            return true;
        }
        const course::Question* q = nullptr;
        quiz::Presentation p;
        if (QuestionDraft* d = draftFor(id, &q, &p)) {
            if (action.rfind("gap:", 0) == 0)
                return true; // focusing a field is all a click does
            return d->activate(action, *q);
        }
        return false;
    }
    if (id.rfind("chk:", 0) == 0) {
        const std::string qid = id.substr(4, id.find(':', 4) - 4);
        const std::string action = id.substr(5 + qid.size());
        const course::Question* q = nullptr;
        quiz::Presentation p;
        QuestionDraft* d = draftFor(id, &q, &p);
        if (!d)
            return false;
        if (action == "validate") {
            if (!d->complete(*q))
                return false;
            session_->answerCheck(*q, d->response(*q, p));
            d->key = "answered";
            d->action = lastAction();
            return true;
        }
        if (action == "retry") {
            d->reset("check", *q, p);
            return true;
        }
        if (action.rfind("gap:", 0) == 0 || d->key == "answered")
            return true;
        return d->activate(action, *q);
    }
    if (id.rfind("scn:", 0) == 0) {
        const course::Scenario* scenario = session_->outline().scenario(step);
        if (!scenario)
            return false;
        ScenarioRun& run = session_->scenarioRun(*scenario);
        const std::string action = id.substr(4);
        if (action == "begin") {
            run.begin();
            content_.scroll = 0;
        } else if (action == "next") {
            run.next();
            content_.scroll = 0;
        } else if (action.rfind("option:", 0) == 0) {
            if (!run.choose(static_cast<size_t>(std::max(0, trailingIndex(action)))))
                return false;
            session_->scenarioChanged(*scenario);
            focus_ = "scn:next";
            revealAfterLayout_ = "scn:next";
            return true;
        } else {
            return false;
        }
        session_->scenarioChanged(*scenario);
        focus_.clear();
        return true;
    }
    if (id.rfind("refl:", 0) == 0)
        return true; // the click gave it the focus: typing goes there now
    return false;
}

bool Controller::typeText(const std::string& text) {
    if (overlay_ == Overlay::Profiles && focus_ == "learner:new") {
        if (text == "\b")
            core::popCodePoint(newLearner_);
        else if (text == "\n")
            return !newLearner_.empty() && chooseLearner(newLearner_);
        else if (newLearner_.size() < 80)
            newLearner_ += text;
        dirty_ = true;
        return true;
    }
    if (!session_ || overlay_ != Overlay::None)
        return false;
    if (focus_.rfind("refl:", 0) == 0) {
        const std::string id = focus_.substr(5);
        std::string value = session_->reflection(id);
        if (text == "\b") {
            core::popCodePoint(value);
        } else if (value.size() < 20000) {
            value += text;
        }
        session_->setReflection(id, value);
        reflectionActions_[id] = lastAction();
        dirty_ = true;
        return true;
    }
    size_t gap = focus_.find("gap:");
    if (gap == std::string::npos)
        return false;
    const course::Question* q = nullptr;
    quiz::Presentation p;
    QuestionDraft* d = draftFor(focus_, &q, &p);
    if (!d || d->key == "answered")
        return false;
    const int index = trailingIndex(focus_);
    if (text == "\b")
        d->backspace(index);
    else
        d->typeInto(index, text);
    dirty_ = true;
    return true;
}

bool Controller::handleActivityKey(const InputEvent& e) {
    if (overlay_ == Overlay::Profiles && focus_ == "learner:new") {
        if (e.key == Key::Backspace)
            return typeText("\b");
        if (e.key == Key::Enter)
            return typeText("\n");
        return false;
    }
    if (!session_ || overlay_ != Overlay::None || screen_ != ScreenKind::Step)
        return false;
    const bool inField = wantsTextInput();
    if (inField) {
        if (e.key == Key::Backspace)
            return typeText("\b");
        if (e.key == Key::Escape) {
            focus_.clear();
            dirty_ = true;
            return true;
        }
        if (e.key == Key::Enter && focus_.rfind("refl:", 0) == 0)
            return typeText("\n");
        if (e.key == Key::Enter && focus_.find("gap:") != std::string::npos) {
            const std::string validate = focus_.substr(0, focus_.find("gap:")) + "validate";
            return activate(validate);
        }
        // Letters and arrows belong to the field, not to page turning.
        if (e.key == Key::Left || e.key == Key::Right || e.key == Key::Space ||
            e.key == Key::Digit || e.key == Key::Home || e.key == Key::End)
            return false;
        return false;
    }
    const player::Step& step = session_->currentStep();
    if (e.key == Key::Digit && e.digit >= 1) {
        if (const course::Quiz* quiz = session_->outline().quiz(step)) {
            QuizRun& run = session_->quizRun(*quiz);
            if (run.phase() == QuizRun::Phase::Question) {
                const course::Question& q = run.question();
                if (q.type == QuestionType::Single || q.type == QuestionType::Multiple ||
                    q.type == QuestionType::TrueFalse)
                    return activate("quiz:choice:" + std::to_string(e.digit - 1));
            }
        }
        if (const course::Scenario* sc = session_->outline().scenario(step)) {
            if (session_->scenarioRun(*sc).phase() == ScenarioRun::Phase::Scene)
                return activate("scn:option:" + std::to_string(e.digit - 1));
        }
        return false;
    }
    // Order items with the keyboard: Space picks up or drops, Up and Down move.
    if (focus_.find("item:") != std::string::npos) {
        const course::Question* q = nullptr;
        quiz::Presentation p;
        QuestionDraft* d = draftFor(focus_, &q, &p);
        if (d && e.key == Key::Space) {
            d->activate("item:" + std::to_string(trailingIndex(focus_)), *q);
            dirty_ = true;
            return true;
        }
        if (d && d->held >= 0 && (e.key == Key::Up || e.key == Key::Down)) {
            if (d->moveHeld(e.key == Key::Up ? -1 : 1)) {
                focus_ = focus_.substr(0, focus_.rfind(':') + 1) + std::to_string(d->held);
                dirty_ = true;
            }
            return true;
        }
    }
    // Enter with nothing focused does the obvious next thing.
    if (e.key == Key::Enter && focus_.empty()) {
        if (const course::Quiz* quiz = session_->outline().quiz(step)) {
            QuizRun& run = session_->quizRun(*quiz);
            if (run.phase() == QuizRun::Phase::Question)
                return activate("quiz:validate");
            if (run.phase() == QuizRun::Phase::Feedback)
                return activate("quiz:next");
            if (run.phase() == QuizRun::Phase::Intro && run.canStart())
                return activate("quiz:start");
        }
        if (const course::Scenario* sc = session_->outline().scenario(step)) {
            const auto phase = session_->scenarioRun(*sc).phase();
            if (phase == ScenarioRun::Phase::Feedback)
                return activate("scn:next");
            if (phase == ScenarioRun::Phase::Intro)
                return activate("scn:begin");
        }
    }
    return false;
}

// Dragging an order item with the mouse or a finger: the insertion line follows the pointer.
bool Controller::dragOrder(const InputEvent& e) {
    const bool down =
        e.type == InputEvent::Type::PointerDown || e.type == InputEvent::Type::TouchDown;
    const bool move =
        e.type == InputEvent::Type::PointerMove || e.type == InputEvent::Type::TouchMove;
    const bool up = e.type == InputEvent::Type::PointerUp || e.type == InputEvent::Type::TouchUp;
    const int contentY = e.y - content_.viewport.y + content_.scroll;
    if (down) {
        const Hotspot* h = hitTest(e.x, e.y);
        if (!h || h->id.find(":item:") == std::string::npos)
            return false;
        const course::Question* q = nullptr;
        quiz::Presentation p;
        QuestionDraft* d = draftFor(h->id, &q, &p);
        if (!d)
            return false;
        d->dragFrom = trailingIndex(h->id);
        d->dragTo = -1;
        dragging_ = true;
        dragStartY_ = e.y;
        return false; // the press also goes on as a press (a click picks the item up)
    }
    if (!dragging_)
        return false;
    const course::Question* q = nullptr;
    quiz::Presentation p;
    const std::string anyItem = overlay_ == Overlay::None && session_ ? "quiz:item:0" : "";
    QuestionDraft* d = nullptr;
    for (const Hotspot& h : content_.list.hotspots)
        if (h.id.find(":item:") != std::string::npos) {
            d = draftFor(h.id, &q, &p);
            if (d) {
                // The target: before the first item whose middle is below the pointer.
                int target = static_cast<int>(d->order.size());
                for (size_t k = 0; k < d->order.size(); ++k) {
                    std::string id = h.id.substr(0, h.id.rfind(':') + 1) + std::to_string(k);
                    Rect r = content_.list.bounds(id);
                    if (contentY < r.y + r.h / 2) {
                        target = static_cast<int>(k);
                        break;
                    }
                }
                if (move && std::abs(e.y - dragStartY_) > 8) {
                    pressed_.clear();
                    if (d->dragTo != target) {
                        d->dragTo = target;
                        dirty_ = true;
                    }
                    return true;
                }
                if (up) {
                    dragging_ = false;
                    const int from = d->dragFrom, to = d->dragTo;
                    d->dragFrom = d->dragTo = -1;
                    dirty_ = true;
                    if (to < 0 || to == from || to == from + 1)
                        return false; // not a real move: the release counts as a click
                    int item = d->order[static_cast<size_t>(from)];
                    d->order.erase(d->order.begin() + from);
                    d->order.insert(d->order.begin() + (to > from ? to - 1 : to), item);
                    d->held = -1;
                    pressed_.clear();
                    return true;
                }
            }
            break;
        }
    (void)anyItem;
    if (up)
        dragging_ = false;
    return false;
}

} // namespace cordee::ui
