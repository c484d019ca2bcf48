#include "ui/rich_text.hpp"

#include "text/french_typography.hpp"

namespace cordee::ui {

TaggedRuns toRuns(const course::RichText& text, const text::FontSpec& base) {
    TaggedRuns out;
    for (const course::InlineRun& r : text.runs) {
        text::StyledRun run;
        run.font = base;
        if (r.style & course::kEmphasis)
            run.font.style |= text::kItalic;
        if (r.style & course::kStrong)
            run.font.style |= text::kBold;
        switch (r.kind) {
        case course::InlineRun::Kind::LineBreak:
            run.text = "\n";
            break;
        case course::InlineRun::Kind::Blank:
            run.text = "________";
            out.tags.push_back({RunTag::Kind::Blank, std::to_string(r.blankIndex)});
            run.tag = static_cast<int>(out.tags.size()) - 1;
            break;
        case course::InlineRun::Kind::Text:
            run.text = r.text;
            if (!r.termRef.empty() || !r.linkHref.empty()) {
                RunTag tag{r.termRef.empty() ? RunTag::Kind::Link : RunTag::Kind::Term,
                           r.termRef.empty() ? r.linkHref : r.termRef};
                // "<term><em>a</em> b</term>" is two runs but one term to click.
                const bool continues = !out.runs.empty() && out.runs.back().tag >= 0 &&
                                       out.tags[out.runs.back().tag].kind == tag.kind &&
                                       out.tags[out.runs.back().tag].target == tag.target;
                if (continues) {
                    run.tag = out.runs.back().tag;
                } else {
                    out.tags.push_back(tag);
                    run.tag = static_cast<int>(out.tags.size()) - 1;
                }
            }
            break;
        }
        out.runs.push_back(std::move(run));
    }
    text::applyFrenchSpacing(out.runs);
    return out;
}

TaggedRuns untagged(TaggedRuns runs) {
    for (text::StyledRun& r : runs.runs)
        r.tag = -1;
    runs.tags.clear();
    return runs;
}

TaggedRuns plainRuns(const std::string& text, const text::FontSpec& font) {
    TaggedRuns out;
    out.runs.push_back({text, font, -1});
    text::applyFrenchSpacing(out.runs);
    return out;
}

} // namespace cordee::ui
