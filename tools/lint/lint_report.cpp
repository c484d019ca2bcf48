#include "lint_report.hpp"

#include <fmt/format.h>

namespace cordee::lint {
namespace {

// 12345 -> "12 345" (French groups thousands with a narrow space; a plain one reads in any
// terminal).
std::string grouped(int n, core::Lang lang) {
    std::string digits = std::to_string(n);
    std::string out;
    const char* sep = lang == core::Lang::Fr ? " " : ",";
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += sep;
        out += digits[i];
    }
    return out;
}

std::string plural(int n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n > 1 ? many : one);
}

} // namespace

std::string summaryLine(const LintedCourse& c, core::Lang lang) {
    const course::CourseStats& s = c.stats;
    std::string types;
    for (size_t i = 0; i < s.questionsByType.size(); ++i) {
        if (s.questionsByType[i] == 0)
            continue;
        types += fmt::format("{}{} {}", types.empty() ? "" : ", ",
                             course::questionTypeName(static_cast<course::QuestionType>(i)),
                             s.questionsByType[i]);
    }
    const bool fr = lang == core::Lang::Fr;
    std::string scores;
    for (int best : s.scenarioBestScores)
        scores += (scores.empty() ? "" : ", ") + std::to_string(best);
    if (!scores.empty())
        scores = fmt::format(" ({} {})",
                             fr ? (s.scenarios > 1 ? "meilleurs scores" : "meilleur score")
                                : (s.scenarios > 1 ? "best scores" : "best score"),
                             scores);
    std::string line = fmt::format(
        "{}{}: {}, {}, {}, {}, {}{}, {}{}, {}, {}, {}, {} ≈ {} min", c.path, fr ? " " : "",
        plural(s.modules, "module", "modules"),
        fr ? plural(s.lessons, "leçon", "leçons") : plural(s.lessons, "lesson", "lessons"),
        plural(s.pages, "page", "pages"),
        fr ? plural(s.quizzes, "quiz", "quiz") : plural(s.quizzes, "quiz", "quizzes"),
        plural(s.questions, "question", "questions"), types.empty() ? "" : " (" + types + ")",
        fr ? plural(s.scenarios, "scénario", "scénarios")
           : plural(s.scenarios, "scenario", "scenarios"),
        scores,
        fr ? plural(s.glossaryTerms, "terme", "termes") : plural(s.glossaryTerms, "term", "terms"),
        fr ? plural(s.media, "média", "médias") : plural(s.media, "image", "images"),
        fr ? grouped(s.words, lang) + (s.words > 1 ? " mots" : " mot")
           : grouped(s.words, lang) + (s.words > 1 ? " words" : " word"),
        fr ? "lecture" : "reading", s.readingMinutes());
    return line;
}

nlohmann::json toJson(const core::Diagnostic& d, core::Lang lang) {
    return {{"file", d.pos.file},
            {"line", d.pos.line},
            {"column", d.pos.column},
            {"severity", d.severity == core::Severity::Error ? "error" : "warning"},
            {"code", d.code},
            {"message", core::renderMessage(d, lang)}};
}

nlohmann::json toJson(const LintedCourse& c, core::Lang lang, bool quiet) {
    nlohmann::json diags = nlohmann::json::array();
    for (const core::Diagnostic& d : c.diagnostics.sorted())
        if (!quiet || d.severity == core::Severity::Error)
            diags.push_back(toJson(d, lang));
    nlohmann::json out = {{"path", c.path},
                          {"errors", c.diagnostics.errorCount()},
                          {"warnings", quiet ? 0 : c.diagnostics.warningCount()},
                          {"diagnostics", diags}};
    if (c.loaded) {
        const course::CourseStats& s = c.stats;
        nlohmann::json byType = nlohmann::json::object();
        for (size_t i = 0; i < s.questionsByType.size(); ++i)
            byType[course::questionTypeName(static_cast<course::QuestionType>(i))] =
                s.questionsByType[i];
        out["summary"] = {{"modules", s.modules},
                          {"lessons", s.lessons},
                          {"pages", s.pages},
                          {"quizzes", s.quizzes},
                          {"questions", s.questions},
                          {"questionsByType", byType},
                          {"checks", s.checks},
                          {"reflections", s.reflections},
                          {"scenarios", s.scenarios},
                          {"scenes", s.scenes},
                          {"scenarioBestScores", s.scenarioBestScores},
                          {"endings", s.endings},
                          {"glossaryTerms", s.glossaryTerms},
                          {"media", s.media},
                          {"words", s.words},
                          {"readingMinutes", s.readingMinutes()}};
    }
    return out;
}

} // namespace cordee::lint
