#include "course/course_stats.hpp"

#include "core/utf8.hpp"

#include <set>

namespace cordee::course {
namespace {

// French non-fiction on screen reads at about 200 words a minute for adult learners.
constexpr int kWordsPerMinute = 200;

bool isWordChar(char32_t cp) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

struct Counter {
    CourseStats& s;
    std::set<std::string> media;

    void text(const RichText& t) { s.words += countWords(t); }

    void block(const Block& b) {
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, Heading> || std::is_same_v<T, Paragraph>) {
                    text(x.text);
                } else if constexpr (std::is_same_v<T, ListBlock>) {
                    for (const RichText& i : x.items)
                        text(i);
                } else if constexpr (std::is_same_v<T, Image>) {
                    media.insert(x.src);
                } else if constexpr (std::is_same_v<T, Quote>) {
                    text(x.text);
                } else if constexpr (std::is_same_v<T, Note>) {
                    for (const NoteBlock& nb : x.blocks)
                        std::visit(
                            [&](const auto& inner) {
                                if constexpr (std::is_same_v<std::decay_t<decltype(inner)>,
                                                             Paragraph>)
                                    text(inner.text);
                                else
                                    for (const RichText& i : inner.items)
                                        text(i);
                            },
                            nb);
                } else if constexpr (std::is_same_v<T, Table>) {
                    for (const auto& row : x.rows)
                        for (const TableCell& c : row)
                            text(c.text);
                } else if constexpr (std::is_same_v<T, Timeline>) {
                    for (const TimelineEvent& e : x.events)
                        text(e.text);
                } else if constexpr (std::is_same_v<T, Check>) {
                    ++s.checks;
                } else if constexpr (std::is_same_v<T, Reflection>) {
                    ++s.reflections;
                }
            },
            b);
    }

    void otherBlocks(const std::vector<Block>& blocks) {
        // Scenario scenes: count media, checks and reflections, but not lesson words.
        const int words = s.words;
        for (const Block& b : blocks)
            block(b);
        s.words = words;
    }
};

} // namespace

int CourseStats::readingMinutes() const {
    return (words + kWordsPerMinute - 1) / kWordsPerMinute;
}

int countWords(const RichText& t) {
    int words = 0;
    for (const InlineRun& run : t.runs) {
        bool inWord = false;
        for (size_t pos = 0; pos < run.text.size();) {
            char32_t cp = core::decodeUtf8(run.text, pos);
            bool w = isWordChar(cp);
            if (w && !inWord)
                ++words;
            inWord = w;
        }
    }
    return words;
}

CourseStats computeStats(const Course& course) {
    CourseStats s;
    Counter counter{s, {}};
    s.modules = static_cast<int>(course.modules.size());
    s.glossaryTerms = static_cast<int>(course.glossary.size());
    for (const Module& m : course.modules) {
        for (const ModuleItem& item : m.items) {
            if (const Lesson* l = std::get_if<Lesson>(&item)) {
                ++s.lessons;
                for (const Page& p : l->pages) {
                    ++s.pages;
                    for (const Block& b : p.blocks)
                        counter.block(b);
                }
            } else if (const Quiz* q = std::get_if<Quiz>(&item)) {
                ++s.quizzes;
                for (const Question& question : q->questions) {
                    ++s.questions;
                    ++s.questionsByType[static_cast<size_t>(question.type)];
                }
            } else if (const Scenario* sc = std::get_if<Scenario>(&item)) {
                ++s.scenarios;
                s.scenarioBestScores.push_back(sc->bestScore);
                s.scenes += static_cast<int>(sc->scenes.size());
                s.endings += static_cast<int>(sc->endings.size());
                for (const Scene& scene : sc->scenes)
                    counter.otherBlocks(scene.blocks);
                for (const Ending& e : sc->endings)
                    counter.otherBlocks(e.blocks);
            }
        }
    }
    s.media = static_cast<int>(counter.media.size());
    return s;
}

} // namespace cordee::course
