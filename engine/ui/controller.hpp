// The player's interface as a state machine: which screen is shown, which panel is open, what
// has focus, how far each layer is scrolled; input events in, display lists out.
//
// Screens are functions of state: layout() rebuilds the display lists only when something they
// show changed (screen, page, size, settings); paint() draws them; handle() returns whether a
// repaint is needed, so an idle player draws nothing. No SDL here.
// [SECTION] index: types · construction · navigation · input · layout · paint
#pragma once

#include "course/loader.hpp"
#include "player/session.hpp"
#include "ui/block_view.hpp"
#include "ui/canvas.hpp"
#include "ui/display_list.hpp"
#include "ui/input.hpp"
#include "ui/metrics.hpp"
#include "ui/question_view.hpp"
#include "ui/settings.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cordee::ui {

// ---------------------------------------------------------------------------------------------
// [SECTION] Types
// ---------------------------------------------------------------------------------------------
struct CourseEntry {
    std::filesystem::path path;
    course::LoadResult load;
    std::unique_ptr<player::CourseOutline> outline; // built when the course loaded without error
    player::LearnerFacts facts;
};

enum class ScreenKind { Catalogue, Overview, Step };
enum class Overlay { None, Contents, Glossary, Settings, Help, Term, Results, Profiles };

// What switching the learner gives back: where their actions go, and what they have done.
struct LearnerSwitch {
    player::ProgressSink* sink = nullptr;
    std::string displayName;
    std::map<std::string, player::LearnerFacts> facts; // by course id
};

// What "Mes résultats" shows, from the progress store.
struct ResultsQuiz {
    std::string title;
    std::optional<int> bestPercent;
    int attempts = 0;
    std::string lastDate; // YYYY-MM-DD
    bool passed = false;
};
struct ResultsCourse {
    std::string title;
    std::string status;  // not-attempted, in-progress, completed
    std::string success; // unknown, passed, failed
    int64_t timeMs = 0;
    std::vector<ResultsQuiz> quizzes;
};

struct Layer {
    DisplayList list;
    Rect viewport;  // where it shows on screen
    int scroll = 0; // how far its content is scrolled up
    int maxScroll() const { return std::max(0, list.height - viewport.h); }
};

struct ControllerOptions {
    bool kiosk = false; // links are inert: a shared kiosk never opens a browser
    // Opens a web link (the app passes SDL_OpenURL); unset in tests and previews.
    std::function<void(const std::string&)> openUrl;
    std::optional<uint64_t> seed;             // repeatable quiz draws (tests, demonstrations)
    player::ProgressSink* progress = nullptr; // where learner actions are recorded, if anywhere
    std::function<std::vector<ResultsCourse>()> results; // "Mes résultats", read when shown
    std::string learnerName;                             // shown on the catalogue
    // Profiles on a shared laptop: the names, and switching to one (created if new).
    std::function<std::vector<std::string>()> listLearners;
    std::function<std::optional<LearnerSwitch>(const std::string&)> switchLearner;
};

class Controller {
public:
    // ------------------------------------------------------------------------------------------
    // [SECTION] Construction
    // ------------------------------------------------------------------------------------------
    Controller(std::vector<CourseEntry> courses, Settings settings, ControllerOptions options = {});

    void setViewport(int width, int height, double density = 1.0);

    // ------------------------------------------------------------------------------------------
    // [SECTION] Navigation
    // ------------------------------------------------------------------------------------------
    void showCatalogue();
    bool showOverview(size_t course);
    // Opens the step showing `id` (page, quiz, question, scenario, scene); false if unknown.
    // `force` opens a step even in a locked module (previews from the command line).
    bool showStep(size_t course, const std::string& id, bool force = false);
    bool showStepIndex(size_t course, size_t step, bool force = false);
    void openOverlay(Overlay overlay);

    ScreenKind screen() const { return screen_; }
    Overlay overlay() const { return overlay_; }
    const Settings& settings() const { return settings_; }
    void applySettings(const Settings& s);
    const player::Session* session() const { return session_ ? &*session_ : nullptr; }
    const std::vector<CourseEntry>& courses() const { return courses_; }
    std::optional<size_t> currentCourse() const { return currentCourse_; }

    // ------------------------------------------------------------------------------------------
    // [SECTION] Input
    // ------------------------------------------------------------------------------------------
    bool handle(const InputEvent& e); // true when the screen must be repainted
    bool activate(const std::string& id);
    const std::string& focused() const { return focus_; }
    // A text field (a gap, a reflection) has the focus: the app turns on text input (IME).
    bool wantsTextInput() const;
    bool settingsDirty() { return std::exchange(settingsDirty_, false); }

