// The catalogue of diagnostic codes: severity and message templates in French and English.
//
// Codes are stable: tests, the authoring guide (docs/guide-auteur.md) and trainers' habits rely
// on them. Add new codes at the end of their family; never reuse a retired one.
// Families: X = reading the file, S = structure, I = identifiers, R = references,
// M = media and links, N = includes, Q = quizzes, G = scenario graph, P = pages, C = course.
#pragma once

#include "core/diagnostic.hpp"

#include <span>

namespace cordee::core {

struct DiagnosticInfo {
    const char* code;
    Severity severity;
    const char* fr; // fmt template, positional arguments {0} {1} …
    const char* en;
};

std::span<const DiagnosticInfo> diagnosticCatalog();
// Translated pieces of messages, keyed by name (see fragment() in diagnostic.hpp).
const DiagnosticInfo* findFragment(const std::string& key);
const DiagnosticInfo* findDiagnosticInfo(const std::string& code);

} // namespace cordee::core
