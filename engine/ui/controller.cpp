#include "ui/controller.hpp"

#include <algorithm>

namespace cordee::ui {

namespace {
constexpr int kTapSlop = 12;  // px a finger may move and still tap
constexpr int kSwipeMin = 90; // px of horizontal travel for a page swipe
} // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Construction
// ---------------------------------------------------------------------------------------------
Controller::Controller(std::vector<CourseEntry> courses, Settings settings,
                       ControllerOptions options)
    : courses_(std::move(courses))
    , settings_(settings)
    , options_(options) {
    for (CourseEntry& c : courses_)
        if (c.load.ok() && !c.outline)
            c.outline = std::make_unique<player::CourseOutline>(c.load.course);
    applySettings(settings_);
}

void Controller::setViewport(int width, int height, double density) {
    if (width == width_ && height == height_ && density == density_)
        return;
    width_ = std::max(1, width);
    height_ = std::max(1, height);
    density_ = density;
    applySettings(settings_);
}

void Controller::applySettings(const Settings& s) {
    settingsDirty_ = settingsDirty_ || !(s == settings_);
    settings_ = s;
    metrics_.zoom = settings_.textScale / 100.0 * density_;
    metrics_.family = static_cast<uint8_t>(settings_.font);
    // On a 600 px high screen the bars stay at 100 % so that the page keeps most of the
    // height; they reach 200 % from about 1200 px.
    const double logicalHeight = height_ / std::max(density_, 0.5);
    const double roomZoom = std::clamp(1.0 + (logicalHeight - 600.0) / 600.0, 1.0, 2.0);
    chromeMetrics_ = metrics_;
    chromeMetrics_.zoom = std::min(settings_.textScale / 100.0, roomZoom) * density_;
    dirty_ = true;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Navigation
// ---------------------------------------------------------------------------------------------
void Controller::showCatalogue() {
    // Keep what the learner did in the course they leave.
    if (session_ && currentCourse_)
        courses_[*currentCourse_].facts = session_->facts();
    screen_ = ScreenKind::Catalogue;
    overlay_ = Overlay::None;
    focus_ = currentCourse_ ? "course:" + std::to_string(*currentCourse_) : "";
    session_.reset();
    content_.scroll = 0;
    dirty_ = true;
}

bool Controller::showOverview(size_t course) {
    if (course >= courses_.size() || !courses_[course].outline)
        return false;
    if (currentCourse_ != course || !session_) {
        if (session_ && currentCourse_)
            courses_[*currentCourse_].facts = session_->facts();
        currentCourse_ = course;
        session_.emplace(*courses_[course].outline, courses_[course].facts);
        if (options_.seed)
            session_->seedSource = [seed = *options_.seed]() mutable {
                return seed++;
            };
        session_->attach(options_.progress);
    }
    screen_ = ScreenKind::Overview;
    overlay_ = Overlay::None;
    focus_.clear();
    content_.scroll = 0;
    dirty_ = true;
    return true;
}

bool Controller::showStepIndex(size_t course, size_t step, bool force) {
    if (!showOverview(course))
        return false;
    if (session_->goTo(step, force) != player::MoveResult::Moved)
        return false;
    screen_ = ScreenKind::Step;
    content_.scroll = 0;
    focus_.clear();
    dirty_ = true;
    return true;
}

bool Controller::showStep(size_t course, const std::string& id, bool force) {
    if (course >= courses_.size() || !courses_[course].outline)
        return false;
    const player::CourseOutline& outline = *courses_[course].outline;
    auto step = outline.findStep(id);
    if (!step || !showStepIndex(course, *step, force))
        return false;
    // A question, a scene or an ending: show that one itself (a preview).
    const player::Step& s = outline.steps()[*step];
    if (const course::Quiz* quiz = outline.quiz(s); quiz && quiz->id != id) {
        for (size_t i = 0; i < quiz->questions.size(); ++i)
            if (quiz->questions[i].id == id)
                session_->quizRun(*quiz).startPreview(static_cast<int>(i), session_->seedSource());
    }
    if (const course::Scenario* sc = outline.scenario(s); sc && sc->id != id)
        session_->scenarioRun(*sc).jumpTo(id);
    return true;
}

void Controller::openOverlay(Overlay overlay) {
    if (overlay_ == Overlay::None)
        returnFocus_ = focus_;
    overlay_ = overlay;
    overlayLayer_.scroll = 0;
    focus_.clear();
    if (overlay == Overlay::None) {
        focus_ = returnFocus_;
    }
    dirty_ = true;
}

bool Controller::navigate(player::MoveResult (player::Session::*move)()) {
    if (!session_ || screen_ != ScreenKind::Step)
        return false;
    if ((*session_.*move)() != player::MoveResult::Moved)
        return false;
    content_.scroll = 0;
    focus_.clear();
    dirty_ = true;
    return true;
}

bool Controller::goBack() {
    if (overlay_ != Overlay::None) {
        openOverlay(Overlay::None);
        return true;
    }
    if (screen_ == ScreenKind::Step && currentCourse_)
        return showOverview(*currentCourse_);
    if (screen_ == ScreenKind::Overview) {
        showCatalogue();
        return true;
    }
    return false;
}

bool Controller::changeTextSize(int delta) {
    Settings s = settings_;
    s.textScale = std::clamp(s.textScale + delta, Settings::kMinScale, Settings::kMaxScale);
    if (s.textScale == settings_.textScale)
        return false;
    // Keep the reader's place: the same share of the page stays at the top.
    double ratio =
        content_.list.height > 0 ? static_cast<double>(content_.scroll) / content_.list.height : 0;
    applySettings(s);
    pendingScrollRatio_ = ratio;
    return true;
}

bool Controller::activate(const std::string& id) {
    if (id.rfind("quiz:", 0) == 0 || id.rfind("chk:", 0) == 0 || id.rfind("scn:", 0) == 0 ||
        id.rfind("refl:", 0) == 0)
        return activateActivity(id);
    auto number = [&](const std::string& prefix) -> std::optional<size_t> {
        if (id.rfind(prefix, 0) != 0)
            return std::nullopt;
        try {
            return static_cast<size_t>(std::stoul(id.substr(prefix.size())));
        } catch (...) {
            return std::nullopt;
        }
    };
    if (auto c = number("course:"))
        return showOverview(*c);
    if (id == "nav:home") {
        showCatalogue();
        return true;
    }
    if (id == "nav:overview" && currentCourse_)
        return showOverview(*currentCourse_);
    if (id == "nav:toc") {
        openOverlay(overlay_ == Overlay::Contents ? Overlay::None : Overlay::Contents);
        return true;
    }
    if (id == "nav:glossary") {
        openOverlay(overlay_ == Overlay::Glossary ? Overlay::None : Overlay::Glossary);
        return true;
    }
    if (id == "nav:settings") {
        openOverlay(overlay_ == Overlay::Settings ? Overlay::None : Overlay::Settings);
        return true;
    }
    if (id == "nav:profiles") {
        learnerNames_ =
            options_.listLearners ? options_.listLearners() : std::vector<std::string>{};
        newLearner_.clear();
        openOverlay(overlay_ == Overlay::Profiles ? Overlay::None : Overlay::Profiles);
        return true;
    }
    if (id.rfind("learner:", 0) == 0) {
        if (id == "learner:new")
            return true; // the field takes the focus; typing fills it
        if (id == "learner:create")
            return !newLearner_.empty() && chooseLearner(newLearner_);
        size_t i = static_cast<size_t>(std::max(0, std::atoi(id.c_str() + 8)));
        return i < learnerNames_.size() && chooseLearner(learnerNames_[i]);
    }
    if (id == "nav:results") {
        openOverlay(overlay_ == Overlay::Results ? Overlay::None : Overlay::Results);
        return true;
    }
    if (id == "nav:help") {
        openOverlay(overlay_ == Overlay::Help ? Overlay::None : Overlay::Help);
        return true;
    }
    if (id == "overlay:close") {
        openOverlay(Overlay::None);
        return true;
    }
    if (id == "nav:next")
        return navigate(&player::Session::next);
    if (id == "nav:prev")
        return navigate(&player::Session::previous);
    if (id == "overview:start" && currentCourse_ && session_)
        return showStepIndex(*currentCourse_, session_->resumeStep());
    if (auto s = number("step:"); s && currentCourse_) {
        overlay_ = Overlay::None;
        return showStepIndex(*currentCourse_, *s);
    }
    if (id.rfind("set:", 0) == 0) {
        Settings s = settings_;
        if (id == "set:size:-")
            return changeTextSize(-Settings::kScaleStep);
        if (id == "set:size:+")
            return changeTextSize(Settings::kScaleStep);
        if (id == "set:theme:light")
            s.theme = ThemeName::Light;
        if (id == "set:theme:dark")
            s.theme = ThemeName::Dark;
        if (id == "set:theme:contrast")
            s.theme = ThemeName::HighContrast;
        if (id == "set:font:0")
            s.font = 0;
        if (id == "set:font:1")
            s.font = 1;
        if (id == "set:lang:fr")
            s.lang = core::Lang::Fr;
        if (id == "set:lang:en")
            s.lang = core::Lang::En;
        std::string keep = focus_;
        applySettings(s);
        focus_ = keep;
        return true;
    }
    // A glossary term in the text: "…term:<id>#n" opens its popover.
    if (size_t t = id.find("term:"); t != std::string::npos) {
        std::string rest = id.substr(t + 5);
        termId_ = rest.substr(0, rest.find('#'));
        Rect r = content_.list.bounds(id);
        termAnchor_ = r.translated(content_.viewport.x, content_.viewport.y - content_.scroll);
        if (overlay_ == Overlay::Glossary) {
            Rect o = overlayLayer_.list.bounds(id);
            termAnchor_ = o.translated(overlayLayer_.viewport.x,
                                       overlayLayer_.viewport.y - overlayLayer_.scroll);
        }
        returnFocus_ = focus_;
        overlay_ = Overlay::Term;
        overlayLayer_.scroll = 0;
        focus_.clear();
        dirty_ = true;
        return true;
    }
    // A link in the text: "…link:<url>#n". Only http(s) links reach the model (the loader
    // refuses others), and only when a person activates them.
    if (size_t l = id.find("link:"); l != std::string::npos) {
        std::string url = id.substr(l + 5);
        url = url.substr(0, url.rfind('#'));
        if (options_.kiosk || !options_.openUrl)
            return false;
        options_.openUrl(url);
        return false;
    }
    return false;
}

bool Controller::chooseLearner(const std::string& typed) {
    const size_t first = typed.find_first_not_of(" \t");
    if (!options_.switchLearner || first == std::string::npos)
        return false;
    const std::string name = typed.substr(first, typed.find_last_not_of(" \t") - first + 1);
    auto sw = options_.switchLearner(name);
    if (!sw)
        return false;
    options_.progress = sw->sink;
    options_.learnerName = sw->displayName;
    for (CourseEntry& entry : courses_)
        entry.facts = sw->facts[entry.load.course.id];
    session_.reset();
    currentCourse_.reset();
    showCatalogue();
    return true;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Input
// ---------------------------------------------------------------------------------------------
std::vector<std::string> Controller::focusOrder() const {
    std::vector<std::string> order;
    if (overlay_ != Overlay::None) {
        order = overlayFixed_.focusOrder();
        for (const std::string& id : overlayLayer_.list.focusOrder())
            order.push_back(id);
        return order;
    }
    // The bars read left to right, whatever order they were laid out in.
    std::vector<const Hotspot*> bar;
    for (const Hotspot& h : chrome_.list.hotspots)
        if (h.enabled)
            bar.push_back(&h);
    std::sort(bar.begin(), bar.end(), [](const Hotspot* a, const Hotspot* b) {
        return std::make_pair(a->r.y, a->r.x) < std::make_pair(b->r.y, b->r.x);
    });
    std::vector<std::string> top, bottom;
    for (const Hotspot* h : bar)
        (h->r.y < height_ / 2 ? top : bottom).push_back(h->id);
    order = top;
    for (const std::string& id : content_.list.focusOrder())
        order.push_back(id);
    order.insert(order.end(), bottom.begin(), bottom.end());
    return order;
}

void Controller::moveFocus(int delta) {
    std::vector<std::string> order = focusOrder();
    if (order.empty())
        return;
    auto it = std::find(order.begin(), order.end(), focus_);
    int index = it == order.end() ? (delta > 0 ? -1 : 0) : static_cast<int>(it - order.begin());
    index = (index + delta + static_cast<int>(order.size())) % static_cast<int>(order.size());
    focus_ = order[static_cast<size_t>(index)];
    focusVisible_ = true;
    revealFocus();
}

void Controller::revealFocus() {
    Layer& layer = overlay_ != Overlay::None ? overlayLayer_ : content_;
    Rect r = layer.list.bounds(focus_);
    if (r.w == 0 && r.h == 0)
        return;
    const int margin = metrics_.grid(3);
    if (r.y - margin < layer.scroll)
        layer.scroll = std::max(0, r.y - margin);
    else if (r.bottom() + margin > layer.scroll + layer.viewport.h)
        layer.scroll = std::min(layer.maxScroll(), r.bottom() + margin - layer.viewport.h);
}

Layer* Controller::layerAt(int x, int y) {
    if (overlay_ != Overlay::None)
        return overlayLayer_.viewport.contains(x, y) ? &overlayLayer_ : nullptr;
    if (content_.viewport.contains(x, y))
        return &content_;
    return nullptr;
}

const Hotspot* Controller::hitTest(int x, int y) const {
    if (overlay_ != Overlay::None) {
        // Panels have fixed parts (header) and a scrolled body; both live in overlayLayer_:
        // fixed hotspots are marked by negative scroll compensation at layout (see overlays).
        const Layer& o = overlayLayer_;
        if (const Hotspot* h = o.list.hit(x - o.viewport.x, y - o.viewport.y + o.scroll))
            if (o.viewport.contains(x, y))
                return h;
        return overlayFixed_.hit(x, y);
    }
    if (const Hotspot* h = chrome_.list.hit(x, y))
        return h;
    if (content_.viewport.contains(x, y))
        return content_.list.hit(x - content_.viewport.x,
                                 y - content_.viewport.y + content_.scroll);
    return nullptr;
}

bool Controller::scrollBy(Layer& layer, int dy) {
    int before = layer.scroll;
    layer.scroll = std::clamp(layer.scroll + dy, 0, layer.maxScroll());
    return layer.scroll != before;
}

bool Controller::handleKey(const InputEvent& e) {
    if (handleActivityKey(e))
        return true;
    // In a text field, letters, spaces and arrows are text editing, not page turning.
    if (wantsTextInput() && e.key != Key::Tab && e.key != Key::F1 &&
        !(e.ctrl && e.key != Key::None))
        return false;
    Layer& layer = overlay_ != Overlay::None ? overlayLayer_ : content_;
    const int line = metrics_.px(48);
    const int pageStep = std::max(line, layer.viewport.h - metrics_.px(64));
    switch (e.key) {
    case Key::Tab:
        moveFocus(e.shift ? -1 : 1);
        return true;
    case Key::Enter:
        if (!focus_.empty())
            return activate(focus_);
        return false;
    case Key::Space:
        if (!focus_.empty() && focusVisible_)
            return activate(focus_);
        return scrollBy(layer, e.shift ? -pageStep : pageStep);
    case Key::Escape:
        return goBack();
    case Key::Right:
        if (overlay_ == Overlay::None && screen_ == ScreenKind::Step)
            return navigate(&player::Session::next);
        return false;
    case Key::Left:
        if (overlay_ == Overlay::None && screen_ == ScreenKind::Step)
            return navigate(&player::Session::previous);
        return false;
    case Key::Up:
        return scrollBy(layer, -line);
    case Key::Down:
        return scrollBy(layer, line);
    case Key::PageUp:
        return scrollBy(layer, -pageStep);
    case Key::PageDown:
        return scrollBy(layer, pageStep);
    case Key::End:
        return scrollBy(layer, layer.maxScroll());
    case Key::Home:
        if (screen_ == ScreenKind::Catalogue && overlay_ == Overlay::None)
            return scrollBy(layer, -layer.scroll);
        showCatalogue();
        return true;
    case Key::F1:
        openOverlay(overlay_ == Overlay::Help ? Overlay::None : Overlay::Help);
        return true;
    case Key::Plus:
        return e.ctrl && changeTextSize(Settings::kScaleStep);
    case Key::Minus:
        return e.ctrl && changeTextSize(-Settings::kScaleStep);
    case Key::Zero:
        return e.ctrl && changeTextSize(100 - settings_.textScale);
    default:
        return false;
    }
}

bool Controller::handle(const InputEvent& e) {
    using T = InputEvent::Type;
    if (screen_ == ScreenKind::Step && overlay_ == Overlay::None &&
        (e.type == T::PointerDown || e.type == T::PointerMove || e.type == T::PointerUp ||
         e.type == T::TouchDown || e.type == T::TouchMove || e.type == T::TouchUp)) {
        if (dragOrder(e)) {
            if (e.type == T::TouchUp)
                touch_.active = false;
            return true;
        }
    }
    switch (e.type) {
    case T::Key:
        return handleKey(e);
    case T::Text:
        return typeText(e.text);
    case T::PointerMove: {
        const Hotspot* h = hitTest(e.x, e.y);
        std::string id = h && h->enabled ? h->id : "";
        if (id == hover_)
            return false;
        hover_ = id;
        return true;
    }
    case T::Leave:
        if (hover_.empty())
            return false;
        hover_.clear();
        return true;
    case T::PointerDown: {
        const Hotspot* h = hitTest(e.x, e.y);
        pressed_ = h && h->enabled ? h->id : "";
        focusVisible_ = false;
        if (!h && overlay_ != Overlay::None && !overlayLayer_.viewport.contains(e.x, e.y) &&
            !overlayFixed_.hit(e.x, e.y) && !overlayFrame_.contains(e.x, e.y)) {
            openOverlay(Overlay::None); // a click outside a panel closes it
            return true;
        }
        return true;
    }
    case T::PointerUp: {
        const Hotspot* h = hitTest(e.x, e.y);
        std::string id = h && h->enabled ? h->id : "";
        std::string pressed = std::exchange(pressed_, "");
        if (!id.empty() && id == pressed) {
            focus_ = id;
            activate(id);
        }
        return true;
    }
    case T::Wheel: {
        Layer* layer = layerAt(e.x, e.y);
        return layer && scrollBy(*layer, -e.wheel * metrics_.px(64));
    }
    case T::TouchDown:
        touch_ = {true, false, e.x, e.y, e.y, layerAt(e.x, e.y)};
        pressed_.clear();
        if (const Hotspot* h = hitTest(e.x, e.y); h && h->enabled)
            pressed_ = h->id;
        return true;
    case T::TouchMove: {
        if (!touch_.active)
            return false;
        if (!touch_.dragging && (std::abs(e.y - touch_.startY) > kTapSlop ||
                                 std::abs(e.x - touch_.startX) > kTapSlop)) {
            touch_.dragging = true;
            pressed_.clear();
        }
        bool changed = false;
        if (touch_.dragging && touch_.layer && !dragging_)
            changed = scrollBy(*touch_.layer, touch_.lastY - e.y);
        touch_.lastY = e.y;
        return changed || touch_.dragging;
    }
    case T::TouchUp: {
        if (!touch_.active)
            return false;
        touch_.active = false;
        const int dx = e.x - touch_.startX, dy = e.y - touch_.startY;
        std::string pressed = std::exchange(pressed_, "");
        if (!touch_.dragging) {
            const Hotspot* h = hitTest(e.x, e.y);
            if (h && h->enabled && h->id == pressed) {
                focusVisible_ = false;
                focus_ = h->id;
                activate(h->id);
            } else if (!h && overlay_ != Overlay::None && !overlayFrame_.contains(e.x, e.y)) {
                openOverlay(Overlay::None);
            }
            return true;
        }
        if (std::abs(dx) > kSwipeMin && std::abs(dx) > 2 * std::abs(dy) &&
            overlay_ == Overlay::None && screen_ == ScreenKind::Step)
            navigate(dx < 0 ? &player::Session::next : &player::Session::previous);
        return true;
    }
    }
    return false;
}

} // namespace cordee::ui
