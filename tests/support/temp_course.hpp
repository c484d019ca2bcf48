// A throw-away course folder for tests: write files into it, load it, and it is removed after.
#pragma once

#include "course/loader.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace cordee::test {

class TempCourse {
public:
    TempCourse() {
        std::random_device rd;
        dir_ = std::filesystem::temp_directory_path() /
               ("cordee-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(dir_);
    }
    ~TempCourse() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    TempCourse(const TempCourse&) = delete;
    TempCourse& operator=(const TempCourse&) = delete;

    const std::filesystem::path& dir() const { return dir_; }

    void write(const std::string& relative, const std::string& bytes) const {
        std::filesystem::path p = dir_ / relative;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << bytes;
    }

    course::LoadResult load() const { return course::loadCourse(dir_); }

    // Writes course.xml from a body placed inside a minimal valid <course>, then loads.
    course::LoadResult loadBody(const std::string& body) const {
        write("course.xml", wrap(body));
        return load();
    }

    static std::string wrap(const std::string& body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<course id=\"t\" format=\"1\">\n"
               "<title>T</title>\n" +
               body + "\n</course>\n";
    }

private:
    std::filesystem::path dir_;
};

// A module holding one lesson with one page whose blocks are `blocks`.
inline std::string pageModule(const std::string& blocks) {
    return "<module id=\"m\" title=\"M\"><lesson id=\"l\" title=\"L\"><page id=\"p\" title=\"P\">" +
           blocks + "</page></lesson></module>";
}

// A module holding one quiz with the given questions (and attributes on <quiz>).
inline std::string quizModule(const std::string& questions, const std::string& attrs = "") {
    return "<module id=\"m\" title=\"M\"><quiz id=\"qz\" title=\"Q\" " + attrs + ">" + questions +
           "</quiz></module>";
}

} // namespace cordee::test
