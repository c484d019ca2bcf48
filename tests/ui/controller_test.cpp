#include "support/fake_canvas.hpp"
#include "ui/controller.hpp"

#include <catch2/catch.hpp>

using namespace cordee;
using namespace cordee::ui;

namespace {

std::vector<CourseEntry> bundled() {
    std::vector<CourseEntry> out;
    for (const auto& folder : course::findCourseFolders(CORDEE_COURSES)) {
        CourseEntry e;
        e.path = folder;
        e.load = course::loadCourse(folder);
        out.push_back(std::move(e));
    }
    return out;
}

size_t indexOf(const Controller& c, const std::string& id) {
    for (size_t i = 0; i < c.courses().size(); ++i)
        if (c.courses()[i].load.course.id == id)
            return i;
    FAIL("no course " << id);
    return 0;
}

InputEvent key(Key k, bool ctrl = false, bool shift = false) {
    InputEvent e;
    e.type = InputEvent::Type::Key;
    e.key = k;
    e.ctrl = ctrl;
    e.shift = shift;
    return e;
}

InputEvent at(InputEvent::Type type, int x, int y) {
    InputEvent e;
    e.type = type;
    e.x = x;
    e.y = y;
    return e;
}

// The centre of a hotspot on screen.
std::pair<int, int> centre(const Controller& c, const std::string& id) {
    for (const Layer* layer : {&c.overlayLayer(), &c.chrome(), &c.content()}) {
        Rect r = layer->list.bounds(id);
        if (r.w > 0) {
            int dy = layer != &c.chrome() ? layer->viewport.y - layer->scroll : 0;
            int dx = layer != &c.chrome() ? layer->viewport.x : 0;
            return {r.x + dx + r.w / 2, r.y + dy + r.h / 2};
        }
    }
    FAIL("no hotspot " << id);
    return {0, 0};
}

void click(Controller& c, test::FakeCanvas& canvas, const std::string& id) {
    c.layout(canvas);
    auto [x, y] = centre(c, id);
    c.handle(at(InputEvent::Type::PointerDown, x, y));
    c.handle(at(InputEvent::Type::PointerUp, x, y));
    c.layout(canvas);
}

std::string currentId(const Controller& c) {
    return c.session()->currentStep().id;
}

} // namespace

TEST_CASE("GIVEN the catalogue WHEN a card is clicked THEN its overview opens",
          "[ui][controller]") {
    Controller c(bundled(), {});
    test::FakeCanvas canvas;
    c.setViewport(1280, 800);
    c.layout(canvas);
    REQUIRE(c.screen() == ScreenKind::Catalogue);
    size_t demo = indexOf(c, "demo");
    for (size_t i = 0; i < c.courses().size(); ++i)
        CHECK(c.content().list.bounds("course:" + std::to_string(i)).w > 0);
    click(c, canvas, "course:" + std::to_string(demo));
    CHECK(c.screen() == ScreenKind::Overview);
    click(c, canvas, "overview:start");
    CHECK(c.screen() == ScreenKind::Step);
    CHECK(currentId(c) == "p-bienvenue");
}

TEST_CASE("Right and Left turn pages; Escape goes back; Home goes to the catalogue",
          "[ui][controller][keyboard]") {
    Controller c(bundled(), {});
    test::FakeCanvas canvas;
    c.setViewport(1280, 800);
    REQUIRE(c.showStep(indexOf(c, "demo"), "p-bienvenue"));
    c.layout(canvas);
    CHECK(c.handle(key(Key::Right)));
    CHECK(currentId(c) == "p-lire");
    c.handle(key(Key::Right));
    CHECK(currentId(c) == "p-essayer");
    c.handle(key(Key::Left));
    CHECK(currentId(c) == "p-lire");
    c.handle(key(Key::Escape));
    CHECK(c.screen() == ScreenKind::Overview);
    c.handle(key(Key::Home));
    CHECK(c.screen() == ScreenKind::Catalogue);
}

