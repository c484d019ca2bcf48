#include "terminal/console.hpp"

#include "core/strings.hpp"

#include <iostream>

namespace cordee::terminal {

void Console::sayProgressState() {
    if (!sink)
        return;
    sink->flush();
    if (!sink->allSaved() && !saidUnsaved) {
        const std::string problem = sink->problem(options.lang);
        out << (problem.empty() ? tr(core::Str::ProgressPending, options.lang) : problem) << "\n";
        saidUnsaved = true;
    } else if (sink->allSaved() && saidUnsaved) {
        out << (fr() ? "Votre progression est de nouveau enregistrée.\n"
                     : "Your progress is being saved again.\n");
        saidUnsaved = false;
    }
}

bool Console::readLine(std::string& line) {
    if (ended)
        return false;
    sayProgressState();
    out << "> " << std::flush;
    if (!std::getline(in, line)) {
        ended = true;
        return false;
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    line.erase(0, line.find_first_not_of(" \t"));
    line.erase(line.find_last_not_of(" \t") + 1);
    return true;
}

} // namespace cordee::terminal
