// The interface's words, in French (default) and English. Course text is never translated:
// only what the player itself says.
#pragma once

#include "core/diagnostic.hpp"

namespace cordee::core {

enum class Str {
    AppName,
    Catalogue,
    CatalogueIntro,
    NoCourses,
    Minutes,
    Start,
    Resume,
    Restart,
    Objectives,
    Modules,
    Module,
    Lesson,
    Quiz,
    Scenario,
    Pages,
    Questions,
    Locked,
    LockedUntil,
    Previous,
    Next,
    Contents,
    Glossary,
    Settings,
    Help,
    Close,
    Home,
    Back,
    PageOf,
    ModuleProgress,
    CourseDone,
    EndOfCourse,
    TextSize,
    Theme,
    ThemeLight,
    ThemeDark,
    ThemeContrast,
    Font,
    FontDefault,
    FontDyslexic,
    Language,
    French,
    English,
    HelpTitle,
    HelpKeys,
    CheckPlaceholder,
    ReflectionPlaceholder,
    QuizPlaceholder,
    ScenarioPlaceholder,
    NoteInfo,
    NoteKey,
    NoteLaw,
    NoteExample,
    NoteWarning,
    Audience,
    Duration,
    Source,
    ImageMissing,
    LinkInert,
    Term,
    MyResults,
    Count
};

const char* tr(Str s, Lang lang);

} // namespace cordee::core
