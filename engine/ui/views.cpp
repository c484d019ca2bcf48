// The three screens (catalogue, course overview, step) and the bars around them.
#include "core/strings.hpp"
#include "course/course_stats.hpp"
#include "ui/block_view.hpp"
#include "ui/controller.hpp"

#include <fmt/format.h>

namespace cordee::ui {

using core::Str;
using core::tr;
using namespace player;

namespace {

std::string fmtStr(Str s, core::Lang lang, const std::string& a = "", const std::string& b = "") {
    return fmt::format(fmt::runtime(tr(s, lang)), a, b);
}

// The column the content uses: the reading width, centred, with margins on small screens.
std::pair<int, int> column(const Metrics& mt, int width, int maxWidth) {
    const int margin = std::max(mt.grid(2), width / 24);
    const int w = std::min(maxWidth, width - 2 * margin);
    return {(width - w) / 2, std::max(w, 1)};
}

std::string itemSummary(const course::ModuleItem& item, core::Lang lang) {
    if (const auto* l = std::get_if<course::Lesson>(&item))
        return fmt::format("{} · {} {}", tr(Str::Lesson, lang), l->pages.size(),
                           tr(Str::Pages, lang));
    if (const auto* q = std::get_if<course::Quiz>(&item))
        return fmt::format("{} · {} {}", tr(Str::Quiz, lang), q->drawCount(),
                           tr(Str::Questions, lang));
    return tr(Str::Scenario, lang);
}

} // namespace

void Controller::layoutTopBar(Canvas& c, bool courseButtons) {
    DisplayList& out = chrome_.list;
    const Metrics& mt = chromeMetrics_;
    const int barH = mt.px(64);
    out.add(DrawRect{{0, 0, width_, barH}, Role::Surface, 0});
    out.add(DrawRect{
        {0, barH - std::max(1, mt.px(1)), width_, std::max(1, mt.px(1))}, Role::Border, 0});
    const core::Lang lang = settings_.lang;
    const int y = (barH - std::max(mt.targetSize(), mt.px(48))) / 2;
    // Right side, from the right edge.
    std::vector<std::pair<std::string, Str>> buttons;
    if (courseButtons) {
        buttons.push_back({"nav:toc", Str::Contents});
        buttons.push_back({"nav:glossary", Str::Glossary});
    }
    if (!courseButtons && options_.results)
        buttons.push_back({"nav:results", Str::MyResults});
    buttons.push_back({"nav:settings", Str::Settings});
    buttons.push_back({"nav:help", Str::Help});
    int x = width_ - mt.grid(1);
    for (auto it = buttons.rbegin(); it != buttons.rend(); ++it) {
        std::string label = tr(it->second, lang);
        x -= buttonWidth(c, mt, label);
        Rect r = addButton(out, c, mt, it->first, label, x, y, ButtonStyle::Quiet);
        const bool open = (it->first == "nav:toc" && overlay_ == Overlay::Contents) ||
                          (it->first == "nav:glossary" && overlay_ == Overlay::Glossary) ||
                          (it->first == "nav:settings" && overlay_ == Overlay::Settings) ||
                          (it->first == "nav:results" && overlay_ == Overlay::Results) ||
                          (it->first == "nav:help" && overlay_ == Overlay::Help);
        if (open)
            out.add(DrawRect{{r.x + mt.grid(1), r.bottom() - mt.px(3), r.w - mt.grid(2), mt.px(3)},
                             Role::Primary,
                             0});
        x -= mt.grid(0.5);
    }
    // Left: the app name (home), then where we are.
    std::string name = tr(Str::AppName, lang);
    Rect home = addButton(out, c, mt, "nav:home", name, mt.grid(1), y, ButtonStyle::Quiet);
    if (courseButtons && currentCourse_) {
        const std::string& title = courses_[*currentCourse_].load.course.title;
        const int left = home.right() + mt.grid(1);
        const int room = x - left - mt.grid(2);
        text::FontSpec font = mt.font(16);
        if (room > mt.px(120)) {
            // Elide the course title to the room left: it is also the way back to the overview.
            // A very long title is not measured whole: it cannot fit anyway.
            const int avail = room - mt.grid(3);
            std::string shown = title;
            if (title.size() > text::kMaxFragmentBytes || c.width(title, font) > avail)
                shown = title.substr(0, text::fittingPrefixBytes(title, "…", avail, font, c)) + "…";
            int w = c.width(shown, font) + mt.grid(3);
            Rect r{left, y, w, std::max(mt.targetSize(), mt.px(48))};
            out.add(DrawText{left + mt.grid(1.5),
                             y + (r.h - c.lineHeight(font)) / 2 + c.ascent(font), w, shown, font,
                             Role::TextMuted});
            out.hot("nav:overview", r);
        }
    }
    chrome_.viewport = {0, 0, width_, height_};
    content_.viewport.y = barH;
    // Progress that is not being saved is said plainly, on every screen, until it is.
    if (options_.progress) {
        const std::string problem = options_.progress->problem(settings_.lang);
        if (!problem.empty()) {
            text::FontSpec font = mt.font(15, text::kBold);
            Flow strip(out, c, mt, mt.grid(2), width_ - mt.grid(4), barH + mt.grid(1));
            const size_t bg = out.items.size();
            out.add(DrawRect{});
            strip.text(plainRuns(problem, font), Role::WarningAccent, 1.3);
            const int h = strip.y() - barH + mt.grid(1);
            out.items[bg] = DrawRect{{0, barH, width_, h}, Role::WarningBack, 0};
            content_.viewport.y = barH + h;
        }
    }
}

void Controller::layoutBottomBar(Canvas& c) {
    DisplayList& out = chrome_.list;
    const Metrics& mt = chromeMetrics_;
    const core::Lang lang = settings_.lang;
    const int barH = mt.px(72);
    const int top = height_ - barH;
    out.add(DrawRect{{0, top, width_, barH}, Role::Surface, 0});
    out.add(DrawRect{{0, top, width_, std::max(1, mt.px(1))}, Role::Border, 0});
    const int bh = std::max(mt.targetSize(), mt.px(48));
    const int y = top + (barH - bh) / 2;
    const Session& s = *session_;
    const bool first = s.current() == 0;
    const bool last = s.current() + 1 >= s.outline().size();
    const bool nextLocked = !last && !s.isStepReachable(s.current() + 1);
    Rect prev = addButton(out, c, mt, "nav:prev", "← " + std::string(tr(Str::Previous, lang)),
                          mt.grid(2), y, ButtonStyle::Secondary, 0, !first);
    std::string nextLabel = std::string(tr(Str::Next, lang)) + " →";
    int nw = buttonWidth(c, mt, nextLabel);
    Rect next = addButton(out, c, mt, "nav:next", nextLabel, width_ - mt.grid(2) - nw, y,
                          ButtonStyle::Primary, 0, !last && !nextLocked);
    // Centre: where we are, and the module's progress.
    Session::Position p = s.position();
    const int left = prev.right() + mt.grid(2), right = next.x - mt.grid(2);
    if (right - left > mt.px(120)) {
        std::string where = fmtStr(Str::PageOf, lang, std::to_string(p.indexInCourse),
                                   std::to_string(s.outline().size()));
        text::FontSpec font = mt.font(15, text::kBold);
        int w = c.width(where, font);
        int cx = (left + right) / 2;
        out.add(DrawText{cx - w / 2, top + barH / 2 - mt.px(6), w, where, font, Role::Text});
        const int barW = std::min(right - left, mt.px(240));
        Rect track{cx - barW / 2, top + barH / 2 + mt.px(6), barW, mt.px(6)};
        out.add(DrawRect{track, Role::SurfaceAlt, mt.px(3)});
        if (p.stepsInModule > 0 && p.stepsDoneInModule > 0)
            out.add(DrawRect{{track.x, track.y,
                              static_cast<int>(track.w * p.stepsDoneInModule / p.stepsInModule),
                              track.h},
                             Role::Primary,
                             mt.px(3)});
    }
    content_.viewport.h = top - content_.viewport.y;
}

BlockContext Controller::blockContext(Canvas& c) const {
    const Metrics& mt = metrics_;
    BlockContext ctx{settings_.lang, [&c](const std::string& p) { return c.imageSize(p); },
                     options_.kiosk,
                     std::min(mt.px(840), width_ - 2 * std::max(mt.grid(2), width_ / 24))};
    // The caption and a line of text above should fit on the screen with the figure.
    ctx.figureHeight = std::max(mt.px(200), content_.viewport.h - mt.px(96));
    return ctx;
}

void Controller::layoutCatalogue(Canvas& c) {
    layoutTopBar(c, false);
    content_.viewport = {0, content_.viewport.y, width_, height_ - content_.viewport.y};
    const Metrics& mt = metrics_;
    const core::Lang lang = settings_.lang;
    auto [x, w] = column(mt, width_, mt.px(1120));
    DisplayList& out = content_.list;
    Flow f(out, c, mt, x, w, mt.grid(5));
    f.text(plainRuns(tr(Str::Catalogue, lang), mt.h1()), Role::Heading, 1.2);
    f.space(mt.grid(1));
    f.text(plainRuns(tr(Str::CatalogueIntro, lang), mt.body()), Role::TextMuted, 1.5);
    if (!options_.learnerName.empty()) {
        f.space(mt.grid(1.5));
        const int top = f.y();
        text::TextBlock who = f.textAt(
            plainRuns(fmt::format(
                          fmt::runtime(lang == core::Lang::En ? "Learner: {}" : "Apprenant·e : {}"),
                          options_.learnerName),
                      mt.font(16, text::kBold)),
            f.x(), top + mt.grid(1), w / 2, Role::Primary, 1.4);
        int bottom = top + who.height + mt.grid(2);
        if (options_.switchLearner) {
            Rect b = addButton(out, c, mt, "nav:profiles",
                               lang == core::Lang::En ? "Change profile" : "Changer de profil",
                               f.x() + who.width + mt.grid(2), top, ButtonStyle::Secondary);
            bottom = std::max(bottom, b.bottom());
        }
        f.setY(bottom);
    }
    f.space(mt.grid(4));
    if (courses_.empty()) {
        f.text(plainRuns(tr(Str::NoCourses, lang), mt.body()), Role::Text, 1.5);
    }
    const int gap = mt.grid(3);
    const int columns = std::max(1, std::min(3, (w + gap) / (mt.px(340) + gap)));
    const int cardW = (w - gap * (columns - 1)) / columns;
    const int pad = mt.grid(3);
    size_t i = 0;
    while (i < courses_.size()) {
        const int rowTop = f.y();
        int rowH = 0;
        std::vector<size_t> backs;
        for (int col = 0; col < columns && i < courses_.size(); ++col, ++i) {
            const CourseEntry& entry = courses_[i];
            const course::Course& co = entry.load.course;
            const int cx = x + col * (cardW + gap);
            backs.push_back(out.items.size());
            out.add(DrawRect{});
            out.add(DrawBorder{});
            Flow card(out, c, mt, cx + pad, cardW - 2 * pad, rowTop + pad);
            std::string title = co.title.empty() ? entry.path.filename().string() : co.title;
            card.text(plainRuns(title, mt.font(22, text::kBold)), Role::Heading, 1.25);
            if (!co.subtitle.empty()) {
                card.space(mt.grid(1));
                card.text(plainRuns(co.subtitle, mt.font(16)), Role::TextMuted, 1.4);
            }
            if (co.meta.durationMinutes) {
                card.space(mt.grid(1.5));
                card.text(plainRuns(fmt::format("{} {}", *co.meta.durationMinutes,
                                                tr(Str::Minutes, lang)),
                                    mt.font(15, text::kBold)),
                          Role::Primary, 1.4);
            }
            if (!co.meta.audience.empty()) {
                card.space(mt.grid(0.5));
                card.text(plainRuns(co.meta.audience, mt.font(15)), Role::TextMuted, 1.4, 0, -1, "",
                          2);
            }
            if (!entry.load.ok()) {
                card.space(mt.grid(1.5));
                card.text(
                    plainRuns(fmt::format(
                                  fmt::runtime(lang == core::Lang::En
                                                   ? "This course has {} error(s) and cannot "
                                                     "open. Check it with cordee-lint."
                                                   : "Ce cours contient {} erreur(s) et ne peut "
                                                     "pas s’ouvrir. Vérifiez-le avec cordee-lint."),
                                  entry.load.diagnostics.errorCount()),
                              mt.font(15)),
                    Role::WarningAccent, 1.4);
            } else if (!co.description.empty()) {
                card.space(mt.grid(1.5));
                card.text(untagged(toRuns(co.description, mt.font(16))), Role::Text, 1.45, 0, -1,
                          "", 5);
            }
            if (entry.outline) {
                double progress = courseProgress(*entry.outline, entry.facts);
                if (progress > 0) {
                    card.space(mt.grid(2));
                    Rect track{card.x(), card.y(), card.width(), mt.px(6)};
                    out.add(DrawRect{track, Role::SurfaceAlt, mt.px(3)});
                    out.add(
                        DrawRect{{track.x, track.y, static_cast<int>(track.w * progress), track.h},
                                 Role::Primary,
                                 mt.px(3)});
                    card.space(track.h);
                }
            }
            rowH = std::max(rowH, card.y() + pad - rowTop);
        }
        for (size_t k = 0; k < backs.size(); ++k) {
            size_t index = i - backs.size() + k;
            Rect r{x + static_cast<int>(k) * (cardW + gap), rowTop, cardW, rowH};
            out.items[backs[k]] = DrawRect{r, Role::Surface, mt.px(8)};
            out.items[backs[k] + 1] = DrawBorder{r, Role::Border, std::max(1, mt.px(1)), mt.px(8)};
            out.hot("course:" + std::to_string(index), r, HotKind::Card, courses_[index].load.ok());
        }
        f.setY(rowTop + rowH + gap);
    }
    out.height = f.y() + mt.grid(4);
}

void Controller::layoutOverview(Canvas& c) {
    layoutTopBar(c, true);
    content_.viewport = {0, content_.viewport.y, width_, height_ - content_.viewport.y};
    const Metrics& mt = metrics_;
    const core::Lang lang = settings_.lang;
    const Session& s = *session_;
    const course::Course& co = s.course();
    auto [x, w] = column(mt, width_, mt.readingWidth());
    DisplayList& out = content_.list;
    Flow f(out, c, mt, x, w, mt.grid(5));
    f.text(plainRuns(co.title, mt.h1()), Role::Heading, 1.2);
    if (!co.subtitle.empty()) {
        f.space(mt.grid(1));
        f.text(plainRuns(co.subtitle, mt.font(20)), Role::TextMuted, 1.35);
    }
    std::string meta;
    if (co.meta.durationMinutes)
        meta = fmt::format("{} : {} {}", tr(Str::Duration, lang), *co.meta.durationMinutes,
                           tr(Str::Minutes, lang));
    if (!co.meta.audience.empty())
        meta += (meta.empty() ? "" : " · ") +
                fmt::format("{} : {}", tr(Str::Audience, lang), co.meta.audience);
    if (!meta.empty()) {
        f.space(mt.grid(1.5));
        f.text(plainRuns(meta, mt.font(15, text::kBold)), Role::Primary, 1.4);
    }
    if (!co.description.empty()) {
        f.space(mt.grid(2));
        f.text(toRuns(co.description, mt.body()), Role::Text, mt.bodySpacing(), 0, -1, "desc:");
    }
    f.space(mt.grid(3));
    const bool started = !s.facts().visitedPages.empty();
    Rect start =
        addButton(out, c, mt, "overview:start", tr(started ? Str::Resume : Str::Start, lang), x,
                  f.y(), ButtonStyle::Primary, mt.px(200));
    f.setY(start.bottom() + mt.grid(4));

    if (!co.objectives.empty()) {
        f.text(plainRuns(tr(Str::Objectives, lang), mt.h2()), Role::Heading, 1.25);
        f.space(mt.grid(1.5));
        course::ListBlock objectives{false, co.objectives};
        BlockContext ctx{lang, {}, options_.kiosk};
        layoutBlocks(f, {objectives}, ctx, "obj:");
        f.space(mt.grid(1));
    }
    f.text(plainRuns(tr(Str::Modules, lang), mt.h2()), Role::Heading, 1.25);
    f.space(mt.grid(2));
    const CourseOutline& outline = s.outline();
    for (size_t m = 0; m < co.modules.size(); ++m) {
        const course::Module& module = co.modules[m];
        const bool unlocked = isModuleUnlocked(outline, m, s.facts());
        const bool complete = isModuleComplete(outline, m, s.facts());
        const int top = f.y();
        const size_t back = out.items.size();
        out.add(DrawRect{});
        out.add(DrawBorder{});
        const int pad = mt.grid(2.5);
        Flow card(out, c, mt, x + pad, w - 2 * pad, top + pad);
        std::string label = fmt::format("{} {}", tr(Str::Module, lang), m + 1);
        if (complete)
            label += " · ✓";
        card.text(plainRuns(label, mt.font(14, text::kBold)),
                  unlocked ? Role::Primary : Role::Locked, 1.2);
        card.space(mt.grid(0.5));
        card.text(plainRuns(module.title, mt.h3()), unlocked ? Role::Heading : Role::Locked, 1.3);
        if (!unlocked) {
            std::string names;
            for (const std::string& req : module.prerequisites)
                if (const course::Module* r = co.findModule(req))
                    names += (names.empty() ? "« " : ", « ") + r->title + " »";
            card.space(mt.grid(1));
            card.text(plainRuns(tr(Str::Locked, lang) + std::string(" — ") +
                                    fmtStr(Str::LockedUntil, lang, names),
                                mt.font(15)),
                      Role::TextMuted, 1.4);
        } else if (!module.description.empty()) {
            card.space(mt.grid(1));
            card.text(toRuns(module.description, mt.font(16)), Role::TextMuted, 1.45);
        }
        card.space(mt.grid(1.5));
        for (size_t item = 0; item < module.items.size(); ++item) {
            // The first step of the item: where a click on its row goes.
            size_t step = outline.moduleBegin(m);
            while (step < outline.moduleEnd(m) && outline.steps()[step].item != item)
                ++step;
            const course::ModuleItem& it = module.items[item];
            std::string title = std::visit([](const auto& x) { return x.title; }, it);
            bool done = true;
            for (size_t k = step; k < outline.moduleEnd(m) && outline.steps()[k].item == item; ++k)
                done = done && isStepDone(outline, outline.steps()[k], s.facts());
            const int rowTop = card.y();
            const int rowH = std::max(mt.targetSize(), mt.px(56));
            Rect row{card.x() - mt.grid(1), rowTop, card.width() + mt.grid(2), rowH};
            const text::FontSpec kindFont = mt.font(14, text::kBold);
            std::string kind = itemSummary(it, lang);
            // The best result so far, where there is one.
            if (const auto* q = std::get_if<course::Quiz>(&it))
                if (auto best = session_->quizRun(*q).bestPercent())
                    kind += fmt::format(fmt::runtime(lang == core::Lang::En ? " · best {} %"
                                                                            : " · meilleur : {} %"),
                                        *best);
            int kindW = c.width(kind, kindFont);
            const int textTop = rowTop + (rowH - c.lineHeight(mt.font(17))) / 2;
            card.textAt(plainRuns(title, mt.font(17)), card.x(), textTop,
                        card.width() - kindW - mt.grid(6), unlocked ? Role::Text : Role::Locked);
            out.add(DrawText{card.x() + card.width() - kindW - (done ? mt.grid(3) : 0),
                             rowTop + (rowH - c.lineHeight(kindFont)) / 2 + c.ascent(kindFont),
                             kindW, kind, kindFont, Role::TextMuted});
            if (done && unlocked) {
                text::FontSpec check = mt.font(17, text::kBold);
                out.add(DrawText{card.x() + card.width() - c.width("✓", check),
                                 textTop + c.ascent(check), c.width("✓", check), "✓", check,
                                 Role::KeyAccent});
            }
            out.add(DrawRect{{card.x(), rowTop + rowH - 1, card.width(), std::max(1, mt.px(1))},
                             Role::Border,
                             0});
            out.hot("step:" + std::to_string(step), row, HotKind::Card, unlocked);
            card.setY(rowTop + rowH);
        }
        Rect r{x, top, w, card.y() + pad - top};
        out.items[back] = DrawRect{r, Role::Surface, mt.px(8)};
        out.items[back + 1] = DrawBorder{r, Role::Border, std::max(1, mt.px(1)), mt.px(8)};
        f.setY(r.bottom() + mt.grid(2));
    }
    out.height = f.y() + mt.grid(4);
}

void Controller::layoutStep(Canvas& c) {
    layoutTopBar(c, true);
    layoutBottomBar(c);
    content_.viewport.x = 0;
    content_.viewport.w = width_;
    const Metrics& mt = metrics_;
    const core::Lang lang = settings_.lang;
    const Session& s = *session_;
    const CourseOutline& outline = s.outline();
    const Step& step = s.currentStep();
    const course::Module& module = s.course().modules[step.module];
    auto [x, w] = column(mt, width_, mt.readingWidth());
    DisplayList& out = content_.list;
    Flow f(out, c, mt, x, w, mt.grid(4));
    // Breadcrumbs: module › lesson.
    std::string crumbs =
        fmt::format("{} {} · {}", tr(Str::Module, lang), step.module + 1, module.title);
    if (const course::Lesson* lesson = outline.lesson(step))
        crumbs += " › " + lesson->title;
    f.text(plainRuns(crumbs, mt.font(15)), Role::TextMuted, 1.4);
    f.space(mt.grid(1.5));
    f.text(plainRuns(outline.title(step), mt.h1()), Role::Heading, 1.2);
    f.space(mt.grid(3));
    BlockContext ctx = blockContext(c);
    ctx.check = [this](Flow& flow, const course::Check& check) {
        layoutCheck(flow, check);
    };
    ctx.reflection = [this](Flow& flow, const course::Reflection& r) {
        layoutReflection(flow, r);
    };
    if (const course::Page* page = outline.page(step)) {
        layoutBlocks(f, page->blocks, ctx);
    } else if (const course::Quiz* quiz = outline.quiz(step)) {
        layoutQuiz(c, f, *quiz);
    } else if (const course::Scenario* sc = outline.scenario(step)) {
        layoutScenario(c, f, *sc);
    }
    if (s.current() + 1 == outline.size() && step.kind == StepKind::Page) {
        f.space(mt.grid(2));
        f.text(plainRuns(tr(Str::EndOfCourse, lang), mt.h3()), Role::KeyAccent, 1.3);
    }
    out.height = f.y() + mt.grid(4);
}

} // namespace cordee::ui
