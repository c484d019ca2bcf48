#include "quiz/scoring.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <set>

namespace cordee::quiz {

using course::QuestionType;

namespace {

std::string normalise(const std::string& s, bool strict) {
    // Trim and fold inner runs of spaces (no-break ones included) in both modes.
    std::string folded = strict ? s : core::foldForComparison(s);
    std::string out;
    bool space = false;
    for (size_t pos = 0; pos < folded.size();) {
        size_t start = pos;
        char32_t cp = core::decodeUtf8(folded, pos);
        const bool isSpace = cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == '\n';
        if (isSpace) {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out.append(folded, start, pos - start);
    }
    return out;
}

Verdict verdictFor(double points, double max) {
    if (max > 0 && points >= max - 1e-9)
        return Verdict::Correct;
    return points > 1e-9 ? Verdict::Partial : Verdict::Incorrect;
}

} // namespace

bool gapMatches(const course::Blank& blank, const std::string& typed, bool strict) {
    const std::string t = normalise(typed, strict);
    if (t.empty())
        return false;
    return std::any_of(blank.answers.begin(), blank.answers.end(),
                       [&](const std::string& a) { return normalise(a, strict) == t; });
}

QuestionResult score(const course::Question& q, const Response& r) {
    QuestionResult out;
    out.maxPoints = q.points;
    switch (q.type) {
    case QuestionType::Single: {
        const bool right = r.choices.size() == 1 && r.choices[0] >= 0 &&
                           r.choices[0] < static_cast<int>(q.choices.size()) &&
                           q.choices[static_cast<size_t>(r.choices[0])].correct;
        out.points = right ? q.points : 0;
        break;
    }
    case QuestionType::Multiple: {
        std::set<int> picked(r.choices.begin(), r.choices.end());
        int rightPicks = 0, wrongPicks = 0, rightTotal = 0;
        for (size_t i = 0; i < q.choices.size(); ++i) {
            const bool chosen = picked.count(static_cast<int>(i)) > 0;
            rightTotal += q.choices[i].correct ? 1 : 0;
            rightPicks += chosen && q.choices[i].correct ? 1 : 0;
            wrongPicks += chosen && !q.choices[i].correct ? 1 : 0;
        }
        if (q.partial) {
            out.points =
                rightTotal == 0 ? 0 : q.points * std::max(0, rightPicks - wrongPicks) / rightTotal;
        } else {
            out.points = rightPicks == rightTotal && wrongPicks == 0 ? q.points : 0;
        }
        break;
    }
    case QuestionType::TrueFalse:
        out.points = r.truth && *r.truth == q.answer ? q.points : 0;
        break;
    case QuestionType::Order: {
        bool right = r.order.size() == q.items.size();
        for (size_t i = 0; right && i < r.order.size(); ++i)
            right = r.order[i] == static_cast<int>(i);
        out.points = right ? q.points : 0;
        break;
    }
    case QuestionType::Match: {
        bool right = r.matches.size() == q.pairs.size();
        for (size_t i = 0; right && i < r.matches.size(); ++i)
            right = r.matches[i] == static_cast<int>(i);
        out.points = right ? q.points : 0;
        break;
    }
    case QuestionType::Gaps: {
        const size_t n = q.blanks.size();
        size_t right = 0;
        for (size_t i = 0; i < n; ++i) {
            const bool ok = i < r.gaps.size() && gapMatches(q.blanks[i], r.gaps[i], q.strict);
            out.blanksRight.push_back(ok);
            right += ok ? 1 : 0;
        }
        out.points = n == 0 ? 0 : q.points * static_cast<double>(right) / static_cast<double>(n);
        break;
    }
    }
    out.verdict = verdictFor(out.points, out.maxPoints);
    return out;
}

std::string formatPoints(double points, bool frenchDecimalComma) {
    // Points are shown to one decimal at most; 2/3 of a point reads "0,7".
    double rounded = std::round(points * 10) / 10;
    std::string s = std::fabs(rounded - std::round(rounded)) < 1e-9
                        ? fmt::format("{}", static_cast<long long>(std::llround(rounded)))
                        : fmt::format("{:.1f}", rounded);
    if (frenchDecimalComma)
        std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

} // namespace cordee::quiz
