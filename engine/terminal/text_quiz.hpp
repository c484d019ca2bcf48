// Questions, quizzes and scenarios in the terminal (the --text front end).
//
// Fixed conventions (tests and scripts rely on them):
//   each question starts with "Question i / n"; choices are "N) text" (true/false: "1) Vrai",
//   "2) Faux"); single and true/false take "N"; multiple "1 3 4"; order the numbers in the
//   right order "3 1 2 4"; match left items "1) …", right items "a) …", answer "1b 2a 3c";
//   gaps show blanks as [1], [2]… and read one line per blank.
//   Feedback lines start with "Bonne réponse", "Réponse partielle" or "Mauvaise réponse"
//   ("Correct", "Partly correct", "Incorrect" in English); then "n" or an empty line goes on.
//   Results show "Score : X / Y" and the verdict; a scenario ending shows its text, its outcome
//   and "Score : X / Y" (Y = the best possible).
#pragma once

#include "player/session.hpp"
#include "terminal/console.hpp"

namespace cordee::terminal {

// Asks one question (shown in the given presentation); nothing at end of input.
std::optional<quiz::Response> askQuestion(Console& c, const course::Question& q,
                                          const quiz::Presentation& p, const std::string& header);
// The feedback lines for a result (verdict first).
std::string feedbackText(const Console& c, const course::Question& q, const quiz::Response& r,
                         const quiz::QuestionResult& result, const quiz::Presentation& p,
                         bool scored = true);

// Runs a quiz step: intro, attempts, questions, results. Returns the course command the
// learner typed to leave it (n, p, t, g, h, q …), or nothing at end of input.
std::optional<std::string> playQuiz(Console& c, player::Session& s, const course::Quiz& quiz);
// Runs a scenario step; returns as playQuiz does.
std::optional<std::string> playScenario(Console& c, player::Session& s,
                                        const course::Scenario& scenario);
// Answers the checks and reflections of a page. False at end of input or on "q".
bool answerPage(Console& c, player::Session& s, const course::Page& page);
// Whether a page has anything to answer.
bool hasQuestions(const course::Page& page);

} // namespace cordee::terminal
