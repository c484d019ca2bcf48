// Renders controller views offscreen with the real fonts and the software renderer: no display.
#pragma once

#include "render/sdl_canvas.hpp"
#include "ui/controller.hpp"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <memory>

namespace cordee::test {

class Offscreen {
public:
    Offscreen(int w, int h) {
        static bool ready = [] {
            TTF_Init();
            IMG_Init(IMG_INIT_PNG);
            return true;
        }();
        (void)ready;
        surface_ = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        renderer_ = SDL_CreateSoftwareRenderer(surface_);
        canvas_ = std::make_unique<render::SdlCanvas>(renderer_, fonts());
    }
    ~Offscreen() {
        canvas_.reset();
        SDL_DestroyRenderer(renderer_);
        SDL_FreeSurface(surface_);
    }
    static render::FontSet& fonts() {
        static render::FontSet set;
        return set;
    }
    render::SdlCanvas& canvas() { return *canvas_; }
    SDL_Surface* surface() { return surface_; }
    void paint(ui::Controller& c) {
        c.setViewport(surface_->w, surface_->h);
        c.paint(*canvas_);
        SDL_RenderPresent(renderer_);
    }

private:
    SDL_Surface* surface_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    std::unique_ptr<render::SdlCanvas> canvas_;
};

inline std::vector<ui::CourseEntry> bundledCourses() {
    std::vector<ui::CourseEntry> out;
    for (const auto& folder : course::findCourseFolders(CORDEE_COURSES)) {
        ui::CourseEntry e;
        e.path = folder;
        e.load = course::loadCourse(folder);
        out.push_back(std::move(e));
    }
    return out;
}

inline size_t courseIndex(const std::vector<ui::CourseEntry>& courses, const std::string& id) {
    for (size_t i = 0; i < courses.size(); ++i)
        if (courses[i].load.course.id == id)
            return i;
    return 0;
}

} // namespace cordee::test
