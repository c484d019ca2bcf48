#include "ui/question_view.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace cordee::ui {

using course::Question;
using course::QuestionType;
using quiz::Verdict;

namespace {

const char* T(core::Lang lang, const char* fr, const char* en) {
    return lang == core::Lang::En ? en : fr;
}

constexpr Role kPairColors[] = {Role::InfoAccent,    Role::KeyAccent,     Role::LawAccent,
                                Role::ExampleAccent, Role::WarningAccent, Role::Primary};

Role pairColor(int n) {
    return kPairColors[static_cast<size_t>(n) % std::size(kPairColors)];
}

int parseIndex(const std::string& s) {
    try {
        return std::stoi(s);
    } catch (...) {
        return -1;
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Draft
// ---------------------------------------------------------------------------------------------
void QuestionDraft::reset(const std::string& k, const Question& q, const quiz::Presentation& p) {
    *this = {};
    key = k;
    order = p.itemOrder;
    matchOf.assign(q.pairs.size(), -1);
    gaps.assign(q.blanks.size(), "");
}

bool QuestionDraft::complete(const Question& q) const {
    switch (q.type) {
    case QuestionType::Single:
    case QuestionType::TrueFalse:
        return chosen.size() == 1;
    case QuestionType::Multiple:
        return !chosen.empty();
    case QuestionType::Order:
        return order.size() == q.items.size();
    case QuestionType::Match:
        return std::none_of(matchOf.begin(), matchOf.end(), [](int m) { return m < 0; });
    case QuestionType::Gaps:
        return std::any_of(gaps.begin(), gaps.end(), [](const std::string& g) {
            return g.find_first_not_of(' ') != std::string::npos;
        });
    }
    return false;
}

quiz::Response QuestionDraft::response(const Question& q, const quiz::Presentation& p) const {
    quiz::Response r;
    switch (q.type) {
    case QuestionType::Single:
    case QuestionType::Multiple:
        for (int shown : chosen)
            if (shown >= 0 && shown < static_cast<int>(p.choiceOrder.size()))
                r.choices.push_back(p.choiceOrder[static_cast<size_t>(shown)]);
        std::sort(r.choices.begin(), r.choices.end());
        break;
    case QuestionType::TrueFalse:
        if (!chosen.empty())
            r.truth = *chosen.begin() == 0;
        break;
    case QuestionType::Order:
        r.order = order;
        break;
    case QuestionType::Match:
        for (int shown : matchOf)
            r.matches.push_back(shown < 0 ? -1 : p.rightOrder[static_cast<size_t>(shown)]);
        break;
    case QuestionType::Gaps:
        r.gaps = gaps;
        break;
    }
    return r;
}

bool QuestionDraft::moveHeld(int delta) {
    if (held < 0)
        return false;
    int to = held + delta;
    if (to < 0 || to >= static_cast<int>(order.size()))
        return false;
    std::swap(order[static_cast<size_t>(held)], order[static_cast<size_t>(to)]);
    held = to;
    return true;
}

bool QuestionDraft::activate(const std::string& action, const Question& q) {
    size_t colon = action.find(':');
    const std::string verb = action.substr(0, colon);
    const int n = colon == std::string::npos ? -1 : parseIndex(action.substr(colon + 1));
    if (verb == "choice" && n >= 0) {
        if (q.type == QuestionType::Multiple) {
            if (!chosen.erase(n))
                chosen.insert(n);
        } else {
            chosen = {n};
        }
        return true;
    }
    if ((verb == "up" || verb == "down") && n >= 0 && n < static_cast<int>(order.size())) {
        int to = verb == "up" ? n - 1 : n + 1;
        if (to < 0 || to >= static_cast<int>(order.size()))
            return false;
        std::swap(order[static_cast<size_t>(n)], order[static_cast<size_t>(to)]);
        if (held == n)
            held = to;
        return true;
    }
    if (verb == "item" && n >= 0) {
        held = held == n ? -1 : n; // Space or a click picks it up, again puts it down
        return true;
    }
    if (verb == "left" && n >= 0 && n < static_cast<int>(matchOf.size())) {
        if (matchOf[static_cast<size_t>(n)] >= 0 && selectedLeft != n) {
            matchOf[static_cast<size_t>(n)] = -1; // choosing a paired item again undoes the pair
            selectedLeft = n;
        } else {
            selectedLeft = selectedLeft == n ? -1 : n;
        }
        return true;
    }
    if (verb == "right" && n >= 0) {
        if (selectedLeft < 0) {
            // Right first: pair it with the first unpaired left item.
            auto free = std::find(matchOf.begin(), matchOf.end(), -1);
            if (free == matchOf.end())
                return false;
            selectedLeft = static_cast<int>(free - matchOf.begin());
        }
        for (int& m : matchOf)
            if (m == n)
                m = -1; // a right item belongs to one pair
        matchOf[static_cast<size_t>(selectedLeft)] = n;
        selectedLeft = -1;
        return true;
    }
    if (verb == "unpair" && n >= 0 && n < static_cast<int>(matchOf.size())) {
        matchOf[static_cast<size_t>(n)] = -1;
        return true;
    }
    return false;
}

void QuestionDraft::typeInto(int gap, const std::string& text) {
    if (gap >= 0 && gap < static_cast<int>(gaps.size()) &&
        gaps[static_cast<size_t>(gap)].size() < 200)
        gaps[static_cast<size_t>(gap)] += text;
}

void QuestionDraft::backspace(int gap) {
    if (gap < 0 || gap >= static_cast<int>(gaps.size()))
        return;
    core::popCodePoint(gaps[static_cast<size_t>(gap)]);
}

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------
namespace {

struct CardStyle {
    bool selected = false;
    bool right = false; // after feedback: this is (part of) the right answer
    bool wrong = false; // after feedback: chosen, and wrong
};

// A card holding one line of choice text; returns its rectangle.
Rect choiceCard(Flow& f, const std::string& id, const std::string& marker, const TaggedRuns& text,
                CardStyle style, bool enabled, int indent = 0, int width = -1) {
    const Metrics& mt = f.metrics();
    DisplayList& out = f.out();
    const int w = width < 0 ? f.width() - indent : width;
    const int x = f.x() + indent;
    const int top = f.y();
    const int pad = mt.grid(2);
    const size_t back = out.items.size();
    out.add(DrawRect{});
    out.add(DrawBorder{});
    const text::FontSpec markFont = mt.font(16, text::kBold);
    const int markW = mt.px(36);
    text::TextBlock tb = f.textAt(text, x + pad + markW, top + pad, w - 2 * pad - markW - mt.px(28),
                                  Role::Text, 1.4);
    const int h = std::max(mt.targetSize() + mt.px(8), tb.height + 2 * pad);
    Rect r{x, top, w, h};
    Role border = style.right      ? Role::KeyAccent
                  : style.wrong    ? Role::WarningAccent
                  : style.selected ? Role::Primary
                                   : Role::Border;
    out.items[back] = DrawRect{r, style.selected ? Role::PrimarySoft : Role::Surface, mt.px(8)};
    out.items[back + 1] =
        DrawBorder{r, border,
                   style.selected || style.right || style.wrong ? std::max(2, mt.px(2))
                                                                : std::max(1, mt.px(1)),
                   mt.px(8)};
    const int lh = f.measurer().lineHeight(markFont);
    out.add(DrawText{x + pad, top + (h - lh) / 2 + f.measurer().ascent(markFont),
                     f.measure(marker, markFont), marker, markFont,
                     style.selected ? Role::Primary : Role::TextMuted});
    if (style.right || style.wrong) {
        std::string mark = style.right ? "✓" : "✗";
        text::FontSpec mf = mt.font(20, text::kBold);
        int mw = f.measure(mark, mf);
        out.add(DrawText{r.right() - pad - mw,
                         top + (h - f.measurer().lineHeight(mf)) / 2 + f.measurer().ascent(mf), mw,
                         mark, mf, style.right ? Role::KeyAccent : Role::WarningAccent});
    }
    out.hot(id, r, HotKind::Choice, enabled);
    f.setY(r.bottom() + mt.grid(1));
    return r;
}

std::string choiceMarker(QuestionType type, bool selected, size_t n) {
    // Radio-like for one answer, box-like for several, with the key that selects it.
    std::string box =
        type == QuestionType::Multiple ? (selected ? "☑" : "☐") : (selected ? "◉" : "○");
    return box + " " + std::to_string(n);
}

} // namespace

void layoutQuestion(Flow& f, const Question& q, const quiz::Presentation& p, const QuestionDraft& d,
                    const QuestionFeedback* fb, const QuestionViewContext& ctx) {
    const Metrics& mt = f.metrics();
    const core::Lang lang = ctx.lang;
    const std::string& pre = ctx.prefix;
    const bool answered = fb != nullptr;
    if (!q.prompt.empty()) {
        f.text(toRuns(q.prompt, mt.font(20, text::kBold)), Role::Heading, 1.35, 0, -1,
               pre + "prompt:");
        f.space(mt.grid(1.5));
    }
    auto instruction = [&](const char* fr, const char* en) {
        f.text(plainRuns(T(lang, fr, en), mt.font(15, text::kItalic)), Role::TextMuted, 1.4);
        f.space(mt.grid(1.5));
    };
    switch (q.type) {
    case QuestionType::Single:
    case QuestionType::Multiple: {
        if (!answered)
            q.type == QuestionType::Multiple
                ? instruction("Plusieurs réponses possibles.", "Several answers are possible.")
                : instruction("Une seule réponse.", "One answer.");
        for (size_t k = 0; k < p.choiceOrder.size(); ++k) {
            const auto& choice = q.choices[static_cast<size_t>(p.choiceOrder[k])];
            CardStyle st;
            st.selected = d.chosen.count(static_cast<int>(k)) > 0;
            if (answered) {
                st.right = choice.correct;
                st.wrong = st.selected && !choice.correct;
            }
            choiceCard(f, pre + "choice:" + std::to_string(k),
                       choiceMarker(q.type, st.selected, k + 1), toRuns(choice.text, mt.body()), st,
                       !answered);
        }
        break;
    }
    case QuestionType::TrueFalse:
        for (int k = 0; k < 2; ++k) {
            CardStyle st;
            st.selected = d.chosen.count(k) > 0;
            if (answered) {
                st.right = (k == 0) == q.answer;
                st.wrong = st.selected && !st.right;
            }
            choiceCard(
                f, pre + "choice:" + std::to_string(k),
                choiceMarker(q.type, st.selected, static_cast<size_t>(k) + 1),
                plainRuns(k == 0 ? T(lang, "Vrai", "True") : T(lang, "Faux", "False"), mt.body()),
                st, !answered);
        }
        break;
    case QuestionType::Order: {
        if (!answered)
            instruction("Remettez dans l’ordre : faites glisser un élément, ou utilisez ses "
                        "flèches. Au clavier : Espace saisit l’élément, ↑ ↓ le déplacent, "
                        "Espace le pose.",
                        "Put in order: drag an item, or use its arrows. With the keyboard: "
                        "Space picks an item up, ↑ ↓ move it, Space drops it.");
        const int arrows = mt.targetSize() * 2 + mt.grid(1);
        for (size_t k = 0; k < d.order.size(); ++k) {
            if (d.dragFrom >= 0 && d.dragTo == static_cast<int>(k))
                f.out().add(
                    DrawRect{{f.x(), f.y() - mt.px(5), f.width(), mt.px(3)}, Role::Primary, 0});
            const int item = d.order[k];
            CardStyle st;
            st.selected = d.held == static_cast<int>(k) || d.dragFrom == static_cast<int>(k);
            if (answered) {
                st.right = item == static_cast<int>(k);
                st.wrong = !st.right;
            }
            const int top = f.y();
            choiceCard(f, pre + "item:" + std::to_string(k), std::to_string(k + 1) + ".",
                       toRuns(q.items[static_cast<size_t>(item)], mt.body()), st, !answered, 0,
                       answered ? -1 : f.width() - arrows - mt.grid(1));
            if (!answered) {
                const int bx = f.x() + f.width() - arrows;
                addButton(f.out(), f.measurer(), mt, pre + "up:" + std::to_string(k), "↑", bx, top,
                          ButtonStyle::Secondary, mt.targetSize(), k > 0);
                addButton(f.out(), f.measurer(), mt, pre + "down:" + std::to_string(k), "↓",
                          bx + mt.targetSize() + mt.grid(1), top, ButtonStyle::Secondary,
                          mt.targetSize(), k + 1 < d.order.size());
            }
        }
        if (d.dragFrom >= 0 && d.dragTo == static_cast<int>(d.order.size()))
            f.out().add(DrawRect{{f.x(), f.y() - mt.px(5), f.width(), mt.px(3)}, Role::Primary, 0});
        break;
    }
    case QuestionType::Match: {
        if (!answered)
            instruction("Choisissez un élément à gauche, puis son correspondant à droite. "
                        "Choisissez à nouveau un élément associé pour défaire la paire.",
                        "Choose an item on the left, then its match on the right. Choose a "
                        "matched item again to undo the pair.");
        const bool twoColumns = f.width() >= mt.px(560);
        const int gap = mt.grid(2);
        const int colW = twoColumns ? (f.width() - gap) / 2 : f.width();
        const int top = f.y();
        // Pair numbers: the n-th pair made, in left order.
        std::vector<int> pairNumber(q.pairs.size(), -1);
        int next = 0;
        for (size_t i = 0; i < d.matchOf.size(); ++i)
            if (d.matchOf[i] >= 0)
                pairNumber[i] = next++;
        auto badge = [&](const Rect& r, int number) {
            const int b = mt.px(28);
            Rect br{r.right() - b - mt.grid(1), r.y + (r.h - b) / 2, b, b};
            f.out().add(DrawRect{br, pairColor(number), b / 2});
            std::string s = std::to_string(number + 1);
            text::FontSpec bf = mt.font(15, text::kBold);
            int w = f.measure(s, bf);
            f.out().add(
                DrawText{br.x + (b - w) / 2,
                         br.y + (b - f.measurer().lineHeight(bf)) / 2 + f.measurer().ascent(bf), w,
                         s, bf, Role::Surface});
        };
        for (size_t i = 0; i < q.pairs.size(); ++i) {
            CardStyle st;
            st.selected = d.selectedLeft == static_cast<int>(i);
            if (answered) {
                st.right = d.matchOf[i] >= 0 &&
                           p.rightOrder[static_cast<size_t>(d.matchOf[i])] == static_cast<int>(i);
                st.wrong = !st.right;
            }
            Rect r = choiceCard(f, pre + "left:" + std::to_string(i), std::to_string(i + 1),
                                toRuns(q.pairs[i].left, mt.body()), st, !answered, 0, colW);
            if (pairNumber[i] >= 0 && !answered)
                badge(r, pairNumber[i]);
        }
        const int leftBottom = f.y();
        if (twoColumns)
            f.setY(top);
        for (size_t k = 0; k < p.rightOrder.size(); ++k) {
            CardStyle st;
            int number = -1;
            for (size_t i = 0; i < d.matchOf.size(); ++i)
                if (d.matchOf[i] == static_cast<int>(k))
                    number = pairNumber[i];
            Rect r = choiceCard(
                f, pre + "right:" + std::to_string(k), std::string(1, static_cast<char>('a' + k)),
                toRuns(q.pairs[static_cast<size_t>(p.rightOrder[k])].right, mt.body()), st,
                !answered, twoColumns ? colW + gap : 0, colW);
            if (number >= 0 && !answered)
                badge(r, number);
        }
        f.setY(std::max(f.y(), leftBottom));
        break;
    }
    case QuestionType::Gaps: {
        if (!answered)
            instruction("Complétez chaque trou ; Tab passe au suivant.",
                        "Fill in each blank; Tab goes to the next one.");
        TaggedRuns runs = toRuns(q.gapText, mt.body());
        for (text::StyledRun& run : runs.runs) {
            if (run.tag < 0 || runs.tags[static_cast<size_t>(run.tag)].kind != RunTag::Kind::Blank)
                continue;
            const int blank = parseIndex(runs.tags[static_cast<size_t>(run.tag)].target);
            std::string typed = blank >= 0 && blank < static_cast<int>(d.gaps.size())
                                    ? d.gaps[static_cast<size_t>(blank)]
                                    : "";
            // No-break spaces keep a blank in one piece on its line.
            std::string shown;
            for (char c : typed)
                shown += c == ' ' ? std::string("\u00A0") : std::string(1, c);
            // Figure spaces (as wide as a digit) give an empty field room to be seen and hit.
            while (core::countCodePoints(shown) < 12)
                shown += "\u2007";
            run.text = "\u00A0" + shown + "\u00A0";
            run.font.style |= text::kBold;
        }
        f.text(runs, Role::Text, 1.9, 0, -1, pre);
        f.space(mt.grid(1));
        break;
    }
    }
    if (ctx.showHint && q.hint) {
        f.space(mt.grid(1));
        f.text(plainRuns(T(lang, "Indice", "Hint"), mt.font(14, text::kBold)), Role::InfoAccent,
               1.2);
        f.text(toRuns(*q.hint, mt.body()), Role::Text, 1.5);
    }
}

void layoutFeedback(Flow& f, const Question& q, const quiz::Presentation& p,
                    const QuestionFeedback& fb, core::Lang lang, bool showRightAnswer) {
    const Metrics& mt = f.metrics();
    DisplayList& out = f.out();
    const Verdict v = fb.result.verdict;
    const Role accent = v == Verdict::Correct   ? Role::KeyAccent
                        : v == Verdict::Partial ? Role::ExampleAccent
                                                : Role::WarningAccent;
    const Role back = v == Verdict::Correct   ? Role::KeyBack
                      : v == Verdict::Partial ? Role::ExampleBack
                                              : Role::WarningBack;
    const int top = f.y();
    const size_t bg = out.items.size();
    out.add(DrawRect{});
    out.add(DrawRect{});
    const int pad = mt.grid(2.5);
    f.space(pad);
    const bool fr = lang != core::Lang::En;
    std::string verdict = v == Verdict::Correct   ? T(lang, "Bonne réponse", "Correct")
                          : v == Verdict::Partial ? T(lang, "Réponse partielle", "Partly correct")
                                                  : T(lang, "Mauvaise réponse", "Incorrect");
    verdict += fmt::format(" · {} / {} {}", quiz::formatPoints(fb.result.points, fr),
                           quiz::formatPoints(fb.result.maxPoints, fr), "pt");
    const int inner = pad + std::max(3, mt.px(6));
    f.text(plainRuns(verdict, mt.font(19, text::kBold)), accent, 1.3, inner,
           f.width() - inner - pad);
    if (fb.unsaved) {
        // Said where the answer is acknowledged: it is not in the file yet (full disk, lock).
        f.space(mt.grid(0.5));
        f.text(plainRuns(T(lang,
                           "Réponse gardée en mémoire, pas encore enregistrée : elle le sera dès "
                           "que possible.",
                           "Answer kept in memory, not saved yet: it will be as soon as possible."),
                         mt.font(16, text::kBold)),
               Role::WarningAccent, 1.4, inner, f.width() - inner - pad);
    }
    for (int index : fb.response.choices)
        if (index >= 0 && index < static_cast<int>(q.choices.size()) &&
            !q.choices[static_cast<size_t>(index)].feedback.empty()) {
            f.space(mt.grid(1));
            f.text(toRuns(q.choices[static_cast<size_t>(index)].feedback, mt.body()), Role::Text,
                   1.5, inner, f.width() - inner - pad);
        }
    if (q.type == QuestionType::Gaps) {
        for (size_t i = 0; i < q.blanks.size(); ++i) {
            const bool ok = i < fb.result.blanksRight.size() && fb.result.blanksRight[i];
            std::string line =
                fmt::format("{} {} {}", ok ? "✓" : "✗", T(lang, "Trou", "Blank"), i + 1);
            if (!ok && showRightAnswer && !q.blanks[i].answers.empty())
                line += std::string(T(lang, " : attendu « ", ": expected \"")) +
                        q.blanks[i].answers[0] + T(lang, " »", "\"");
            f.space(mt.grid(0.5));
            f.text(plainRuns(line, mt.body()), ok ? Role::KeyAccent : Role::WarningAccent, 1.4,
                   inner, f.width() - inner - pad);
        }
    }
    if (showRightAnswer && v != Verdict::Correct && q.type == QuestionType::Order) {
        f.space(mt.grid(1));
        f.text(plainRuns(T(lang, "Le bon ordre :", "The right order:"), mt.font(16, text::kBold)),
               Role::Heading, 1.3, inner);
        for (size_t i = 0; i < q.items.size(); ++i) {
            TaggedRuns r = toRuns(q.items[i], mt.body());
            r.runs.insert(r.runs.begin(), {std::to_string(i + 1) + ". ", mt.body(), -1});
            f.text(r, Role::Text, 1.4, inner, f.width() - inner - pad);
        }
    }
    if (showRightAnswer && v != Verdict::Correct && q.type == QuestionType::Match) {
        f.space(mt.grid(1));
        f.text(
            plainRuns(T(lang, "Les bonnes paires :", "The right pairs:"), mt.font(16, text::kBold)),
            Role::Heading, 1.3, inner);
        for (const course::MatchPair& pair : q.pairs) {
            TaggedRuns r = toRuns(pair.left, mt.body());
            TaggedRuns right = toRuns(pair.right, mt.body());
            r.runs.push_back({" — ", mt.body(), -1});
            for (auto& run : right.runs) {
                run.tag = -1;
                r.runs.push_back(run);
            }
            f.text(untagged(r), Role::Text, 1.4, inner, f.width() - inner - pad);
        }
    }
    if (!q.explanation.empty()) {
        f.space(mt.grid(1.5));
        f.text(toRuns(q.explanation, mt.body()), Role::Text, 1.5, inner, f.width() - inner - pad,
               "expl:");
    }
    (void)p;
    f.space(pad);
    Rect r{f.x(), top, f.width(), f.y() - top};
    out.items[bg] = DrawRect{r, back, mt.px(8)};
    out.items[bg + 1] = DrawRect{{r.x, r.y, std::max(3, mt.px(6)), r.h}, accent, 0};
    f.space(mt.grid(2));
}

} // namespace cordee::ui