    // ------------------------------------------------------------------------------------------
    // [SECTION] Layout and paint
    // ------------------------------------------------------------------------------------------
    void layout(Canvas& canvas); // no-op unless something changed
    void paint(Canvas& canvas);
    const Layer& content() const { return content_; }
    const Layer& chrome() const { return chrome_; }
    const Layer& overlayLayer() const { return overlayLayer_; }
    void invalidate() { dirty_ = true; }

private:
    // Views (views.cpp, overlays.cpp)
    void layoutCatalogue(Canvas& c);
    void layoutOverview(Canvas& c);
    void layoutStep(Canvas& c);
    void layoutTopBar(Canvas& c, bool courseButtons);
    void layoutBottomBar(Canvas& c);
    void layoutOverlay(Canvas& c);
    void layoutPanel(Canvas& c, const std::string& title);
    void layoutTermPopover(Canvas& c);
    void layoutHelp(Canvas& c);
    void layoutResults(Canvas& c);
    void layoutProfiles(Canvas& c);
    bool chooseLearner(const std::string& name);
    // Activities (activities.cpp): quizzes, scenarios, checks and reflections on screen.
    void layoutQuiz(Canvas& c, Flow& f, const course::Quiz& quiz);
    void layoutScenario(Canvas& c, Flow& f, const course::Scenario& scenario);
    void layoutCheck(Flow& f, const course::Check& check);
    void layoutReflection(Flow& f, const course::Reflection& reflection);
    // How blocks are laid out on this screen: image sizes, figure limits, inert links on kiosks.
    BlockContext blockContext(Canvas& c) const;
    bool activateActivity(const std::string& id);
    bool handleActivityKey(const InputEvent& e);
    bool typeText(const std::string& text);
    bool dragOrder(const InputEvent& e);
    QuestionDraft* draftFor(const std::string& id, const course::Question** q,
                            quiz::Presentation* p);
    // The progress sink's number for the last action, and whether an action is not yet in the
    // file: feedback says so where it is shown (an acknowledgement is a commit).
    uint64_t lastAction() const {
        return options_.progress ? options_.progress->actionsGiven() : 0;
    }
    bool unsaved(uint64_t action) const {
        return options_.progress && action > options_.progress->savedThrough();
    }

    // Input helpers
    std::vector<std::string> focusOrder() const;
    void moveFocus(int delta);
    void revealFocus();
    const Hotspot* hitTest(int x, int y) const;
    Layer* layerAt(int x, int y);
    bool scrollBy(Layer& layer, int dy);
    bool handleKey(const InputEvent& e);
    bool goBack();
    bool changeTextSize(int delta);
    bool navigate(player::MoveResult (player::Session::*move)());

    std::vector<CourseEntry> courses_;
    Settings settings_;
    ControllerOptions options_;
    Metrics metrics_;
    Metrics chromeMetrics_; // the bars grow with the text size only as far as the height allows
    int width_ = 1280, height_ = 800;
    double density_ = 1.0;

    ScreenKind screen_ = ScreenKind::Catalogue;
    Overlay overlay_ = Overlay::None;
    std::optional<size_t> currentCourse_;
    std::optional<player::Session> session_;
    std::string termId_; // the glossary entry the popover shows
    Rect termAnchor_;    // where the term was, in screen coordinates

    Layer content_, chrome_, overlayLayer_;
    DisplayList overlayFixed_; // an overlay's frame, title and close button (screen coords)
    Rect overlayFrame_;        // the whole panel or popover
    std::optional<double> pendingScrollRatio_; // restore the reading place after a relayout
    bool dirty_ = true;
    bool settingsDirty_ = false;

    std::string focus_, hover_, pressed_;
    bool focusVisible_ = false; // the ring shows after keyboard use, as :focus-visible does
    std::string returnFocus_;   // where focus goes back when an overlay closes

    QuestionDraft quizDraft_; // the quiz question being answered
    bool showHint_ = false;
    std::map<std::string, QuestionDraft> checkDrafts_;  // by question id
    std::map<std::string, uint64_t> reflectionActions_; // by reflection id: the last keystroke
    bool dragging_ = false;                             // an order item under the pointer
    std::string revealAfterLayout_; // a hotspot to bring into view once laid out
    std::string newLearner_;        // the name being typed in the profiles panel
    std::vector<std::string> learnerNames_;
    int dragStartY_ = 0;

    struct Touch {
        bool active = false, dragging = false;
        int startX = 0, startY = 0, lastY = 0;
        Layer* layer = nullptr;
    } touch_;
};

} // namespace cordee::ui
