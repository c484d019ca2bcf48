// Read-only views of the progress file for trainers (cordee-report): who did what, which
// questions mislead, and everything about one learner. Workload: whole-table scans grouped
// in SQL, run on demand, never while a learner plays.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace cordee::progress {

class Store;

struct ProgressRow {
    std::string learner, course, status, success;
    double scorePercent = -1; // -1 = no score
    int64_t timeMs = 0;
    std::string lastActivity;
};

struct QuestionStat {
    std::string course, quiz, question;
    int64_t answers = 0;
    double percentCorrect = 0;
    double meanPoints = 0;
    std::string mostChosenWrong; // the response text most often given among wrong answers
};

struct AttemptRow {
    std::string course, quiz;
    int number = 0;
    std::string started, finished;
    double score = 0, maxScore = 0;
    bool passed = false;
};

// A generic row: column name -> value as text (for exports).
using Row = std::vector<std::pair<std::string, std::string>>;

std::vector<ProgressRow> progressRows(Store& store);
std::vector<QuestionStat> questionStats(Store& store);
std::vector<AttemptRow> attemptRows(Store& store, const std::string& learner);
// Every row about one learner, table by table (responses joined through their attempts).
std::map<std::string, std::vector<Row>> learnerData(Store& store, const std::string& learner);

} // namespace cordee::progress
