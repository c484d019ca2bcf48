// A learner's answer to one question, in positions of the question as authored (document
// order), whatever order it was shown in; and its text form, kept with each record.
//
// Text form (stable: the progress store and reports read it):
//   single     "2"            the chosen choice's index
//   multiple   "0,2"          chosen indices, ascending
//   truefalse  "true" | "false"
//   order      "2,0,1"        item indices in the order the learner put them
//   match      "1,0,2"        for each left item, the index of the pair whose right side was
//                             matched to it ("-" for none)
//   gaps       "un|deux"      one entry per blank, "|" and "\" escaped with "\"
#pragma once

#include "course/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cordee::quiz {

struct Response {
    std::vector<int> choices;      // single (one index), multiple
    std::optional<bool> truth;     // truefalse
    std::vector<int> order;        // order
    std::vector<int> matches;      // match: right pair index per left item, -1 = none
    std::vector<std::string> gaps; // gaps: text per blank

    bool empty() const;
};

std::string toText(const course::Question& q, const Response& r);
// What a person reads for a response: choice letters and texts, items in the learner's order,
// pairs matched, words typed (for reports: "C. Une convention").
std::string describe(const course::Question& q, const Response& r);
// Reads the text form back; nothing when it does not fit the question.
std::optional<Response> fromText(const course::Question& q, const std::string& text);

} // namespace cordee::quiz
