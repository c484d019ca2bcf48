#include "quiz/attempt.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace cordee::quiz {

using course::FeedbackMode;
using course::QuestionType;

std::vector<int> seededPermutation(size_t n, uint64_t seed) {
    // mt19937_64's sequence is fixed by the standard; std::shuffle's use of it is not, so the
    // Fisher-Yates walk is written here.
    std::mt19937_64 rng(seed);
    std::vector<int> p(n);
    std::iota(p.begin(), p.end(), 0);
    for (size_t i = n; i > 1; --i) {
        size_t j = static_cast<size_t>(rng() % i);
        std::swap(p[i - 1], p[j]);
    }
    return p;
}

namespace {

// A shown order that is already the answer teaches nothing: turn it once more.
std::vector<int> notIdentity(std::vector<int> p) {
    bool identity = true;
    for (size_t i = 0; i < p.size(); ++i)
        identity = identity && p[i] == static_cast<int>(i);
    if (identity && p.size() >= 2)
        std::rotate(p.begin(), p.begin() + 1, p.end());
    return p;
}

uint64_t mix(uint64_t seed, uint64_t salt) {
    // splitmix64: independent streams for each question from one stored seed.
    uint64_t z = seed + 0x9E3779B97F4A7C15ull * (salt + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

} // namespace

Presentation presentQuestion(const course::Question& q, int index, uint64_t s) {
    Presentation p;
    p.question = index;
    if (q.type == QuestionType::Single || q.type == QuestionType::Multiple) {
        p.choiceOrder.resize(q.choices.size());
        std::iota(p.choiceOrder.begin(), p.choiceOrder.end(), 0);
        if (q.shuffleChoices)
            p.choiceOrder = seededPermutation(q.choices.size(), s);
    } else if (q.type == QuestionType::Order) {
        p.itemOrder = notIdentity(seededPermutation(q.items.size(), s));
    } else if (q.type == QuestionType::Match) {
        p.rightOrder = notIdentity(seededPermutation(q.pairs.size(), s));
    }
    return p;
}

Attempt startAttempt(const course::Quiz& quiz, uint64_t seed, int number) {
    Attempt a;
    a.seed = seed;
    a.number = number;
    const size_t pool = quiz.questions.size();
    const size_t drawn = static_cast<size_t>(quiz.drawCount());
    std::vector<int> order = seededPermutation(pool, mix(seed, 0));
    order.resize(drawn);
    if (!quiz.shuffle)
        std::sort(order.begin(), order.end()); // a drawn subset keeps the authored order
    for (size_t k = 0; k < order.size(); ++k)
        a.questions.push_back(presentQuestion(quiz.questions[static_cast<size_t>(order[k])],
                                              order[k], mix(seed, 1 + k)));
    a.responses.resize(a.questions.size());
    a.results.resize(a.questions.size());
    a.hintsUsed.resize(a.questions.size(), false);
    for (size_t k = 0; k < a.questions.size(); ++k)
        a.results[k].maxPoints =
            quiz.questions[static_cast<size_t>(a.questions[k].question)].points;
    return a;
}

double Attempt::score() const {
    double total = 0;
    for (const QuestionResult& r : results)
        total += r.points;
    return total;
}

double Attempt::maxScore() const {
    double total = 0;
    for (const QuestionResult& r : results)
        total += r.maxPoints;
    return total;
}

int Attempt::percent() const {
    const double max = maxScore();
    return max <= 0 ? 0 : static_cast<int>(std::floor(score() * 100.0 / max + 1e-9));
}

bool Attempt::passed(const course::Quiz& quiz) const {
    return finished && percent() >= quiz.pass;
}

QuizRun::QuizRun(const course::Quiz& quiz, std::vector<Attempt> past)
    : quiz_(&quiz)
    , attempts_(std::move(past)) {}

int QuizRun::attemptsUsed() const {
    return static_cast<int>(attempts_.size());
}

std::optional<int> QuizRun::attemptsLeft() const {
    if (quiz_->attempts == 0)
        return std::nullopt;
    return std::max(0, quiz_->attempts - attemptsUsed());
}

bool QuizRun::canStart() const {
    auto left = attemptsLeft();
    return !left || *left > 0;
}

std::optional<double> QuizRun::bestPercent() const {
    std::optional<double> best;
    for (const Attempt& a : attempts_)
        if (a.finished && (!best || a.percent() > *best))
            best = a.percent();
    return best;
}

bool QuizRun::start(uint64_t seed) {
    if (!canStart() || quiz_->questions.empty())
        return false;
    attempts_.push_back(startAttempt(*quiz_, seed, attemptsUsed() + 1));
    index_ = 0;
    phase_ = Phase::Question;
    return true;
}

bool QuizRun::startPreview(int question, uint64_t seed) {
    if (question < 0 || question >= static_cast<int>(quiz_->questions.size()))
        return false;
    Attempt a;
    a.seed = seed;
    a.number = attemptsUsed() + 1;
    a.questions.push_back(
        presentQuestion(quiz_->questions[static_cast<size_t>(question)], question, seed));
    a.responses.resize(1);
    a.results.resize(1);
    a.results[0].maxPoints = quiz_->questions[static_cast<size_t>(question)].points;
    a.hintsUsed.resize(1, false);
    attempts_.push_back(std::move(a));
    index_ = 0;
    phase_ = Phase::Question;
    return true;
}

void QuizRun::resume() {
    if (attempts_.empty() || attempts_.back().finished) {
        phase_ = attempts_.empty() ? Phase::Intro : Phase::Results;
        return;
    }
    const Attempt& a = attempts_.back();
    index_ = 0;
    while (index_ < a.responses.size() && a.responses[index_])
        ++index_;
    phase_ = Phase::Question;
    finishIfDone();
}

size_t QuizRun::count() const {
    return attempts_.empty() ? 0 : attempts_.back().questions.size();
}

const Presentation& QuizRun::presentation() const {
    return attempts_.back().questions.at(index_);
}

const course::Question& QuizRun::question() const {
    return quiz_->questions.at(static_cast<size_t>(presentation().question));
}

QuestionResult QuizRun::answer(const Response& r) {
    Attempt& a = attempts_.back();
    QuestionResult result = score(question(), r);
    a.responses[index_] = r;
    a.results[index_] = result;
    if (quiz_->feedback == FeedbackMode::Immediate)
        phase_ = Phase::Feedback;
    else
        next();
    return result;
}

void QuizRun::useHint() {
    if (!attempts_.empty() && index_ < attempts_.back().hintsUsed.size())
        attempts_.back().hintsUsed[index_] = true;
}

void QuizRun::next() {
    if (phase_ != Phase::Question && phase_ != Phase::Feedback)
        return;
    ++index_;
    phase_ = Phase::Question;
    finishIfDone();
}

void QuizRun::finishIfDone() {
    Attempt& a = attempts_.back();
    if (index_ >= a.questions.size()) {
        a.finished = true;
        phase_ = Phase::Results;
        index_ = a.questions.empty() ? 0 : a.questions.size() - 1;
    }
}

} // namespace cordee::quiz
