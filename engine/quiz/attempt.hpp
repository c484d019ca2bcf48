// One attempt at a quiz: which questions were drawn, in which order they and their choices
// are shown, what the learner answered, and the score. Everything random comes from the seed
// kept with the attempt, so a resumed attempt shows the same questions in the same order.
//
// QuizRun is the state machine a player drives: intro → question → (feedback) → … → results,
// and again while attempts remain. Pure: no SDL, no storage (the progress store saves the
// attempts and gives them back).
#pragma once

#include "quiz/scoring.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace cordee::quiz {

// How one drawn question is shown. Orders map a display position to an authored index.
struct Presentation {
    int question = 0;             // index into Quiz::questions
    std::vector<int> choiceOrder; // single, multiple
    std::vector<int> itemOrder;   // order: the items as first shown
    std::vector<int> rightOrder;  // match: the right column as shown
};

struct Attempt {
    uint64_t seed = 0;
    int number = 1; // 1-based
    std::vector<Presentation> questions;
    std::vector<std::optional<Response>> responses;
    std::vector<QuestionResult> results;
    std::vector<bool> hintsUsed;
    bool finished = false;

    double score() const;
    double maxScore() const;
    int percent() const; // rounded down, 0..100
    bool passed(const course::Quiz& quiz) const;
};

// How one question is shown: its choices shuffled unless shuffle="false", order items and
// the right column of a match never shown already in the right order.
Presentation presentQuestion(const course::Question& q, int index, uint64_t seed);

// Draws `pick` questions (or all), shuffles questions and choices as the quiz says.
Attempt startAttempt(const course::Quiz& quiz, uint64_t seed, int number);

// A deterministic permutation of 0..n-1 from a seed (the same on every machine).
std::vector<int> seededPermutation(size_t n, uint64_t seed);

class QuizRun {
public:
    enum class Phase { Intro, Question, Feedback, Results };

    explicit QuizRun(const course::Quiz& quiz, std::vector<Attempt> past = {});

    const course::Quiz& quiz() const { return *quiz_; }
    Phase phase() const { return phase_; }
    const std::vector<Attempt>& attempts() const { return attempts_; }
    const Attempt* current() const { return attempts_.empty() ? nullptr : &attempts_.back(); }

    int attemptsUsed() const;                // finished or begun
    std::optional<int> attemptsLeft() const; // nothing when unlimited
    bool canStart() const;
    std::optional<double> bestPercent() const;

    // Starts a new attempt (from the intro or the results).
    bool start(uint64_t seed);
    // A preview of one question (a trainer's --page on a question id): an attempt of that
    // question alone.
    bool startPreview(int question, uint64_t seed);
    // Resumes an unfinished attempt given back by the store, at its first unanswered question.
    void resume();

    size_t index() const { return index_; } // the question shown, 0-based
    size_t count() const;                   // questions in the attempt
    const Presentation& presentation() const;
    const course::Question& question() const;

    // Records the answer. With immediate feedback the run shows it; with feedback at the end
    // it goes on (nothing about right answers is revealed until the results).
    QuestionResult answer(const Response& r);
    void useHint();
    // From the feedback (or after an answer in end mode) to the next question or the results.
    void next();

private:
    void finishIfDone();

    const course::Quiz* quiz_;
    std::vector<Attempt> attempts_;
    Phase phase_ = Phase::Intro;
    size_t index_ = 0;
};

} // namespace cordee::quiz
