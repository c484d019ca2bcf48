// Golden images of the main screens, compared with a tolerance: a layout regression shows as
// many changed pixels; anti-aliasing noise does not. CORDEE_UPDATE_GOLDEN=1 rewrites them
// (look at the new PNGs before committing them).
#include "offscreen.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

using namespace cordee;

namespace {

struct View {
    const char* name;
    const char* course; // "" = the catalogue
    const char* page;   // "" = the course overview
    int w, h, scale;
    ui::ThemeName theme;
    ui::Overlay overlay = ui::Overlay::None;
};

const View kViews[] = {
    {"catalogue-1280x800-light", "", "", 1280, 800, 100, ui::ThemeName::Light},
    {"overview-1280x800-dark", "demo", "", 1280, 800, 100, ui::ThemeName::Dark},
    {"page-notes-1280x800-light", "demo", "p-scic", 1280, 800, 100, ui::ThemeName::Light},
    {"page-table-1024x600-200-contrast", "demo", "p-lire", 1024, 600, 200,
     ui::ThemeName::HighContrast},
    {"page-image-1920x1080-light", "demo", "p-idee", 1920, 1080, 100, ui::ThemeName::Light},
    {"contents-1280x800-light", "demo", "p-lire", 1280, 800, 100, ui::ThemeName::Light,
     ui::Overlay::Contents},
};

// Share of pixels whose colour moved by more than a visible step.
double differingShare(SDL_Surface* a, SDL_Surface* b) {
    if (a->w != b->w || a->h != b->h)
        return 1.0;
    SDL_Surface* ca = SDL_ConvertSurfaceFormat(a, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_Surface* cb = SDL_ConvertSurfaceFormat(b, SDL_PIXELFORMAT_ARGB8888, 0);
    long differing = 0;
    for (int y = 0; y < ca->h; ++y) {
        auto* ra = reinterpret_cast<uint32_t*>(static_cast<uint8_t*>(ca->pixels) + y * ca->pitch);
        auto* rb = reinterpret_cast<uint32_t*>(static_cast<uint8_t*>(cb->pixels) + y * cb->pitch);
        for (int x = 0; x < ca->w; ++x) {
            int worst = 0;
            for (int shift : {0, 8, 16}) {
                int d = std::abs(static_cast<int>((ra[x] >> shift) & 0xFF) -
                                 static_cast<int>((rb[x] >> shift) & 0xFF));
                worst = std::max(worst, d);
            }
            differing += worst > 40 ? 1 : 0;
        }
    }
    double share = static_cast<double>(differing) / (ca->w * ca->h);
    SDL_FreeSurface(ca);
    SDL_FreeSurface(cb);
    return share;
}

} // namespace

TEST_CASE("the main screens match their golden images", "[render][golden]") {
    const bool update = std::getenv("CORDEE_UPDATE_GOLDEN") != nullptr;
    for (const View& v : kViews) {
        DYNAMIC_SECTION(v.name) {
            auto courses = test::bundledCourses();
            size_t index = test::courseIndex(courses, v.course);
            ui::Settings s;
            s.textScale = v.scale;
            s.theme = v.theme;
            ui::Controller c(std::move(courses), s);
            if (*v.course) {
                if (*v.page)
                    REQUIRE(c.showStep(index, v.page, true));
                else
                    REQUIRE(c.showOverview(index));
            }
            if (v.overlay != ui::Overlay::None)
                c.openOverlay(v.overlay);
            test::Offscreen screen(v.w, v.h);
            screen.paint(c);
            const std::string golden = std::string(CORDEE_GOLDEN) + "/" + v.name + ".png";
            if (update || !std::filesystem::exists(golden)) {
                const bool missing = !std::filesystem::exists(golden);
                IMG_SavePNG(screen.surface(), golden.c_str());
                WARN("wrote " << golden);
                if (missing && !update)
                    FAIL("no golden image yet: wrote one; look at it, then commit it");
                continue;
            }
            SDL_Surface* expected = IMG_Load(golden.c_str());
            REQUIRE(expected);
            const std::string actual = golden + ".actual";
            double share = differingShare(screen.surface(), expected);
            if (share > 0.002)
                IMG_SavePNG(screen.surface(), actual.c_str());
            INFO("changed pixels: " << share * 100 << " % (see " << actual << ")");
            CHECK(share <= 0.002);
            SDL_FreeSurface(expected);
        }
    }
}
