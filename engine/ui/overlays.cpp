// Panels and popovers over the screen: contents, glossary, settings, help, a term's definition.
#include "core/strings.hpp"
#include "core/utf8.hpp"
#include "ui/block_view.hpp"
#include "ui/controller.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <sstream>

namespace cordee::ui {

using core::Str;
using core::tr;
using namespace player;

namespace {

enum class Placement { Drawer, Centered, Anchored };

} // namespace

// Frame, title and close button go to overlayFixed_ (screen coordinates); the body is laid
// out by the caller into overlayLayer_.list from y = 0, then sized by finishOverlay.
void Controller::layoutPanel(Canvas& c, const std::string& title) {
    const Metrics& mt = metrics_;
    const core::Lang lang = settings_.lang;
    Placement placement = overlay_ == Overlay::Help   ? Placement::Centered
                          : overlay_ == Overlay::Term ? Placement::Anchored
                                                      : Placement::Drawer;
    int w = placement == Placement::Drawer     ? std::min(mt.px(480), width_ * 92 / 100)
            : placement == Placement::Centered ? std::min(mt.px(760), width_ * 92 / 100)
                                               : std::min(mt.px(440), width_ * 92 / 100);
    Rect frame{width_ - w, 0, w, height_};
    if (placement != Placement::Drawer)
        frame = {(width_ - w) / 2, height_ / 10, w, height_ * 8 / 10};
    if (placement == Placement::Anchored)
        frame.x = std::clamp(termAnchor_.x, mt.grid(1), width_ - w - mt.grid(1));
    overlayFrame_ = frame;
    overlayFixed_.add(
        DrawRect{frame, Role::Surface, placement == Placement::Drawer ? 0 : mt.px(10)});
    overlayFixed_.add(DrawBorder{frame, Role::Border, std::max(1, mt.px(1)),
                                 placement == Placement::Drawer ? 0 : mt.px(10)});
    const int pad = mt.grid(3);
    std::string close = tr(Str::Close, lang);
    int cw = buttonWidth(c, mt, close);
    Rect closeRect = addButton(overlayFixed_, c, mt, "overlay:close", close,
                               frame.right() - pad - cw, frame.y + pad, ButtonStyle::Secondary);
    Flow header(overlayFixed_, c, mt, frame.x + pad, frame.w - 3 * pad - cw, frame.y + pad);
    text::FontSpec titleFont = placement == Placement::Anchored ? mt.h3() : mt.h2();
    text::TextBlock tb = header.text(plainRuns(title, titleFont), Role::Heading, 1.2);
    const int headerH = std::max(closeRect.bottom(), frame.y + pad + tb.height) - frame.y + pad;
    overlayFixed_.add(DrawRect{
        {frame.x, frame.y + headerH - 1, frame.w, std::max(1, mt.px(1))}, Role::Border, 0});
    overlayLayer_.viewport = {frame.x, frame.y + headerH, frame.w, frame.h - headerH};
}

void Controller::layoutOverlay(Canvas& c) {
    const Metrics& mt = metrics_;
    const core::Lang lang = settings_.lang;
    DisplayList& body = overlayLayer_.list;
    const course::Course* co = session_ ? &session_->course() : nullptr;

    auto bodyFlow = [&]() {
        const int pad = mt.grid(3);
        return Flow(body, c, mt, pad, overlayLayer_.viewport.w - 2 * pad, mt.grid(2));
    };

    switch (overlay_) {
    case Overlay::None:
        return;
    case Overlay::Contents: {
        layoutPanel(c, tr(Str::Contents, lang));
        if (!session_)
            break;
        Flow f = bodyFlow();
        const CourseOutline& outline = session_->outline();
        for (size_t m = 0; m < co->modules.size(); ++m) {
            const bool unlocked = isModuleUnlocked(outline, m, session_->facts());
            f.space(mt.grid(1));
            f.text(plainRuns(fmt::format("{} {}", tr(Str::Module, lang), m + 1),
                             mt.font(14, text::kBold)),
                   unlocked ? Role::Primary : Role::Locked, 1.2);
            f.text(plainRuns(co->modules[m].title, mt.h3()),
                   unlocked ? Role::Heading : Role::Locked, 1.3);
            f.space(mt.grid(1));
            for (size_t s = outline.moduleBegin(m); s < outline.moduleEnd(m); ++s) {
                const Step& step = outline.steps()[s];
                const bool current = s == session_->current();
                const bool done = isStepDone(outline, step, session_->facts());
                std::string prefix = step.kind == StepKind::Quiz       ? tr(Str::Quiz, lang)
                                     : step.kind == StepKind::Scenario ? tr(Str::Scenario, lang)
                                                                       : "";
                std::string label = outline.title(step);
                if (!prefix.empty() && label.rfind(prefix, 0) != 0)
                    label = prefix + " : " + label;
                const int top = f.y();
                if (current)
                    body.add(DrawRect{{f.x() - mt.grid(1), top, f.width() + mt.grid(2),
                                       std::max(mt.targetSize(), mt.px(48))},
                                      Role::PrimarySoft,
                                      mt.px(4)});
                text::FontSpec font = mt.font(16, current ? text::kBold : text::kRegular);
                text::TextBlock tb =
                    f.textAt(plainRuns(label, font), f.x() + mt.grid(1), top + mt.grid(1.25),
                             f.width() - mt.grid(5), unlocked ? Role::Text : Role::Locked, 1.3);
                const int rowH =
                    std::max(std::max(mt.targetSize(), mt.px(48)), tb.height + mt.grid(2.5));
                if (done)
                    body.add(DrawText{f.x() + f.width() - mt.grid(2),
                                      top + mt.grid(1.25) + c.ascent(font), mt.grid(2), "✓", font,
                                      Role::KeyAccent});
                body.hot("step:" + std::to_string(s),
                         {f.x() - mt.grid(1), top, f.width() + mt.grid(2), rowH}, HotKind::Card,
                         unlocked);
                f.setY(top + rowH);
            }
        }
        body.height = f.y() + mt.grid(3);
        break;
    }
    case Overlay::Glossary: {
        layoutPanel(c, tr(Str::Glossary, lang));
        if (!co)
            break;
        Flow f = bodyFlow();
        std::vector<const course::GlossaryTerm*> terms;
        for (const course::GlossaryTerm& t : co->glossary)
            terms.push_back(&t);
        std::sort(terms.begin(), terms.end(), [](auto* a, auto* b) {
            return core::foldForComparison(a->label) < core::foldForComparison(b->label);
        });
        for (const course::GlossaryTerm* t : terms) {
            f.text(plainRuns(t->label, mt.font(18, text::kBold)), Role::Heading, 1.3);
            f.space(mt.grid(0.5));
            f.text(toRuns(t->definition, mt.font(16)), Role::Text, 1.45, 0, -1,
                   "gloss:" + t->id + ":");
            f.space(mt.grid(2.5));
        }
        body.height = f.y() + mt.grid(2);
        break;
    }
    case Overlay::Settings: {
        layoutPanel(c, tr(Str::Settings, lang));
        Flow f = bodyFlow();
        auto section = [&](Str title) {
            f.space(mt.grid(1));
            f.text(plainRuns(tr(title, lang), mt.h3()), Role::Heading, 1.3);
            f.space(mt.grid(1.5));
        };
        auto choices = [&](const std::vector<std::tuple<std::string, std::string, bool>>& items) {
            int x = f.x(), y = f.y(), rowBottom = y;
            for (const auto& [id, label, selected] : items) {
                int bw = buttonWidth(c, mt, label);
                if (x + bw > f.x() + f.width() && x > f.x()) {
                    x = f.x();
                    y = rowBottom + mt.grid(1);
                }
                Rect r = addButton(body, c, mt, id, (selected ? "● " : "") + label, x, y,
                                   selected ? ButtonStyle::Primary : ButtonStyle::Secondary);
                x = r.right() + mt.grid(1);
                rowBottom = r.bottom();
            }
            f.setY(rowBottom + mt.grid(3));
        };
        section(Str::TextSize);
        {
            int y = f.y();
            Rect minus =
                addButton(body, c, mt, "set:size:-", "A −", f.x(), y, ButtonStyle::Secondary,
                          mt.px(72), settings_.textScale > Settings::kMinScale);
            std::string value = fmt::format("{} %", settings_.textScale);
            text::FontSpec vf = mt.font(20, text::kBold);
            int vw = std::max(c.width(value, vf), mt.px(72));
            body.add(DrawText{minus.right() + mt.grid(2) + (vw - c.width(value, vf)) / 2,
                              y + (minus.h - c.lineHeight(vf)) / 2 + c.ascent(vf),
                              c.width(value, vf), value, vf, Role::Heading});
            Rect plus = addButton(body, c, mt, "set:size:+", "A +", minus.right() + mt.grid(4) + vw,
                                  y, ButtonStyle::Secondary, mt.px(72),
                                  settings_.textScale < Settings::kMaxScale);
            f.setY(plus.bottom() + mt.grid(3));
        }
        section(Str::Theme);
        choices(
            {{"set:theme:light", tr(Str::ThemeLight, lang), settings_.theme == ThemeName::Light},
             {"set:theme:dark", tr(Str::ThemeDark, lang), settings_.theme == ThemeName::Dark},
             {"set:theme:contrast", tr(Str::ThemeContrast, lang),
              settings_.theme == ThemeName::HighContrast}});
        section(Str::Font);
        choices({{"set:font:0", tr(Str::FontDefault, lang), settings_.font == 0},
                 {"set:font:1", tr(Str::FontDyslexic, lang), settings_.font == 1}});
        section(Str::Language);
        choices({{"set:lang:fr", tr(Str::French, lang), settings_.lang == core::Lang::Fr},
                 {"set:lang:en", tr(Str::English, lang), settings_.lang == core::Lang::En}});
        body.height = f.y();
        break;
    }
    case Overlay::Help: {
        layoutPanel(c, tr(Str::HelpTitle, lang));
        Flow f = bodyFlow();
        std::istringstream lines(tr(Str::HelpKeys, lang));
        std::string line;
        const int keyW = std::min(f.width() * 2 / 5, mt.px(300));
        while (std::getline(lines, line)) {
            size_t tab = line.find('\t');
            std::string keys = line.substr(0, tab), what = line.substr(tab + 1);
            const int top = f.y();
            text::TextBlock a = f.textAt(plainRuns(keys, mt.font(16, text::kBold)), f.x(), top,
                                         keyW - mt.grid(2), Role::Heading, 1.4);
            text::TextBlock b = f.textAt(plainRuns(what, mt.font(16)), f.x() + keyW, top,
                                         f.width() - keyW, Role::Text, 1.4);
            f.setY(top + std::max(a.height, b.height) + mt.grid(1));
            body.add(DrawRect{
                {f.x(), f.y() - mt.grid(0.5), f.width(), std::max(1, mt.px(1))}, Role::Border, 0});
            f.space(mt.grid(0.5));
        }
        body.height = f.y() + mt.grid(2);
        break;
    }
    case Overlay::Results:
        layoutResults(c);
        break;
    case Overlay::Profiles:
        layoutProfiles(c);
        break;
    case Overlay::Term: {
        const course::GlossaryTerm* term = co ? co->findTerm(termId_) : nullptr;
        layoutPanel(c, term ? term->label : termId_);
        Flow f = bodyFlow();
        if (term)
            f.text(toRuns(term->definition, mt.body()), Role::Text, 1.5, 0, -1,
                   "gloss:" + term->id + ":");
        body.height = f.y() + mt.grid(2);
        break;
    }
    }

    // Centred and anchored overlays take the height of their content, within the screen.
    if (overlay_ == Overlay::Help || overlay_ == Overlay::Term) {
        Rect& v = overlayLayer_.viewport;
        const int headerH = v.y - overlayFrame_.y;
        const int maxBody = height_ * (overlay_ == Overlay::Term ? 6 : 8) / 10 - headerH;
        v.h = std::min(body.height, std::max(maxBody, mt.px(80)));
        overlayFrame_.h = headerH + v.h;
        if (overlay_ == Overlay::Term) {
            // Below the term when it fits, else above it.
            int y = termAnchor_.bottom() + mt.grid(1);
            if (y + overlayFrame_.h > height_ - mt.grid(1))
                y = std::max(mt.grid(1), termAnchor_.y - mt.grid(1) - overlayFrame_.h);
            const int dy = y - overlayFrame_.y;
            overlayFrame_.y = y;
            v.y += dy;
            overlayFixed_.shift(0, dy);
        } else {
            const int dy = (height_ - overlayFrame_.h) / 2 - overlayFrame_.y;
            overlayFrame_.y += dy;
            v.y += dy;
            overlayFixed_.shift(0, dy);
        }
        // The frame rectangles were drawn at the full height: resize them.
        for (size_t i = 0; i < 2 && i < overlayFixed_.items.size(); ++i)
            std::visit(
                [&](auto& d) {
                    using T = std::decay_t<decltype(d)>;
                    if constexpr (!std::is_same_v<T, DrawText>)
                        d.r = overlayFrame_;
                },
                overlayFixed_.items[i]);
    }
}

void Controller::layoutProfiles(Canvas& c) {
    const Metrics& mt = metrics_;
    const bool en = settings_.lang == core::Lang::En;
    layoutPanel(c, en ? "Learner profiles" : "Profils des apprenants");
    DisplayList& body = overlayLayer_.list;
    const int pad = mt.grid(3);
    Flow f(body, c, mt, pad, overlayLayer_.viewport.w - 2 * pad, mt.grid(2));
    f.text(
        plainRuns(en ? "Each person keeps their own progress. Choose your name, or add it."
                     : "Chacun garde sa propre progression. Choisissez votre nom, ou ajoutez-le.",
                  mt.body()),
        Role::Text, 1.5);
    f.space(mt.grid(2));
    for (size_t i = 0; i < learnerNames_.size(); ++i) {
        const bool current = learnerNames_[i] == options_.learnerName;
        Rect r = addButton(body, c, mt, "learner:" + std::to_string(i),
                           (current ? "● " : "") + learnerNames_[i], f.x(), f.y(),
                           current ? ButtonStyle::Primary : ButtonStyle::Secondary, f.width());
        f.setY(r.bottom() + mt.grid(1));
    }
    f.space(mt.grid(2));
    f.text(plainRuns(en ? "New profile" : "Nouveau profil", mt.h3()), Role::Heading, 1.3);
    f.space(mt.grid(1));
    const bool focused = focus_ == "learner:new";
    const int fieldH = std::max(mt.targetSize(), mt.px(48));
    Rect field{f.x(), f.y(), f.width(), fieldH};
    body.add(DrawRect{field, Role::Background, mt.px(4)});
    body.add(DrawBorder{field, focused ? Role::Primary : Role::Border,
                        focused ? std::max(2, mt.px(2)) : std::max(1, mt.px(1)), mt.px(4)});
    const text::FontSpec font = mt.body();
    std::string shown = newLearner_.empty() && !focused ? (en ? "Your name" : "Votre nom")
                                                        : newLearner_ + (focused ? "|" : "");
    body.add(DrawText{field.x + mt.grid(1.5),
                      field.y + (fieldH - c.lineHeight(font)) / 2 + c.ascent(font),
                      c.width(shown, font), shown, font,
                      newLearner_.empty() && !focused ? Role::TextMuted : Role::Text});
    body.hot("learner:new", field, HotKind::Choice);
    f.setY(field.bottom() + mt.grid(1.5));
    Rect b =
        addButton(body, c, mt, "learner:create", en ? "Add and continue" : "Ajouter et continuer",
                  f.x(), f.y(), ButtonStyle::Primary, 0, !newLearner_.empty());
    f.setY(b.bottom());
    body.height = f.y() + mt.grid(3);
}

void Controller::layoutResults(Canvas& c) {
    const Metrics& mt = metrics_;
    const core::Lang lang = settings_.lang;
    const bool en = lang == core::Lang::En;
    layoutPanel(c, tr(Str::MyResults, lang));
    DisplayList& body = overlayLayer_.list;
    const int pad = mt.grid(3);
    Flow f(body, c, mt, pad, overlayLayer_.viewport.w - 2 * pad, mt.grid(2));
    const std::vector<ResultsCourse> courses =
        options_.results ? options_.results() : std::vector<ResultsCourse>{};
    if (courses.empty())
        f.text(plainRuns(en ? "Nothing recorded yet." : "Rien n’est encore enregistré.", mt.body()),
               Role::TextMuted, 1.5);
    for (const ResultsCourse& rc : courses) {
        f.text(plainRuns(rc.title, mt.h3()), Role::Heading, 1.3);
        const char* status = rc.status == "completed"     ? (en ? "completed" : "terminée")
                             : rc.status == "in-progress" ? (en ? "in progress" : "en cours")
                                                          : (en ? "not started" : "pas commencée");
        std::string line = fmt::format("{} · {} min", status, (rc.timeMs + 59999) / 60000);
        if (rc.success == "passed")
            line += en ? " · passed" : " · réussie";
        f.text(plainRuns(line, mt.font(15, text::kBold)), Role::Primary, 1.4);
        for (const ResultsQuiz& q : rc.quizzes) {
            std::string text = q.title + " — ";
            if (q.bestPercent)
                text += fmt::format(
                    fmt::runtime(en ? "best {} % ({} attempt(s), last {}){}"
                                    : "meilleur {} % ({} tentative(s), dernière le {}){}"),
                    *q.bestPercent, q.attempts, q.lastDate,
                    q.passed ? (en ? ", passed" : ", réussi") : "");
            else
                text += en ? "not taken" : "pas encore tenté";
            f.space(mt.grid(0.5));
            f.text(plainRuns(text, mt.font(16)), Role::Text, 1.4, mt.grid(2));
        }
        f.space(mt.grid(2.5));
    }
    body.height = f.y() + mt.grid(2);
}

} // namespace cordee::ui
