#include "terminal/console.hpp"

#include <iostream>

namespace cordee::terminal {

bool Console::readLine(std::string& line) {
    if (ended)
        return false;
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
