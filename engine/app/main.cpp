// cordee: the course player. A window (default), a PNG of one view (--screenshot, no display
// needed), or the terminal (--text). All three drive the same engine.
#include "app/catalogue_loader.hpp"
#include "app/options.hpp"
#include "app/sdl_input.hpp"
#include "app/settings_file.hpp"
#include "core/strings.hpp"
#include "lrs/background_sync.hpp"
#include "progress/store_sink.hpp"
#include "render/font_set.hpp"
#include "render/sdl_canvas.hpp"
#include "terminal/text_player.hpp"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <csignal>
#include <cstdio>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <pwd.h>
#include <sstream>
#include <time.h>
#include <unistd.h>

using namespace cordee;

namespace {

// The learner's name: --learner, else the account's full name, else its login.
std::string learnerName(const app::Options& o) {
    if (!o.learner.empty())
        return o.learner;
    if (const passwd* pw = getpwuid(getuid())) {
        std::string gecos = pw->pw_gecos ? pw->pw_gecos : "";
        gecos = gecos.substr(0, gecos.find(','));
        if (!gecos.empty())
            return gecos;
        if (pw->pw_name && *pw->pw_name)
            return pw->pw_name;
    }
    if (const char* user = std::getenv("USER"))
        return user;
    return "apprenant";
}

// Milliseconds since the process started (not since main()): what a user waits for.
double msSinceProcessStart() {
    std::ifstream stat("/proc/self/stat");
    std::string content((std::istreambuf_iterator<char>(stat)), {});
    size_t close = content.rfind(')');
    std::istringstream fields(content.substr(close + 2));
    std::string field;
    unsigned long long start = 0;
    for (int i = 3; i <= 22 && fields >> field; ++i)
        if (i == 22)
            start = std::stoull(field);
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double startMs = 1000.0 * static_cast<double>(start) / sysconf(_SC_CLK_TCK);
    return now.tv_sec * 1000.0 + now.tv_nsec / 1e6 - startMs;
}

void printErrors(const ui::CourseEntry& entry, core::Lang lang) {
    for (const core::Diagnostic& d : entry.load.diagnostics.sorted())
        if (d.severity == core::Severity::Error)
            std::cerr << core::formatDiagnostic(d, lang) << "\n";
}

ui::Settings effectiveSettings(const app::Options& o) {
    ui::Settings s;
    if (!o.noSettings && o.screenshot.empty())
        s = app::loadSettings(app::settingsPath());
    if (o.scale)
        s.textScale = *o.scale;
    if (!o.theme.empty())
        ui::parseTheme(o.theme, s.theme);
    if (!o.font.empty())
        s.font = o.font == "opendyslexic" ? 1 : 0;
    if (!o.lang.empty())
        s.lang = core::parseLang(o.lang);
    return s;
}

// Places the controller where the options ask: a page, a course overview, or the catalogue.
bool navigate(ui::Controller& c, const app::Catalogue& cat, const app::Options& o,
              core::Lang lang) {
    if (!o.overlay.empty()) {
        // Panels that need a course are shown over its overview when no page is named.
        const ui::Overlay overlay = o.overlay == "contents"   ? ui::Overlay::Contents
                                    : o.overlay == "glossary" ? ui::Overlay::Glossary
                                    : o.overlay == "settings" ? ui::Overlay::Settings
                                                              : ui::Overlay::Help;
        bool ok = navigate(c, cat, {.course = o.course, .page = o.page}, lang);
        c.openOverlay(overlay);
        return ok;
    }
    if (!cat.selected)
        return true;
    if (!o.page.empty()) {
        if (!c.showStep(*cat.selected, o.page, true)) {
            std::cerr << "cordee: "
                      << (lang == core::Lang::En ? "no page, quiz or scenario with id "
                                                 : "aucune page, aucun quiz ni scénario d’id ")
                      << "« " << o.page << " »\n";
            return false;
        }
        return true;
    }
    c.showOverview(*cat.selected);
    return true;
}

// The LRS settings (--lrs-config, or lrs.ini beside the settings file): a device with none
// does not sync; one with a broken file says every problem and plays on without syncing.
std::unique_ptr<lrs::BackgroundSync> startLrsSync(const app::Options& o,
                                                  const std::filesystem::path& db) {
    const std::filesystem::path file = o.lrsConfig.empty()
                                           ? app::settingsPath().parent_path() / "lrs.ini"
                                           : std::filesystem::path(o.lrsConfig);
    const lrs::LrsConfigResult r = lrs::readLrsConfig(file);
    if (!r.present) {
        if (!o.lrsConfig.empty())
            std::cerr << "cordee: " << file.string() << ": fichier introuvable / no such file\n";
        return nullptr;
    }
    for (const std::string& e : r.errors)
        std::cerr << e << "\n";
    if (!r.ok())
        return nullptr;
    const std::optional<std::string> secret = lrs::readSecret(r.config.secretFile);
    if (!secret) {
        std::cerr << "cordee: " << r.config.secretFile
                  << ": secret illisible, pas d’envoi au LRS / cannot read the secret, no sync\n";
        return nullptr;
    }
    return std::make_unique<lrs::BackgroundSync>(db, r.config, *secret);
}

// How long quitting waits for actions kept in memory to reach the file (a lock that goes,
// a disk that gets room), before saying how many could not be saved.
constexpr std::chrono::milliseconds kQuitBudget{3000};

// Said when the player ends with actions it could not write: never a silent loss. The cause
// is said in a few words (the notice shown while playing promises a later save: not now).
std::string unsavedAtQuit(size_t count, const progress::StoreSink& sink, core::Lang lang) {
    if (count == 0)
        return "";
    const bool en = lang == core::Lang::En;
    std::string cause;
    switch (sink.storeProblem()) {
    case progress::StoreProblem::Full:
        cause = en ? "the disk is full" : "espace disque plein";
        break;
    case progress::StoreProblem::Locked:
        cause = en ? "the file is locked by another program"
                   : "le fichier est verrouillé par un autre programme";
        break;
    case progress::StoreProblem::ReadOnly:
        cause = en ? "the file is read-only" : "le fichier est en lecture seule";
        break;
    default:
        cause = en ? "the progress file cannot be written" : "le fichier ne peut pas être écrit";
    }
    return en ? fmt::format("{} action(s) could not be saved to the progress file and are lost "
                            "with this session ({}).",
                            count, cause)
              : fmt::format("{} action(s) n’ont pas pu être enregistrées dans le fichier de "
                            "progression et sont perdues avec cette session ({}).",
                            count, cause);
}

// In the text mode a signal (SIGTERM at shutdown, Ctrl-C, a closed terminal) ends the session
// as the end of input does, so that waiting actions are retried and the loss is said: the
// handler closes standard input, which ends a read in progress and every later one.
void endInput(int) {
    close(STDIN_FILENO);
}

int playText(app::Catalogue& cat, const app::Options& o, const ui::Settings& s,
             progress::StoreSink* sink) {
    // Said first, before anything is answered: this learner's progress is not being saved.
    if (sink && !sink->problem(s.lang).empty())
        std::cout << sink->problem(s.lang) << "\n";
    std::optional<size_t> chosen = cat.selected;
    if (!chosen) {
        // No --course: choose from the catalogue, as numbered choices.
        std::cout << core::tr(core::Str::Catalogue, s.lang) << "\n";
        for (size_t i = 0; i < cat.courses.size(); ++i)
            std::cout << i + 1 << ") " << cat.courses[i].load.course.title << "\n";
        std::cout << "> " << std::flush;
        std::string line;
        if (!std::getline(std::cin, line))
            return 0;
        try {
            size_t n = std::stoul(line);
            if (n >= 1 && n <= cat.courses.size())
                chosen = n - 1;
        } catch (...) {
        }
        if (!chosen)
            return 0;
    }
    ui::CourseEntry& entry = cat.courses[*chosen];
    if (!entry.load.ok())
        return 1;
    player::CourseOutline outline(entry.load.course);
    player::Session session(outline);
    if (o.seed)
        session.seedSource = [seed = *o.seed]() mutable {
            return seed++;
        };
    session.attach(sink);
    size_t start = session.resumeStep();
    if (!o.page.empty()) {
        auto step = outline.findStep(o.page);
        if (!step) {
            std::cerr << "cordee: "
                      << (s.lang == core::Lang::En ? "no page, quiz or scenario with id "
                                                   : "aucune page, aucun quiz ni scénario d’id ")
                      << "« " << o.page << " »\n";
            return 1;
        }
        start = *step;
    }
    session.goTo(start, true);
    // A question id: that question alone, as the window's preview shows it.
    if (const course::Quiz* quiz = outline.quiz(outline.steps()[start]); quiz && quiz->id != o.page)
        for (size_t i = 0; i < quiz->questions.size(); ++i)
            if (quiz->questions[i].id == o.page)
                session.quizRun(*quiz).startPreview(static_cast<int>(i), session.seedSource());
    // A scene or an ending id: that one, as the window's preview shows it.
    if (const course::Scenario* sc = outline.scenario(outline.steps()[start]);
        sc && sc->id != o.page)
        session.scenarioRun(*sc).jumpTo(o.page);
    terminal::PlainTextOptions po{s.lang, 80, o.kiosk};
    if (const char* cols = std::getenv("COLUMNS"))
        po.columns = std::clamp(std::atoi(cols), 40, 200);
    return terminal::runTextPlayer(session, std::cin, std::cout, po);
}

int runText(app::Catalogue& cat, const app::Options& o, const ui::Settings& s,
            progress::StoreSink* sink) {
    struct sigaction sa {};
    sa.sa_handler = endInput;
    sigemptyset(&sa.sa_mask);
    for (int sig : {SIGTERM, SIGINT, SIGHUP})
        sigaction(sig, &sa, nullptr);
    const int status = playText(cat, o, s, sink);
    if (sink) {
        const std::string loss = unsavedAtQuit(sink->drain(kQuitBudget), *sink, s.lang);
        if (!loss.empty()) {
            std::cout << loss << "\n" << std::flush;
            std::cerr << "cordee: " << loss << "\n";
        }
    }
    return status;
}

int runScreenshot(ui::Controller& c, const app::Options& o) {
    render::FontSet fonts;
    if (!fonts.ok()) {
        std::cerr << "cordee: " << fonts.error() << "\n";
        return 1;
    }
    SDL_Surface* surface =
        SDL_CreateRGBSurfaceWithFormat(0, o.width, o.height, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer* renderer = surface ? SDL_CreateSoftwareRenderer(surface) : nullptr;
    if (!renderer) {
        std::cerr << "cordee: " << SDL_GetError() << "\n";
        return 1;
    }
    int status = 0;
    {
        render::SdlCanvas canvas(renderer, fonts);
        c.setViewport(o.width, o.height, 1.0);
        c.paint(canvas);
        SDL_RenderPresent(renderer);
        if (IMG_SavePNG(surface, o.screenshot.c_str()) != 0) {
            std::cerr << "cordee: " << o.screenshot << ": " << IMG_GetError() << "\n";
            status = 1;
        }
    }
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    return status;
}

// At quit with actions still waiting: try again for a while, then say how many are lost —
// in a dialog when the learner closed the window (they may free the disk and retry), on
// stderr always (a shutdown's SIGTERM leaves no one to click).
void quitWindow(SDL_Window* window, progress::StoreSink* sink, bool closedByLearner,
                core::Lang lang) {
    if (!sink)
        return;
    for (;;) {
        const std::string loss = unsavedAtQuit(sink->drain(kQuitBudget), *sink, lang);
        if (loss.empty())
            return;
        std::cerr << "cordee: " << loss << "\n";
        if (!closedByLearner)
            return;
        const bool en = lang == core::Lang::En;
        const SDL_MessageBoxButtonData buttons[] = {
            {SDL_MESSAGEBOX_BUTTON_RETURNKEY_DEFAULT, 1, en ? "Try again" : "Réessayer"},
            {SDL_MESSAGEBOX_BUTTON_ESCAPEKEY_DEFAULT, 0, en ? "Quit anyway" : "Quitter quand même"},
        };
        const SDL_MessageBoxData box{SDL_MESSAGEBOX_WARNING,
                                     window,
                                     en ? "Progress not saved" : "Progression non enregistrée",
                                     loss.c_str(),
                                     2,
                                     buttons,
                                     nullptr};
        int chosen = 0;
        if (SDL_ShowMessageBox(&box, &chosen) != 0 || chosen != 1)
            return;
    }
}

int runWindow(ui::Controller& c, const app::Options& o, progress::StoreSink* sink) {
    // The software renderer needs no OpenGL context: without this hint SDL still opens one
    // (loading Mesa and LLVM: ~75 ms and ~55 MB under Xvfb).
    if (o.renderer == "software")
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::cerr << "cordee: " << SDL_GetError() << "\n";
        return 1;
    }
    render::FontSet fonts;
    if (!fonts.ok()) {
        std::cerr << "cordee: " << fonts.error() << "\n";
        return 1;
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (o.kiosk)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_Window* window = SDL_CreateWindow("Cordée", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                          o.width, o.height, flags);
    if (!window) {
        std::cerr << "cordee: " << SDL_GetError() << "\n";
        return 1;
    }
    SDL_SetWindowMinimumSize(window, 1024, 600);
    SDL_Renderer* renderer = SDL_CreateRenderer(
        window, -1, o.renderer == "software" ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED);
    if (!renderer)
        renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
    if (!renderer) {
        std::cerr << "cordee: " << SDL_GetError() << "\n";
        return 1;
    }
    SDL_StopTextInput(); // on only while a text field has the focus (no stray IME popups)
    bool textInput = false;
    const std::filesystem::path settingsFile = app::settingsPath();
    {
        render::SdlCanvas canvas(renderer, fonts);
        int winW = 0, winH = 0, pixW = 0, pixH = 0;
        double density = 1.0;
        auto resize = [&] {
            SDL_GetWindowSize(window, &winW, &winH);
            SDL_GetRendererOutputSize(renderer, &pixW, &pixH);
            density = winW > 0 ? static_cast<double>(pixW) / winW : 1.0;
            c.setViewport(pixW, pixH, density);
        };
        resize();
        bool running = true, redraw = true, first = true, closedByLearner = false;
        double inputMs = 0; // handling the events that led to a frame counts in its time
        while (running) {
            if (redraw) {
                const Uint64 t0 = SDL_GetPerformanceCounter();
                c.paint(canvas);
                SDL_RenderPresent(renderer);
                redraw = false;
                if (o.reportTiming) {
                    const double ms =
                        (SDL_GetPerformanceCounter() - t0) * 1000.0 / SDL_GetPerformanceFrequency();
                    if (first)
                        std::fprintf(stderr, "first-frame-ms %.1f\n", msSinceProcessStart());
                    else
                        std::fprintf(stderr, "frame-ms %.2f\n", ms + inputMs);
                    first = false;
                }
            }
            // Idle means asleep here: no polling, no redraw without an event. The one timer:
            // while actions wait in memory (a full disk, a lock), they are tried again every
            // two seconds, and the screen says when they are saved.
            SDL_Event e;
            if (sink && !sink->allSaved()) {
                if (!SDL_WaitEventTimeout(&e, 2000)) {
                    if (sink->flush()) { // saved at last: the notices go
                        c.invalidate();
                        redraw = true;
                    }
                    continue;
                }
            } else if (!SDL_WaitEvent(&e)) {
                break;
            }
            const Uint64 inputStart = SDL_GetPerformanceCounter();
            do {
                if (e.type == SDL_QUIT) {
                    running = false;
                } else if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE) {
                    closedByLearner = true; // SDL_QUIT follows; a SIGTERM comes without this
                } else if (e.type == SDL_WINDOWEVENT &&
                           (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
                            e.window.event == SDL_WINDOWEVENT_EXPOSED)) {
                    resize();
                    redraw = true;
                } else if (e.type == SDL_RENDER_TARGETS_RESET ||
                           e.type == SDL_RENDER_DEVICE_RESET) {
                    canvas.clearCaches();
                    redraw = true;
                } else if (auto in = app::translateEvent(e, density, pixW, pixH)) {
                    redraw = c.handle(*in) || redraw;
                }
            } while (SDL_PollEvent(&e));
            inputMs =
                (SDL_GetPerformanceCounter() - inputStart) * 1000.0 / SDL_GetPerformanceFrequency();
            if (c.wantsTextInput() != textInput) {
                textInput = c.wantsTextInput();
                textInput ? SDL_StartTextInput() : SDL_StopTextInput();
            }
            if (c.settingsDirty() && !o.noSettings)
                app::saveSettings(settingsFile, c.settings());
        }
        quitWindow(window, sink, closedByLearner, c.settings().lang);
    }
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    app::Options o;
    if (auto status = app::parseOptions(argc, argv, o))
        return *status;
    ui::Settings settings = effectiveSettings(o);
    app::Catalogue cat = app::loadCatalogue(app::courseSearchPath(o.coursesDir), o.course);
    if (cat.selected && !cat.courses[*cat.selected].load.ok()) {
        printErrors(cat.courses[*cat.selected], settings.lang);
        return 1;
    }
    // Progress: a store that cannot be used never stops the player; it says so instead.
    // A preview (--screenshot) records nothing and shows no one's progress.
    progress::Store store(!o.screenshot.empty() ? std::filesystem::path(":memory:")
                          : o.db.empty()        ? progress::defaultStorePath()
                                                : std::filesystem::path(o.db));
    std::optional<progress::StoreSink> sink;
    if (auto learner = store.ensureLearner(learnerName(o)))
        sink.emplace(store, *learner);
    else
        sink.emplace(store, progress::Learner{0, learnerName(o), learnerName(o), ""});
    if (store.problem() != progress::StoreProblem::None)
        std::cerr << "cordee: progress: " << store.detail() << "\n";
    // A device configured for an LRS sends its records by itself, in a thread of its own.
    std::unique_ptr<lrs::BackgroundSync> lrsSync;
    if (o.screenshot.empty())
        lrsSync = startLrsSync(o, store.path());
    if (lrsSync)
        sink->onActivityDone = [&lrsSync] {
            lrsSync->kick();
        };
    if (!store.movedAside().empty()) {
        const std::string notice =
            (settings.lang == core::Lang::En
                 ? "the progress file was damaged; it was kept as "
                 : "le fichier de progression était abîmé ; il est gardé sous ") +
            store.movedAside().string();
        std::cerr << "cordee: " << notice << "\n";
        if (o.text) // the learner reads the terminal, not stderr
            std::cout << notice << "\n";
    }
    if (sink->learner().id > 0)
        for (ui::CourseEntry& entry : cat.courses)
            if (entry.load.ok())
                entry.facts = store.facts(sink->learner().id, entry.load.course.id);
    if (o.text)
        return runText(cat, o, settings, &*sink);

    if (TTF_Init() != 0) {
        std::cerr << "cordee: " << TTF_GetError() << "\n";
        return 1;
    }
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    int status = 0;
    {
        ui::ControllerOptions co{o.kiosk, {}, o.seed, o.screenshot.empty() ? &*sink : nullptr};
        co.learnerName = sink->learner().displayName;
        const std::vector<ui::CourseEntry>* catalogue = nullptr;
        if (o.screenshot.empty() && sink->learner().id > 0)
            co.results = [&store, &sink, &catalogue] {
                // "Mes résultats": read from the store when shown, so it is never stale.
                std::vector<ui::ResultsCourse> out;
                for (const ui::CourseEntry& entry : *catalogue) {
                    if (!entry.load.ok())
                        continue;
                    const course::Course& c = entry.load.course;
                    auto rec = store.courseRecord(sink->learner().id, c.id);
                    if (!rec)
                        continue;
                    ui::ResultsCourse rc{c.title, rec->status, rec->success, rec->timeMs, {}};
                    for (const course::Module& m : c.modules)
                        for (const course::ModuleItem& item : m.items)
                            if (const auto* q = std::get_if<course::Quiz>(&item)) {
                                ui::ResultsQuiz rq{q->title, std::nullopt, 0, "", false};
                                for (const progress::StoredAttempt& sa :
                                     store.attempts(sink->learner().id, c.id, *q)) {
                                    ++rq.attempts;
                                    if (!sa.attempt.finished)
                                        continue;
                                    const int percent = sa.attempt.percent();
                                    rq.bestPercent = std::max(rq.bestPercent.value_or(0), percent);
                                    rq.lastDate = sa.finished.substr(0, 10);
                                    rq.passed = rq.passed || sa.attempt.passed(*q);
                                }
                                rc.quizzes.push_back(rq);
                            }
                    out.push_back(std::move(rc));
                }
                return out;
            };
        if (!o.kiosk && o.screenshot.empty())
            co.openUrl = [](const std::string& url) {
                SDL_OpenURL(url.c_str());
            };
        if (o.screenshot.empty() && store.usable() && !o.kiosk) {
            co.listLearners = [&store] {
                std::vector<std::string> names;
                for (const progress::Learner& l : store.learners())
                    names.push_back(l.name);
                return names;
            };
            co.switchLearner = [&store, &sink, &catalogue](
                                   const std::string& name) -> std::optional<ui::LearnerSwitch> {
                // The current learner's unwritten actions stay with them: no switch until written.
                if (!sink->flush())
                    return std::nullopt;
                auto learner = store.ensureLearner(name);
                if (!learner)
                    return std::nullopt;
                sink.emplace(store, *learner); // same storage: the controller's pointer stays valid
                ui::LearnerSwitch sw{&*sink, learner->displayName, {}};
                for (const ui::CourseEntry& entry : *catalogue)
                    if (entry.load.ok())
                        sw.facts[entry.load.course.id] =
                            store.facts(learner->id, entry.load.course.id);
                return sw;
            };
        }
        ui::Controller controller(std::move(cat.courses), settings, co);
        catalogue = &controller.courses();
        if (!navigate(controller, cat, o, settings.lang))
            status = 1;
        else
            status = o.screenshot.empty() ? runWindow(controller, o, &*sink)
                                          : runScreenshot(controller, o);
    }
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
    return status;
}
