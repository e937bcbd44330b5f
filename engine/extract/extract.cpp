// Claim extraction: article text -> claims. This file runs the readers in order.
//
// The figures reader finds every figure of the article (figures.cpp). Then, sentence by
// sentence: the sentence is split into words, its figures are placed on them and what
// is not a count is rejected with a reason; for each remaining figure the readers around
// the shared article context (article_context.hpp) decide
//   - outcome, category and side (outcomes.cpp),
//   - kind: incident, or cumulative with its scope ("since 2014") (scope.cpp),
//   - attribution: source and relay chain through the source registry (sources.cpp),
//   - place through the gazetteer (places.cpp), event date against the article date
//     (dates.cpp), actor and means of attack (actors.cpp),
//   - breakdowns (parent) and sums ("22 bodies ... as well as six other people" = 28) (links.cpp).
// Every per-sentence step is bounded (sentences are at most max_sentence_bytes long) and
// reads a few neighbouring sentences at most, so the whole article is processed in
// linear time.
#include "extract/extract.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "claims/claims.hpp"
#include "extract/actors.hpp"
#include "extract/article_context.hpp"
#include "extract/context.hpp"
#include "extract/dates.hpp"
#include "extract/events.hpp"
#include "extract/figures.hpp"
#include "extract/links.hpp"
#include "extract/outcomes.hpp"
#include "extract/places.hpp"
#include "extract/scope.hpp"
#include "extract/sources.hpp"
#include "extract/victims.hpp"
#include "model/claim_id.hpp"

