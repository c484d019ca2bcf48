// Counts over a loaded course: what the linter prints after each course, and what the
// content tests check against the minimums for shipped courses.
#pragma once

#include "course/model.hpp"

#include <array>
#include <vector>

namespace cordee::course {

struct CourseStats {
    int modules = 0;
    int lessons = 0;
    int pages = 0;
    int quizzes = 0;
    int questions = 0;                    // in quizzes (checks are counted apart)
    std::array<int, 6> questionsByType{}; // indexed by QuestionType
    int checks = 0;
    int reflections = 0;
    int scenarios = 0;
    std::vector<int> scenarioBestScores; // one per scenario, in course order
    int scenes = 0;
    int endings = 0;
    int glossaryTerms = 0;
    int media = 0; // distinct image files
    int words = 0; // learner-visible words on lesson pages
    int readingMinutes() const;
};

CourseStats computeStats(const Course& course);
// Words in rich text, as a reader counts them (runs of letters and digits; "l'État" is two).
int countWords(const RichText& text);

} // namespace cordee::course
