// cordee-report: what trainers and administrators read from a progress file.
//   learners · progress (CSV) · questions (CSV item analysis) · attempts LEARNER (CSV)
//   export-xapi (xAPI 1.0.3 statements, one JSON object per line)
//   export-learner NAME (JSON) · forget NAME (erases everything about one learner, and has
//   what a Learning Record Store was sent voided there at the next sync)
//   sync --lrs URL (sends every statement the LRS has not acknowledged) · sync-status
#include "core/version.hpp"
#include "course/loader.hpp"
#include "lrs/http_client.hpp"
#include "lrs/lrs_config.hpp"
#include "lrs/lrs_fetch.hpp"
#include "lrs/lrs_sync.hpp"
#include "progress/fleet_view.hpp"
#include "progress/reports.hpp"
#include "progress/store.hpp"
#include "progress/xapi_outbox.hpp"
#include "quiz/response.hpp"

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unistd.h>

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

std::atomic<bool> stopSync{false};
void requestStop(int) {
    stopSync = true;
}

int runSync(progress::Store& store, const progress::XapiIris& iris, const std::string& url,
            const std::string& key, const std::string& secretFile, size_t batch, int timeout) {
    auto secret = lrs::readSecret(secretFile);
    if (!secret) {
        std::cerr << "cordee-report: " << secretFile
                  << " : secret illisible / cannot read the secret\n";
        return 2;
    }
    lrs::HttpClient http({key, *secret, std::chrono::seconds(10), std::chrono::seconds(timeout)});
    lrs::SyncSettings settings;
    settings.url = url;
    settings.iris = iris;
    settings.batch = std::max<size_t>(1, batch);
    settings.stopRequested = [] {
        return stopSync.load();
    };
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    // Progress on a terminal; nothing in a script or a log but the summary.
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    const auto started = std::chrono::steady_clock::now();
    lrs::SyncProgress progress;
    if (terminal)
        progress = [&](int64_t sent, int64_t total) {
            const double s =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            std::cerr << fmt::format("\r{} / {} ({:.0f} /s)   ", sent, total,
                                     s > 0 ? static_cast<double>(sent) / s : 0.0)
                      << std::flush;
        };
    const lrs::SyncReport r = lrs::sync(store, http, settings, progress);
    if (terminal)
        std::cerr << "\n";
    std::cout << fmt::format("envoyées / sent: {} · refusées / refused: {} · en attente / "
                             "waiting: {}\n",
                             r.sent, r.refused, r.waiting);
    if (r.refused > 0 || r.outcome != lrs::SyncOutcome::Done)
        std::cerr << "cordee-report: sync: " << r.message << "\n";
    switch (r.outcome) {
    case lrs::SyncOutcome::Done:
        return r.refused > 0 ? 3 : 0;
    case lrs::SyncOutcome::Unauthorized:
        return 4;
    default:
        return 1;
    }
}

// The fleet's view: every Cordée statement in the LRS, read into a store in memory.
std::unique_ptr<progress::Store> fleetFromLrs(const std::string& url, const std::string& key,
                                              const std::string& secretFile, int timeout,
                                              const progress::XapiIris& iris) {
    auto secret = lrs::readSecret(secretFile);
    if (!secret) {
        std::cerr << "cordee-report: " << secretFile
                  << " : secret illisible / cannot read the secret\n";
        return nullptr;
    }
    lrs::HttpClient http({key, *secret, std::chrono::seconds(10), std::chrono::seconds(timeout)});
    progress::FleetView view(iris);
    const lrs::FetchResult r =
        lrs::fetchStatements(http, url, 500, [&](const nlohmann::json& s) { view.add(s); });
    if (!r.ok) {
        std::cerr << "cordee-report: " << url << " : " << r.message << "\n";
        return nullptr;
    }
    if (view.skipped() > 0)
        std::cerr << "cordee-report: " << view.skipped()
                  << " déclaration(s) d’autres sources ignorées / statement(s) from other "
                     "sources left out\n";
    return view.build();
}