namespace reckon::extract {

extractor::extractor(const extract_context& ctx) : m_ctx(ctx), m_tables(new tables) { fill_tables(*m_tables, ctx); }

extractor::~extractor() { delete m_tables; }

std::vector<claim> extract_claims(const article& a, const extract_context& ctx, diagnostics& diags) {
    const extractor x(ctx);
    return x.extract(a, diags, ctx.rejected);
}

std::vector<claim> extractor::extract(const article& a, diagnostics& diags) const {
    return extract(a, diags, m_ctx.rejected);
}

namespace {

// A bare figure coordinated with a group of fighters, suspects or civilians counted before it
// in the same clause: "Two police officers were killed and four injured", "12 soldiers died
// and 30 were wounded" (the four and the 30 are of that group too). The claim of that group;
// nullptr otherwise (a person named without a number says nothing of the others: "A man
// was killed and four injured").
const claim* coordinated_group(const article_context& ax, const located_figure& lf, const located_figure* previous,
                               const claim* prev_claim) {
    // (only a group whose members all share what the clause says of them: "Two children were
    // killed and five injured" are not all children, nor "dozens" a count of its own)
    if (!previous || !prev_claim || previous->victim || lf.victim || !lf.f.noun.empty() || !lf.f.vague.empty() || lf.wb == 0 ||
        previous->we >= lf.wb || (prev_claim->category != "fighters" && prev_claim->category != "suspects" && prev_claim->category != "civilians") || !prev_claim->parent.empty())
        return nullptr;
    const auto& ws = ax.sentence_infos[lf.sentence].words;
    if (ws[lf.wb - 1].lower != "and" || lf.we >= ws.size()) return nullptr;
    // the figure's own predicate follows it: "and four injured", "and 30 were wounded"
    std::size_t k = lf.we;
    while (k < ws.size() && k < lf.we + 2 && (ws[k].lower == "were" || ws[k].lower == "was" || ws[k].lower == "others" || ws[k].lower == "more")) ++k;
    if (k >= ws.size() || !outcome_word(ws, k)) return nullptr;
    // and only the group's own predicate lies between: "were killed and", "died and"
    for (std::size_t j = previous->we; j + 1 < lf.wb; ++j) {
        const auto& w = ws[j].lower;
        if (!(w == "were" || w == "was" || w == "have" || w == "had" || w == "been" || outcome_word(ws, j) || w == "shot" || w == "fatally"))
            return nullptr;
    }
    return prev_claim;
}

// `id`: the claim's id if the figure is one (model/claim_id.hpp).
void make_claim(article_context& ax, std::size_t fi, std::string id) {
    located_figure& lf = ax.figures[fi];
    const std::size_t s = lf.sentence;
    sentence_info& si = ax.sentence_infos[s];
    if (const auto& why = lf.not_a_count) {
        if (lf.f.overflow && ax.overflow_reported < 3) {
            ++ax.overflow_reported;
            const auto pos = position_of(ax.text, lf.f.number.begin);
            ax.diags.warning("number-overflow", ax.art.where.file.empty() ? ax.art.id : ax.art.where.file, 0, 0,
                            "article '" + ax.art.id + "': number '" + std::string(lf.f.number.of(ax.text)).substr(0, 40) +
                                "' at line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column) +
                                " is too large to be a casualty count; ignored");
        }
        reject(ax, lf, *why);
        return;
    }
    auto cat = read_category(lf.f);
    const auto& ws = si.words;
    // the group a part is counted from: "One of the four men died" counts one, not four
    if (!lf.victim && lf.wb >= 3 && ws[lf.wb - 1].lower == "the" && ws[lf.wb - 2].lower == "of") {
        for (const auto id : si.figure_ids)
            if (&ax.figures[id] != &lf && !ax.figures[id].not_a_count && ax.figures[id].we == lf.wb - 2 && ax.figures[id].f.noun.empty()) {
                reject(ax, lf, "the group a part is counted from (\"one of the four men\")");
                return;
            }
    }
    // the last of a list of ages: "The others, ages 14, 16 and 18, were hurt"
    if (!lf.victim && lf.f.noun.empty() && !lf.f.in_words && lf.wb > 0) {
        std::size_t k = lf.wb;
        while (k > 0 && lf.wb - k < 8 && (ws[k - 1].digits || ws[k - 1].lower == "and")) --k;
        if (k > 0 && k < lf.wb && (ws[k - 1].lower == "ages" || ws[k - 1].lower == "aged")) {
            reject(ax, lf, "an age in a list of ages");
            return;
        }
    }
    // an age after a count inside an aside: "Three other men, two aged 18 and one 19, were
    // shot": the digits after a number word say how old that one is
    if (!lf.victim && lf.f.noun.empty() && !lf.f.in_words && lf.wb > 0 && lf.we == lf.wb + 1 &&
        !ws[lf.wb - 1].digits && grammar::claims::words_value(ws[lf.wb - 1].lower) &&
        ax.text.substr(ws[lf.wb - 1].end, ws[lf.wb].begin - ws[lf.wb - 1].end) == " ") {
        reject(ax, lf, "an age after a count (\"one 19\")");
        return;
    }
    if (!cat.known && lf.f.noun.empty() && lf.we < ws.size() && !lf.victim) {
        // a group the figure grammar does not name: "Two suspects were shot dead by police",
        // "129 loyalists"
        grammar::claims::figure named;
        named.noun = std::string(ws[lf.we].lower);
        const auto group = read_category(named);
        if (group.category != "people") cat = group;
        // two modifiers joined: "30 regime and allied fighters", "12 Syrian and Iraqi soldiers"
        for (std::size_t k = lf.we + 1; !cat.known && k < ws.size() && k < lf.we + 3; ++k) {
            const auto plain = [&](const word& w) {
                return !w.digits && !w.has(w_killed | w_injured | w_missing | w_breakdown | w_report | w_blocker) &&
                       !grammar::claims::words_value(w.lower);
            };
            // (adjectives joined, not nouns: "scores of volunteers and civilians" is both)
            if (!plain(ws[k - 1]) || (ws[k - 1].lower.size() > 3 && ws[k - 1].lower.back() == 's' && !ws[k - 1].capital)) break;
            if (ws[k].lower != "and" || k + 2 >= ws.size() || !plain(ws[k + 1])) continue;
            for (std::size_t j = k + 1; j < ws.size() && j < k + 3; ++j) {
                if (ws[j].digits || ws[j].has(w_killed | w_injured | w_missing)) break;
                named.noun = std::string(ws[j].lower);
                const auto joined = read_category(named);
                if (joined.category != "people") {
                    cat = joined;
                    named.modifiers.push_back(std::string(ws[lf.we].lower));
                    cat.side = side_of(named.modifiers, named.noun);
                    break;
                }
            }
            break;
        }
    }
    bool immediate = false, combined = false, direct = false;
    std::size_t after_aux = 99;
    std::optional<outcome> out;
    // a person inside the apposition of a group counted before it is a part of that group:
    // "Four people — three men and a woman — were shot"; so are all of them told again
    // ("Three people — two men and a woman — were shot")
    for (const auto id : si.figure_ids) {
        const auto& g = ax.figures[id];
        // ("One person, a 40-year-old driver, was found dead": the same one)
        if (g.victim || g.not_a_count || g.f.noun.empty() || !g.f.first || *g.f.first < 2 || g.we > lf.wb || lf.wb - g.we > 12) continue;
        if (!lf.victim && !(lf.f.first && *lf.f.first == *g.f.first && !lf.f.second && !g.f.second)) continue;
        if (past_apposition(ax.text, ws, g.we) > lf.wb) {
            reject(ax, lf, "a part of the group counted before it");
            return;
        }
    }
    if (lf.victim) {
        // a person named without a number: only what its own predicate says (victims.hpp)
        out = lf.implied ? lf.implied : victim_outcome(ax.text, ws, lf.wb, lf.we);
        // the nth victim counts the dead only when that victim died ("A third man was wounded": one)
        if (out && *out != outcome::killed && lf.f.first && *lf.f.first > 1 && !lf.implied) {
            static const std::array<std::string_view, 6> ordinals{"second", "third", "fourth", "fifth", "sixth", "seventh"};
            for (const auto& m : lf.f.modifiers)
                if (one_of(m, ordinals)) lf.f.first = 1;
        }
        // a named person the article makes a perpetrator: "gunman Nicholas Ward ... officers
        // fatally shot Ward" counts a suspect killed, reconciled apart from the victims
        if (out && lf.f.noun == "person" && !lf.f.value_text.empty() && ascii_upper(lf.f.value_text[0])) {
            if (!ax.perpetrators) ax.perpetrators = perpetrator_names(ax.text, ax.lower_text());
            if (names_one_of(lf.f.value_text, *ax.perpetrators)) cat.category = "suspects";
        }
        if (!out) {
            reject(ax, lf, "a person named, but not what happened to them");
            return;
        }
        immediate = direct = true;
    } else {
        out = find_outcome(ax, lf, si, immediate, combined, after_aux, direct);
    }
    // "dozens of dead and injured", "30 dead/wounded"
    if (cat.intrinsic_death && lf.we + 1 < ws.size() && (ws[lf.we].lower == "and" || ws[lf.we].lower == "or") &&
        outcome_word(ws, lf.we + 1) == outcome::injured)
        combined = true;
    if (cat.intrinsic_death && lf.we < ws.size() && lf.we > 0 && outcome_word(ws, lf.we) == outcome::injured &&
        ax.text.substr(ws[lf.we - 1].end, ws[lf.we].begin - ws[lf.we - 1].end).find_first_of("&/+") != std::string_view::npos)
        combined = true;
    // "Fifty-one dead and over 100 wounded": the noun says it, not the next outcome word
    if (cat.intrinsic_death && (!out || !direct)) out = outcome::killed;
    if (combined) {
        reject(ax, lf, "killed and wounded counted together");
        return;
    }
    // the claims before this one in the sentence: the nearest, and the nearest total
    // that is not itself a breakdown ("including 13 civilians")
    auto breakdown_word_before = [&](const located_figure& f) {
        for (std::size_t j = f.wb >= 3 ? f.wb - 3 : 0; j < f.wb; ++j)
            if (ws[j].has(w_breakdown)) return true;
        return false;
    };
    // ... or past one person named in it: "killed among them a child and two women"
    auto is_breakdown = [&](const located_figure& f) {
        if (breakdown_word_before(f)) return true;
        if (f.wb == 0 || ws[f.wb - 1].lower != "and" || f.victim || f.f.noun == "others" || f.f.noun == "Others") return false;
        for (const auto id : si.figure_ids) {
            const auto& v = ax.figures[id];
            if (v.victim && v.we + 1 == f.wb) return breakdown_word_before(v);
        }
        return false;
    };
    const located_figure* previous = nullptr;
    const located_figure* previous_total = nullptr;
    for (const auto id : si.figure_ids) {
        if (id >= fi || ax.figures[id].claim < 0) continue;
        previous = &ax.figures[id];
        if (!is_breakdown(ax.figures[id])) previous_total = &ax.figures[id];
    }
    const claim* prev_claim = previous ? &ax.claims[static_cast<std::size_t>(previous->claim)] : nullptr;
    // "The gunman then shot himself dead": the subject is counted already, "himself" is him
    // (not "killed his wife and then killed himself": another object before)
    // ("The guard took his own life": the same; not "killed his son before fatally shooting
    // himself": the son is the object, "himself" the subject)
    const bool previous_object = previous && previous->wb > 0 &&
                                 (ws[previous->wb - 1].lower == "killed" || ws[previous->wb - 1].lower == "killing" ||
                                  ws[previous->wb - 1].lower == "shot" || ws[previous->wb - 1].lower == "murdered" ||
                                  ws[previous->wb - 1].lower == "murdering");
    if (lf.victim && previous && previous->victim && !previous_object && lf.wb > 0 && previous->we + 3 >= lf.wb &&
        (ws[lf.wb].lower == "himself" || ws[lf.wb].lower == "herself" ||
         ((ws[lf.wb].lower == "his" || ws[lf.wb].lower == "her") && lf.wb + 1 < ws.size() && ws[lf.wb + 1].lower == "own")) &&
        std::none_of(ws.begin() + static_cast<std::ptrdiff_t>(previous->we), ws.begin() + static_cast<std::ptrdiff_t>(lf.wb),
                     [](const word& w) { return w.lower == "and"; })) {
        reject(ax, lf, "the subject of the sentence, counted already");
        return;
    }
    const claim* total_claim = previous_total ? &ax.claims[static_cast<std::size_t>(previous_total->claim)] : nullptr;
    // a breakdown, or the next item of one ("including 25 children and 15 women"), counts
    // the same victims as its total: same outcome
    bool breakdown = is_breakdown(lf);
    // ("and nine others were injured": others are not among them)
    if (!breakdown && previous && lf.wb > 0 && ws[lf.wb - 1].lower == "and" && previous->we + 1 == lf.wb && is_breakdown(*previous) &&
        lf.f.noun != "others" && lf.f.noun != "Others")
        breakdown = true;
    // "Four civilians, including a mother and her child, were killed": people named in a
    // breakdown of a counted total are parts of it, not figures of their own
    if (lf.victim && total_claim && previous_total && !previous_total->victim) {
        bool in_breakdown = false;
        for (std::size_t j = lf.wb, n = 0; j-- > previous_total->we && n < 8; ++n)
            if (ws[j].has(w_breakdown)) in_breakdown = true;
        if (in_breakdown) {
            reject(ax, lf, "one person named in a breakdown of a counted total");
            return;
        }
    }
    if (breakdown && total_claim && cat.known && !(immediate && lf.wb > 0 && ws[lf.wb - 1].lower != "and" && !ws[lf.wb - 1].has(w_breakdown)))
        out = total_claim->outcome;
    // "Of those killed six were children", "at least 14 of the dead were rebels"
    if (!cat.known) {
        std::size_t k = lf.we;
        if (k + 1 < ws.size() && ws[k].lower == "of" && (ws[k + 1].lower == "the" || ws[k + 1].lower == "them" || ws[k + 1].lower == "those" || ws[k + 1].lower == "whom")) {
            const std::size_t group = past_partitive(ws, k);
            k += 2;
            if (k < ws.size() && (ws[k].lower == "dead" || ws[k].lower == "killed" || ws[k].lower == "victims")) {
                if (!out) out = outcome::killed;
                ++k;
            } else if (group > k) {
                // "Two of the patrons were wounded", "one of the four men died": a part of that group
                grammar::claims::figure named;
                named.noun = std::string(ws[group - 1].lower);
                cat = read_category(named);
                k = group;
            }
        }
        const bool copula = k + 1 < ws.size() && (ws[k].lower == "were" || ws[k].lower == "are" || ws[k].lower == "was");
        const bool of_them = k > lf.we && k < ws.size() && !copula;  // "30 of them children"
        // "the toll rose to 86, 30 of them children": a part of the count before it
        if (of_them && !out && prev_claim && ws[lf.we + 1].lower == "them") out = prev_claim->outcome;
        if (copula || of_them) {
            const auto& n = ws[copula ? k + 1 : k].lower;
            static const std::array<std::string_view, 11> fighters{"rebels", "fighters", "soldiers", "militants", "troops", "jihadists",
                                                                   "terrorists", "policemen", "insurgents", "combatants", "gunmen"};
            if (n == "children") cat.category = "children";
            else if (n == "civilians") cat.category = "civilians";
            else if (n == "women") cat.category = "women";
            else if (one_of(n, fighters)) {
                cat.category = "fighters";
                cat.side = n == "rebels" ? "rebels" : "";
            }
            if (!cat.category.empty()) cat.known = true;
        }
    }
    // "members of the YPG", "20 members of the Daesh terrorist group", "10 IS members";
    // "two men from Hezbollah", "three men of the pro-regime popular committees"
    if (cat.known && (cat.category == "people" || cat.category == "men")) {
        std::string noun;
        for (const char ch : lf.f.noun) noun.push_back(ascii_lower(ch));
        if (noun == "members" ||
            (noun == "men" && lf.we < ws.size() && (ws[lf.we].lower == "from" || ws[lf.we].lower == "of"))) {
            static const std::array<std::string_view, 28> groups{
                "group", "front", "ypg", "daesh", "isis", "isil", "nusra", "militia", "militias", "army", "hezbollah", "brigade",
                "brigades", "faction", "factions", "forces", "battalion", "organization", "organisation", "asayesh", "qaeda",
                "al-qaeda", "al-nusra", "ahrar", "hezballah", "pro-regime", "pro-government", "committees"};
            bool group = !side_of(lf.f.modifiers, noun).empty();
            for (std::size_t k = lf.we; k < std::min(ws.size(), lf.we + 7) && !group; ++k)
                if (one_of(ws[k].lower, groups) || (ws[k].lower == "is" && ax.text[ws[k].begin] == 'I')) group = true;
            if (group) {
                cat.category = "fighters";
                cat.side = side_of(lf.f.modifiers, noun);
            }
        }
    }
    // one number over two groups: "40 gunmen and members of their families", "12 women and
    // children" count people of both kinds ("40 troops and militia" stay fighters)
    // (a breakdown keeps its first group, to stay a part of its total: "including 30 women and children")
    bool in_breakdown = false;
    for (std::size_t j = lf.wb >= 3 ? lf.wb - 3 : 0; j < lf.wb; ++j) in_breakdown = in_breakdown || ws[j].has(w_breakdown);
    if (cat.known && !lf.f.noun.empty() && !lf.victim && !in_breakdown && lf.we + 1 < ws.size() && ws[lf.we].lower == "and") {
        for (std::size_t k = lf.we + 1; k < ws.size() && k < lf.we + 4; ++k) {
            const auto& w = ws[k].lower;
            if (ws[k].digits || grammar::claims::words_value(w) || ws[k].has(w_killed | w_injured | w_missing | w_report | w_blocker) ||
                w == "others" || w == "more")
                break;
            std::string other;
            if (w == "members" || w == "relatives" || w == "families") other = "people";
            else if (w == "militia" || w == "militias") other = "fighters";
            else {
                grammar::claims::figure named;
                named.noun = std::string(w);
                const auto r = read_category(named);
                if (r.category != "people") other = r.category;
            }
            if (other.empty()) continue;
            if (other != cat.category) {
                cat.category = "people";
                cat.side.clear();
            }
            break;
        }
    }
    // the side named after the noun: "40 fighters from rebel groups", "12 members of the IS group"
    if (cat.known && cat.category == "fighters" && cat.side.empty() && lf.we + 1 < ws.size() &&
        (ws[lf.we].lower == "from" || ws[lf.we].lower == "of")) {
        std::vector<std::string> named;
        for (std::size_t k = lf.we + 1; k < ws.size() && k < lf.we + 5 && !ws[k].digits && !ws[k].has(w_killed | w_injured | w_report); ++k)
            named.emplace_back(ws[k].lower == "is" && ax.text[ws[k].begin] == 'I' ? "IS" : std::string(ws[k].lower));
        const auto side = side_of(named, "");
        if (!side.empty() && side != "regime") cat.side = side;  // ("fighters from Syrian towns": a place, not the regime)
    }
    // "killed 28 and wounded 30 Daesh militants": two verbs share the noun of the second figure
    if (!cat.known && lf.f.noun.empty() && !lf.victim && fi + 1 < ax.figures.size() && ax.figures[fi + 1].sentence == s) {
        const located_figure& next = ax.figures[fi + 1];
        if (next.wb == lf.we + 2 && lf.we < ws.size() && ws[lf.we].lower == "and" && ws[lf.we + 1].has(w_killed | w_injured) &&
            !next.f.noun.empty() && !next.not_a_count) {
            const auto shared = read_category(next.f);
            if (shared.known && shared.category != "people") cat = shared;
        }
    }
    bool elliptical = false;  // "with local media reporting upwards of 40", "putting the toll at 70"
    if (!cat.known && previous && lf.wb > 0) {
        for (std::size_t j = lf.wb >= 3 ? lf.wb - 3 : 0; j < lf.wb; ++j) {
            const auto& w = ws[j].lower;
            if (ws[j].has(w_report) || w == "putting" || w == "put" || w == "reaching" || w == "gave" || w == "giving" ||
                (w == "to" && j > 0 && (ws[j - 1].lower == "rose" || ws[j - 1].lower == "risen" || ws[j - 1].lower == "climbed")))
                elliptical = true;
        }
    }
    if (!out && elliptical && prev_claim) out = prev_claim->outcome;
    // an object right after another one shares its verb over an outcome word further on:
    // "wounded two clerks and three other civilians before deputies stopped him"
    if (out && !direct && prev_claim && previous && lf.wb > 0 && ws[lf.wb - 1].lower == "and" && previous->we + 1 == lf.wb && cat.known &&
        !lf.victim && !previous->victim) {
        bool own_verb = false;  // "and 5 civilians were wounded": its own predicate
        for (std::size_t k = lf.we; k < ws.size() && k < lf.we + 3; ++k)
            if (ws[k].lower == "were" || ws[k].lower == "was" || ws[k].lower == "are" || ws[k].has(w_killed | w_injured | w_missing)) own_verb = true;
        if (!own_verb) out = prev_claim->outcome;
    }
    // a coordinated object: "killed 10 soldiers and 5 civilians", "killing two men from
    // Hezbollah and three men from the popular committees"
    // ("... including six children outside the town and another 23 people in the village": a
    // place between them)
    std::size_t and_at = lf.wb;  // "and another 23", "and a further 12"
    if (and_at > 1 && (ws[and_at - 1].lower == "another" || ws[and_at - 1].lower == "further")) --and_at;
    if (and_at > 1 && ws[and_at - 1].lower == "a" && and_at < lf.wb) --and_at;
    const bool refused_after = lf.we < ws.size() && (ws[lf.we].has(w_blocker) || (lf.we + 1 < ws.size() && ws[lf.we + 1].has(w_blocker)));
    if (!out && prev_claim && and_at > 0 && ws[and_at - 1].lower == "and" && previous && cat.known && previous->we + 1 <= and_at &&
        previous->we + 8 >= and_at && !refused_after) {
        // ("two men from (a Lebanese group) Hezbollah and three men from ...": a group named at length)
        static const std::array<std::string_view, 7> linking{"from", "of", "in", "outside", "near", "at", "inside"};
        const bool group = one_of(ws[previous->we].lower, linking);
        bool clause = previous->we + (group ? 7 : 3) < and_at;
        for (std::size_t k = previous->we; k + 1 < and_at; ++k)
            if (ws[k].has(w_killed | w_injured | w_missing | w_report | w_blocker) || ws[k].digits ||
                ax.text.substr(ws[k].end, ws[k + 1].begin - ws[k].end).find_first_of(group ? ",;" : ",;()") != std::string_view::npos)
                clause = true;
        if (!clause) out = prev_claim->outcome;
    }
    // "killed 30 regime fighters as well as 50 rebels": the same verb, past the previous noun
    if (!out && prev_claim && previous && cat.known && lf.wb >= 3 && ws[lf.wb - 1].lower == "as" && ws[lf.wb - 2].lower == "well" &&
        ws[lf.wb - 3].lower == "as" && lf.wb - 3 >= previous->we && lf.wb - 3 <= previous->we + 4) {
        bool clause = false;
        for (std::size_t k = previous->we; k < lf.wb - 3; ++k)
            if (ws[k].has(w_killed | w_injured | w_missing | w_report | w_blocker) || ws[k].digits) clause = true;
        if (!clause) out = prev_claim->outcome;
    }
    // tolls per place under a total: "54 civilians were killed including 9 in Alsaliheen 8 in Ansari"
    if (!cat.known && total_claim && lf.we < ws.size() && ws[lf.we].lower == "in" &&
        (is_breakdown(lf) || (previous && previous->f.noun.empty() && (is_breakdown(*previous) || !prev_claim->parent.empty() || ws[previous->we].lower == "in") &&
                              lf.wb <= previous->we + 4))) {
        breakdown = true;
        out = total_claim->outcome;
        cat.known = true;
        cat.category = total_claim->category;
        cat.side = total_claim->side;
    }
    // vague words without a noun ("dozens more were wounded") only right next to their verb
    if (out && !lf.f.vague.empty() && lf.f.noun.empty() && !direct) {
        reject(ax, lf, "a vague quantity without a noun or a verb next to it");
        return;
    }
    if (!out) {
        reject(ax, lf, "no casualty outcome (killed, injured, missing) near the figure");
        return;
    }
    if (!cat.known && !immediate && !elliptical) {
        reject(ax, lf, "no victim category and no verb right next to the figure");
        return;
    }
    std::string toll_category;  // "its overall death toll of non-fighters ... to at least 883"
    if (!cat.known) {
        bool toll = false;
        for (std::size_t j = lf.wb, n = 0; j-- > 0 && n < 16; ++n) {
            const auto& w = ws[j].lower;
            if (w == "toll") toll = true;
            if (toll) break;
            if (w == "civilians" || w == "civilian" || w == "non-fighters" || w == "non-combatants") toll_category = "civilians";
            if (w == "children" && toll_category.empty()) toll_category = "children";
        }
        if (!toll) toll_category.clear();
    }
    // "killed 10 civilians and injured 41 others": "others" are of the same kind;
    // "At least seven people were killed and 20 wounded": a bare figure too
    std::string noun_lower;
    for (const char ch : lf.f.noun) noun_lower.push_back(ascii_lower(ch));
    // "others" of civilians or fighters are more of them; "others" next to children or women are people
    // (one person named without a number, "killed a civilian and injured 14 others", says nothing of the others)
    const located_figure* kin_figure = previous_total ? previous_total : previous;
    const claim* kin = total_claim ? total_claim : prev_claim;
    const bool same_kind = kin && noun_lower == "others" && (kin->category == "civilians" || kin->category == "fighters") &&
                           !kin_figure->victim;
    ax.info(s);  // sources, places, date, actor and scope of the sentence
    claim c;
    c.article = ax.art.id;
    c.id = std::move(id);
    c.outcome = *out;
    if (same_kind) {
        c.category = kin->category;
        c.side = kin->side;
    } else if (cat.known) {
        c.category = cat.category;
        c.side = cat.side;
    } else if (const claim* group = coordinated_group(ax, lf, previous, prev_claim)) {
        // "Two police officers were killed and four injured": the four are officers too
        c.category = group->category;
        c.side = group->side;
    } else {
        c.category = toll_category.empty() ? "people" : toll_category;
    }
    const auto [low, high] = grammar::claims::interval_of(lf.f);
    c.low = low;
    c.high = high;
    c.qualifier = lf.f.qualifier;
    // coordinated figures share one verb and its qualifier: "At least seven people were
    // killed and 20 wounded", "at least 45 IS militants and 20 Kurdish fighters had been killed"
    if (prev_claim && lf.f.qualifier == qualifier::exact && lf.wb > 0 && ws[lf.wb - 1].lower == "and" && prev_claim->low &&
        !prev_claim->high && prev_claim->vague.empty() && !breakdown && (after_aux == 0 || c.outcome == prev_claim->outcome)) {
        c.high.reset();
        c.qualifier = qualifier::at_least;
    }
    // a part told before its open total is open too: "Six civilians were among at least 22
    // people killed"
    if (lf.f.qualifier == qualifier::exact && c.high && !lf.victim) {
        for (std::size_t k = fi + 1; k < ax.figures.size() && ax.figures[k].sentence == s; ++k) {
            const auto& total = ax.figures[k];
            if (total.victim || total.not_a_count || total.wb < 2 || total.wb > lf.we + 8) continue;
            const bool among = ws[total.wb - 1].lower == "among" &&
                               (ws[total.wb - 2].lower == "were" || ws[total.wb - 2].lower == "are" || ws[total.wb - 2].lower == "was");
            if (among && (total.f.qualifier == qualifier::at_least || total.f.qualifier == qualifier::more_than)) {
                c.high.reset();
                c.qualifier = qualifier::at_least;
            }
            break;
        }
    }
    c.qualifier_text = lf.f.qualifier_text;
    c.vague = lf.f.vague;
    c.value_text = lf.f.value_text;
    c.span = lf.f.number;
    c.sentence = ax.sentences[s].span;
    c.headline = ax.sentences[s].line_alone;
    if (!si.scope.empty() && !c.headline) {
        c.kind = claim_kind::cumulative;
        c.scope = si.scope;
    }
    attribute(ax, c, lf, s);
    place_of(ax, c, lf, s);
    date_of(ax, c, lf, s);
    if (c.kind == claim_kind::cumulative && !(c.event_date.precision == date_precision::year && c.scope.rfind("in ", 0) == 0)) {
        // a running total has no event date, except the year it covers ("in 2017")
        c.event_date = {};
    }
    c.actor = si.actor;
    if (c.actor.empty() && !c.headline && s > 0 && (ax.sentence_infos[s - 1].done & need_scope)) c.actor = ax.sentence_infos[s - 1].actor;
    c.attack = si.attack;
    if (c.attack.empty() && !c.headline && s > 0 && (ax.sentence_infos[s - 1].done & need_scope)) c.attack = ax.sentence_infos[s - 1].attack;
    if (c.attack.empty()) c.attack = lede_attack(ax);  // a headline sums up the lede
    // "Four people were shot, one fatally", "shot four people, killing one": the dead are
    // part of those shot, so the others were injured (4 shot, 1 fatally = 1 killed, 3 injured)
    if (c.outcome == outcome::killed && prev_claim && previous && c.low && c.high == c.low) {
        const bool part = (lf.we < ws.size() && ws[lf.we].lower == "fatally") ||
                          (lf.we + 2 < ws.size() && ws[lf.we].lower == "of" && ws[lf.we + 1].lower == "them" &&
                           ws[lf.we + 2].lower == "fatally") ||
                          (lf.wb > 0 && ws[lf.wb - 1].lower == "killing") ||
                          (lf.f.noun == "dead" && ax.text.substr(0, lf.f.span.begin).find_last_not_of(' ') != std::string_view::npos &&
                           ax.text[ax.text.substr(0, lf.f.span.begin).find_last_not_of(' ')] == ',') ||  // "Four shot, two dead"
                          // "6 shot outside Gary home; 2 killed", "five people were shot, one died"
                          (lf.f.noun.empty() && lf.we < ws.size() &&
                           (ws[lf.we].lower == "killed" || ws[lf.we].lower == "died" || ws[lf.we].lower == "dead") &&
                           ax.text.substr(previous->f.span.end, lf.f.span.begin - previous->f.span.end).find_first_of(",;") != std::string_view::npos);
        bool shot = false;
        for (std::size_t k = previous->wb >= 1 ? previous->wb - 1 : 0; k < lf.wb && k < ws.size(); ++k)
            if (ws[k].lower == "shot") shot = true;
        claim& whole = ax.claims[static_cast<std::size_t>(previous->claim)];
        if (part && shot && whole.outcome == outcome::injured && whole.low && whole.high == whole.low && *whole.low > *c.low) {
            *whole.low -= *c.low;
            *whole.high -= *c.low;
        }
    }
    lf.claim = static_cast<int>(ax.claims.size());
    ax.claims.push_back(std::move(c));
    ax.claim_figure.push_back(fi);
    link_parent(ax, ax.claims.size() - 1);
    deaths_among_shot(ax, ax.claims.size() - 1);
}

// The name a one-person claim gives its victim, lower case ("ana ruiz" of "Ana Ruiz, 21"),
// or "" when it names none ("He", "The victim", "a 17-year-old", "his son").
std::string victim_name(std::string_view value_text) {
    static const std::array<std::string_view, 16> not_names{"he", "she", "the", "a", "an", "his", "her", "their", "one", "both",
                                                            "him", "another", "officer", "deputy", "sgt", "mr"};
    std::string name;
    std::size_t i = 0;
    // "17-year-old Dana Orvell": the age before the name
    if (i < value_text.size() && ascii_digit(value_text[i])) {
        while (i < value_text.size() && value_text[i] != ' ') ++i;
        while (i < value_text.size() && value_text[i] == ' ') ++i;
    }
    for (int n = 0; n < 4 && i < value_text.size() && ascii_upper(value_text[i]); ++n) {
        std::size_t e = i;
        while (e < value_text.size() && (ascii_alpha(value_text[e]) || value_text[e] == '-' || value_text[e] == '\'')) ++e;
        std::string w;
        for (std::size_t k = i; k < e; ++k) w.push_back(ascii_lower(value_text[k]));
        if (n == 0 && one_of(w, not_names)) return {};
        if (w.size() < 2) return {};
        name += (name.empty() ? "" : " ") + w;
        if (e >= value_text.size() || value_text[e] != ' ') break;
        i = e + 1;
    }
    return name;
}

// People named one by one, each killed in their own sentence ("Ana Ruiz, 21, died at the
// scene. ... Darnell Price was pronounced dead at the hospital"), are added up into one
// figure of the article: two names are two people unless one is the other's surname alone
// ("Price"). The parts are linked to that total, so a toll counts them once.
void add_up_named_victims(article_context& ax) {
    std::vector<std::size_t> parts;
    std::vector<std::string> full, single;
    for (std::size_t i = 0; i < ax.claims.size(); ++i) {
        const claim& c = ax.claims[i];
        const located_figure& lf = ax.figures[ax.claim_figure[i]];
        if (!lf.victim || c.outcome != outcome::killed || c.kind != claim_kind::incident || c.headline || c.category == "suspects" ||
            !c.parent.empty() || c.low != 1 || c.high != 1)
            continue;
        const std::string name = victim_name(c.value_text);
        if (name.empty()) continue;
        const bool surname_alone = name.find(' ') == std::string::npos;
        auto& names = surname_alone ? single : full;
        if (std::find(names.begin(), names.end(), name) != names.end()) continue;
        names.push_back(name);
        parts.push_back(i);
    }
    // a surname alone is one of the full names told again, or a person of its own
    std::size_t people = full.size();
    for (const auto& s : single) {
        bool known = false;
        for (const auto& f : full)
            if (f.size() > s.size() && f.compare(f.size() - s.size(), s.size(), s) == 0 && f[f.size() - s.size() - 1] == ' ') known = true;
        if (!known) ++people;
    }
    if (people < 2 || people > 12) return;
    claim total = ax.claims[parts.back()];
    total.id = total.id.substr(0, total.id.rfind('.')) + ".named";
    total.low = total.high = static_cast<std::int64_t>(people);
    total.category = "people";
    total.side.clear();
    total.value_text = std::to_string(people) + " people named";
    for (const auto p : parts) ax.claims[p].parent = total.id;
    ax.claims.push_back(std::move(total));
    ax.claim_figure.push_back(ax.claim_figure[parts.back()]);
}

std::vector<claim> run(article_context& ax) {
    if (ax.art.body.empty() || ax.art.text.empty()) return {};
    ax.split();
    scan_figures(ax);
    ax.claims.reserve(ax.figures.size());
    ax.claim_figure.reserve(ax.figures.size());
    // Sentence by sentence: split the sentence into words, place its figures on them,
    // reject what is not a count, then read the rest (sources, places, date...) through
    // ax.info() when a figure turns out to be a casualty figure. Sentences far behind are
    // released, so a long article never holds all its words at once.
    // Claim ids are anchored on the sentence text and the figure's place in it: copies of
    // one sentence are told apart by their order, counted over the sentences with figures
    // (a copy holds the same figures).
    std::unordered_map<std::uint32_t, std::size_t> copies_of_sentence;
    std::size_t fi = 0;
    while (fi < ax.figures.size()) {
        const std::size_t s = ax.figures[fi].sentence;
        std::size_t fe = fi;
        while (fe < ax.figures.size() && ax.figures[fe].sentence == s) ++fe;
        const std::uint32_t hash = sentence_hash(ax.sentences[s].span.of(ax.text));
        const std::string anchor = sentence_anchor(hash, ++copies_of_sentence[hash]);
        ax.release_before(s);
        locate_figures(ax, fi, fe, ax.words_of_sentence(s));
        for (std::size_t k = fi; k < fe; ++k) {
            make_claim(ax, k, claim_id(ax.art.id, anchor, k - fi));
            // remember the last named speaker for pronouns in later sentences
            if (ax.sentence_infos[s].done & need_sources)
                for (const auto& m : ax.sentence_infos[s].sources)
                    if (m.speaker && !m.pronoun) ax.last_speaker = m;
        }
        fi = fe;
    }
    add_up_named_victims(ax);
    date_restated(ax);
    inherit_places(ax.claims);
    area_of_article(ax);
    window_undated(ax);
    read_scopes(ax.text, ax.claims);  // relation, period, group and event of each figure (events.hpp)
    return std::move(ax.claims);
}

}  // namespace

std::vector<claim> extractor::extract(const article& a, diagnostics& diags, std::vector<rejection>* rejected) const {
    try {
        article_context ax(a, m_ctx, *m_tables, diags, rejected);
        auto claims = run(ax);
        if (claims.size() > max_claims_per_article) {
            diags.warning("too-many-claims", a.where.file.empty() ? a.id : a.where.file, a.where.line, 0,
                          "article '" + a.id + "' has " + std::to_string(claims.size()) + " claims; only the first " +
                              std::to_string(max_claims_per_article) + " are kept");
            claims.resize(max_claims_per_article);
        }
        return claims;
    } catch (const std::exception& e) {
        diags.error(a.where.file, a.where.line, 0, "article '" + a.id + "': extraction failed: " + e.what());
        return {};
    }
}

}  // namespace reckon::extract
