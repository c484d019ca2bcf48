#include "core/edit_distance.hpp"

#include <algorithm>
#include <vector>

namespace cordee::core {

int editDistance(std::string_view a, std::string_view b) {
    // Optimal string alignment: a swap of two neighbours ("titel") costs one, as typos do.
    const size_t n = a.size(), m = b.size();
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
    for (size_t i = 0; i <= n; ++i)
        d[i][0] = static_cast<int>(i);
    for (size_t j = 0; j <= m; ++j)
        d[0][j] = static_cast<int>(j);
    for (size_t i = 1; i <= n; ++i) {
        for (size_t j = 1; j <= m; ++j) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

std::string closestMatch(std::string_view word, std::span<const std::string_view> candidates) {
    // A third of the word's length (at least 1, at most 3) tolerates real typos without
    // suggesting <p> for <q>-like noise on very short names.
    const int limit = std::clamp(static_cast<int>(word.size()) / 3, 1, 3);
    std::string best;
    int bestDistance = limit + 1;
    for (std::string_view c : candidates) {
        // The distance is at least the difference in length: a name of a megabyte is compared
        // with nothing, instead of filling a megabyte-by-name table for each candidate.
        const size_t gap = word.size() > c.size() ? word.size() - c.size() : c.size() - word.size();
        if (gap >= static_cast<size_t>(bestDistance))
            continue;
        int d = editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = std::string(c);
        }
    }
    return best;
}

} // namespace cordee::core
