// The header probe: sizes from PNG, JPEG and SVG headers, whole files told from cut ones,
// and the caps every decoder in the player is held to.
#include "course/image_probe.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace cordee::course;

namespace {

std::string be32(uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}
std::string be16(unsigned v) {
    return {static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string pngChunk(const std::string& type, const std::string& data) {
    return be32(static_cast<uint32_t>(data.size())) + type + data + std::string(4, '\0');
}

std::string png(uint32_t w, uint32_t h) {
    return std::string("\x89PNG\r\n\x1a\n", 8) +
           pngChunk("IHDR", be32(w) + be32(h) + std::string("\x08\x06\0\0\0", 5)) +
           pngChunk("IDAT", std::string(100, 'z')) + pngChunk("IEND", "");
}

std::string jpegSegment(unsigned marker, const std::string& body) {
    return std::string{'\xFF', static_cast<char>(marker)} +
           be16(static_cast<unsigned>(body.size() + 2)) + body;
}

std::string jpeg(unsigned w, unsigned h, const std::string& before = "") {
    return std::string("\xFF\xD8", 2) + before +
           jpegSegment(0xC0, std::string("\x08", 1) + be16(h) + be16(w) +
                                 std::string("\x01\x01\x11\x00", 4)) +
           jpegSegment(0xDA, std::string("\x01\x01\x00\x00\x3F\x00", 6)) + std::string(50, '\x12') +
           "\xFF\xD9";
}

struct Files {
    fs::path dir = fs::temp_directory_path() / "cordee-image-probe-test";
    Files() { fs::create_directories(dir); }
    ~Files() { fs::remove_all(dir); }
    ImageProbe probe(const std::string& name, const std::string& bytes) {
        std::ofstream(dir / name, std::ios::binary) << bytes;
        const std::string ext = fs::path(name).extension().string().substr(1);
        return probeImage(dir / name, ext);
    }
    ImageVerdict verdict(const std::string& name, const std::string& bytes) {
        return checkImage(probe(name, bytes), name.ends_with(".svg"));
    }
};

} // namespace

TEST_CASE("a PNG's size comes from its header, and only a whole PNG within the caps passes",
          "[course][image]") {
    Files f;
    const ImageProbe p = f.probe("a.png", png(640, 480));
    CHECK(p.ok);
    CHECK(p.width == 640);
    CHECK(p.height == 480);
    CHECK(f.verdict("cap.png", png(8192, 8192)) == ImageVerdict::Ok);
    CHECK(f.verdict("over.png", png(8193, 8192)) == ImageVerdict::TooManyPixels);
    CHECK(f.verdict("huge.png", png(30000, 30000)) == ImageVerdict::TooManyPixels);
    CHECK(f.verdict("tall.png", png(4000, 60000)) == ImageVerdict::TooManyPixels);
    CHECK(f.verdict("long.png", png(20000, 10)) == ImageVerdict::SideTooLong);
    CHECK(f.verdict("empty.png", png(0, 0)) == ImageVerdict::EmptySize);
    CHECK(f.verdict("negative.png", png(0xFFFFFFFF, 10)) == ImageVerdict::EmptySize);
    CHECK(f.probe("negative.png", png(0xFFFFFFFF, 10)).width == -1);
    const std::string whole = png(64, 64);
    CHECK(f.verdict("cut.png", whole.substr(0, whole.size() - 20)) == ImageVerdict::Truncated);
    CHECK(f.verdict("header.png", whole.substr(0, 20)) == ImageVerdict::Truncated);
    CHECK(f.verdict("noend.png", whole.substr(0, whole.size() - 12)) == ImageVerdict::Truncated);
    CHECK(f.verdict("jpeg.png", jpeg(10, 10)) == ImageVerdict::NotThisFormat);
    std::string noData = std::string("\x89PNG\r\n\x1a\n", 8) +
                         pngChunk("IHDR", be32(8) + be32(8) + std::string("\x08\x06\0\0\0", 5)) +
                         pngChunk("IEND", "");
    CHECK(f.verdict("nodata.png", noData) == ImageVerdict::Damaged);
    std::string badLength = whole;
    badLength.replace(33, 4, be32(0x80000000u));
    CHECK(f.verdict("badlength.png", badLength) == ImageVerdict::Damaged);
}

TEST_CASE("a JPEG's size comes from its frame header, wherever it is, and a JPEG must end",
          "[course][image]") {
    Files f;
    const ImageProbe p = f.probe("a.jpg", jpeg(4000, 3000));
    CHECK(p.ok);
    CHECK(p.width == 4000);
    CHECK(p.height == 3000);
    // Five 64 KB metadata segments push the frame header past the first 256 KB.
    std::string metadata;
    for (int i = 0; i < 5; ++i)
        metadata += jpegSegment(0xE1, std::string(65000, 'm'));
    const ImageProbe far = f.probe("far.jpg", jpeg(800, 600, metadata));
    CHECK(far.ok);
    CHECK(far.width == 800);
    // A camera's own data after the end marker is allowed.
    CHECK(f.verdict("trailer.jpg", jpeg(800, 600) + std::string(100000, 't')) == ImageVerdict::Ok);
    CHECK(f.verdict("huge.jpg", jpeg(30000, 30000)) == ImageVerdict::TooManyPixels);
    CHECK(f.verdict("empty.jpg", jpeg(0, 0)) == ImageVerdict::EmptySize);
    const std::string whole = jpeg(64, 48);
    CHECK(f.verdict("noend.jpg", whole.substr(0, whole.size() - 2)) == ImageVerdict::Truncated);
    CHECK(f.verdict("inframe.jpg", whole.substr(0, 8)) == ImageVerdict::Truncated);
    const std::string scanFirst = std::string("\xFF\xD8", 2) +
                                  jpegSegment(0xDA, std::string("\x01\x01\x00\x00\x3F\x00", 6)) +
                                  "\xFF\xD9";
    CHECK(f.verdict("noframe.jpg", scanFirst) == ImageVerdict::Damaged);
    CHECK(f.verdict("png.jpg", png(10, 10)) == ImageVerdict::NotThisFormat);
}

TEST_CASE("an SVG's size is declared or not, never zero or negative, and the file must end",
          "[course][image]") {
    Files f;
    const std::string ns = "<svg xmlns='http://www.w3.org/2000/svg' ";
    ImageProbe p = f.probe("px.svg", ns + "width='960px' height='540'><g/></svg>\n");
    CHECK(p.ok);
    CHECK(p.sizeDeclared);
    CHECK(p.width == 960);
    CHECK(p.height == 540);
    p = f.probe("box.svg", ns + "width='100%' viewBox='0 0 300 100'><g/></svg>");
    CHECK(p.width == 300);
    CHECK(p.height == 100);
    p = f.probe("none.svg", ns + "width='100%'><g/></svg>");
    CHECK(p.ok);
    CHECK_FALSE(p.sizeDeclared);
    CHECK(checkImage(p, true) == ImageVerdict::Ok);
    // Drawn at the size shown: a large declared size is not refused.
    CHECK(f.verdict("large.svg", ns + "width='30000' height='30000'><g/></svg>") ==
          ImageVerdict::Ok);
    p = f.probe("astronomic.svg", ns + "width='1e300' height='10'/>");
    CHECK(p.width == 1000000000);
    CHECK(p.height == 10);
    p = f.probe("nan.svg", ns + "width='inf' viewBox='0 0 1e300 nan'/>");
    CHECK(p.ok);
    CHECK_FALSE(p.sizeDeclared);
    CHECK(f.verdict("zero.svg", ns + "width='0' height='0'><g/></svg>") == ImageVerdict::EmptySize);
    CHECK(f.verdict("neg.svg", ns + "width='-10'><g/></svg>") == ImageVerdict::EmptySize);
    CHECK(f.verdict("negbox.svg", ns + "viewBox='0 0 -5 10'><g/></svg>") ==
          ImageVerdict::EmptySize);
    CHECK(f.verdict("comment.svg", ns + "width='10' height='10'><g/></svg>\n<!-- fin -->\n") ==
          ImageVerdict::Ok);
    CHECK(f.verdict("prefix.svg", "<svg:svg xmlns:svg='http://www.w3.org/2000/svg' "
                                  "width='10' height='10'><svg:g/></svg:svg>") == ImageVerdict::Ok);
    CHECK(f.verdict("self.svg", ns + "width='10' height='10'/>") == ImageVerdict::Ok);
    CHECK(f.verdict("cut.svg", ns + "width='10' height='10'><rect width='10'") ==
          ImageVerdict::Truncated);
    CHECK(f.verdict("text.svg", "just text") == ImageVerdict::NotThisFormat);
}
