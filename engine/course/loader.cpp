#include "course/loader.hpp"

#include "course/media_path.hpp"
#include "course/structure_reader.hpp"
#include "course/validator.hpp"
#include "course/xml_source.hpp"

#include <algorithm>
#include <system_error>
#include <tinyxml2.h>

namespace cordee::course {
namespace fs = std::filesystem;

namespace {

LoadResult loadSource(std::optional<XmlSource> src, const fs::path& folder,
                      const std::string& displayFolder, const fs::path& file,
                      core::Diagnostics diags) {
    LoadResult result;
    result.diagnostics = std::move(diags);
    if (!src)
        return result;
    std::error_code ec;
    detail::LoadContext ctx{.diags = result.diagnostics,
                            .folder = fs::weakly_canonical(folder, ec),
                            .displayFolder = displayFolder};
    ctx.includeStack.push_back(fs::weakly_canonical(file, ec));
    ctx.bytesRead = src->text.size();
    result.course.folder = ctx.folder;
    result.course.file = file;
    detail::readCourseDocument(ctx, *src, result.course);
    detail::validateCourse(result.course, ctx);
    return result;
}

} // namespace

LoadResult loadCourse(const fs::path& path) {
    std::error_code ec;
    fs::path folder = path;
    fs::path file = path / "course.xml";
    std::string displayFolder = path.generic_string();
    if (fs::is_regular_file(path, ec)) {
        folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
        file = path;
        displayFolder = path.parent_path().generic_string();
    }
    core::Diagnostics diags;
    if (fs::is_directory(path, ec) && !fs::exists(file, ec)) {
        diags.add("C001", {displayFolder, 0, 0}, {displayFolder});
        LoadResult r;
        r.diagnostics = std::move(diags);
        return r;
    }
    const std::string display = file.generic_string();
    // course.xml is held to the same rule as media and includes: a link that leads out of the
    // folder is not read.
    if (fs::exists(file, ec) && !resolvesInside(fs::weakly_canonical(folder, ec), file)) {
        diags.add("M010", {display, 0, 0}, {display});
        LoadResult r;
        r.diagnostics = std::move(diags);
        return r;
    }
    auto src = readXmlFile(file, display, diags);
    return loadSource(std::move(src), folder, displayFolder, file, std::move(diags));
}

LoadResult loadCourseFromString(std::string xml, const fs::path& folder,
                                const std::string& displayPath) {
    core::Diagnostics diags;
    auto src = xmlSourceFromBytes(std::move(xml), displayPath, diags);
    fs::path displayFolder = fs::path(displayPath).parent_path();
    return loadSource(std::move(src), folder, displayFolder.generic_string(), folder / "course.xml",
                      std::move(diags));
}

bool parseXmlOnly(const std::string& xml) {
    tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
    return doc.Parse(xml.data(), xml.size()) == tinyxml2::XML_SUCCESS;
}

std::vector<fs::path> findCourseFolders(const fs::path& root) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec) && fs::is_regular_file(it->path() / "course.xml", ec))
            out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace cordee::course
