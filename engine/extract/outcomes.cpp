// Outcomes reader (outcomes.hpp).
#include "extract/outcomes.hpp"

#include <array>
#include <cctype>

#include "extract/victims.hpp"

namespace reckon::extract {

using grammar::claims::figure;

std::optional<outcome> outcome_word(const std::vector<word>& ws, std::size_t k) {
    if (!ws[k].has(w_killed | w_injured | w_missing | w_contextual)) return std::nullopt;
    const std::string_view w = ws[k].lower;
    if (ws[k].has(w_killed)) {
        if ((w == "lives" || w == "life") &&
            !(k > 0 && (ws[k - 1].lower == "their" || ws[k - 1].lower == "his" || ws[k - 1].lower == "her" || ws[k - 1].lower == "the")))
            return std::nullopt;
        return outcome::killed;
    }
    if (w == "remains" && k > 0 && ws[k - 1].lower == "the") return outcome::killed;
    // "Thirteen children were among the victims / the dead"
    if ((w == "victims" || w == "casualties") && k >= 2 && ws[k - 1].lower == "the" && ws[k - 2].lower == "among")
        return outcome::killed;
    if (w == "victims" && k >= 1 && ws[k - 1].lower == "fallen") return outcome::killed;
    if (ws[k].has(w_injured)) return outcome::injured;
    if (ws[k].has(w_missing)) return outcome::missing;
    return std::nullopt;
}

namespace {

// ASCII lower case, as std::tolower does in the "C" locale the engine runs in. Nouns and
// modifiers are short, so the copy stays in the string's own buffer.
std::string lower_ascii(std::string_view s) {
    std::string l(s);
    for (auto& c : l) c = ascii_lower(c);
    return l;
}

}  // namespace

std::string side_of(const std::vector<std::string>& modifiers, std::string_view noun) {
    if (noun == "rebels") return "rebels";  // "Syrian rebels" are not the regime
    for (const auto& raw : modifiers) {
        const std::string lower = lower_ascii(raw);
        const std::string_view m = lower;
        if (m == "is" || m == "isis" || m == "isil" || m == "daesh" || m == "jihadist" || m == "islamic")
            return raw == "is" ? std::string() : "IS";
        if (m == "regime" || m == "pro-regime" || m == "government" || m == "pro-government" || m == "army" ||
            m == "syrian" || m == "assad" || m == "pro-assad" || m == "loyalist")
            return "regime";
        if (m == "sdf" || m == "kurdish" || m == "ypg" || m == "kurdish-led") return "SDF";
        if (m == "rebel" || m == "opposition" || m == "fsa" || m == "free") return "rebels";
        if (m == "turkish") return "Turkey";
        if (m == "russian") return "Russia";
        if (m == "iranian" || m == "pro-iranian") return "Iran";
        if (m == "hezbollah") return "Hezbollah";
        if (m == "iraqi") return "Iraq";
        if (m == "us" || m == "american") return "US";
        if (m == "nusra" || m == "al-nusra") return "Nusra";
    }
    if (noun == "rebels") return "rebels";
    if (noun == "loyalists" || noun == "loyalist") return "regime";
    if (noun == "jihadists") return "IS";
    return {};
}

namespace {

// The separator in text[b, e) between two words: ',' for a comma, '-' for a dash ("—", "–",
// " - ", "--"), '.' for anything that ends a clause, ' ' for none.
char separator_in(std::string_view text, std::size_t b, std::size_t e) {
    const auto gap = text.substr(b, e - b);
    if (gap.find_first_of(".;:()") != std::string_view::npos) return '.';
    if (gap.find(',') != std::string_view::npos) return ',';
    if (gap.find("\xE2\x80\x94") != std::string_view::npos || gap.find("\xE2\x80\x93") != std::string_view::npos ||
        gap.find(" - ") != std::string_view::npos || gap.find("--") != std::string_view::npos)
        return '-';
    return ' ';
}

}  // namespace

std::size_t past_apposition(std::string_view text, const std::vector<word>& ws, std::size_t k) {
    static const std::array<std::string_view, 12> verbs{"were", "was", "are", "is", "have", "has", "had", "also", "remain", "remained",
                                                        "remains", "shot"};
    if (k == 0 || k >= ws.size()) return k;
    const char open = separator_in(text, ws[k - 1].end, ws[k].begin);
    if (open != ',' && open != '-') return k;
    // ("Five patients, three teens, and a driver, were rushed...": a list inside the aside,
    // its items set off by commas too: "Three victims, a 22-year-old woman, a 41-year-old man,
    // and a 19-year-old man, were all transported"; an aside between dashes holds commas of
    // its own: "The six victims — four men, ages 30, 19 and 24, and two girls — were shot")
    bool list = false;
    for (std::size_t j = k + 1; j < ws.size() && j < k + 24; ++j) {
        const char sep = separator_in(text, ws[j - 1].end, ws[j].begin);
        if (sep == '.') return k;
        if (open == '-') {
            if (sep != '-') continue;
            return one_of(ws[j].lower, verbs) || ws[j].has(w_killed | w_injured) ? j : k;
        }
        if (sep == '-') return k;
        if (sep != ',') continue;
        if (one_of(ws[j].lower, verbs) || ws[j].has(w_killed | w_injured)) return j;
        // an item of a list goes on: "and two females,", "a 26-year-old man,"
        if (ws[j].lower == "and" && !list) {
            list = true;
            continue;
        }
        if (ws[j].lower == "a" || ws[j].lower == "an" || ws[j].digits || grammar::claims::words_value(ws[j].lower)) continue;
        return k;
    }
    return k;
}

category_reading read_category(const figure& f) {
    category_reading r;
    const std::string noun_lower = lower_ascii(f.inner_noun.empty() ? f.noun : f.inner_noun);
    const std::string outer_lower = lower_ascii(f.noun);
    const std::string_view noun = noun_lower, outer = outer_lower;
    if (noun.empty()) return r;
    r.known = true;
    r.intrinsic_death = outer == "deaths" || outer == "dead" || outer == "bodies" || outer == "corpses" || outer == "lives" ||
                        outer == "homicides" || outer == "murders" || outer == "killings" || outer == "slayings";
    static const std::array<std::string_view, 14> child{"children", "child", "kids", "babies", "infants", "minors", "boys",
                                                        "girls", "baby", "boy", "girl", "toddler", "infant", "kid"};
    // armed men and security forces of any side, police included: "three rangers", "two
    // peacekeepers", "a deputy", "an officer" are not civilians
    static const std::array<std::string_view, 58> fighter{"forces", "militiamen", "recruits", "guards", "fighters",   "militants", "rebels",   "soldiers",   "jihadists",
                                                          "terrorists", "troops",    "insurgents", "gunmen",   "combatants",
                                                          "servicemen", "policemen", "officers",  "personnel", "fighter",
                                                          "soldier", "militant", "policeman",
                                                          "loyalists", "loyalist",
                                                          "rangers", "ranger", "peacekeepers", "peacekeeper", "militiaman", "guard",
                                                          "guardsmen", "marines", "marine", "commandos", "paratroopers", "gendarmes",
                                                          "gendarme", "conscripts", "sentries", "sentry", "officer", "deputy",
                                                          "deputies", "trooper", "troopers", "cops", "cop", "agents", "agent",
                                                          "detective", "detectives", "sergeant", "lieutenant", "corporal",
                                                          "terrorist", "insurgent", "jihadist", "rebel"};
    bool civilian_mod = false, child_mod = false, woman_mod = false;
    for (const auto& m : f.modifiers) {
        const std::string lower = lower_ascii(m);
        const std::string_view l = lower;
        // people driven from their homes are civilians: "internally displaced people", "displaced families"
        if (l == "civilian" || l == "civil" || l == "displaced") civilian_mod = true;
        if (l == "child" || l == "children") child_mod = true;
        if (l == "female" || l == "women") woman_mod = true;
    }
    // one person named by kin ("the mother died", "killing her husband"): a woman or a man
    // (a son or daughter is of any age: a person, unless an age says a child)
    static const std::array<std::string_view, 7> female{"mother", "wife", "sister", "grandmother", "girlfriend", "niece", "aunt"};
    static const std::array<std::string_view, 7> male{"father", "husband", "brother", "grandfather", "boyfriend", "nephew", "uncle"};
    // "his 6-year-old daughter", "a 3-month-old": an age under 18 is a child
    bool child_age = false;
    for (const auto& m : f.modifiers) {
        const auto dash = m.find("-year-old");
        if ((dash != std::string::npos && dash > 0 && dash <= 2 && std::isdigit(static_cast<unsigned char>(m[0])) && std::stoi(m) < 18) ||
            m.find("-month-old") != std::string::npos || m.find("-week-old") != std::string::npos)
            child_age = true;
    }
    if (suspect_noun(noun)) r.category = "suspects";
    else if (child_age) r.category = "children";
    else if (noun == "civilians" || noun == "civilian" || noun == "idps") r.category = "civilians";
    else if (one_of(noun, child)) r.category = "children";
    else if (noun == "women" || noun == "woman" || one_of(noun, female)) r.category = "women";
    else if (noun == "men" || noun == "man" || noun == "tribesmen" || one_of(noun, male)) r.category = "men";
    else if (one_of(noun, fighter)) {
        r.category = "fighters";
        r.side = side_of(f.modifiers, noun);
    } else if (child_mod) r.category = "children";
    else if (woman_mod) r.category = "women";
    else if (civilian_mod) r.category = "civilians";
    else r.category = "people";
    return r;
}

int category_rank(const std::string& c) {
    if (c == "people") return 0;
    if (c == "civilians" || c == "fighters") return 1;
    return 2;
}

std::size_t past_partitive(const std::vector<word>& ws, std::size_t k) {
    static const std::array<std::string_view, 24> groups{
        "victims", "people", "men", "women", "children", "kids", "teens", "teenagers", "boys", "girls", "adults", "patrons",
        "passengers", "officers", "deputies", "students", "soldiers", "civilians", "fighters", "militants", "residents",
        "persons", "males", "females"};
    if (k + 2 >= ws.size() || ws[k].lower != "of" || (ws[k + 1].lower != "the" && ws[k + 1].lower != "those")) return k;
    std::size_t j = k + 2;
    // "one of the four men", "two of the 11 victims"
    if (ws[k + 1].lower == "the" && j + 1 < ws.size() && (ws[j].digits || grammar::claims::words_value(ws[j].lower))) ++j;
    // ("two of the wounded later died": a transition, read apart)
    return j < ws.size() && one_of(ws[j].lower, groups) ? j + 1 : k;
}

std::optional<outcome> counts_of_charge(const std::vector<word>& ws, std::size_t k) {
    static const std::array<std::string_view, 3> deaths{"murder", "homicide", "manslaughter"};
    const auto is_degree = [](std::string_view w) {
        return w.find("degree") != std::string_view::npos || w == "criminal" || w == "capital" || w == "felony" || w == "aggravated" ||
               w == "first" || w == "second" || w == "third" || w == "willful" || w == "premeditated" || w == "voluntary";
    };
    if (k + 1 < ws.size() && (ws[k].lower == "counts" || ws[k].lower == "count") && ws[k + 1].lower == "of") {
        std::size_t j = k + 2;
        while (j < ws.size() && j < k + 5 && is_degree(ws[j].lower)) ++j;
        if (j >= ws.size()) return std::nullopt;
        if (one_of(ws[j].lower, deaths)) return outcome::killed;
        // "four counts of malicious wounding": each count is a person hit
        if (ws[j].lower == "malicious" && j + 1 < ws.size() && ws[j + 1].lower == "wounding") return outcome::injured;
        return std::nullopt;
    }
    // "three first-degree murder counts"
    std::size_t j = k;
    while (j < ws.size() && j < k + 3 && is_degree(ws[j].lower)) ++j;
    if (j + 1 < ws.size() && one_of(ws[j].lower, deaths) && (ws[j + 1].lower == "counts" || ws[j + 1].lower == "charges"))
        return outcome::killed;
    return std::nullopt;
}

bool fatalities_subject(const std::vector<word>& ws, std::size_t j, std::size_t figure) {
    if (ws[j].lower != "fatalities" || (j > 0 && (ws[j - 1].lower == "no" || ws[j - 1].lower == "any"))) return false;
    // "Fatalities were reported to be at least 100", "bringing the number of fatalities to
    // three": a verb or "to" leads from the noun to the figure, and nothing is counted between
    bool leads = false;
    for (std::size_t x = j + 1; x < figure; ++x) {
        const auto& w = ws[x].lower;
        if (w == "among" || w == "of" || ws[x].digits || ws[x].has(w_injured)) return false;
        if (w == "were" || w == "was" || w == "are" || w == "stood" || w == "reached" || w == "rose" || w == "numbered" ||
            w == "totaled" || w == "totalled" || w == "be" || w == "at" || w == "to")
            leads = true;
    }
    return leads;
}

std::optional<outcome> find_outcome(const article_context& ax, const located_figure& lf, const sentence_info& si, bool& immediate,
                                    bool& combined, std::size_t& after_aux, bool& direct) {
    const auto& ws = si.words;
    immediate = false;
    combined = false;
    direct = false;
    after_aux = 99;
    // another figure's word range; rejected numbers (years, ages) do not count
    auto figure_at = [&](std::size_t k, std::size_t& skip_to) -> bool {
        for (const auto id : si.figure_ids) {
            const auto& o = ax.figures[id];
            if (&o == &lf || o.not_a_count) continue;
            if (k >= o.wb && k < o.we) {
                skip_to = o.we;
                return true;
            }
        }
        return false;
    };
    auto verb_outcome = [](std::string_view w) -> std::optional<outcome> {
        static const std::array<std::string_view, 23> kill{
            "killed", "killing", "kill", "kills", "slew", "slay", "eliminated", "eliminating", "neutralized", "neutralised",
            "neutralizing", "liquidated", "massacring", "massacred", "executed", "executing", "claimed", "claiming", "left",
            "murdering", "murdered", "murder", "murders"};
        static const std::array<std::string_view, 7> injure{"wounded", "wounding", "injured", "injuring", "wound", "injure", "injures"};
        if (one_of(w, injure)) return outcome::injured;
        if (one_of(w, kill) && w != "claimed" && w != "claiming" && w != "left") return outcome::killed;
        return std::nullopt;
    };
    // 0. a non-casualty verb right before: "kidnapped 900", "evacuated 5000"
    if (lf.wb > 0 && ws[lf.wb - 1].has(w_blocker)) return std::nullopt;
    // 0b. the attackers, subject of an active verb with its own object: "three suicide bombers
    // killed at least two people", "Two gunmen wounded a guard" count who did it, not victims
    {
        bool attackers = suspect_noun(lower_ascii(lf.f.noun)) || lower_ascii(lf.f.noun) == "gunmen";
        std::size_t k = lf.we;
        for (std::size_t n = 0; !attackers && k < ws.size() && n < 3; ++n, ++k)
            if (suspect_noun(ws[k].lower)) attackers = true;
        if (attackers) {
            while (k < ws.size() && (ws[k].lower == "also" || ws[k].lower == "reportedly" || ws[k].lower == "allegedly" ||
                                     ws[k].lower == "have" || ws[k].lower == "has" || ws[k].lower == "had"))
                ++k;
            std::size_t skip = 0;
            if (k + 1 < ws.size() && verb_outcome(ws[k].lower) && figure_at(k + 1, skip)) return std::nullopt;
        }
    }
    // 1a. a participle right after, past auxiliaries: "20 wounded", "25 were wounded", "6 Killed"
    std::optional<outcome> after;
    {
        // ("Seven young men remained hospitalized", "two teenage girls were accidentally shot",
        // "The seven others who were shot")
        static const std::array<std::string_view, 26> aux{"were", "was", "are", "is", "have", "has", "had", "been", "being", "also",
                                                          "reportedly", "gone", "got", "more", "who", "remained", "remain", "remains",
                                                          "accidentally", "critically", "seriously", "pronounced", "declared", "later",
                                                          "all", "both"};
        static const std::array<std::string_view, 18> participle{"killed", "dead", "died", "wounded", "injured", "hurt", "missing",
                                                                 "slain", "executed", "massacred", "perished", "martyred", "disappeared",
                                                                 "shot", "succumbed", "hospitalized", "hospitalised", "recovering"};
        std::size_t k = lf.we, n = 0;
        // "four of them were shot"
        if (k + 2 < ws.size() && lf.f.vague.empty() && ws[k].lower == "of" && (ws[k + 1].lower == "them" || ws[k + 1].lower == "those")) k += 2;
        // "Two of the victims were killed", "one of the four men died": a part of a group
        // named right after the figure is the subject of the predicate
        else if (lf.f.noun.empty() && lf.f.vague.empty()) k = past_partitive(ws, k);
        // a charge counts the dead: "charged with three counts of first-degree murder",
        // "three murder counts" ("counts of attempted murder" count no one hit)
        if (lf.f.noun.empty() && lf.f.vague.empty()) {
            if (const auto o = counts_of_charge(ws, k)) {
                immediate = direct = true;
                after_aux = 0;
                return o;
            }
        }
        // "Two suspects were shot dead": a group the figure grammar does not name
        if (lf.f.noun.empty() && k < ws.size() && suspect_noun(ws[k].lower)) ++k;
        // a place or a party between the group and its predicate: "Five people at the party
        // were shot", "two men inside the car were wounded"
        if (!lf.f.noun.empty() && k + 2 < ws.size()) {
            static const std::array<std::string_view, 8> preps{"at", "in", "inside", "outside", "near", "on", "from", "of"};
            if (one_of(ws[k].lower, preps)) {
                for (std::size_t j = k + 1; j < ws.size() && j < k + 6; ++j) {
                    const auto& w = ws[j];
                    if (w.digits || w.has(w_killed | w_injured | w_missing | w_report | w_blocker) || grammar::claims::words_value(w.lower) ||
                        ax.text.substr(ws[j - 1].end, w.begin - ws[j - 1].end).find_first_of(",;(") != std::string_view::npos)
                        break;
                    if (w.lower == "were" || w.lower == "was") {
                        k = j;
                        break;
                    }
                }
            }
        }
        // a participle clause between the group and its predicate: "Four other people ranging
        // from their late teens to early 30s were treated at a hospital"
        if (!lf.f.noun.empty() && k + 2 < ws.size() && ws[k].lower.size() > 4 &&
            ws[k].lower.compare(ws[k].lower.size() - 3, 3, "ing") == 0 && ws[k].lower != "shooting" && !ws[k].has(w_killed | w_injured) &&
            separator_in(ax.text, ws[k - 1].end, ws[k].begin) == ' ') {
            for (std::size_t j = k + 1; j < ws.size() && j < k + 10; ++j) {
                if (ws[j].has(w_killed | w_injured | w_report | w_blocker) || separator_in(ax.text, ws[j - 1].end, ws[j].begin) != ' ') break;
                if (ws[j].lower == "were" || ws[j].lower == "was") {
                    k = j;
                    break;
                }
            }
        }
        if (!lf.f.noun.empty()) k = past_apposition(ax.text, ws, k);
        while (k < ws.size() && n < 4 && (one_of(ws[k].lower, aux) || ws[k].lower == "that" || ws[k].lower == "listed")) {
            ++k;
            ++n;
        }
        // "Two men are in the hospital", "three remain in a hospital": patients
        if (n > 0 && k + 2 < ws.size() && ws[k].lower == "in" && (ws[k + 1].lower == "the" || ws[k + 1].lower == "a") &&
            ws[k + 2].lower == "hospital" && !read_category(lf.f).intrinsic_death) {
            after_aux = n;
            immediate = direct = true;
            return outcome_of_shot(ax.text, ws, k + 2);
        }
        // "Three people with gunshot wounds have been found": what they were found with
        if (n == 0 && k + 2 < ws.size() && ws[k].lower == "with" && !lf.f.noun.empty() && !read_category(lf.f).intrinsic_death)
            for (std::size_t j = k + 1; j < ws.size() && j < k + 4; ++j)
                if (ws[j].lower == "wounds" || ws[j].lower == "injuries" || ws[j].lower == "wound") {
                    after_aux = n;
                    immediate = direct = true;
                    return outcome_of_shot(ax.text, ws, j);
                }
        // "One woman has been upgraded to serious condition": the state of the wounded changed
        if (n > 0 && k + 3 < ws.size() && (ws[k].lower == "upgraded" || ws[k].lower == "downgraded") && ws[k + 1].lower == "to" &&
            !read_category(lf.f).intrinsic_death)
            for (std::size_t j = k + 2; j < ws.size() && j < k + 5; ++j)
                if (ws[j].lower == "condition") {
                    after_aux = n;
                    immediate = direct = true;
                    return outcome::injured;
                }
        // "two others remain in critical condition", "three were listed in stable condition":
        // the state of the wounded
        if (n > 0 && k + 2 < ws.size() && ws[k].lower == "in" && ws[k + 2].lower == "condition") {
            static const std::array<std::string_view, 8> states{"critical", "serious", "stable", "fair", "grave", "guarded", "good",
                                                                "life-threatening"};
            if (one_of(ws[k + 1].lower, states) && !read_category(lf.f).intrinsic_death) {
                after_aux = n;
                immediate = direct = true;
                return outcome::injured;
            }
        }
        // "3 people went to the hospital", "two were taken to a hospital": brought in wounded
        // (unless a death is said: "taken to UMC where they were pronounced dead")
        if (k < ws.size() && (ws[k].lower == "went" || ws[k].lower == "taken" || ws[k].lower == "rushed" || ws[k].lower == "transported" ||
                              ws[k].lower == "airlifted" || ws[k].lower == "treated" || ws[k].lower == "brought" ||
                              ws[k].lower == "admitted" || ws[k].lower == "transferred") &&
            (n > 0 || ws[k].lower == "went") && !read_category(lf.f).intrinsic_death) {  // ("22 bodies were taken to hospitals")
            // ("Four were treated and released from Lake County Memorial Hospital": released too)
            const bool released = ws[k].lower == "treated" && k + 2 < ws.size() && ws[k + 1].lower == "and" && ws[k + 2].lower == "released";
            // ("were taken to Mercy with non-life-threatening injuries": what they were taken with)
            static const std::array<std::string_view, 9> care{"hospital", "hospitals", "trauma", "medical", "injuries", "injury",
                                                              "wounds", "wound", "condition"};
            for (std::size_t j = k + 1; j < ws.size() && j < k + 12; ++j) {
                if (!one_of(ws[j].lower, care) && !(released && j == k + 2)) continue;
                after_aux = n;
                immediate = direct = true;
                return outcome_of_shot(ax.text, ws, k);
            }
        }
        // "Three of the victims sustained non-life-threatening injuries", "two suffered gunshot
        // wounds": hurt, unless the wounds were fatal
        // (not "Ziad 13 suffered a head injury": a name and an age, its commas lost)
        const bool after_name = lf.f.noun.empty() && lf.wb > 0 && ws[lf.wb - 1].capital;
        if (k < ws.size() && (ws[k].lower == "sustained" || ws[k].lower == "suffered") && !read_category(lf.f).intrinsic_death && !after_name) {
            for (std::size_t j = k + 1; j < ws.size() && j < k + 6; ++j) {
                if (ws[j].lower == "fatal" || ws[j].lower == "mortal") {
                    after_aux = n;
                    immediate = direct = true;
                    return outcome::killed;
                }
                if (ws[j].lower == "injuries" || ws[j].lower == "wounds" || ws[j].lower == "injury" || ws[j].lower == "wound") {
                    after_aux = n;
                    immediate = direct = true;
                    return outcome_of_shot(ax.text, ws, j);
                }
            }
        }
        // "was struck by gunfire", "were hit by stray bullets": an injury unless a death is said
        if (k + 2 < ws.size() && (ws[k].lower == "struck" || ws[k].lower == "hit") && ws[k + 1].lower == "by" &&
            hit_by_gunfire(ws, k + 2)) {
            after_aux = n;
            immediate = direct = true;
            return outcome_of_shot(ax.text, ws, k);
        }
        std::size_t next_figure = 0;
        // "were killed 5 civilians" is not "20 were shot, one fatally": a comma ends the predicate
        // (nor "Six men were shot -- four of them fatally --": a dash opens an aside)
        const bool object_follows = k + 1 < ws.size() && figure_at(k + 1, next_figure) &&
                                    separator_in(ax.text, ws[k].end, ws[k + 1].begin) == ' ';
        if (k < ws.size() && one_of(ws[k].lower, participle) && !object_follows) {
            // "six people were shot": hit by gunfire, an injury unless a death is said with it
            after = ws[k].lower == "shot"         ? outcome_of_shot(ax.text, ws, k)
                    : ws[k].lower == "succumbed"  ? std::optional<outcome>(outcome::killed)
                    : ws[k].lower == "recovering" ? std::optional<outcome>(outcome::injured)  // "Two children recovering after..."
                                                  : outcome_word(ws, k);
            after_aux = n;
            // "dead and injured", "killed or wounded": both counted together
            if (after && k + 2 < ws.size() && (ws[k + 1].lower == "and" || ws[k + 1].lower == "or")) {
                const auto other = outcome_word(ws, k + 2);
                if (other && *other != *after) combined = true;
            }
            // "88 Killed & Injured", "40 dead/wounded": one figure for both
            if (after && k + 1 < ws.size() &&
                ax.text.substr(ws[k].end, ws[k + 1].begin - ws[k].end).find_first_of("&/+") != std::string_view::npos) {
                const auto other = outcome_word(ws, k + 1);
                if (other && *other != *after) combined = true;
            }
        }
    }
    // 1b. the verb or noun right before: "killed 38", "killing at least 15", "lost 40 troops",
    // "the death of one civilian", "the lives of 18 civilians"
    std::optional<outcome> before;
    std::size_t lead = lf.wb;  // "injured another ten", "killed a further 12"
    if (lead > 0 && (ws[lead - 1].lower == "another" || ws[lead - 1].lower == "further" || ws[lead - 1].lower == "additional")) --lead;
    if (lead > 0 && ws[lead - 1].lower == "a" && lead < lf.wb) --lead;
    if (lead > 0) {
        const std::size_t j = lead - 1;
        before = verb_outcome(ws[j].lower);
        // "the gunman shot two people": hit, an injury unless "fatally"
        // ("Four shot, two dead": the dead are not the object of "shot")
        if (!before && ws[j].lower == "shot" && !lf.f.noun.empty() && !read_category(lf.f).intrinsic_death &&
            ax.text.substr(ws[j].end, ws[lead].begin - ws[j].end).find(',') == std::string_view::npos)
            before = j > 0 && ws[j - 1].lower == "fatally" ? outcome::killed : outcome::injured;
        if (!before && (ws[j].lower == "lost" || ws[j].lower == "claimed" || ws[j].lower == "claiming") && !lf.f.noun.empty())
            before = outcome::killed;
        // "a shooting that sent 4 people to the hospital": brought in wounded
        if (!before && (ws[j].lower == "sent" || ws[j].lower == "sends" || ws[j].lower == "sending") && lf.we + 1 < ws.size() &&
            ws[lf.we].lower == "to" && !read_category(lf.f).intrinsic_death)
            for (std::size_t h = lf.we + 1; h < ws.size() && h < lf.we + 4; ++h)
                if (ws[h].lower == "hospital" || ws[h].lower == "hospitals") before = outcome::injured;
        // "gunning down three teenagers", "gunned down 2 men"
        if (!before && ws[j].lower == "down" && j > 0 && (ws[j - 1].lower == "gunning" || ws[j - 1].lower == "gunned"))
            before = outcome::killed;
        if (!before && (ws[j].lower == "destroyed" || ws[j].lower == "destroying") && read_category(lf.f).category == "fighters")
            before = outcome::killed;
        if (!before && ws[j].lower == "of" && j > 0) {
            const auto& h = ws[j - 1].lower;
            if (h == "death" || h == "deaths" || h == "lives" || h == "life" || h == "bodies" || h == "remains" ||
                h == "execution" || h == "killing" || h == "massacre" || h == "murder")
                before = outcome::killed;
            if (h == "injury" || h == "injuries") before = outcome::injured;
        }
        // "killed and wounded hundreds", "killing and injuring a number of", "killed wounded dozens"
        if (before && j >= 2 && (ws[j - 1].lower == "and" || ws[j - 1].lower == "or")) {
            const auto other = verb_outcome(ws[j - 2].lower);
            if (other && *other != *before) combined = true;
        }
        if (before && j >= 1) {
            const auto other = verb_outcome(ws[j - 1].lower);
            if (other && *other != *before) combined = true;
        }
    }
    if (after) {
        immediate = direct = true;
        return after;
    }
    if (before) {
        immediate = direct = true;
        return before;
    }
    // "the death toll rose to 112", "putting the toll at 70"
    for (std::size_t j = lf.wb >= 14 ? lf.wb - 14 : 0; j < lf.wb; ++j) {
        if (ws[j].lower != "toll" && !(fatalities_subject(ws, j, lf.wb))) continue;
        bool clear = true;
        std::size_t skip = 0;
        for (std::size_t x = j + 1; x < lf.wb; ++x)
            if (figure_at(x, skip)) clear = false;
        if (clear) {
            immediate = true;
            const bool injured = j > 0 && (ws[j - 1].lower == "injury" || ws[j - 1].lower == "casualty");
            return injured ? outcome::injured : outcome::killed;
        }
    }
    // "two of the wounded later died": a transition from one outcome to the other
    if (lf.we + 2 < ws.size() && ws[lf.we].lower == "of" && (ws[lf.we + 1].lower == "the" || ws[lf.we + 1].lower == "those") &&
        (ws[lf.we + 2].lower == "wounded" || ws[lf.we + 2].lower == "injured")) {
        for (std::size_t k = lf.we + 3; k < ws.size() && k < lf.we + 8; ++k)
            if (ws[k].lower == "died" || ws[k].lower == "succumbed" || ws[k].lower == "dies" || ws[k].lower == "killed") {
                immediate = true;
                return outcome::killed;
            }
    }
    // "Four people were shot, one fatally", "six were shot, two of them fatally"
    if (lf.we < ws.size() && ws[lf.we].lower == "fatally") {
        immediate = direct = true;
        return outcome::killed;
    }
    if (lf.we + 2 < ws.size() && ws[lf.we].lower == "of" && ws[lf.we + 1].lower == "them" && ws[lf.we + 2].lower == "fatally") {
        immediate = direct = true;
        return outcome::killed;
    }
    // 2. forward: "38 people were killed", "76 children and 41 women were among those killed"
    for (std::size_t k = lf.we, n = 0; k < ws.size() && n < 12; ++n) {
        std::size_t skip = 0;
        if (figure_at(k, skip)) {
            // a breakdown ("including five children") or a coordinated figure ("and 41 women")
            const bool linked = k > 0 && (ws[k - 1].has(w_breakdown) || ws[k - 1].lower == "and" ||
                                          (k > 1 && ws[k - 2].has(w_breakdown)));
            if (linked) {
                k = skip;
                continue;
            }
            break;
        }
        if (const auto o = outcome_word(ws, k)) {
            if (n <= 2 && lf.f.noun.empty()) immediate = true;
            if (k + 2 < ws.size() && (ws[k + 1].lower == "and" || ws[k + 1].lower == "or")) {
                const auto other = outcome_word(ws, k + 2);
                if (other && *other != *o) combined = true;  // "were killed and injured"
            }
            return o;
        }
        if (ws[k].has(w_blocker)) break;
        if (ws[k].before == ';') break;
        ++k;
    }
    // 3. backward: "Those killed in the village ... included 32 civilians"; not across
    // another clause ("... died ... and more than 1100 other children are suffering")
    for (std::size_t k = lf.wb, n = 0; k-- > 0 && n < 12; ++n) {
        std::size_t skip = 0;
        if (figure_at(k, skip)) break;
        if (const auto o = outcome_word(ws, k)) return o;
        if (ws[k].has(w_blocker) || ws[k].has(w_report)) break;
        const auto& w = ws[k].lower;
        if (w == "and" || w == "but" || w == "while" || w == "whereas") break;
    }
    return std::nullopt;
}

}  // namespace reckon::extract