int syncStatus(progress::Store& store) {
    const progress::OutboxCounts c = progress::outboxCounts(store);
    std::cout << "waiting," << c.waiting << "\nsent," << c.sent << "\nrefused," << c.refused
              << "\nlast_success," << progress::lrsState(store, "last_success").value_or("")
              << "\nlast_error," << csv(progress::lrsState(store, "last_error").value_or(""))
              << "\n";
    for (const auto& [id, why] : progress::refusedEvents(store, 20))
        std::cout << "refused_statement," << id << "," << csv(why) << "\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"cordee-report — lire un fichier de progression Cordée"};
    std::string db = progress::defaultStorePath().string();
    progress::XapiIris iris{"https://cordee.local", ""};
    std::string name;
    app.set_version_flag("--version", std::string("cordee-report ") + core::kVersion,
                         "afficher la version et quitter");
    app.add_option("--db", db, "fichier de progression");
    app.add_option("--base-iri", iris.base, "IRI de base des activités xAPI");
    app.add_option("--home-page", iris.homePage,
                   "page d’accueil des comptes des apprenants (xAPI ; par défaut l’IRI de base)");
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
    app.add_subcommand("forget",
                       "effacer tout ce qui concerne un apprenant (écrit dans le fichier ; "
                       "le LRS en est averti à la prochaine synchronisation)")
        ->add_option("name", name)
        ->required();
    // The LRS: where `sync` sends, and where `progress` and `questions` read the whole fleet
    // from instead of one file. Given before or after the command.
    std::string lrsUrl, lrsKey, secretFile;
    size_t batch = 200;
    int timeout = 60;
    app.fallthrough();
    app.add_option("--lrs", lrsUrl,
                   "adresse xAPI du LRS, p. ex. https://lrs/xAPI (sync ; progress et questions "
                   "y lisent toute la flotte)");
    app.add_option("--key", lrsKey, "clé du LRS (identifiant Basic)");
    app.add_option("--secret-file", secretFile,
                   "fichier dont la première ligne est le secret du LRS (sinon "
                   "CORDEE_LRS_SECRET)");
    app.add_option("--timeout", timeout, "délai maximal d’une requête au LRS, en secondes (60)");
    CLI::App* syncCommand = app.add_subcommand(
        "sync", "envoyer au LRS (xAPI) chaque déclaration qu’il n’a pas encore reçue (écrit dans "
                "le fichier : ce qui est reçu)");
    syncCommand->add_option("--batch", batch, "déclarations par envoi (200)");
    app.add_subcommand("sync-status",
                       "ce qui attend d’être envoyé au LRS, dernier succès, dernière "
                       "erreur");
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
    const std::string command = app.get_subcommands().front()->get_name();
    auto printProgress = [](progress::Store& store) {
        std::cout << "learner,course,status,success,score_percent,time_minutes,last_activity\n";
        for (const progress::ProgressRow& r : progress::progressRows(store))
            std::cout << csv(r.learner) << "," << csv(r.course) << "," << r.status << ","
                      << r.success << ","
                      << (r.scorePercent < 0 ? "" : fmt::format("{:.0f}", r.scorePercent)) << ","
                      << fmt::format("{:.1f}", static_cast<double>(r.timeMs) / 60000.0) << ","
                      << r.lastActivity << "\n";
    };
    auto printQuestions = [&courses](progress::Store& store) {
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
    };
    if (!lrsUrl.empty() && (command == "progress" || command == "questions")) {
        auto fleet = fleetFromLrs(lrsUrl, lrsKey, secretFile, timeout, iris);
        if (!fleet)
            return 1;
        command == "progress" ? printProgress(*fleet) : printQuestions(*fleet);
        return 0;
    }
    if (command == "sync" && lrsUrl.empty()) {
        std::cerr << "cordee-report: sync : --lrs URL est requis / --lrs URL is required\n";
        return 2;
    }
    if (!fs::exists(db)) {
        std::cerr << "cordee-report: " << db << " : fichier introuvable / no such file\n";
        return 2;
    }
    // Reports only read: the file is opened read-only and not one byte of it changes. Only
    // `forget` writes, and it too never moves or repairs a file it finds damaged.
    const bool writes = command == "forget" || command == "sync";
    progress::Store store(db, writes ? progress::OpenMode::Edit : progress::OpenMode::Read);
    if (const std::string why = openProblem(store); !why.empty()) {
        std::cerr << "cordee-report: " << db << " : " << why << "\n";
        return 1;
    }
    if (command == "learners") {
        for (const progress::Learner& l : store.learners())
            std::cout << l.name << "\n";
    } else if (command == "progress") {
        printProgress(store);
    } else if (command == "questions") {
        printQuestions(store);
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
        // In batches, in the order recorded: the same file always gives the same lines.
        int64_t after = 0;
        for (;;) {
            const auto batch = progress::loggedEvents(store, after, 1000);
            for (const progress::XapiEvent& e : batch)
                std::cout << progress::statement(e, iris).dump(-1, ' ', false, kReplaceBadUtf8)
                          << "\n";
            if (batch.empty())
                break;
            after = batch.back().seq;
        }
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
    } else if (command == "sync") {
        return runSync(store, iris, lrsUrl, lrsKey, secretFile, batch, timeout);
    } else if (command == "sync-status") {
        return syncStatus(store);
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
