// Data-driven regression fixtures: each folder under tests/data/diagnostics and
// tests/data/hostile holds a course and an expect.txt naming, one per line, the diagnostics
// that must be reported: "<CODE> <file relative to the folder> <line>". Nothing else may be.
// A generate.txt asks for a file too big to commit ("oversize", "text-node-50mb").
#include "core/diagnostic_catalog.hpp"
#include "support/temp_course.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace cordee;

namespace {

struct Expected {
    std::string code;
    std::string file;
    int line;
    bool operator<(const Expected& o) const {
        return std::tie(code, file, line) < std::tie(o.code, o.file, o.line);
    }
};

std::vector<fs::path> fixtureFolders(const std::string& family) {
    std::vector<fs::path> out;
    fs::path root = fs::path(CORDEE_TEST_DATA) / family;
    for (const auto& entry : fs::directory_iterator(root))
        if (fs::exists(entry.path() / "expect.txt"))
            out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::set<Expected> readExpectations(const fs::path& folder) {
    std::set<Expected> out;
    std::ifstream in(folder / "expect.txt");
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        Expected e;
        if (words >> e.code >> e.file >> e.line)
            out.insert(e);
    }
    return out;
}

std::string readFile(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Loads the fixture, generating the oversized file in a temporary copy when asked to.
course::LoadResult loadFixture(const fs::path& folder, std::string& displayRoot,
                               std::unique_ptr<test::TempCourse>& temp) {
    if (fs::exists(folder / "generate.txt")) {
        std::string what = readFile(folder / "generate.txt");
        temp = std::make_unique<test::TempCourse>();
        size_t size =
            what.find("50mb") != std::string::npos ? 50u * 1024u * 1024u : 17u * 1024u * 1024u;
        temp->write("course.xml", "<course id=\"t\" format=\"1\"><title>T</title><p>" +
                                      std::string(size, 'a') + "</p></course>");
        displayRoot = temp->dir().generic_string();
        return temp->load();
    }
    displayRoot = folder.generic_string();
    return course::loadCourse(folder);
}

void checkFixture(const fs::path& folder) {
    std::unique_ptr<test::TempCourse> temp;
    std::string root;
    course::LoadResult result = loadFixture(folder, root, temp);
    std::set<Expected> expected = readExpectations(folder);
    std::set<Expected> reported;
    for (const core::Diagnostic& d : result.diagnostics.all()) {
        std::string file = d.pos.file;
        if (file == root)
            file = ".";
        else if (file.starts_with(root + "/"))
            file = file.substr(root.size() + 1);
        reported.insert({d.code, file, d.pos.line});
    }
    for (const Expected& e : expected) {
        INFO("expected " << e.code << " " << e.file << ":" << e.line);
        CHECK(reported.count(e) == 1);
    }
    for (const Expected& r : reported) {
        INFO("unexpected " << r.code << " " << r.file << ":" << r.line);
        CHECK(expected.count(r) == 1);
    }
}

} // namespace

TEST_CASE("each diagnostic fixture reports exactly its expected codes and lines",
          "[course][fixtures]") {
    for (const fs::path& folder : fixtureFolders("diagnostics")) {
        DYNAMIC_SECTION(folder.filename().string()) {
            checkFixture(folder);
        }
    }
}

TEST_CASE("each hostile input is refused with the expected code and line",
          "[course][fixtures][hostile]") {
    for (const fs::path& folder : fixtureFolders("hostile")) {
        DYNAMIC_SECTION(folder.filename().string()) {
            checkFixture(folder);
        }
    }
}

TEST_CASE("every diagnostic code has a regression fixture", "[course][fixtures]") {
    // Codes that cannot be produced by a course folder on disk.
    const std::set<std::string> exempt{"X010", "C002"};
    std::set<std::string> covered;
    for (const fs::path& folder : fixtureFolders("diagnostics"))
        for (const Expected& e : readExpectations(folder))
            covered.insert(e.code);
    for (const core::DiagnosticInfo& info : core::diagnosticCatalog()) {
        if (exempt.count(info.code))
            continue;
        INFO("no fixture expects " << info.code);
        CHECK(covered.count(info.code) == 1);
    }
}
