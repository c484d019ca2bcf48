#include "progress/store_sink.hpp"

#include "core/strings.hpp"
#include "player/session.hpp"

#include <thread>

namespace cordee::progress {

StoreSink::StoreSink(Store& store, Learner learner)
    : store_(store)
    , learner_(std::move(learner)) {}

void StoreSink::write(std::function<bool()> action) {
    // Older actions first, in order: a retried answer must not land after a newer one.
    ++given_;
    pending_.push_back(std::move(action));
    flush();
}

bool StoreSink::ensureLearner() {
    if (learner_.id > 0)
        return true;
    auto l = store_.ensureLearner(learner_.name);
    if (!l)
        return false;
    learner_ = *l;
    return true;
}

bool StoreSink::flush() {
    if (pending_.empty())
        return true;
    if (!ensureLearner())
        return false;
    size_t done = 0;
    while (done < pending_.size() && pending_[done]())
        ++done;
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<long>(done));
    return pending_.empty();
}

size_t StoreSink::drain(std::chrono::milliseconds budget) {
    const auto deadline = std::chrono::steady_clock::now() + budget;
    while (!flush() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return pending_.size();
}

void StoreSink::stepShown(const course::Course& c, const player::Step& step) {
    // Time on a step is counted when the next one is shown (capped: a learner who leaves the
    // laptop open over lunch has not read for an hour).
    const auto now = std::chrono::steady_clock::now();
    int64_t ms = 0;
    if (auto it = shownAt_.find(c.id); it != shownAt_.end())
        ms = std::min<int64_t>(
            std::chrono::duration_cast<std::chrono::milliseconds>(now - it->second).count(),
            15 * 60 * 1000);
    shownAt_[c.id] = now;
    const std::string course = c.id, stepId = step.id;
    const int version = c.version;
    const bool page = step.kind == player::StepKind::Page;
    write([this, course, version, stepId, page, ms] {
        if (page && !store_.recordVisit(learner_.id, course, version, stepId, ms))
            return false;
        return store_.setBookmark(learner_.id, course, version, stepId);
    });
}

void StoreSink::attemptStarted(const course::Course& c, const course::Quiz& q,
                               const quiz::Attempt& a) {
    const std::string key = c.id + "/" + q.id + "/" + std::to_string(a.number);
    quiz::Attempt copy = a;
    const course::Quiz* quiz = &q;
    const std::string course = c.id;
    const int version = c.version;
    write([this, key, copy, quiz, course, version] {
        auto id = store_.startAttempt(learner_.id, course, version, *quiz, copy);
        if (id)
            attemptIds_[key] = *id;
        return id.has_value();
    });
}

void StoreSink::questionAnswered(const course::Course& c, const course::Quiz& q,
                                 const quiz::Attempt& a, size_t position, int64_t timeMs) {
    const std::string key = c.id + "/" + q.id + "/" + std::to_string(a.number);
    quiz::Attempt copy = a;
    const course::Quiz* quiz = &q;
    write([this, key, copy, quiz, position, timeMs] {
        auto it = attemptIds_.find(key);
        return it != attemptIds_.end() &&
               store_.recordResponse(it->second, *quiz, copy, position, timeMs);
    });
}

void StoreSink::attemptFinished(const course::Course& c, const course::Quiz& q,
                                const quiz::Attempt& a) {
    const std::string key = c.id + "/" + q.id + "/" + std::to_string(a.number);
    quiz::Attempt copy = a;
    const course::Quiz* quiz = &q;
    write([this, key, copy, quiz] {
        auto it = attemptIds_.find(key);
        return it != attemptIds_.end() && store_.finishAttempt(it->second, *quiz, copy);
    });
    if (onActivityDone)
        onActivityDone();
}

void StoreSink::checkAnswered(const course::Course& c, const course::Question& q,
                              const quiz::Response& r, const quiz::QuestionResult& result,
                              int tries) {
    const course::Question* question = &q;
    const std::string course = c.id;
    write([this, course, question, r, result, tries] {
        return store_.recordCheck(learner_.id, course, *question, r, result, tries);
    });
}

void StoreSink::reflectionSaved(const course::Course& c, const std::string& id,
                                const std::string& text) {
    const std::string course = c.id;
    write(
        [this, course, id, text] { return store_.saveReflection(learner_.id, course, id, text); });
}

void StoreSink::scenarioChanged(const course::Course& c, const course::Scenario& s,
                                const player::ScenarioRun& run) {
    const std::string key = c.id + "/" + s.id;
    // A new run begins when the path is empty again (a replay).
    if (run.path().empty())
        scenarioRuns_.erase(key);
    const course::Scenario* scenario = &s;
    const player::ScenarioRun copy = run;
    const std::string course = c.id;
    write([this, key, scenario, copy, course] {
        std::optional<int64_t> row;
        if (auto it = scenarioRuns_.find(key); it != scenarioRuns_.end())
            row = it->second;
        auto saved = store_.saveScenarioRun(row, learner_.id, course, *scenario, copy);
        if (saved)
            scenarioRuns_[key] = *saved;
        return saved.has_value();
    });
    if (onActivityDone && run.phase() == player::ScenarioRun::Phase::Ending)
        onActivityDone();
}

void StoreSink::courseStateChanged(const course::Course& c, const std::string& status,
                                   const std::string& success, std::optional<double> score) {
    const std::string course = c.id;
    const int version = c.version;
    write([this, course, version, status, success, score] {
        return store_.setCourseState(learner_.id, course, version, status, success, score);
    });
    if (onActivityDone)
        onActivityDone();
}

void StoreSink::restore(player::Session& session) {
    const course::Course& c = session.course();
    session.restoreFacts(store_.facts(learner_.id, c.id));
    if (auto rec = store_.courseRecord(learner_.id, c.id))
        session.bookmark = rec->bookmark;
    for (const auto& [id, text] : store_.reflections(learner_.id, c.id))
        session.restoreReflection(id, text);
    for (const course::Module& m : c.modules)
        for (const course::ModuleItem& item : m.items)
            if (const auto* q = std::get_if<course::Quiz>(&item)) {
                std::vector<quiz::Attempt> attempts;
                for (StoredAttempt& sa : store_.attempts(learner_.id, c.id, *q)) {
                    attemptIds_[c.id + "/" + q->id + "/" + std::to_string(sa.attempt.number)] =
                        sa.id;
                    attempts.push_back(std::move(sa.attempt));
                }
                if (!attempts.empty())
                    session.restoreQuiz(*q, std::move(attempts));
            }
}

std::string StoreSink::problem(core::Lang lang) const {
    using core::Str;
    switch (store_.problem()) {
    case StoreProblem::None:
        return pending_.empty() ? "" : core::tr(Str::ProgressPending, lang);
    case StoreProblem::ReadOnly:
        return core::tr(Str::ProgressReadOnly, lang);
    case StoreProblem::Full:
        return core::tr(Str::ProgressFull, lang);
    case StoreProblem::Locked:
        return core::tr(Str::ProgressLocked, lang);
    case StoreProblem::Corrupt:
        return core::tr(Str::ProgressCorrupt, lang);
    case StoreProblem::Foreign:
    case StoreProblem::TooNew:
        return core::tr(Str::ProgressForeign, lang);
    default:
        return core::tr(Str::ProgressCannotOpen, lang);
    }
}

} // namespace cordee::progress