TEST_CASE("a module that requires another stays locked until that one is complete",
          "[ui][controller][progress]") {
    Controller c(bundled(), {});
    test::FakeCanvas canvas;
    c.setViewport(1280, 800);
    size_t demo = indexOf(c, "demo");
    REQUIRE(c.showStep(demo, "p-essayer"));
    c.layout(canvas);
    CHECK_FALSE(c.handle(key(Key::Right))); // p-bienvenue and p-lire not seen yet
    CHECK(currentId(c) == "p-essayer");
    c.handle(key(Key::Left));
    c.handle(key(Key::Left));
    c.handle(key(Key::Right));
    c.handle(key(Key::Right));
    CHECK(c.handle(key(Key::Right)));
    CHECK(currentId(c) == "p-idee");
}

TEST_CASE("Tab walks the bars left to right, then the page, with a visible ring",
          "[ui][controller][keyboard]") {
    Controller c(bundled(), {});
    test::FakeCanvas canvas;
    c.setViewport(1280, 800);
    REQUIRE(c.showStep(indexOf(c, "demo"), "p-lire"));
    c.layout(canvas);
    std::vector<std::string> seen;
    for (int i = 0; i < 9; ++i) {
        c.handle(key(Key::Tab));
        seen.push_back(c.focused());
    }
    CHECK(seen[0] == "nav:home");
    CHECK(seen[1] == "nav:overview");
    CHECK(seen[2] == "nav:toc");
    CHECK(seen[5] == "nav:help");
    CHECK(seen[6].find("term:t-ess") != std::string::npos);
    CHECK(seen[7].find("link:https://www.legifrance.gouv.fr/") != std::string::npos);
    c.handle(key(Key::Tab, false, true));
    CHECK(c.focused() == seen[7]);
}

TEST_CASE("Enter on a focused term opens its definition and Escape closes it",
          "[ui][controller][glossary]") {
    Controller c(bundled(), {});
    test::FakeCanvas canvas;
    c.setViewport(1280, 800);
    REQUIRE(c.showStep(indexOf(c, "demo"), "p-lire"));
    c.layout(canvas);
    while (c.focused().find("term:") == std::string::npos)
        c.handle(key(Key::Tab));
    c.handle(key(Key::Enter));
    c.layout(canvas);
    CHECK(c.overlay() == Overlay::Term);
    CHECK(c.overlayLayer().list.height > 0);
    c.handle(key(Key::Escape));
    CHECK(c.overlay() == Overlay::None);
    CHECK(c.focused().find("term:") != std::string::npos); // focus comes back to the term
}

TEST_CASE("clicking a term opens its popover; clicking outside closes it",
          "[ui][controller][glossary][mouse]") {
    Controller c(bundled(), {});
    test::FakeCanvas canvas;
    c.setViewport(1280, 800);
    REQUIRE(c.showStep(indexOf(c, "demo"), "p-lire"));
    c.layout(canvas);
    std::string term;
    for (const Hotspot& h : c.content().list.hotspots)
        if (h.kind == HotKind::Term)
            term = h.id;
    REQUIRE(!term.empty());
    click(c, canvas, term);
    CHECK(c.overlay() == Overlay::Term);
    c.handle(at(InputEvent::Type::PointerDown, 5, 400));
    CHECK(c.overlay() == Overlay::None);
}

TEST_CASE("panels open from the bar and F1 toggles help", "[ui][controller]") {
    Controller c(bundled(), {});
    test::FakeCanvas canvas;
    c.setViewport(1280, 800);
    REQUIRE(c.showStep(indexOf(c, "demo"), "p-lire"));
    click(c, canvas, "nav:toc");
    CHECK(c.overlay() == Overlay::Contents);
    // The contents list every step; choosing one goes there.
    CHECK(c.overlayLayer().list.bounds("step:0").w > 0);
    c.layout(canvas);
    Rect r = c.overlayLayer().list.bounds("step:0");
    const Layer& o = c.overlayLayer();
    int x = o.viewport.x + r.x + r.w / 2, y = o.viewport.y - o.scroll + r.y + r.h / 2;
    c.handle(at(InputEvent::Type::PointerDown, x, y));
    c.handle(at(InputEvent::Type::PointerUp, x, y));
    CHECK(c.overlay() == Overlay::None);
    CHECK(currentId(c) == "p-bienvenue");
    c.handle(key(Key::F1));
    CHECK(c.overlay() == Overlay::Help);
    c.handle(key(Key::F1));
    CHECK(c.overlay() == Overlay::None);
}

