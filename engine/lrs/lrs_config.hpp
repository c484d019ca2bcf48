// Where a device sends its learning records: the LRS settings of a player, read from an
// INI file (`$XDG_CONFIG_HOME/cordee/lrs.ini`, or `cordee --lrs-config FILE`) with inih.
//   [lrs]
//   url = https://lrs.example.org/xAPI     (required to sync at all)
//   key = device-42                        (Basic auth user)
//   secret_file = /etc/cordee/lrs.secret   (first line: the secret; never in this file)
//   interval = 300                         (seconds between syncs while running, ≥ 10)
//   base_iri = https://formation.example.org   home_page = https://rh.example.org
// The kiosk's kiosk.conf will map its lrs_url, lrs_key, lrs_secret_file and lrs_interval keys
// onto the same structure. Workload: read once at start. Fails with every problem as
// `file:LINE: error: message`, naming the key; a device never syncs half-configured.
#pragma once

#include "progress/xapi_statement.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cordee::lrs {

struct LrsConfig {
    std::string url, key, secretFile;
    int interval = 300;
    progress::XapiIris iris{"https://cordee.local", ""};
};

struct LrsConfigResult {
    bool present = false; // the file exists
    LrsConfig config;
    std::vector<std::string> errors; // "file:LINE: error: …"
    bool ok() const { return present && errors.empty(); }
};

LrsConfigResult readLrsConfig(const std::filesystem::path& file);

// The LRS secret: the first line of `file`, or CORDEE_LRS_SECRET when no file is named, or
// empty — never a command-line argument, which every user of the machine can read in the
// process list. Nothing when the file cannot be read.
std::optional<std::string> readSecret(const std::string& file);

} // namespace cordee::lrs
