#include "progress/xapi_statement.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace cordee::progress {

namespace {

std::string duration(int64_t ms) {
    return fmt::format("PT{:.3f}S", static_cast<double>(ms) / 1000.0);
}

nlohmann::json verb(const std::string& kind) {
    static const std::map<std::string, std::string> ids = {
        {"launched", "http://adlnet.gov/expapi/verbs/launched"},
        {"experienced", "http://adlnet.gov/expapi/verbs/experienced"},
        {"answered", "http://adlnet.gov/expapi/verbs/answered"},
        {"passed", "http://adlnet.gov/expapi/verbs/passed"},
        {"failed", "http://adlnet.gov/expapi/verbs/failed"},
        {"completed", "http://adlnet.gov/expapi/verbs/completed"},
        {"voided", "http://adlnet.gov/expapi/verbs/voided"},
    };
    return {{"id", ids.at(kind)}, {"display", {{"en-US", kind}}}};
}

} // namespace

nlohmann::json statement(const XapiEvent& e, const XapiIris& iris) {
    const std::string& home = iris.homePage.empty() ? iris.base : iris.homePage;
    if (e.kind == "voided")
        // Erasing a learner: the LRS is told to void what it was sent. The actor is the
        // device's tool, not the learner, who no longer exists here.
        return {{"id", e.id},
                {"actor",
                 {{"objectType", "Agent"},
                  {"name", "Cordée"},
                  {"account", {{"homePage", home}, {"name", "cordee"}}}}},
                {"verb", verb(e.kind)},
                {"object", {{"objectType", "StatementRef"}, {"id", e.object}}},
                {"timestamp", e.timestamp}};

    const std::string courseIri = iris.base + "/courses/" + e.course;
    const std::string objectIri = e.object.empty() ? courseIri : courseIri + "/" + e.object;
    const char* type =
        e.object.empty()                     ? "http://adlnet.gov/expapi/activities/course"
        : e.kind == "answered"               ? "http://adlnet.gov/expapi/activities/cmi.interaction"
        : e.object.rfind("quizzes/", 0) == 0 ? "http://adlnet.gov/expapi/activities/assessment"
                                             : "http://adlnet.gov/expapi/activities/lesson";
    nlohmann::json s = {
        {"id", e.id},
        {"actor",
         {{"objectType", "Agent"},
          {"name", e.learnerName},
          {"account", {{"homePage", home}, {"name", e.account}}}}},
        {"verb", verb(e.kind)},
        {"object",
         {{"objectType", "Activity"}, {"id", objectIri}, {"definition", {{"type", type}}}}},
        {"timestamp", e.timestamp},
    };
    nlohmann::json context = nlohmann::json::object();
    if (!e.object.empty())
        context["contextActivities"] = {
            {"parent", {{{"id", courseIri}, {"objectType", "Activity"}}}}};
    if (!e.registration.empty())
        context["registration"] = e.registration;
    if (!context.empty())
        s["context"] = context;
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

} // namespace cordee::progress
