// Scoring as pure functions: a question and a response in, points and a verdict out.
//
// The rules of course format 1:
//   single, truefalse, order, match: the points or 0;
//   multiple: all or nothing, or with partial="true":
//             points × max(0, right picks − wrong picks) / number of right choices;
//   gaps: each blank scores its share of the points; answers compare case- and
//         accent-insensitively, trimmed and with inner spaces folded, unless strict="true".
#pragma once

#include "quiz/response.hpp"

#include <string>
#include <vector>

namespace cordee::quiz {

enum class Verdict { Correct, Partial, Incorrect };

struct QuestionResult {
    double points = 0;
    double maxPoints = 0;
    Verdict verdict = Verdict::Incorrect;
    std::vector<bool> blanksRight; // gaps: one per blank
};

QuestionResult score(const course::Question& q, const Response& r);
// Whether a typed answer matches one accepted for a blank.
bool gapMatches(const course::Blank& blank, const std::string& typed, bool strict);
// Points shown to a person: "7,5" in French, "7.5" in English, "7" when whole.
std::string formatPoints(double points, bool frenchDecimalComma = true);

} // namespace cordee::quiz
