#include "player/session.hpp"

#include "core/typed_text.hpp"

#include <algorithm>
#include <chrono>
#include <random>

namespace cordee::player {

namespace {

// Words typed into gaps, cleaned at the door like reflections (one line each).
quiz::Response cleaned(quiz::Response r) {
    for (std::string& gap : r.gaps)
        gap = core::cleanTypedText(gap, core::kMaxGapBytes, false);
    return r;
}

} // namespace

Session::Session(const CourseOutline& outline, LearnerFacts facts)
    : outline_(&outline)
    , facts_(std::move(facts)) {
    seedSource = [] {
        std::random_device rd;
        return (static_cast<uint64_t>(rd()) << 32) ^ rd();
    };
    clockMs = [] {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    };
}

int64_t Session::timeOnQuestion(const course::Quiz& quiz) const {
    // Capped as page time is: a learner who leaves over lunch has not pondered for an hour.
    constexpr int64_t kCapMs = 15 * 60 * 1000;
    auto it = questionShownAt_.find(quiz.id);
    if (it == questionShownAt_.end())
        return 0;
    return std::clamp<int64_t>(clockMs() - it->second, 0, kCapMs);
}

void Session::attach(ProgressSink* sink) {
    sink_ = sink;
    if (sink_)
        sink_->restore(*this);
}

void Session::restoreQuiz(const course::Quiz& quiz, std::vector<quiz::Attempt> attempts) {
    quizzes_.erase(quiz.id);
    auto& run = quizzes_.emplace(quiz.id, quiz::QuizRun(quiz, std::move(attempts))).first->second;
    run.resume();
    if (run.phase() == quiz::QuizRun::Phase::Results)
        run = quiz::QuizRun(quiz, run.attempts()); // back at the intro, history kept
}

quiz::QuizRun& Session::quizRun(const course::Quiz& quiz) {
    auto it = quizzes_.find(quiz.id);
    if (it == quizzes_.end())
        it = quizzes_.emplace(quiz.id, quiz::QuizRun(quiz)).first;
    return it->second;
}

ScenarioRun& Session::scenarioRun(const course::Scenario& scenario) {
    auto it = scenarios_.find(scenario.id);
    if (it == scenarios_.end())
        it = scenarios_.emplace(scenario.id, ScenarioRun(scenario)).first;
    return it->second;
}

bool Session::startQuiz(const course::Quiz& quiz) {
    if (!quizRun(quiz).start(seedSource()))
        return false;
    if (sink_)
        sink_->attemptStarted(course(), quiz, *quizRun(quiz).current());
    questionShown(quiz);
    quizChanged(quiz);
    return true;
}

quiz::QuestionResult Session::answerQuiz(const course::Quiz& quiz, const quiz::Response& typed) {
    const quiz::Response r = cleaned(typed);
    quiz::QuizRun& run = quizRun(quiz);
    const size_t position = run.index();
    quiz::QuestionResult result = run.answer(r);
    // Recorded (and committed) before the caller shows any feedback.
    if (sink_) {
        sink_->questionAnswered(course(), quiz, *run.current(), position, timeOnQuestion(quiz));
        if (run.current()->finished)
            sink_->attemptFinished(course(), quiz, *run.current());
    }
    quizChanged(quiz);
    return result;
}

void Session::nextQuestion(const course::Quiz& quiz) {
    quiz::QuizRun& run = quizRun(quiz);
    const bool wasFinished = run.current() && run.current()->finished;
    run.next();
    if (sink_ && !wasFinished && run.current() && run.current()->finished)
        sink_->attemptFinished(course(), quiz, *run.current());
    questionShown(quiz);
    quizChanged(quiz);
}

void Session::quizChanged(const course::Quiz& quiz) {
    const quiz::QuizRun& run = quizRun(quiz);
    facts_.attemptedQuizzes.insert(quiz.id);
    for (const quiz::Attempt& a : run.attempts())
        if (a.passed(quiz))
            facts_.passedQuizzes.insert(quiz.id);
    reportCourseState();
}

// Completion follows the course's <completion> rule; the score is the mean of each quiz's best
// result, and success is "passed" once every quiz is passed.
void Session::reportCourseState() {
    if (!sink_)
        return;
    const bool complete = isCourseComplete(*outline_, facts_);
    std::vector<const course::Quiz*> quizzes;
    for (const Step& s : outline_->steps())
        if (const course::Quiz* q = outline_->quiz(s))
            quizzes.push_back(q);
    std::optional<double> score;
    bool allPassed = !quizzes.empty();
    double total = 0;
    for (const course::Quiz* q : quizzes) {
        auto it = quizzes_.find(q->id);
        std::optional<double> best = it == quizzes_.end() ? std::nullopt : it->second.bestPercent();
        total += best.value_or(0) / 100.0;
        allPassed = allPassed && facts_.passedQuizzes.count(q->id) > 0;
    }
    if (!quizzes.empty())
        score = total / static_cast<double>(quizzes.size());
    const std::string status = complete ? "completed" : "in-progress";
    const std::string success =
        allPassed ? "passed" : (complete && !quizzes.empty() ? "failed" : "unknown");
    const std::string key = status + "/" + success + "/" + (score ? std::to_string(*score) : "");
    if (key == reportedStatus_)
        return;
    reportedStatus_ = key;
    sink_->courseStateChanged(course(), status, success, score);
}

void Session::scenarioChanged(const course::Scenario& scenario) {
    const ScenarioRun& run = scenarioRun(scenario);
    if (run.previewed())
        return; // a trainer looking at one scene: no learner did this
    if (sink_)
        sink_->scenarioChanged(course(), scenario, run);
    if (run.phase() == ScenarioRun::Phase::Ending) {
        facts_.endedScenarios.insert(scenario.id);
        if (run.ending() && run.ending()->outcome == course::Outcome::Success)
            facts_.succeededScenarios.insert(scenario.id);
        reportCourseState();
    }
}

const Session::CheckRecord& Session::answerCheck(const course::Question& q,
                                                 const quiz::Response& typed) {
    const quiz::Response r = cleaned(typed);
    CheckRecord& rec = checks_[q.id];
    rec.response = r;
    rec.result = quiz::score(q, r);
    ++rec.tries;
    if (sink_)
        sink_->checkAnswered(course(), q, r, rec.result, rec.tries);
    return rec;
}

const Session::CheckRecord* Session::check(const std::string& id) const {
    auto it = checks_.find(id);
    return it == checks_.end() ? nullptr : &it->second;
}

void Session::setReflection(const std::string& id, const std::string& typed) {
    // Cleaned at the door, whatever the front end: what reaches the file, the reports and a
    // terminal is valid UTF-8 without control characters or escapes, and of bounded length.
    const std::string text = core::cleanTypedText(typed, core::kMaxReflectionBytes);
    reflections_[id] = text;
    if (sink_)
        sink_->reflectionSaved(course(), id, text);
}

std::string Session::reflection(const std::string& id) const {
    auto it = reflections_.find(id);
    return it == reflections_.end() ? std::string() : it->second;
}

bool Session::isStepReachable(size_t step) const {
    if (step >= outline_->size())
        return false;
    return isModuleUnlocked(*outline_, outline_->steps()[step].module, facts_);
}

MoveResult Session::goTo(size_t step, bool force) {
    if (step >= outline_->size())
        return MoveResult::AtEnd;
    if (!force && !isStepReachable(step))
        return MoveResult::Locked;
    current_ = step;
    visit();
    return MoveResult::Moved;
}

MoveResult Session::next() {
    if (outline_->size() == 0 || current_ + 1 >= outline_->size())
        return MoveResult::AtEnd;
    return goTo(current_ + 1);
}

MoveResult Session::previous() {
    if (current_ == 0)
        return MoveResult::AtStart;
    return goTo(current_ - 1);
}

void Session::visit() {
    const Step& step = currentStep();
    if (step.kind == StepKind::Page)
        facts_.visitedPages.insert(step.id);
    if (step.kind == StepKind::Quiz)
        if (const course::Quiz* quiz = outline_->quiz(step))
            questionShown(*quiz); // a resumed question counts from when it is back on screen
    bookmark = step.id;
    if (sink_) {
        sink_->stepShown(course(), step);
        reportCourseState();
    }
    if (onVisit)
        onVisit(step);
}

size_t Session::resumeStep() const {
    // Where the learner was last, if the course still has that step; else the first not done.
    if (!bookmark.empty())
        if (auto s = outline_->findStep(bookmark); s && isStepReachable(*s))
            return *s;
    for (size_t s = 0; s < outline_->size(); ++s)
        if (!isStepDone(*outline_, outline_->steps()[s], facts_) && isStepReachable(s))
            return s;
    return 0;
}

Session::Position Session::position() const {
    Position p;
    if (outline_->size() == 0)
        return p;
    const Step& step = currentStep();
    size_t begin = outline_->moduleBegin(step.module);
    size_t end = outline_->moduleEnd(step.module);
    p.indexInModule = current_ - begin + 1;
    p.stepsInModule = end - begin;
    for (size_t s = begin; s < end; ++s)
        p.stepsDoneInModule += isStepDone(*outline_, outline_->steps()[s], facts_) ? 1 : 0;
    p.indexInCourse = current_ + 1;
    return p;
}

} // namespace cordee::player
