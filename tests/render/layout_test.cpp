// Every page of every shipped course, laid out with the real fonts at the smallest and largest
// supported sizes and text scales: no text leaves its column, no two lines of text overlap.
#include "offscreen.hpp"

#include <catch2/catch.hpp>

using namespace cordee;

namespace {

struct Box {
    int x, y, w, h;
    std::string text;
};

std::vector<Box> textBoxes(const ui::DisplayList& list, render::SdlCanvas& c) {
    std::vector<Box> out;
    for (const ui::DrawItem& item : list.items)
        if (const auto* t = std::get_if<ui::DrawText>(&item))
            if (t->text.find_first_not_of(' ') != std::string::npos)
                out.push_back({t->x, t->baseline - c.ascent(t->font), t->width,
                               c.lineHeight(t->font), t->text});
    return out;
}

void checkLayer(const ui::Layer& layer, int viewWidth, render::SdlCanvas& c,
                const std::string& where) {
    std::vector<Box> boxes = textBoxes(layer.list, c);
    for (const Box& b : boxes) {
        INFO(where << ": « " << b.text << " » at x=" << b.x << " w=" << b.w);
        CHECK(b.x >= 0);
        CHECK(b.x + b.w <= viewWidth);
    }
    // Overlap: two texts whose boxes cross by more than a few pixels both ways.
    const int slack = 4;
    for (size_t i = 0; i < boxes.size(); ++i)
        for (size_t j = i + 1; j < boxes.size(); ++j) {
            const Box& a = boxes[i];
            const Box& b = boxes[j];
            const int ox = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
            const int oy = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
            if (ox > slack && oy > a.h / 2 && oy > b.h / 2) {
                FAIL_CHECK(where << ": « " << a.text << " » overlaps « " << b.text << " »");
            }
        }
}

} // namespace

TEST_CASE("no page, question or scene of a shipped course has clipped or overlapping text",
          "[render][layout]") {
    struct Size {
        int w, h, scale;
    };
    for (Size size : {Size{1024, 600, 200}, Size{1024, 600, 100}, Size{1920, 1080, 80},
                      Size{3840, 2160, 200}}) {
        auto courses = test::bundledCourses();
        ui::Settings s;
        s.textScale = size.scale;
        std::vector<std::pair<size_t, std::string>> steps;
        for (size_t ci = 0; ci < courses.size(); ++ci)
            for (const auto& m : courses[ci].load.course.modules)
                for (const auto& item : m.items) {
                    if (const auto* l = std::get_if<course::Lesson>(&item))
                        for (const auto& p : l->pages)
                            steps.push_back({ci, p.id});
                    else
                        steps.push_back({ci, std::visit([](const auto& x) { return x.id; }, item)});
                }
        // Every question and every scene and ending, as previews show them.
        for (size_t ci = 0; ci < courses.size(); ++ci)
            for (const auto& m : courses[ci].load.course.modules)
                for (const auto& item : m.items) {
                    if (const auto* q = std::get_if<course::Quiz>(&item))
                        for (const auto& question : q->questions)
                            steps.push_back({ci, question.id});
                    if (const auto* sc = std::get_if<course::Scenario>(&item)) {
                        for (const auto& scene : sc->scenes)
                            steps.push_back({ci, scene.id});
                        for (const auto& ending : sc->endings)
                            steps.push_back({ci, ending.id});
                    }
                }
        ui::Controller c(std::move(courses), s);
        test::Offscreen screen(size.w, size.h);
        c.setViewport(size.w, size.h);
        for (const auto& [course, id] : steps) {
            REQUIRE(c.showStep(course, id, true));
            c.layout(screen.canvas());
            std::string where = std::to_string(size.w) + "x" + std::to_string(size.h) + "@" +
                                std::to_string(size.scale) + " " + id;
            checkLayer(c.content(), size.w, screen.canvas(), where);
            checkLayer(c.chrome(), size.w, screen.canvas(), where + " (bars)");
        }
        for (size_t ci = 0; ci < c.courses().size(); ++ci) {
            REQUIRE(c.showOverview(ci));
            c.layout(screen.canvas());
            checkLayer(c.content(), size.w, screen.canvas(), "overview " + std::to_string(ci));
            for (ui::Overlay o : {ui::Overlay::Contents, ui::Overlay::Glossary,
                                  ui::Overlay::Settings, ui::Overlay::Help}) {
                c.openOverlay(o);
                c.layout(screen.canvas());
                checkLayer(c.overlayLayer(), c.overlayLayer().viewport.w, screen.canvas(),
                           "overlay " + std::to_string(static_cast<int>(o)));
            }
            c.openOverlay(ui::Overlay::None);
        }
        c.showCatalogue();
        c.layout(screen.canvas());
        checkLayer(c.content(), size.w, screen.canvas(), "catalogue");
    }
}
