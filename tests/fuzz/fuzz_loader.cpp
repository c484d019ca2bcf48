// libFuzzer harness: any bytes as a course.xml must load without crash, hang, leak or
// undefined behaviour. Built by .ci/run with clang (-DCORDEE_FUZZ=ON); crashes it finds become
// regression fixtures under tests/data/hostile/.
#include "course/course_stats.hpp"
#include "course/loader.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace {

const std::filesystem::path& courseFolder() {
    // An empty folder: media and includes resolve against it and find nothing.
    static const std::filesystem::path folder = [] {
        auto p = std::filesystem::temp_directory_path() / "cordee-fuzz-course";
        std::filesystem::create_directories(p);
        return p;
    }();
    return folder;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string xml(reinterpret_cast<const char*>(data), size);
    auto result = cordee::course::loadCourseFromString(std::move(xml), courseFolder());
    auto stats = cordee::course::computeStats(result.course);
    for (const auto& d : result.diagnostics.all())
        (void)cordee::core::formatDiagnostic(d, cordee::core::Lang::Fr);
    return stats.pages >= 0 ? 0 : 1;
}
