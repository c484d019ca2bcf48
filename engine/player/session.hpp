// One learner's journey through one course: where they are and what they have done.
//
// Small and mutable, separate from the immutable course (as a playthrough is from its story):
// the window and the text mode drive the same Session, and the progress store saves its facts.
#pragma once

#include "player/course_outline.hpp"
#include "player/progress_rules.hpp"
#include "player/progress_sink.hpp"
#include "player/scenario_run.hpp"
#include "quiz/attempt.hpp"

#include <functional>
#include <map>

namespace cordee::player {

enum class MoveResult { Moved, AtStart, AtEnd, Locked };

class Session {
public:
    explicit Session(const CourseOutline& outline, LearnerFacts facts = {});

    const CourseOutline& outline() const { return *outline_; }
    const course::Course& course() const { return outline_->course(); }
    const LearnerFacts& facts() const { return facts_; }

    size_t current() const { return current_; }
    const Step& currentStep() const { return outline_->steps().at(current_); }

    MoveResult next();
    MoveResult previous();
    // Goes to a step; refuses a step in a locked module unless `force` (a trainer's preview).
    MoveResult goTo(size_t step, bool force = false);
    bool isStepReachable(size_t step) const;

    // The step where "Reprendre" should go: the first step not done, or the start.
    size_t resumeStep() const;

    // Position within the current lesson ("page 3 / 12") and module.
    struct Position {
        size_t indexInModule = 0; // 1-based
        size_t stepsInModule = 0;
        size_t stepsDoneInModule = 0;
        size_t indexInCourse = 0; // 1-based
    };
    Position position() const;

    // Called whenever facts change (the progress store listens here).
    std::function<void(const Step&)> onVisit;

    // -- Quizzes, scenarios, checks and reflections: one run per item, kept while the session
    //    lives, so leaving a page and coming back finds it as it was.
    quiz::QuizRun& quizRun(const course::Quiz& quiz);
    ScenarioRun& scenarioRun(const course::Scenario& scenario);
    bool startQuiz(const course::Quiz& quiz); // a new attempt, fresh seed
    quiz::QuestionResult answerQuiz(const course::Quiz& quiz, const quiz::Response& r);
    void nextQuestion(const course::Quiz& quiz); // after the feedback: on, or to the results
    void scenarioChanged(const course::Scenario& scenario); // after choose/next: facts follow

    struct CheckRecord {
        quiz::Response response;
        quiz::QuestionResult result;
        int tries = 0;
    };
    // A knowledge check: feedback and a record, never a score.
    const CheckRecord& answerCheck(const course::Question& q, const quiz::Response& r);
    const CheckRecord* check(const std::string& questionId) const;
    void setReflection(const std::string& id, const std::string& text);
    std::string reflection(const std::string& id) const;

    // Where new seeds come from (tests inject a fixed source).
    std::function<uint64_t()> seedSource;
    // Milliseconds on a steady clock: how long a question was on screen (tests inject one).
    std::function<int64_t()> clockMs;

    // Where actions are reported (the progress store); may be null. Attaching restores what it
    // has recorded for this course.
    void attach(ProgressSink* sink);
    ProgressSink* sink() const { return sink_; }
    // Used by a sink's restore().
    void restoreFacts(LearnerFacts facts) { facts_ = std::move(facts); }
    void restoreQuiz(const course::Quiz& quiz, std::vector<quiz::Attempt> attempts);
    void restoreReflection(const std::string& id, const std::string& text) {
        reflections_[id] = text;
    }
    std::string bookmark; // the step to resume at ("Reprendre"), when known

private:
    void visit();
    void reportCourseState();
    void quizChanged(const course::Quiz& quiz);

    // Time on a quiz question runs from when it was shown to when it was answered; reading
    // the previous question's feedback does not count.
    void questionShown(const course::Quiz& quiz) { questionShownAt_[quiz.id] = clockMs(); }
    int64_t timeOnQuestion(const course::Quiz& quiz) const;

    std::map<std::string, quiz::QuizRun> quizzes_;
    std::map<std::string, int64_t> questionShownAt_; // by quiz id
    std::map<std::string, ScenarioRun> scenarios_;
    std::map<std::string, CheckRecord> checks_;
    std::map<std::string, std::string> reflections_;
    ProgressSink* sink_ = nullptr;
    std::string reportedStatus_;

    const CourseOutline* outline_;
    LearnerFacts facts_;
    size_t current_ = 0;
};

} // namespace cordee::player
