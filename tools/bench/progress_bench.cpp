// cordee-progress-bench: the progress store's figures (docs/performance.md).
//   - recording an answer (one transaction, WAL + synchronous=FULL) against a bare SQLite
//     commit with the same settings, measured in the same run (goal: within 2×);
//   - opening the catalogue's progress (facts for every course of one learner) in a file
//     holding 10,000 learners' history (goal: ≤ 50 ms);
//   - `cordee-report questions` over 1 million responses (goal: ≤ 1 s).
// `cordee-progress-bench --answers-on FILE [N]` only records N answers into FILE and prints
// their median and p95 (tools/bench/lrs_bench.py runs it while a sync writes the same file).
#include "core/version.hpp"
#include "course/loader.hpp"
#include "progress/bench_support.hpp"
#include "progress/reports.hpp"
#include "progress/store.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace cordee;

namespace {

template <class F> double ms(F&& f) {
    auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// N answers recorded one by one into `file`, each its own transaction, as the player does.
std::vector<double> recordAnswers(const fs::path& file, int runs) {
    progress::Store store(file);
    auto learner = store.ensureLearner("mesure");
    course::Quiz quiz;
    quiz.id = "qz";
    course::Question q;
    q.id = "q1";
    q.type = course::QuestionType::TrueFalse;
    quiz.questions.assign(1, q);
    std::vector<double> times;
    for (int i = 0; i < runs && learner; ++i) {
        quiz::QuizRun run(quiz);
        run.start(static_cast<uint64_t>(i));
        auto attempt = store.startAttempt(learner->id, "c", 1, quiz, *run.current());
        quiz::Response r;
        r.truth = true;
        run.answer(r);
        times.push_back(ms([&] { store.recordResponse(*attempt, quiz, *run.current(), 0, 100); }));
    }
    return times;
}

} // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "--version") {
        std::cout << "cordee-progress-bench " << cordee::core::kVersion << "\n";
        return 0;
    }
    if (argc >= 3 && std::string(argv[1]) == "--answers-on") {
        std::vector<double> t = recordAnswers(argv[2], argc >= 4 ? std::atoi(argv[3]) : 200);
        if (t.empty())
            return 1;
        std::sort(t.begin(), t.end());
        fmt::print("{} answers: median {:.3f} ms, p95 {:.3f} ms\n", t.size(), t[t.size() / 2],
                   t[t.size() * 95 / 100]);
        return 0;
    }
    const fs::path dir =
        fs::temp_directory_path() / fmt::format("cordee-progress-bench-{}", ::getpid());
    fs::create_directories(dir);
    int status = 0;
    {
        // 1. An answer recorded vs a bare commit.
        const int runs = 200;
        const double bare = progress::bareCommitMedianMs(dir / "bare.db", runs);
        const double answer = median(recordAnswers(dir / "answers.db", runs));
        fmt::print("bare SQLite commit (WAL, synchronous=FULL), median of {}: {:.3f} ms\n", runs,
                   bare);
        fmt::print("recording an answer, median of {}:                   {:.3f} ms (ratio {:.2f}, "
                   "goal <= 2)\n",
                   runs, answer, answer / bare);
    }
    {
        // 2 and 3. A file with 10,000 learners; then 1,000,000 responses.
        const fs::path file = dir / "big.db";
        { progress::Store create(file); }
        progress::fillForBenchmark(file, 10000, 100);
        progress::Store store(file);
        auto learner = store.findLearner("apprenant-05000");
        std::vector<double> open;
        for (int i = 0; i < 9; ++i)
            open.push_back(ms([&] {
                for (const char* c : {"coproduction", "gouvernance", "droit-partenariat", "demo"})
                    (void)store.facts(learner->id, c);
            }));
        fmt::print("catalogue progress for one learner among 10,000 (4 courses), median of 9: "
                   "{:.2f} ms (goal <= 50)\n",
                   median(open));
        size_t rows = 0;
        const double report = ms([&] { rows = progress::questionStats(store).size(); });
        fmt::print(
            "cordee-report questions over 1,000,000 responses: {:.0f} ms, {} rows (goal <= 1000)\n",
            report, rows);
        if (rows == 0)
            status = 1;
    }
    fs::remove_all(dir);
    return status;
}
