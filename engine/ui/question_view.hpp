// A question on screen — in a quiz, or as a knowledge check inside a page — with the learner's
// answer in progress (the draft), and after validation its feedback.
//
// Hotspot ids start with the caller's prefix ("quiz:" or "chk:<id>:"), then:
//   choice:N (N = shown position; true/false: 0 = Vrai, 1 = Faux), item:N, up:N, down:N
//   (order), left:I, right:N, unpair:I (match), gap:I (gaps).
#pragma once

#include "core/diagnostic.hpp"
#include "quiz/attempt.hpp"
#include "ui/flow.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cordee::ui {

struct QuestionDraft {
    std::string key;          // which question this draft is for (reset when it changes)
    std::set<int> chosen;     // shown positions
    std::vector<int> order;   // order: authored item indices, in the order shown now
    int held = -1;            // order: the position picked up with the keyboard
    std::vector<int> matchOf; // match: per left item (authored), the right column's shown position
    int selectedLeft = -1;
    std::vector<std::string> gaps;
    int dragFrom = -1, dragTo = -1; // order: a drag with the mouse or a finger
    uint64_t action = 0;            // the progress sink's number for the answer given (0: none)

    void reset(const std::string& key, const course::Question& q, const quiz::Presentation& p);
    bool complete(const course::Question& q) const; // enough to validate
    quiz::Response response(const course::Question& q, const quiz::Presentation& p) const;
    // Acts on a hotspot (the part after the prefix). True when something changed.
    bool activate(const std::string& action, const course::Question& q);
    // Moves the held order item by one (keyboard).
    bool moveHeld(int delta);
    void typeInto(int gap, const std::string& text);
    void backspace(int gap);
};

struct QuestionFeedback {
    quiz::Response response;
    quiz::QuestionResult result;
    bool unsaved = false; // the answer is kept in memory, not yet in the progress file
};

struct QuestionViewContext {
    core::Lang lang = core::Lang::Fr;
    std::string prefix;
    bool showHint = false;
    std::string focusedGap; // the gap field with the focus, to draw its caret
};

void layoutQuestion(Flow& f, const course::Question& q, const quiz::Presentation& p,
                    const QuestionDraft& draft, const QuestionFeedback* feedback,
                    const QuestionViewContext& ctx);

// The verdict banner and the teaching text after an answer.
void layoutFeedback(Flow& f, const course::Question& q, const quiz::Presentation& p,
                    const QuestionFeedback& fb, core::Lang lang, bool showRightAnswer);

} // namespace cordee::ui
