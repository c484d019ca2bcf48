// The course model: plain structs, loaded once and never mutated by the player.
//
// Keyed by author ids (never by positions) so that learner progress survives a trainer's edit.
// Rich text is a flat list of styled runs (nesting of <em>/<strong>/<term>/<link> is folded into
// each run's attributes), which is what the layout engine consumes.
// [SECTION] index: rich text · blocks · questions · quizzes · scenarios · course
#pragma once

#include "core/diagnostic.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace cordee::course {

using core::SourcePos;

// ---------------------------------------------------------------------------------------------
// [SECTION] Rich text
// ---------------------------------------------------------------------------------------------
enum RunStyle : unsigned { kPlain = 0, kEmphasis = 1, kStrong = 2 };

struct InlineRun {
    enum class Kind { Text, LineBreak, Blank };
    Kind kind = Kind::Text;
    std::string text; // white space already folded as in HTML
    unsigned style = kPlain;
    std::string termRef;  // glossary id when inside <term ref>
    std::string linkHref; // when inside <link href>
    int blankIndex = -1;  // Kind::Blank: index into Question::blanks
};

struct RichText {
    std::vector<InlineRun> runs;
    bool empty() const { return runs.empty(); }
    std::string plainText() const; // runs' text joined; line breaks as "\n", blanks as "___"
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Questions (also used inside <check>)
// ---------------------------------------------------------------------------------------------
enum class QuestionType { Single, Multiple, TrueFalse, Order, Match, Gaps };
const char* questionTypeName(QuestionType type); // the XML element name

struct Choice {
    RichText text;
    bool correct = false;
    RichText feedback;
};

struct MatchPair {
    RichText left;
    RichText right;
};

struct Blank {
    std::vector<std::string> answers; // as written, trimmed; compared per the question's `strict`
};

struct Question {
    std::string id;
    QuestionType type = QuestionType::Single;
    double points = 1.0;
    bool shuffleChoices = true; // `shuffle` on the question; order items are always shuffled
    bool partial = false;       // <multiple partial>
    bool answer = true;         // <truefalse answer>
    bool strict = false;        // <gaps strict>
    RichText prompt;
    std::vector<Choice> choices;  // single, multiple
    std::vector<RichText> items;  // order: in the right order
    std::vector<MatchPair> pairs; // match
    RichText gapText;             // gaps: runs with Kind::Blank markers
    std::vector<Blank> blanks;
    std::optional<RichText> hint;
    RichText explanation;
    SourcePos pos;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Page blocks
// ---------------------------------------------------------------------------------------------
struct Heading {
    RichText text;
};
struct Paragraph {
    RichText text;
};
struct ListBlock {
    bool ordered = false;
    std::vector<RichText> items;
};
struct Image {
    std::string src; // relative to the course folder, as written
    std::string alt;
    std::string caption;
    std::filesystem::path resolved; // absolute path inside the course folder, when it exists
    int width = 0;                  // intrinsic size in px when known (0 = unknown)
    int height = 0;
};
struct Quote {
    RichText text;
    std::string cite;
};
enum class NoteKind { Info, Key, Law, Example, Warning };
const char* noteKindName(NoteKind kind);
using NoteBlock = std::variant<Paragraph, ListBlock>;
struct Note {
    NoteKind kind = NoteKind::Info;
    std::string title;
    std::vector<NoteBlock> blocks;
};
struct TableCell {
    bool header = false;
    RichText text;
};
struct Table {
    std::vector<std::vector<TableCell>> rows;
};
struct TimelineEvent {
    std::string date;
    RichText text;
};
struct Timeline {
    std::vector<TimelineEvent> events;
};
struct Check {
    Question question;
};
struct Reflection {
    std::string id;
    RichText prompt;
    SourcePos pos;
};

using Block = std::variant<Heading, Paragraph, ListBlock, Image, Quote, Note, Table, Timeline,
                           Check, Reflection>;

struct Page {
    std::string id;
    std::string title;
    std::vector<Block> blocks;
    SourcePos pos;
};

struct Lesson {
    std::string id;
    std::string title;
    std::vector<Page> pages;
    SourcePos pos;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Quizzes
// ---------------------------------------------------------------------------------------------
enum class FeedbackMode { Immediate, End };

struct Quiz {
    std::string id;
    std::string title;
    int pass = 70;    // percent
    int attempts = 0; // 0 = unlimited
    int pick = 0;     // 0 = all questions
    bool shuffle = false;
    FeedbackMode feedback = FeedbackMode::Immediate;
    RichText intro;
    std::vector<Question> questions;
    SourcePos pos;

    int drawCount() const;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Scenarios
// ---------------------------------------------------------------------------------------------
struct Option {
    std::string target; // the `goto`: a scene or an ending id
    int score = 0;
    RichText text;
    RichText feedback;
    SourcePos pos;
};

struct Scene {
    std::string id;
    std::string title;
    std::vector<Block> blocks;
    std::vector<Option> options;
    SourcePos pos;
};

enum class Outcome { Success, Partial, Failure };
const char* outcomeName(Outcome outcome);

struct Ending {
    std::string id;
    std::string title;
    Outcome outcome = Outcome::Success;
    std::vector<Block> blocks;
    SourcePos pos;
};

struct Scenario {
    std::string id;
    std::string title;
    std::string start;
    RichText intro;
    std::vector<Scene> scenes;
    std::vector<Ending> endings;
    int bestScore = 0; // the highest total of option scores on a path from start to an ending
    SourcePos pos;
    SourcePos startPos; // of the `start` attribute, for diagnostics

    const Scene* findScene(const std::string& id) const;
    const Ending* findEnding(const std::string& id) const;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Course
// ---------------------------------------------------------------------------------------------
using ModuleItem = std::variant<Lesson, Quiz, Scenario>;

struct Module {
    std::string id;
    std::string title;
    RichText description;
    std::vector<std::string> prerequisites;
    std::vector<ModuleItem> items;
    SourcePos pos;
};

struct GlossaryTerm {
    std::string id;
    std::string label;
    RichText definition;
    SourcePos pos;
};

struct Meta {
    std::vector<std::string> authors;
    std::vector<std::string> organisations;
    std::optional<int> durationMinutes;
    std::string audience;
    std::string updated;
    std::vector<std::string> sources;
};

struct Completion {
    enum class Pages { All, None };
    enum class Quizzes { Passed, Attempted, None };
    enum class Scenarios { Ended, Success, None };
    Pages pages = Pages::All;
    Quizzes quizzes = Quizzes::Passed;
    Scenarios scenarios = Scenarios::Ended;
};

struct Course {
    std::string id;
    int format = 1;
    int version = 1;
    std::string lang = "fr";
    std::string title;
    std::string subtitle;
    RichText description;
    Meta meta;
    std::vector<RichText> objectives;
    std::vector<GlossaryTerm> glossary;
    std::vector<Module> modules;
    Completion completion;
    std::filesystem::path folder; // the course folder (canonical)
    std::filesystem::path file;   // its course.xml

    const GlossaryTerm* findTerm(const std::string& id) const;
    const Module* findModule(const std::string& id) const;
};

} // namespace cordee::course
