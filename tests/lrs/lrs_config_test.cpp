#include "lrs/lrs_config.hpp"
#include "support/temp_course.hpp"

#include <catch2/catch.hpp>

using namespace cordee;

TEST_CASE("a device's LRS settings are read with every key", "[lrs][config]") {
    test::TempCourse dir;
    dir.write("lrs.ini", "# poste d'accueil\n[lrs]\nurl = https://lrs.example.org/xAPI\n"
                         "key = poste-12\nsecret_file = /etc/cordee/lrs.secret\ninterval = 60\n"
                         "base_iri = https://formation.example.org\nhome_page = https://rh\n");
    const auto r = lrs::readLrsConfig(dir.dir() / "lrs.ini");
    REQUIRE(r.ok());
    CHECK(r.config.url == "https://lrs.example.org/xAPI");
    CHECK(r.config.key == "poste-12");
    CHECK(r.config.secretFile == "/etc/cordee/lrs.secret");
    CHECK(r.config.interval == 60);
    CHECK(r.config.iris.base == "https://formation.example.org");
    CHECK(r.config.iris.homePage == "https://rh");
}

TEST_CASE("every problem in the LRS settings is said with its line, and none is half-used",
          "[lrs][config]") {
    test::TempCourse dir;
    dir.write("lrs.ini", "[lrs]\nurl = ftp://lrs\ninterval = 5\nsecret = abc\n");
    const auto r = lrs::readLrsConfig(dir.dir() / "lrs.ini");
    CHECK(r.present);
    CHECK_FALSE(r.ok());
    const std::string file = (dir.dir() / "lrs.ini").string();
    REQUIRE(r.errors.size() == 3);
    CHECK(r.errors[0].rfind(file + ":2: error: url", 0) == 0);
    CHECK(r.errors[1].rfind(file + ":3: error: interval", 0) == 0);
    CHECK(r.errors[2].find(":4: error: clé « secret » inconnue") != std::string::npos);
}

TEST_CASE("no settings file: no sync, and no error", "[lrs][config]") {
    test::TempCourse dir;
    const auto r = lrs::readLrsConfig(dir.dir() / "none.ini");
    CHECK_FALSE(r.present);
    CHECK(r.errors.empty());
    dir.write("empty.ini", "[lrs]\n");
    CHECK(lrs::readLrsConfig(dir.dir() / "empty.ini").errors.at(0).find("url") !=
          std::string::npos);
}

TEST_CASE("the secret is the first line of its file, never more", "[lrs][config]") {
    test::TempCourse dir;
    dir.write("s", "s3cret\r\nsecond line\n");
    CHECK(lrs::readSecret((dir.dir() / "s").string()) == "s3cret");
    CHECK_FALSE(lrs::readSecret((dir.dir() / "missing").string()));
}
