// cordee-report: what trainers and administrators read from a progress file.
//   learners · progress (CSV) · questions (CSV item analysis) · attempts LEARNER (CSV)
//   export-xapi (xAPI 1.0.3 statements, one JSON object per line)
//   export-learner NAME (JSON) · forget NAME (erases everything about one learner)
#include "core/version.hpp"
#include "course/loader.hpp"
#include "progress/reports.hpp"
#include "progress/store.hpp"
#include "quiz/response.hpp"

#include <CLI/CLI.hpp>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

using namespace cordee;
namespace fs = std::filesystem;

namespace {

std::string csv(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string duration(int64_t ms) {
    return fmt::format("PT{:.3f}S", static_cast<double>(ms) / 1000.0);
}

nlohmann::json statement(const progress::XapiEvent& e, const std::string& base) {
    static const std::map<std::string, std::pair<const char*, const char*>> verbs = {
        {"launched", {"http://adlnet.gov/expapi/verbs/launched", "launched"}},
        {"experienced", {"http://adlnet.gov/expapi/verbs/experienced", "experienced"}},
        {"answered", {"http://adlnet.gov/expapi/verbs/answered", "answered"}},
        {"passed", {"http://adlnet.gov/expapi/verbs/passed", "passed"}},
        {"failed", {"http://adlnet.gov/expapi/verbs/failed", "failed"}},
        {"completed", {"http://adlnet.gov/expapi/verbs/completed", "completed"}},
    };
    const auto& verb = verbs.at(e.kind);
    const std::string courseIri = base + "/courses/" + e.course;
    const std::string objectIri = e.object.empty() ? courseIri : courseIri + "/" + e.object;
    const char* type =
        e.object.empty()                     ? "http://adlnet.gov/expapi/activities/course"
        : e.kind == "answered"               ? "http://adlnet.gov/expapi/activities/cmi.interaction"
        : e.object.rfind("quizzes/", 0) == 0 ? "http://adlnet.gov/expapi/activities/assessment"
                                             : "http://adlnet.gov/expapi/activities/lesson";
    nlohmann::json s = {
        {"actor",
         {{"objectType", "Agent"},
          {"name", e.learnerName},
          {"account", {{"homePage", base}, {"name", e.account}}}}},
        {"verb", {{"id", verb.first}, {"display", {{"en-US", verb.second}}}}},
        {"object",
         {{"objectType", "Activity"}, {"id", objectIri}, {"definition", {{"type", type}}}}},
        {"timestamp", e.timestamp},
    };
    if (!e.object.empty())
        s["context"] = {
            {"contextActivities", {{"parent", {{{"id", courseIri}, {"objectType", "Activity"}}}}}}};
    nlohmann::json result = nlohmann::json::object();
    if (e.hasScore && e.max > 0)
        result["score"] = {{"raw", e.raw},
                           {"min", 0},
                           {"max", e.max},
                           {"scaled", std::clamp(e.raw / e.max, 0.0, 1.0)}};
    if (e.hasSuccess)
        result["success"] = e.success;
    if (e.durationMs >= 0)
        result["duration"] = duration(e.durationMs);
    if (!e.response.empty())
        result["response"] = e.response;
    if (!result.empty())
        s["result"] = result;
    return s;
}

// The most chosen wrong answer as the learner saw it, when its question is still in the course.
std::string readable(const std::map<std::string, course::LoadResult>& loaded,
                     const progress::QuestionStat& stat) {
    auto c = loaded.find(stat.course);
    if (c == loaded.end() || stat.mostChosenWrong.empty())
        return "";
    for (const course::Module& m : c->second.course.modules)
        for (const course::ModuleItem& item : m.items)
            if (const auto* quiz = std::get_if<course::Quiz>(&item); quiz && quiz->id == stat.quiz)
                for (const course::Question& question : quiz->questions)
                    if (question.id == stat.question)
                        if (auto r = quiz::fromText(question, stat.mostChosenWrong))
                            return quiz::describe(question, *r);
    return "";
}

// Text that is not UTF-8 (typed into an older version, or written by hand) is replaced by
// U+FFFD on the way out rather than aborting the export: a learner's data stays exportable.
constexpr auto kReplaceBadUtf8 = nlohmann::json::error_handler_t::replace;

// Why the file cannot be reported on, in both languages; empty when it can.
std::string openProblem(const progress::Store& store) {
    using P = progress::StoreProblem;
    switch (store.problem()) {
    case P::None:
        return store.readable() ? "" : "fichier illisible / unreadable file";
    case P::Foreign:
        return "ce n’est pas un fichier de progression Cordée / not a Cordée progress file";
    case P::TooNew:
        return "fichier écrit par une version plus récente de Cordée / written by a newer "
               "version of Cordée (" +
               store.detail() + ")";
    case P::Corrupt:
        return "fichier de progression abîmé (" + store.detail() +
               ") : rien n’a été modifié ; gardez-en une copie / damaged progress file: nothing "
               "was changed; keep a copy of it";
    case P::Locked:
        return "fichier verrouillé par un autre programme : réessayez plus tard / locked by "
               "another program: try again later";
    case P::ReadOnly:
        return "fichier en lecture seule : impossible d’y effacer quoi que ce soit / read-only "
               "file: nothing can be erased from it";
    case P::Full:
        return "disque plein : impossible d’écrire / disk full: cannot write";
    default:
        return "fichier illisible / unreadable file (" + store.detail() + ")";
    }
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"cordee-report — lire un fichier de progression Cordée"};
    std::string db = progress::defaultStorePath().string();
    std::string base = "https://cordee.local";
    std::string name;
    app.set_version_flag("--version", std::string("cordee-report ") + core::kVersion,
                         "afficher la version et quitter");
    app.add_option("--db", db, "fichier de progression");
    app.add_option("--base-iri", base, "IRI de base des activités xAPI");
    app.require_subcommand(1);
    app.add_subcommand("learners", "les apprenants");
    app.add_subcommand("progress", "avancement par apprenant et par cours (CSV)");
    std::string courses;
    app.add_subcommand("questions", "analyse des questions (CSV)")
        ->add_option("--courses", courses,
                     "dossier des cours : ajoute la réponse fausse la plus choisie en clair");
    app.add_subcommand("attempts", "tentatives d’un apprenant (CSV)")
        ->add_option("name", name)
        ->required();
    app.add_subcommand("export-xapi", "déclarations xAPI 1.0.3, une par ligne");
    app.add_subcommand("export-learner", "toutes les données d’un apprenant (JSON)")
        ->add_option("name", name)
        ->required();
    app.add_subcommand("forget", "effacer tout ce qui concerne un apprenant (la seule commande qui "
                                 "écrit dans le fichier)")
        ->add_option("name", name)
        ->required();
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    if (!fs::exists(db)) {
        std::cerr << "cordee-report: " << db << " : fichier introuvable / no such file\n";
        return 2;
    }
    const std::string command = app.get_subcommands().front()->get_name();
    // Reports only read: the file is opened read-only and not one byte of it changes. Only
    // `forget` writes, and it too never moves or repairs a file it finds damaged.
    progress::Store store(db, command == "forget" ? progress::OpenMode::Edit
                                                  : progress::OpenMode::Read);
    if (const std::string why = openProblem(store); !why.empty()) {
        std::cerr << "cordee-report: " << db << " : " << why << "\n";
        return 1;
    }
    if (command == "learners") {
        for (const progress::Learner& l : store.learners())
            std::cout << l.name << "\n";
    } else if (command == "progress") {
        std::cout << "learner,course,status,success,score_percent,time_minutes,last_activity\n";
        for (const progress::ProgressRow& r : progress::progressRows(store))
            std::cout << csv(r.learner) << "," << csv(r.course) << "," << r.status << ","
                      << r.success << ","
                      << (r.scorePercent < 0 ? "" : fmt::format("{:.0f}", r.scorePercent)) << ","
                      << fmt::format("{:.1f}", static_cast<double>(r.timeMs) / 60000.0) << ","
                      << r.lastActivity << "\n";
    } else if (command == "questions") {
        // With the courses at hand, the most chosen wrong answer is also given as the learner
        // saw it; questions since removed from a course keep only the text form.
        std::map<std::string, course::LoadResult> loaded;
        if (!courses.empty())
            for (const fs::path& folder : course::findCourseFolders(courses)) {
                course::LoadResult r = course::loadCourse(folder);
                if (r.ok())
                    loaded.emplace(r.course.id, std::move(r));
            }
        std::cout << "course,quiz,question,answers,percent_correct,mean_points,most_chosen_wrong"
                  << (courses.empty() ? "" : ",most_chosen_wrong_text") << "\n";
        for (const progress::QuestionStat& q : progress::questionStats(store)) {
            std::cout << csv(q.course) << "," << csv(q.quiz) << "," << csv(q.question) << ","
                      << q.answers << "," << fmt::format("{:.0f}", q.percentCorrect) << ","
                      << fmt::format("{:.2f}", q.meanPoints) << "," << csv(q.mostChosenWrong);
            if (!courses.empty())
                std::cout << "," << csv(readable(loaded, q));
            std::cout << "\n";
        }
    } else if (command == "attempts") {
        if (!store.findLearner(name)) {
            std::cerr << "cordee-report: « " << name
                      << " » : apprenant inconnu / unknown learner\n";
            return 1;
        }
        std::cout << "course,quiz,attempt,started,finished,score,max,passed\n";
        for (const progress::AttemptRow& a : progress::attemptRows(store, name))
            std::cout << csv(a.course) << "," << csv(a.quiz) << "," << a.number << "," << a.started
                      << "," << a.finished << "," << a.score << "," << a.maxScore << ","
                      << (a.passed ? 1 : 0) << "\n";
    } else if (command == "export-xapi") {
        for (const progress::XapiEvent& e : progress::xapiEvents(store))
            std::cout << statement(e, base).dump(-1, ' ', false, kReplaceBadUtf8) << "\n";
    } else if (command == "export-learner") {
        if (!store.findLearner(name)) {
            std::cerr << "cordee-report: « " << name
                      << " » : apprenant inconnu / unknown learner\n";
            return 1;
        }
        nlohmann::json out = nlohmann::json::object();
        for (const auto& [table, rows] : progress::learnerData(store, name)) {
            out[table] = nlohmann::json::array();
            for (const progress::Row& row : rows) {
                nlohmann::json o = nlohmann::json::object();
                for (const auto& [column, value] : row)
                    o[column] = value;
                out[table].push_back(o);
            }
        }
        std::cout << out.dump(2, ' ', false, kReplaceBadUtf8) << "\n";
    } else if (command == "forget") {
        if (!store.forgetLearner(name)) {
            std::cerr << "cordee-report: « " << name
                      << " » : apprenant inconnu ou fichier non modifiable\n";
            return 1;
        }
        std::cout << "« " << name << " » : données effacées / erased\n";
    }
    return 0;
}
