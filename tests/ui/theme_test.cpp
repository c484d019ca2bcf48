#include "ui/theme.hpp"

#include <catch2/catch.hpp>

using namespace cordee::ui;

TEST_CASE("body text has at least 7:1 contrast in every theme", "[ui][theme]") {
    for (ThemeName theme : {ThemeName::Light, ThemeName::Dark, ThemeName::HighContrast}) {
        INFO(themeKey(theme));
        for (Role back : {Role::Background, Role::Surface, Role::SurfaceAlt}) {
            CHECK(contrastRatio(themeColor(theme, Role::Text), themeColor(theme, back)) >= 7.0);
            CHECK(contrastRatio(themeColor(theme, Role::Heading), themeColor(theme, back)) >= 7.0);
        }
        // Text inside notes sits on the note's own background.
        for (Role back : {Role::InfoBack, Role::KeyBack, Role::LawBack, Role::ExampleBack,
                          Role::WarningBack, Role::PrimarySoft})
            CHECK(contrastRatio(themeColor(theme, Role::Text), themeColor(theme, back)) >= 7.0);
    }
}

TEST_CASE("secondary text, links, buttons and note labels are readable (4.5:1)", "[ui][theme]") {
    for (ThemeName theme : {ThemeName::Light, ThemeName::Dark, ThemeName::HighContrast}) {
        INFO(themeKey(theme));
        auto c = [&](Role a, Role b) {
            return contrastRatio(themeColor(theme, a), themeColor(theme, b));
        };
        CHECK(c(Role::TextMuted, Role::Background) >= 4.5);
        CHECK(c(Role::TextMuted, Role::Surface) >= 4.5);
        CHECK(c(Role::Primary, Role::Surface) >= 4.5);
        CHECK(c(Role::Primary, Role::Background) >= 4.5);
        CHECK(c(Role::OnPrimary, Role::Primary) >= 4.5);
        CHECK(c(Role::InfoAccent, Role::InfoBack) >= 4.5);
        CHECK(c(Role::KeyAccent, Role::KeyBack) >= 4.5);
        CHECK(c(Role::LawAccent, Role::LawBack) >= 4.5);
        CHECK(c(Role::ExampleAccent, Role::ExampleBack) >= 4.5);
        CHECK(c(Role::WarningAccent, Role::WarningBack) >= 4.5);
        CHECK(c(Role::Focus, Role::Background) >= 3.0); // a focus ring is a graphic: 3:1
    }
}

TEST_CASE("the contrast ratio follows WCAG", "[ui][theme]") {
    CHECK(contrastRatio({0, 0, 0}, {255, 255, 255}) == Approx(21.0));
    CHECK(contrastRatio({119, 119, 119}, {255, 255, 255}) == Approx(4.48).epsilon(0.01));
}
