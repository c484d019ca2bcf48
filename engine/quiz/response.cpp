#include "quiz/response.hpp"

#include <algorithm>
#include <charconv>

namespace cordee::quiz {

using course::QuestionType;

bool Response::empty() const {
    return choices.empty() && !truth && order.empty() &&
           std::all_of(matches.begin(), matches.end(), [](int m) { return m < 0; }) &&
           std::all_of(gaps.begin(), gaps.end(), [](const std::string& g) { return g.empty(); });
}

namespace {

std::string joinInts(const std::vector<int>& v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) {
        if (i)
            out += ",";
        out += v[i] < 0 ? "-" : std::to_string(v[i]);
    }
    return out;
}

std::optional<std::vector<int>> splitInts(const std::string& s, bool allowNone) {
    std::vector<int> out;
    if (s.empty())
        return out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t end = s.find(',', start);
        if (end == std::string::npos)
            end = s.size();
        std::string part = s.substr(start, end - start);
        if (part == "-" && allowNone) {
            out.push_back(-1);
        } else {
            int v = 0;
            auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
            if (ec != std::errc() || ptr != part.data() + part.size() || v < 0)
                return std::nullopt;
            out.push_back(v);
        }
        start = end + 1;
    }
    return out;
}

bool inRange(const std::vector<int>& v, size_t n) {
    return std::all_of(v.begin(), v.end(), [&](int i) { return i < static_cast<int>(n); });
}

} // namespace

std::string toText(const course::Question& q, const Response& r) {
    switch (q.type) {
    case QuestionType::Single:
    case QuestionType::Multiple: {
        std::vector<int> sorted = r.choices;
        std::sort(sorted.begin(), sorted.end());
        return joinInts(sorted);
    }
    case QuestionType::TrueFalse:
        return r.truth ? (*r.truth ? "true" : "false") : "";
    case QuestionType::Order:
        return joinInts(r.order);
    case QuestionType::Match:
        return joinInts(r.matches);
    case QuestionType::Gaps: {
        std::string out;
        for (size_t i = 0; i < r.gaps.size(); ++i) {
            if (i)
                out += "|";
            for (char c : r.gaps[i]) {
                if (c == '|' || c == '\\')
                    out += '\\';
                out += c;
            }
        }
        return out;
    }
    }
    return "";
}

std::string describe(const course::Question& q, const Response& r) {
    std::string out;
    auto add = [&out](const std::string& sep, const std::string& part) {
        if (!out.empty())
            out += sep;
        out += part;
    };
    auto at = [](const auto& v, int i) {
        return i >= 0 && static_cast<size_t>(i) < v.size();
    };
    switch (q.type) {
    case QuestionType::Single:
    case QuestionType::Multiple: {
        std::vector<int> sorted = r.choices;
        std::sort(sorted.begin(), sorted.end());
        for (int i : sorted)
            if (at(q.choices, i))
                add(" ; ", std::string(1, static_cast<char>('A' + i % 26)) + ". " +
                               q.choices[static_cast<size_t>(i)].text.plainText());
        break;
    }
    case QuestionType::TrueFalse:
        if (r.truth)
            out = *r.truth ? "vrai" : "faux";
        break;
    case QuestionType::Order:
        for (int i : r.order)
            if (at(q.items, i))
                add(" → ", q.items[static_cast<size_t>(i)].plainText());
        break;
    case QuestionType::Match:
        for (size_t left = 0; left < r.matches.size() && left < q.pairs.size(); ++left)
            add(" ; ", q.pairs[left].left.plainText() + " → " +
                           (at(q.pairs, r.matches[left])
                                ? q.pairs[static_cast<size_t>(r.matches[left])].right.plainText()
                                : std::string("—")));
        break;
    case QuestionType::Gaps:
        for (const std::string& g : r.gaps)
            add(" | ", g.empty() ? std::string("—") : g);
        break;
    }
    return out;
}

std::optional<Response> fromText(const course::Question& q, const std::string& text) {
    Response r;
    switch (q.type) {
    case QuestionType::Single:
    case QuestionType::Multiple: {
        auto v = splitInts(text, false);
        if (!v || !inRange(*v, q.choices.size()) ||
            (q.type == QuestionType::Single && v->size() > 1))
            return std::nullopt;
        r.choices = *v;
        return r;
    }
    case QuestionType::TrueFalse:
        if (text == "true" || text == "false") {
            r.truth = text == "true";
            return r;
        }
        return text.empty() ? std::optional<Response>(r) : std::nullopt;
    case QuestionType::Order: {
        auto v = splitInts(text, false);
        if (!v || !inRange(*v, q.items.size()))
            return std::nullopt;
        r.order = *v;
        return r;
    }
    case QuestionType::Match: {
        auto v = splitInts(text, true);
        if (!v || !inRange(*v, q.pairs.size()))
            return std::nullopt;
        r.matches = *v;
        return r;
    }
    case QuestionType::Gaps: {
        std::string current;
        for (size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\\' && i + 1 < text.size()) {
                current += text[++i];
            } else if (text[i] == '|') {
                r.gaps.push_back(current);
                current.clear();
            } else {
                current += text[i];
            }
        }
        r.gaps.push_back(current);
        if (r.gaps.size() != q.blanks.size())
            return std::nullopt;
        return r;
    }
    }
    return std::nullopt;
}

} // namespace cordee::quiz