TEST_CASE("Ctrl+Plus and Ctrl+Minus change the text size within 80-200 %",
          "[ui][controller][settings]") {
    Controller c(bundled(), {});
    test::FakeCanvas canvas;
    c.setViewport(1280, 800);
    c.layout(canvas);
    for (int i = 0; i < 20; ++i)
        c.handle(key(Key::Plus, true));
    CHECK(c.settings().textScale == 200);
    CHECK(c.settingsDirty());
    for (int i = 0; i < 20; ++i)
        c.handle(key(Key::Minus, true));
    CHECK(c.settings().textScale == 80);
    CHECK_FALSE(c.handle(key(Key::Plus))); // without Ctrl, nothing
}

TEST_CASE("the settings panel changes theme, font and language", "[ui][controller][settings]") {
    Controller c(bundled(), {});
    test::FakeCanvas canvas;
    c.setViewport(1280, 800);
    c.openOverlay(Overlay::Settings);
    c.layout(canvas);
    c.activate("set:theme:dark");
    c.activate("set:font:1");
    c.activate("set:lang:en");
    CHECK(c.settings().theme == ThemeName::Dark);
    CHECK(c.settings().font == 1);
    CHECK(c.settings().lang == core::Lang::En);
}

TEST_CASE("the wheel and the arrow keys scroll a long page, within its bounds",
          "[ui][controller][scroll]") {
    Controller c(bundled(), {});
    test::FakeCanvas canvas;
    c.setViewport(1024, 600);
    REQUIRE(c.showStep(indexOf(c, "demo"), "p-lire"));
    c.layout(canvas);
    REQUIRE(c.content().maxScroll() > 0);
    InputEvent wheel = at(InputEvent::Type::Wheel, 500, 300);
    wheel.wheel = -3;
    CHECK(c.handle(wheel));
    CHECK(c.content().scroll > 0);
    c.handle(key(Key::End));
    CHECK(c.content().scroll == c.content().maxScroll());
    CHECK_FALSE(c.handle(key(Key::Down))); // already at the end: nothing to redraw
    c.handle(key(Key::PageUp));
    CHECK(c.content().scroll < c.content().maxScroll());
}

TEST_CASE("touch: a tap activates, a drag scrolls, a horizontal swipe turns the page",
          "[ui][controller][touch]") {
    Controller c(bundled(), {});
    test::FakeCanvas canvas;
    c.setViewport(1024, 600);
    REQUIRE(c.showStep(indexOf(c, "demo"), "p-bienvenue"));
    c.layout(canvas);
    // Drag up by 200 px: the page scrolls by 200 px.
    c.handle(at(InputEvent::Type::TouchDown, 500, 400));
    c.handle(at(InputEvent::Type::TouchMove, 500, 300));
    c.handle(at(InputEvent::Type::TouchMove, 500, 200));
    c.handle(at(InputEvent::Type::TouchUp, 500, 200));
    CHECK(c.content().scroll == 200);
    // Swipe left: next page.
    c.handle(at(InputEvent::Type::TouchDown, 800, 300));
    c.handle(at(InputEvent::Type::TouchMove, 600, 305));
    c.handle(at(InputEvent::Type::TouchUp, 500, 310));
    CHECK(currentId(c) == "p-lire");
    // Tap the "previous" button.
    c.layout(canvas);
    auto [x, y] = centre(c, "nav:prev");
    c.handle(at(InputEvent::Type::TouchDown, x, y));
    c.handle(at(InputEvent::Type::TouchUp, x + 3, y + 2));
    CHECK(currentId(c) == "p-bienvenue");
}

