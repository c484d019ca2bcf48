#include "course/loader.hpp"
#include "course/xml_source.hpp"

#include <catch2/catch.hpp>
#include <chrono>

using namespace cordee;
using namespace cordee::course;

namespace {

core::Diagnostics scan(std::string bytes) {
    core::Diagnostics d;
    xmlSourceFromBytes(std::move(bytes), "course.xml", d);
    return d;
}

const core::Diagnostic& only(const core::Diagnostics& d) {
    REQUIRE(d.all().size() >= 1);
    return d.all().front();
}

} // namespace

TEST_CASE("an empty file is refused", "[course][xml][hostile]") {
    CHECK(only(scan("")).code == "X007");
    CHECK(only(scan("  \n\t")).code == "X007");
}

TEST_CASE("a file over the size cap is refused before parsing and names the cap",
          "[course][xml][hostile]") {
    core::Diagnostics d;
    xmlSourceFromBytes(std::string(200, 'a'), "course.xml", d, 100);
    REQUIRE(d.hasCode("X006"));
    CHECK(renderMessage(d.all()[0], core::Lang::Fr).find("100 octets") != std::string::npos);
}

TEST_CASE("a UTF-8 BOM is accepted and UTF-16 is refused", "[course][xml][hostile]") {
    CHECK(scan("\xEF\xBB\xBF<course/>").all().empty());
    CHECK(only(scan("\xFF\xFE<\0c\0")).code == "X002");
}

TEST_CASE("a declared encoding other than UTF-8 is refused at its position",
          "[course][xml][hostile]") {
    auto d = scan("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<course/>");
    CHECK(only(d).code == "X002");
    CHECK(only(d).pos.line == 1);
    CHECK(only(d).pos.column == 31);
}

TEST_CASE("invalid UTF-8 bytes are reported at their line and column", "[course][xml][hostile]") {
    auto d = scan("<course>\n  <title>Caf\xE9</title>\n</course>");
    CHECK(only(d).code == "X003");
    CHECK(only(d).pos.line == 2);
    CHECK(only(d).pos.column == 13);
}

TEST_CASE("NUL bytes mark a binary file", "[course][xml][hostile]") {
    std::string bytes = "<course>";
    bytes += '\0';
    bytes += "</course>";
    CHECK(only(scan(bytes)).code == "X004");
}

TEST_CASE("DOCTYPE and entity declarations are refused", "[course][xml][hostile]") {
    auto d =
        scan("<?xml version=\"1.0\"?>\n<!DOCTYPE c [<!ENTITY x \"y\">]>\n<course>&x;</course>");
    CHECK(d.hasCode("X005"));
    CHECK(d.all().front().pos.line == 2);
}

TEST_CASE("character references must name an allowed character", "[course][xml][hostile]") {
    CHECK(only(scan("<c>&#99999999999999999999;</c>")).code == "X009");
    CHECK(only(scan("<c>&#x110000;</c>")).code == "X009");
    CHECK(only(scan("<c>&#0;</c>")).code == "X009");
    CHECK(scan("<c>&#233; &#xE9; &amp; &lt;</c>").all().empty());
}

TEST_CASE("unknown entities and lone ampersands are reported", "[course][xml][hostile]") {
    CHECK(only(scan("<c>&eacute;</c>")).code == "X011");
    CHECK(only(scan("<c>Sibille & Co</c>")).code == "X012");
}

TEST_CASE("a closing tag that does not match is reported where it stands",
          "[course][xml][hostile]") {
    auto d = scan("<course>\n<title>x</titel>\n</course>");
    REQUIRE(d.hasCode("X014"));
    CHECK(d.all().front().pos.line == 2);
    CHECK(d.all().front().pos.column == 9);
}

TEST_CASE("an element never closed is reported at its start tag", "[course][xml][hostile]") {
    auto d = scan("<course>\n  <module>\n</course>");
    REQUIRE(d.hasCode("X014"));
    auto withUnclosed = scan("<course>\n  <module>");
    REQUIRE(withUnclosed.hasCode("X015"));
}

TEST_CASE("an unterminated comment is reported", "[course][xml][hostile]") {
    CHECK(only(scan("<course><!-- oups </course>")).code == "X016");
}

TEST_CASE("control characters are refused", "[course][xml][hostile]") {
    CHECK(only(scan("<c>a\x01</c>")).code == "X013");
}

TEST_CASE("100,000-deep nesting is refused quickly without exhausting the stack",
          "[course][xml][hostile]") {
    std::string deep;
    for (int i = 0; i < 100000; ++i)
        deep += "<a>";
    for (int i = 0; i < 100000; ++i)
        deep += "</a>";
    auto start = std::chrono::steady_clock::now();
    auto d = scan(deep);
    CHECK(d.hasCode("X008"));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("a 15 MB text node loads without trouble", "[course][xml][hostile]") {
    std::string xml = "<course id=\"t\" format=\"1\"><title>T</title><module id=\"m\" title=\"M\">"
                      "<lesson id=\"l\" title=\"L\"><page id=\"p\" title=\"P\"><p>";
    xml += std::string(15u * 1024u * 1024u, 'a');
    xml += "</p></page></lesson></module></course>";
    auto r = loadCourseFromString(xml, std::filesystem::temp_directory_path());
    CHECK(r.diagnostics.all().empty());
}

TEST_CASE("a 50 MB text node is refused by the size cap", "[course][xml][hostile]") {
    std::string xml = "<course><p>" + std::string(50u * 1024u * 1024u, 'a') + "</p></course>";
    auto r = loadCourseFromString(std::move(xml), std::filesystem::temp_directory_path());
    CHECK(r.diagnostics.hasCode("X006"));
}

TEST_CASE("start tags are recorded in document order for columns", "[course][xml]") {
    core::Diagnostics d;
    auto src = xmlSourceFromBytes("<a><!-- <no> --><b x='>'/><![CDATA[<no>]]><c/></a>", "f", d);
    REQUIRE(src);
    REQUIRE(src->startTags.size() == 3);
    CHECK(src->startTags[0] == 0);
    CHECK(src->text.substr(src->startTags[1], 2) == "<b");
    CHECK(src->text.substr(src->startTags[2], 2) == "<c");
}
