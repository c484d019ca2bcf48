// Baselines for the progress benchmark (tools/bench/progress_bench.cpp): what bare SQLite
// costs on this machine with the store's settings, measured in the same run.
#pragma once

#include <filesystem>

namespace cordee::progress {

// Median milliseconds of a one-row INSERT committed in its own transaction, with WAL and
// synchronous=FULL, on a fresh file at `path`.
double bareCommitMedianMs(const std::filesystem::path& path, int runs);

// Fills a store with `learners` learners, each with visits, an attempt and its responses,
// for report and catalogue timings. Returns false on failure.
bool fillForBenchmark(const std::filesystem::path& path, int learners, int responsesPerLearner);

} // namespace cordee::progress