TEST_CASE("every button and card is at least 44 x 44 px at 100 %", "[ui][controller][a11y]") {
    Controller c(bundled(), {});
    test::FakeCanvas canvas;
    c.setViewport(1024, 600);
    auto check = [&](const char* where) {
        c.layout(canvas);
        for (const Layer* layer : {&c.chrome(), &c.content(), &c.overlayLayer()})
            for (const Hotspot& h : layer->list.hotspots) {
                if (h.kind == HotKind::Term || h.kind == HotKind::Link)
                    continue; // inline in running text (WCAG 2.5.8 exception)
                INFO(where << ": " << h.id);
                CHECK(h.r.w >= 44);
                CHECK(h.r.h >= 44);
            }
    };
    check("catalogue");
    c.showOverview(indexOf(c, "demo"));
    check("overview");
    c.showStep(indexOf(c, "demo"), "p-lire");
    check("page");
    c.openOverlay(Overlay::Settings);
    check("settings");
    c.openOverlay(Overlay::Contents);
    check("contents");
}

TEST_CASE("an idle pointer does not ask for a redraw", "[ui][controller][idle]") {
    Controller c(bundled(), {});
    test::FakeCanvas canvas;
    c.setViewport(1280, 800);
    c.layout(canvas);
    c.handle(at(InputEvent::Type::PointerMove, 3, 700));
    CHECK_FALSE(c.handle(at(InputEvent::Type::PointerMove, 4, 701)));
    // Nothing changed, so a second layout does nothing and painting reuses the lists.
    const size_t items = c.content().list.items.size();
    c.layout(canvas);
    CHECK(c.content().list.items.size() == items);
}

TEST_CASE("settings survive a round trip through their file format", "[ui][settings]") {
    Settings s;
    s.textScale = 150;
    s.theme = ThemeName::HighContrast;
    s.font = 1;
    s.lang = core::Lang::En;
    CHECK(Settings::parse(s.serialize()) == s);
    CHECK(Settings::parse("text-scale=999\ntheme=nope\n").textScale == 200);
}

TEST_CASE("the profiles panel switches learner, and adds one from a typed name",
          "[ui][controller][profiles]") {
    std::vector<std::string> asked;
    ControllerOptions o;
    o.learnerName = "Bob";
    o.listLearners = [] {
        return std::vector<std::string>{"Bob", "Alice"};
    };
    o.switchLearner = [&asked](const std::string& name) -> std::optional<LearnerSwitch> {
        asked.push_back(name);
        LearnerSwitch sw;
        sw.displayName = name;
        sw.facts["demo"].visitedPages.insert("p-bienvenue");
        return sw;
    };
    Controller c(bundled(), {}, o);
    test::FakeCanvas canvas;
    c.setViewport(1280, 800);
    c.layout(canvas);
    REQUIRE(c.screen() == ScreenKind::Catalogue);

    click(c, canvas, "nav:profiles");
    REQUIRE(c.overlay() == Overlay::Profiles);
    CHECK(c.overlayLayer().list.bounds("learner:0").w > 0);
    click(c, canvas, "learner:1");
    REQUIRE(asked == std::vector<std::string>{"Alice"});
    CHECK(c.overlay() == Overlay::None);
    CHECK(c.screen() == ScreenKind::Catalogue);
    // What the new learner has done replaces what the previous one had.
    CHECK(c.courses()[indexOf(c, "demo")].facts.visitedPages.count("p-bienvenue") == 1);

    click(c, canvas, "nav:profiles");
    click(c, canvas, "learner:new");
    CHECK(c.wantsTextInput());
    auto type = [&c](const std::string& text) {
        InputEvent e;
        e.type = InputEvent::Type::Text;
        e.text = text;
        c.handle(e);
    };
    // A blank name is not a learner.
    type("   ");
    c.handle(key(Key::Enter));
    CHECK(asked.size() == 1);
    CHECK(c.overlay() == Overlay::Profiles);
    for (int i = 0; i < 3; ++i)
        c.handle(key(Key::Backspace));
    type(" Zoé");
    type("x");
    c.handle(key(Key::Backspace)); // removes the x, not half of the é
    type(" ");
    c.handle(key(Key::Enter));
    REQUIRE(asked.size() == 2);
    CHECK(asked[1] == "Zoé");
    CHECK(c.overlay() == Overlay::None);
}
