// Victims reader (victims.hpp).
#include "extract/victims.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "extract/article_context.hpp"

namespace reckon::extract {

namespace {

// One word of a phrase, read from the bytes: letters and digits with inner hyphens and
// apostrophes ("17-year-old", "man's").
struct raw_word {
    std::size_t begin = 0, end = 0;
    std::string lower;
    bool capital = false;
    char after = ' ';  // the byte right after the word
};

std::optional<raw_word> word_at(std::string_view text, std::size_t i, std::size_t end) {
    while (i < end && text[i] == ' ') ++i;
    if (i >= end || !ascii_alnum(text[i])) return std::nullopt;
    raw_word w;
    w.begin = i;
    w.capital = ascii_upper(text[i]);
    // "17 year old", "two year old", "3 months old": one word, read as "17-year-old", "3-month-old"
    if (const std::size_t age_end = age_phrase_end(text, i, end);
        age_end != std::string_view::npos && !(ascii_digit(text[i]) && text.substr(i, age_end - i).find(' ') == std::string_view::npos)) {
        while (i < age_end && ascii_alnum(text[i])) w.lower.push_back(ascii_lower(text[i++]));
        ++i;  // the blank or hyphen
        const bool months = i < age_end && ascii_lower(text[i]) == 'm', weeks = i < age_end && ascii_lower(text[i]) == 'w';
        w.lower += months ? "-month-old" : weeks ? "-week-old" : "-year-old";
        w.end = age_end;
        w.after = age_end < end ? text[age_end] : ' ';
        return w;
    }
    while (i < end && (ascii_alnum(text[i]) || ((text[i] == '-' || text[i] == '\'') && i + 1 < end && ascii_alnum(text[i + 1])))) {
        if (w.lower.size() < 40) w.lower.push_back(ascii_lower(text[i]));
        ++i;
    }
    w.end = i;
    w.after = i < end ? text[i] : ' ';
    return w;
}

// One person, as news names a victim or a suspect.
const std::array<std::string_view, 67 + 53> person_nouns{
    "man",      "woman",    "boy",       "girl",      "teen",      "teenager", "child",     "kid",       "toddler",
    "baby",     "infant",   "person",    "victim",    "resident",  "student",  "officer",   "deputy",    "trooper",
    "driver",   "passenger", "customer", "clerk",     "employee",  "worker",   "mother",    "father",    "son",
    "daughter", "husband",  "wife",      "brother",   "sister",    "grandmother", "grandfather", "uncle", "nephew",
    "niece",    "cousin",   "friend",    "neighbor",  "neighbour", "youth",    "juvenile",  "civilian",  "soldier",
    "policeman", "guard",   "journalist", "pedestrian", "bystander", "motorist", "shopkeeper", "homeowner", "girlfriend",
    "boyfriend", "suspect", "gunman",    "shooter",   "attacker",  "assailant", "perpetrator", "bomber",
    "burglar",   "male",    "female",    "adult",     "robber",
    // more people news names one at a time: "a 17-year-old motel occupant", "the veteran
    // detective", "a special agent", "a second individual", "Shriver's wife", "a party guest"
    "detective", "agent",    "individual", "occupant", "patron",   "relative",  "roommate",  "inmate",    "tenant",
    "guest",    "visitor",  "shopper",   "patient",   "nurse",     "teacher",   "owner",     "manager",   "cashier",
    "sergeant", "firefighter", "ranger", "peacekeeper", "militiaman", "partygoer", "reveler", "cyclist", "motorcyclist",
    "jogger",   "worshipper", "tourist", "stepson",   "stepdaughter", "stepfather", "stepmother", "grandson", "granddaughter",
    "fiance",   "fiancee",  "partner",   "coworker",  "co-worker", "classmate", "pastor",    "mom",       "dad",
    "sibling",  "intruder", "lieutenant", "corporal", "marine",    "sentry",    "gendarme", "bicyclist"};

// Words between the article and the noun: "a young man", "an off-duty police officer".
const std::array<std::string_view, 40> person_modifiers{
    "young",  "teenage", "elderly",  "unidentified", "unnamed", "local",    "off-duty", "innocent", "pregnant", "armed",
    "fifth",  "sixth",   "seventh",
    "other",  "fourth",  "police",   "security",     "another", "second",   "third",    "lone",     "alleged",  "suspected",
    "former", "retired", "wounded",  "injured",      "masked",  "teen",     "fellow",   "old",      "older",    "younger",
    "little", "unborn",  "newborn",  "homeless",     "black",   "white",    "hispanic"};

bool age_word(std::string_view w) {
    // "17-year-old", "3-month-old", "two-year-old"
    const auto dash = w.find('-');
    if (dash == std::string_view::npos || dash == 0) return false;
    const auto rest = w.substr(dash + 1);
    return rest == "year-old" || rest == "month-old" || rest == "week-old" || rest == "day-old" || rest == "years-old";
}

// (first letter, length) of the person nouns and modifiers: most words ("said", "strike")
// are refused on their shape before any comparison.
const std::array<bool, 27 * 16> person_shapes = [] {
    std::array<bool, 27 * 16> a{};
    const auto add = [&](std::string_view w) {
        if (w.size() < 16) a[static_cast<std::size_t>((w[0] >= 'a' && w[0] <= 'z' ? w[0] - 'a' : 26) * 16) + w.size()] = true;
    };
    for (const auto w : person_nouns) add(w);
    for (const auto w : person_modifiers) add(w);
    return a;
}();

bool person_shape(std::string_view w) {
    if (w.empty() || w.size() >= 16) return false;
    return person_shapes[static_cast<std::size_t>((w[0] >= 'a' && w[0] <= 'z' ? w[0] - 'a' : 26) * 16) + w.size()];
}

// Words that end a capitalised run before a name ("Police", "The") or are not names.
bool name_word(const raw_word& w) {
    if (!w.capital || w.lower.size() < 2) return false;
    static const std::array<std::string_view, 137> not_names{
        "the",  "a",    "an",   "police", "officers", "authorities", "he",  "she",  "it",  "they", "his",
        "her",  "this", "that", "monday", "tuesday", "wednesday",   "thursday", "friday", "saturday", "sunday", "mr",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "sept", "jan", "feb", "aug", "oct", "nov", "dec", "witnesses", "detectives", "investigators", "deputies", "officials",
        "troopers", "prosecutors", "family", "friends", "neighbors", "one", "two", "three", "both", "all", "some", "many",
        "several", "others", "people", "there", "we", "you", "i", "according", "after", "before", "when", "while", "if",
        "in", "on", "at", "for", "but", "and", "as", "no", "not", "what", "who", "those", "these", "among", "more",
        "most", "dozens", "hundreds", "thousands", "scores", "about", "nearly", "over", "only", "just", "other",
        // a headline capitalises its verbs: "Girl Killed, 3 Adults Injured"
        "killed", "dead", "dies", "died", "shot", "injured", "wounded", "hurt", "slain", "fatally",
        // nor a group counted: "Strike Allegedly Killing Syria Civilians"
        "civilians", "children", "women", "men", "soldiers", "fighters", "militants", "rebels", "troops", "forces",
        "residents", "victims", "fighting", "clashes", "shelling"};
    // nor a number word ("Syria Five Civilians Killed": a count, not a name)
    return !one_of(w.lower, not_names) && !ascii_digit(w.lower[0]) && !grammar::claims::words_value(w.lower);
}

// "the veteran detective", "a 17-year-old motel occupant", "the other shooting victim": a
// lower-case word the modifier list lacks qualifies a person noun that follows within
// `budget` words (no verb, preposition or comma between).
bool qualifies_person_ahead(std::string_view text, const raw_word& w, std::size_t end, int budget) {
    static const std::array<std::string_view, 36> stops{"and", "or",  "of",   "in",   "on",  "at",   "to",   "by",   "for",
                                                        "with", "from", "was", "were", "is", "are",  "has",  "had",  "have",
                                                        "who", "that", "said", "says", "as", "but",  "been", "be",
                                                        "a",   "an",   "the",  "his",  "her", "their", "my", "our", "your", "its"};
    if (w.capital || w.lower.empty() || !ascii_alpha(w.lower[0]) || w.after != ' ' || one_of(w.lower, stops)) return false;
    // the words ahead are read from the bytes, without a copy: this runs at most "the" and
    // "a" of every sentence with an outcome word
    char current[16], next[16];
    std::size_t current_size = std::min<std::size_t>(w.lower.size(), sizeof current);
    for (std::size_t k = 0; k < current_size; ++k) current[k] = w.lower[k];
    std::size_t i = w.end;
    for (int n = 0; n < budget; ++n) {
        while (i < end && text[i] == ' ') ++i;
        const std::size_t b = i;
        while (i < end && (ascii_alpha(text[i]) || (text[i] == '-' && i + 1 < end && ascii_alpha(text[i + 1])))) ++i;
        if (i == b || i - b >= sizeof next) return false;
        for (std::size_t k = b; k < i; ++k) next[k - b] = ascii_lower(text[k]);
        const std::string_view word(next, i - b);
        if (person_noun(word)) return true;
        // (a verb is no modifier: "a bullet grazed a deputy"; "the unarmed man" is)
        if (current_size > 3 && current[current_size - 2] == 'e' && current[current_size - 1] == 'd') return false;
        if (ascii_upper(text[b]) || i >= end || text[i] != ' ' || one_of(word, stops)) return false;
        current_size = word.size();
        for (std::size_t k = 0; k < current_size; ++k) current[k] = next[k];
    }
    return false;
}

// "Shriver's wife", "Smith's 13-year-old son": a name's possessive opens a person as "his"
// does (the noun after it must still be a person).
bool possessive_name(const raw_word& w) {
    const auto& l = w.lower;
    return w.capital && l.size() > 3 && l[l.size() - 2] == '\'' && l.back() == 's';
}

// "A teen is dead and another is injured", "One man died and another seriously injured":
// "another" standing for one more person, before its predicate (`next`, lower case).
bool another_alone(std::string_view next) {
    return next == "is" || next == "was" || next == "has" || next == "remains" || next == "remained" || next == "seriously" ||
           next == "critically" || next == "suffered" || next == "sustained";
}

// The word before text[i] in lower case ("" at the sentence start).
std::string word_before(std::string_view text, std::size_t i, std::size_t sentence_begin) {
    std::size_t e = i;
    while (e > sentence_begin && text[e - 1] == ' ') --e;
    std::size_t b = e;
    while (b > sentence_begin && ascii_alpha(text[b - 1])) --b;
    std::string w;
    for (std::size_t k = b; k < e && w.size() < 20; ++k) w.push_back(ascii_lower(text[k]));
    return w;
}

// "Third victim dies", "a fourth person has died", "A third man, shot on Saturday, died
// Tuesday": the victim named by an ordinal who died is the toll's nth death. The count
// (2 to 7) when an ordinal is among the modifiers and the rest of the sentence says that
// person died before it says they survived; 1 otherwise.
std::int64_t nth_to_die(std::string_view text, const std::vector<std::string>& modifiers, std::size_t from, std::size_t end) {
    static const std::array<std::string_view, 6> ordinals{"second", "third", "fourth", "fifth", "sixth", "seventh"};
    std::int64_t nth = 1;
    for (const auto& m : modifiers)
        for (std::size_t o = 0; o < ordinals.size(); ++o)
            if (m == ordinals[o]) nth = static_cast<std::int64_t>(o) + 2;
    if (nth == 1) return 1;
    std::size_t k = from;
    for (int words = 0; words < 30; ++words) {
        // over what word_at cannot read (", shot on Saturday,", "Smith — a woman — died")
        while (k < end && !ascii_alnum(text[k]) && text[k] != '.' && text[k] != ';') ++k;
        const auto w = k < end && text[k] != '.' && text[k] != ';' ? word_at(text, k, end) : std::nullopt;
        if (!w) break;
        const auto& l = w->lower;
        if (l == "died" || l == "dies" || l == "succumbed" || (l == "die" && words > 0)) return nth;
        if (l == "survived" || l == "wounded" || l == "injured" || l == "hurt" || l == "critical") return 1;
        k = w->end;
    }
    return 1;
}

grammar::claims::figure one_person(std::string_view text, std::size_t b, std::size_t e, std::string noun,
                                   std::vector<std::string> modifiers, std::int64_t count = 1) {
    grammar::claims::figure f;
    f.span = {b, e};
    f.number = {b, e};
    f.first = count;
    f.value_text = std::string(text.substr(b, e - b));
    f.in_words = true;
    f.noun = std::move(noun);
    f.modifiers = std::move(modifiers);
    return f;
}

}  // namespace

std::size_t age_phrase_end(std::string_view text, std::size_t i, std::size_t end) {
    constexpr auto none = std::string_view::npos;
    std::size_t j = i;
    const bool digits = j < end && ascii_digit(text[j]);
    if (digits) {
        while (j < end && j - i < 4 && ascii_digit(text[j])) ++j;
        if (j - i > 3 || (j < end && ascii_alnum(text[j]))) return none;
    } else {
        while (j < end && j - i < 12 && ascii_alpha(text[j])) ++j;
        if (j == i || j - i >= 12 || (j < end && ascii_alnum(text[j]))) return none;
    }
    // the rest, case-insensitive: [- ]unit[- ]old, or " y/o", "-yo"
    const auto word_is = [&](std::size_t b, std::string_view w) {
        if (b + w.size() > end) return false;
        for (std::size_t k = 0; k < w.size(); ++k)
            if (ascii_lower(text[b + k]) != w[k]) return false;
        return b + w.size() >= end || !ascii_alnum(text[b + w.size()]);
    };
    if (j >= end || (text[j] != ' ' && text[j] != '-')) return none;
    const std::size_t u = j + 1;
    // every unit below opens with y, m or w
    if (u >= end || (ascii_lower(text[u]) != 'y' && ascii_lower(text[u]) != 'm' && ascii_lower(text[u]) != 'w')) return none;
    std::size_t phrase_end = none;
    if (word_is(u, "y/o") && (u + 3 >= end || text[u + 3] != '/')) phrase_end = u + 3;
    else if (text[j] == '-' && word_is(u, "yo")) phrase_end = u + 2;
    else {
        static const std::array<std::string_view, 8> units{"year", "years", "month", "months", "week", "weeks", "yr", "yrs"};
        for (const auto unit : units) {
            if (!word_is(u, unit)) continue;
            const std::size_t o = u + unit.size();
            if (o + 1 < end && (text[o] == ' ' || text[o] == '-') && word_is(o + 1, "old")) phrase_end = o + 4;
            break;
        }
    }
    if (phrase_end == none || digits) return phrase_end;
    // a number word up to 120 ("two year old"): valued only where an age unit follows, since
    // this runs at nearly every word of a sentence with an outcome word
    char lower[12];
    for (std::size_t k = i; k < j; ++k) lower[k - i] = ascii_lower(text[k]);
    const auto v = grammar::claims::words_value(std::string_view(lower, j - i));
    if (!v || *v < 1 || *v > 120) return none;
    return phrase_end;
}

bool person_noun(std::string_view w) {
    static const word_set nouns(person_nouns);  // one probe instead of a walk over 120 nouns
    return person_shape(w) && nouns.contains(w);
}


bool suspect_noun(std::string_view w) {
    static const std::array<std::string_view, 16> suspects{
        "suspect",  "suspects", "gunman",    "shooter",    "shooters",     "attacker",     "attackers", "assailant",
        "assailants", "perpetrator", "perpetrators", "bomber", "bombers", "robber", "robbers", "intruder"};
    return one_of(w, suspects);
}

namespace {

// text[b, e) is `w` (lower case), compared without copying.
bool same_word(std::string_view text, std::size_t b, std::size_t e, std::string_view w) {
    if (e - b != w.size()) return false;
    for (std::size_t k = 0; k < w.size(); ++k)
        if (ascii_lower(text[b + k]) != w[k]) return false;
    return true;
}

// What may follow a name at the sentence start for it to be a subject of what happened:
// "Smith was pronounced dead", "Marek died", "Glen Hall suffered a gunshot wound".
const std::array<std::string_view, 11> subject_verbs{"was", "is", "has", "had", "died", "dies", "later",
                                                     "suffered", "sustained", "remains", "also"};

// text[i, j) is "him" or "her" as the object of a killing: "struck Victoria, killing her",
// "shot and killed him", "fatally shot her", "shot him dead": one person killed.
bool killed_pronoun(std::string_view text, std::size_t i, std::size_t j, std::size_t end) {
    std::size_t sb = i;
    while (sb > 0 && i - sb < 40 && text[sb - 1] != '.' && text[sb - 1] != '\n') --sb;
    const std::string before = word_before(text, i, sb);
    if (before == "killing" || before == "killed" || before == "murdering" || before == "murdered") return true;
    // ("before fatally shooting himself": the same as "fatally shot")
    if (before != "shot" && before != "shooting") return false;
    std::size_t b = i;
    while (b > sb && text[b - 1] == ' ') --b;
    while (b > sb && ascii_alpha(text[b - 1])) --b;  // the start of "shot"
    if (word_before(text, b, sb) == "fatally") return true;
    // "shot him dead", "shot her to death"
    std::size_t k = j;
    while (k < end && text[k] == ' ') ++k;
    return text.substr(k, 4) == "dead" || text.substr(k, 8) == "to death";
}

// After a person hit by a shot, at text[from]: killed when the sentence goes on to a death
// ("... and died at the hospital"), injured otherwise.
outcome injured_unless_death_follows(std::string_view text, std::size_t from, std::size_t end) {
    int n = 0;
    for (auto w = word_at(text, from, end); w && n < 16; w = word_at(text, w->end, end), ++n) {
        if (w->lower == "died" || w->lower == "dead" || w->lower == "killed" || w->lower == "dies" || w->lower == "succumbed")
            return outcome::killed;
        std::size_t k = w->end;
        while (k < end && !ascii_alnum(text[k]) && text[k] != '.' && text[k] != ';') ++k;
        if (k >= end || text[k] == '.' || text[k] == ';') break;
    }
    return outcome::injured;
}

// text[i, j) is "himself" or "herself" after "shot" or "wounded", where the shot was an
// accident or hit a limb: "accidentally shot himself", "shot herself in the hand",
// "wounding himself in the leg". (A gunman who "then shot himself" is left alone: most such
// sentences end a killing and tell of his death elsewhere.)
bool self_inflicted_wound(std::string_view text, std::size_t i, std::size_t j, std::size_t end) {
    std::size_t sb = i;
    while (sb > 0 && i - sb < 60 && text[sb - 1] != '.' && text[sb - 1] != '\n') --sb;
    const std::string verb = word_before(text, i, sb);
    if (verb != "shot" && verb != "shoots" && verb != "shooting" && verb != "wounded" && verb != "wounding" && verb != "wounds")
        return false;
    std::size_t v = i;
    while (v > sb && text[v - 1] == ' ') --v;
    while (v > sb && ascii_alpha(text[v - 1])) --v;
    // ("is dead after accidentally shooting himself": the subject's death is read at the subject)
    for (auto w = word_at(text, sb, v); w; w = word_at(text, w->end, v))
        if (w->lower == "dead" || w->lower == "died" || w->lower == "dies" || w->lower == "killed") return false;
    // ("Boy, 3, who accidentally shot himself has died": the boy is read, not again here)
    if (text.substr(sb, v - sb).find(" who ") != std::string_view::npos && injured_unless_death_follows(text, j, end) == outcome::killed)
        return false;
    if (word_before(text, v, sb) == "accidentally") return true;
    // "in the leg", "in his left hand"
    const auto in = word_at(text, j, end);
    if (!in || in->lower != "in") return false;
    static const std::array<std::string_view, 16> limbs{"leg", "legs", "hand", "foot", "arm", "thigh", "knee", "finger",
                                                        "hip", "ankle", "shoulder", "abdomen", "stomach", "side", "calf", "wrist"};
    auto w = word_at(text, in->end, end);
    for (int n = 0; w && n < 3; ++n, w = word_at(text, w->end, end))
        if (one_of(w->lower, limbs)) return true;
    return false;
}


// The quick refusal made at every candidate word before anything is copied: most words
// ("to", "said", "Syrian") cannot open a victim phrase.
bool may_open(std::string_view text, std::size_t i, std::size_t end, bool sentence_start) {
    // lower-case openers by their first letter and length, before the word is measured:
    // "a", "an", "the", "double", "triple", "quadruple", "quintuple", "murder-suicide", "suicide"
    if (ascii_lower_case(text[i])) {
        const auto next = [&](std::size_t n) { return i + n >= end || !ascii_alpha(text[i + n]); };
        switch (text[i]) {
        case 'a':
            if (!(next(1) || (i + 1 < end && text[i + 1] == 'n' && (next(2) || (i + 7 <= end && next(7) && text.substr(i, 7) == "another")))))
                return false;
            break;
        case 't': {
            const bool the = i + 2 < end && text[i + 1] == 'h' && text[i + 2] == 'e' &&
                             (next(3) || (i + 4 < end && text[i + 3] == 'i' && text[i + 4] == 'r' && next(5)));
            const bool tr = i + 1 < end && text[i + 1] == 'r';  // "triple"
            if (!(the || tr)) return false;
            break;
        }
        case 'h':
            if (sentence_start && i + 1 < end && text[i + 1] == 'e' && next(2)) return true;  // "On Sunday, he was shot"
            if (!(i + 2 < end && ((text[i + 1] == 'i' && (text[i + 2] == 's' || text[i + 2] == 'm')) || (text[i + 1] == 'e' && text[i + 2] == 'r')) &&
                  (next(3) || (i + 7 <= end && next(7) && text.substr(i + 3, 4) == "self"))))
                return false;
            break;
        case 's':
            if (sentence_start && i + 2 < end && text[i + 1] == 'h' && text[i + 2] == 'e' && next(3)) return true;  // "..., she died"
            if (i + 5 >= end || next(5)) return false;
            break;
        case 'd': case 'q': case 'm':
            if (i + 5 >= end || next(5)) return false;
            break;
        default: return sentence_start && ascii_digit(text[i]);
        }
    }
    std::size_t j = i;
    while (j < end && (ascii_alnum(text[j]) || ((text[j] == '-' || text[j] == '\'') && j + 1 < end && ascii_alnum(text[j + 1])))) ++j;
    // "his", "her", "their": a possessive is an article before kin ("killing his wife", "the
    // death of his 6-year-old daughter")
    static const std::array<std::string_view, 18> openers{"a", "an", "the", "double", "triple", "quadruple", "quintuple",
                                                          "murder-suicide", "murder-suicides", "suicide", "he", "his", "her", "their", "him",
                                                          "himself", "herself", "another"};
    for (const auto o : openers) {
        if (!same_word(text, i, j, o)) continue;
        if (o == "he") return sentence_start;
        if (o == "himself" || o == "herself") return killed_pronoun(text, i, j, end) || self_inflicted_wound(text, i, j, end);
        if (o == "him" || (o == "her" && killed_pronoun(text, i, j, end))) return killed_pronoun(text, i, j, end);
        if (o != "a" && o != "an" && o != "the" && o != "his" && o != "her" && o != "their" && o != "another") return true;
        // the next word must be a person word or an age: "the man", "a 17-year-old", "the young"
        std::size_t b = j;
        while (b < end && text[b] == ' ') ++b;
        std::size_t e = b;
        while (e < end && (ascii_alnum(text[e]) || text[e] == '-')) ++e;
        if (b == e) return false;
        if (ascii_digit(text[b]) || age_phrase_end(text, b, end) != std::string_view::npos) return true;
        char lower[16];
        if (e - b >= 16) return false;
        for (std::size_t k = b; k < e; ++k) lower[k - b] = ascii_lower(text[k]);
        const std::string_view w(lower, e - b);
        if (w == "own") return o == "his" || o == "her";  // "took his own life"
        if (o == "another" && another_alone(w)) return true;
        // ("a Huntingdon man", "a Jackson County teen": a place before the person)
        return person_shape(w) || w.find('-') != std::string_view::npos || ascii_upper(text[b]);
    }
    if (!ascii_upper(text[i])) return sentence_start && ascii_digit(text[i]);  // an age at the sentence start
    // "Shriver's wife was shot": a name's possessive before a lower-case word
    // (refused on the next word's shape: "Syria's government" goes no further)
    if (j - i > 3 && text[j - 1] == 's' && text[j - 2] == '\'' && j + 1 < end && text[j] == ' ' && (ascii_lower_case(text[j + 1]) || ascii_digit(text[j + 1]))) {
        if (ascii_digit(text[j + 1])) return true;
        std::size_t e = j + 1;
        while (e < end && (ascii_alpha(text[e]) || text[e] == '-')) ++e;
        if (e - (j + 1) >= 16) return false;
        char lower[16];
        for (std::size_t k = j + 1; k < e; ++k) lower[k - j - 1] = ascii_lower(text[k]);
        return person_shape(std::string_view(lower, e - j - 1));
    }
    if (sentence_start && j - i < 16) {
        // "Teen killed in shooting", "Police officer shot"
        char lower[16];
        for (std::size_t k = i; k < j; ++k) lower[k - i] = ascii_lower(text[k]);
        const std::string_view w(lower, j - i);
        if (person_shape(w) && (one_of(w, person_nouns) || one_of(w, person_modifiers))) return true;
    }
    // a name: capitalised words, then ", 23" or ", a 41-year-old man"
    std::size_t k = j;
    int parts = 1;
    while (parts < 4 && k + 1 < end && text[k] == ' ' && ascii_upper(text[k + 1])) {
        ++k;
        while (k < end && (ascii_alnum(text[k]) || ((text[k] == '-' || text[k] == '\'') && k + 1 < end && ascii_alnum(text[k + 1])))) ++k;
        ++parts;
    }
    if (k + 3 < end && text[k] == ',' && text[k + 1] == ' ' &&
        (ascii_digit(text[k + 2]) || (text[k + 2] == 'a' && (text[k + 3] == ' ' || (text[k + 3] == 'n' && k + 4 < end && text[k + 4] == ' ')))))
        return true;
    // "Quentin Marsh, who was shot dead": a subject at the sentence start; anywhere, "Dana
    // Orvell, who died Saturday,"
    if (k + 5 < end && text.substr(k, 6) == ", who ") {
        if (sentence_start) return true;
        std::size_t e = k + 6;
        while (e < end && ascii_alpha(text[e])) ++e;
        if (same_word(text, k + 6, e, "died") || same_word(text, k + 6, e, "was")) return true;
    }
    // after a verb: "killing Lewis", "the death of Lewis", "found Long dead"
    std::size_t p = i;
    while (p > 0 && text[p - 1] == ' ') --p;
    std::size_t b = p;
    while (b > 0 && ascii_alpha(text[b - 1])) --b;
    static const std::array<std::string_view, 16> verbs{"killing", "killed", "murdering", "murdered", "wounding", "wounded",
                                                        "injuring", "injured", "found", "of", "left", "pronounced", "declared",
                                                        "striking", "struck", "shot"};
    for (const auto v : verbs)
        if (same_word(text, b, p, v)) return true;
    // "Smith was pronounced dead", "Glen Hall suffered a wound": a name at the sentence
    // start, or opening a clause after "that" ("police say that Smith was killed")
    if ((sentence_start || same_word(text, b, p, "that")) && k + 1 < end && text[k] == ' ') {
        std::size_t e = k + 1;
        while (e < end && ascii_alpha(text[e])) ++e;
        for (const auto n : subject_verbs)
            if (same_word(text, k + 1, e, n)) return true;
    }
    return false;
}

}  // namespace

std::optional<victim_phrase> victim_phrase_at(std::string_view text, std::size_t i, std::size_t end, bool sentence_start,
                                              bool headline) {
    // The quick refusal first, before the word is copied (word_at): outside headlines a word
    // that is not "both" and no age ("17-year-old", "two year old") opens a phrase only
    // where may_open says so.
    if (!headline && i < end && ascii_alnum(text[i])) {
        std::size_t j = i;
        bool hyphen = false;
        while (j < end && (ascii_alnum(text[j]) || ((text[j] == '-' || text[j] == '\'') && j + 1 < end && ascii_alnum(text[j + 1])))) {
            hyphen = hyphen || text[j] == '-';
            ++j;
        }
        if (!hyphen && !same_word(text, i, j, "both") && !may_open(text, i, end, sentence_start) &&
            age_phrase_end(text, i, end) == std::string_view::npos)
            return std::nullopt;
    }
    // a headline drops its articles ("Man killed", "Waverly teen dies"), and an age before a
    // name or a person noun opens a phrase anywhere ("killed 24-year-old Alex Morrow")
    const auto w0 = word_at(text, i, end);
    if (!w0) return std::nullopt;
    // compared as a view: a length test first, no strlen of the literal (this runs at most
    // word starts of a sentence with an outcome word)
    const std::string_view l0 = w0->lower;
    // "Both victims were taken to a hospital", "Both were pronounced dead": two people
    if (l0 == "both" && (sentence_start || headline)) {
        const auto w1 = word_at(text, w0->end, end);
        if (!w1) return std::nullopt;
        static const std::array<std::string_view, 16> groups{"victims", "men", "women", "teens", "teenagers", "children", "boys", "girls",
                                                             "officers", "brothers", "sisters", "suspects", "gunmen", "adults", "students",
                                                             "parents"};
        static const std::array<std::string_view, 9> predicates{"were", "are", "have", "had", "died", "remain", "remained", "suffered",
                                                                "sustained"};
        if (one_of(w1->lower, groups)) return victim_phrase{one_person(text, w0->begin, w1->end, w1->lower, {}, 2), std::nullopt};
        if (one_of(w1->lower, predicates)) return victim_phrase{one_person(text, w0->begin, w0->end, "person", {}, 2), std::nullopt};
        return std::nullopt;
    }
    const bool age_opens = age_word(w0->lower) && !headline;
    const bool bare_subject = headline && (person_noun(w0->lower) || age_word(w0->lower) ||
                                           (person_shape(w0->lower) && one_of(w0->lower, person_modifiers)));
    if (!bare_subject && !age_opens && !headline && !may_open(text, i, end, sentence_start)) return std::nullopt;
    // "double homicide", "triple murder", "murder-suicide"
    {
        static const std::array<std::string_view, 4> times{"double", "triple", "quadruple", "quintuple"};
        static const std::array<std::string_view, 10> killings{"homicide", "homicides", "murder", "murders", "slaying",
                                                               "slayings", "killing", "killings", "murder-suicide", "murder-suicides"};
        for (std::size_t t = 0; t < times.size(); ++t) {
            if (l0 != times[t]) continue;
            const auto w1 = word_at(text, w0->end, end);
            if (!w1 || !one_of(w1->lower, killings)) return std::nullopt;
            victim_phrase v{one_person(text, w0->begin, w1->end, "", {}, static_cast<std::int64_t>(t) + 2), outcome::killed};
            v.f.number = {w0->begin, w0->end};
            return v;
        }
        if (l0 == "murder-suicide" || l0 == "murder-suicides") {
            // the victim; the perpetrator is read at "suicide" (below)
            victim_phrase v{one_person(text, w0->begin, w0->begin + 6, "", {}), outcome::killed};
            return v;
        }
    }
    // "then killed himself", "shot herself dead": the one who killed, by their own hand
    if ((l0 == "himself" || l0 == "herself") && !sentence_start && killed_pronoun(text, w0->begin, w0->end, end))
        return victim_phrase{one_person(text, w0->begin, w0->end, "perpetrator", {}), outcome::killed};
    // "accidentally shot himself", "shot herself in the leg": one person hit by their own shot
    if ((l0 == "himself" || l0 == "herself") && !sentence_start && self_inflicted_wound(text, w0->begin, w0->end, end))
        return victim_phrase{one_person(text, w0->begin, w0->end, "person", {}), injured_unless_death_follows(text, w0->end, end)};
    // "then took his own life", "before taking her own life": the one who killed, by their own
    // hand (a suicide alone is counted so too: one death)
    if ((l0 == "his" || l0 == "her") && !sentence_start) {
        const auto w1 = word_at(text, w0->end, end);
        const auto w2 = w1 ? word_at(text, w1->end, end) : std::nullopt;
        if (w1 && w2 && w1->lower == "own" && w2->lower == "life") {
            std::size_t sb = i;
            while (sb > 0 && i - sb < 40 && text[sb - 1] != '.' && text[sb - 1] != '\n') --sb;
            const std::string verb = word_before(text, i, sb);
            if (verb == "took" || verb == "taking" || verb == "take" || verb == "takes" || verb == "taken")
                return victim_phrase{one_person(text, w0->begin, w2->end, "perpetrator", {}), outcome::killed};
            return std::nullopt;
        }
    }
    // "killing her", "shot and killed him": one person killed, named by a pronoun
    if ((l0 == "him" || l0 == "her") && !sentence_start && killed_pronoun(text, w0->begin, w0->end, end)) {
        // ("killing her family": a possessive; "killing her in the kitchen", "shot her dead": the object)
        const auto next = word_at(text, w0->end, end);
        static const std::array<std::string_view, 20> after_object{"in", "at", "on", "and", "as", "while", "with", "after", "before",
                                                                   "during", "inside", "outside", "near", "when", "by", "to", "dead",
                                                                   "then", "early", "late"};
        if (l0 == "him" || !next || text[w0->end] != ' ' || one_of(next->lower, after_object))
            return victim_phrase{one_person(text, w0->begin, w0->end, "person", {}), outcome::killed};
    }
    if (l0 == "another" && !headline) {
        const auto w1 = word_at(text, w0->end, end);
        if (w1 && text[w0->end] == ' ' && another_alone(w1->lower))
            return victim_phrase{one_person(text, w0->begin, w0->end, "person", {}), std::nullopt};
    }
    std::vector<std::string> modifiers;
    std::size_t at = w0->end;
    // ("Another man was wounded": one more person, counted on their own)
    const bool article = l0 == "a" || l0 == "an" || l0 == "the" || l0 == "his" || l0 == "her" ||
                         l0 == "their" || l0 == "another" || (!headline && possessive_name(*w0));
    // (at the sentence start too when a name follows: "13 year old Dana Orvell died")
    const auto name_follows = [&] {
        const auto w1 = word_at(text, w0->end, end);
        const auto w2 = w1 ? word_at(text, w1->end, end) : std::nullopt;
        return w1 && w2 && text[w0->end] == ' ' && text[w1->end] == ' ' && name_word(*w1) && name_word(*w2);
    };
    if (age_opens && (!sentence_start || name_follows())) {
        // "killed 24-year-old Alex Morrow", "the death of 17-year-old Dana Orvell": the
        // age and the name (or person noun) after it are one person
        const auto w1 = word_at(text, w0->end, end);
        if (!w1 || text[w0->end] != ' ') return std::nullopt;
        if (person_noun(w1->lower)) return victim_phrase{one_person(text, w0->begin, w1->end, w1->lower, {w0->lower}), std::nullopt};
        if (!name_word(*w1)) return std::nullopt;
        std::size_t name_end = w1->end;
        int parts = 1;
        for (auto w = word_at(text, name_end, end); w && parts < 4 && name_word(*w) && text[name_end] == ' '; w = word_at(text, name_end, end)) {
            name_end = w->end;
            ++parts;
        }
        if (parts < 2) return std::nullopt;  // a first and last name
        return victim_phrase{one_person(text, w0->begin, name_end, "person", {w0->lower}), std::nullopt};
    }
    if (article || sentence_start || bare_subject) {
        // "a man", "an off-duty police officer", "the 17-year-old", "A 3-year-old child",
        // and at a sentence start "Teen killed", "17-year-old dead after shooting"
        std::optional<raw_word> w = article ? word_at(text, at, end) : w0;
        std::optional<raw_word> age;
        for (int n = 0; w && n < 4; ++n) {
            if (person_noun(w->lower)) {
                // "a teen boy", "a teenage girl": the last of two person nouns
                // ("A man woman and child died" is a list, not one person: only nouns that
                // qualify another open a pair)
                static const std::array<std::string_view, 12> qualifying{"teen", "police", "male", "female", "baby", "child", "student", "security",
                                                                        "girl", "boy", "infant", "toddler"};
                if (const auto next = word_at(text, w->end, end); next && person_noun(next->lower) && n < 3 && one_of(w->lower, qualifying)) {
                    modifiers.push_back(w->lower);
                    at = w->end;
                    w = next;
                    ++n;
                }
                if (w->after == '\'' || static_cast<unsigned char>(w->after) == 0xE2) return std::nullopt;  // "a man's car", "a man’s car"
                // "a man and a woman": the first of a pair is read on its own, as is the second
                for (const auto& m : modifiers)
                    if (m == "wounded" || m == "injured") return std::nullopt;  // "the wounded man": counted as wounded before
                const std::size_t b = article || bare_subject ? w0->begin : w->begin;
                const std::int64_t nth = nth_to_die(text, modifiers, w->end, end);
                return victim_phrase{one_person(text, b, w->end, w->lower, std::move(modifiers), nth), std::nullopt};
            }
            if (age_word(w->lower)) {
                age = w;
            } else if (!(person_shape(w->lower) && one_of(w->lower, person_modifiers)) &&
                       !((article || bare_subject) && w->capital && (n > 0 || article)) &&
                       !(article && qualifies_person_ahead(text, *w, end, 3 - n))) {
                break;  // "a 3-year-old Wichita boy": a place name after the age
            }
            modifiers.push_back(w->lower);
            at = w->end;
            w = word_at(text, at, end);
        }
        // the age alone is the person: "the 17-year-old was shot", "A 3-year-old has died"
        if (age && (!w || !ascii_alpha(w->lower.empty() ? ' ' : w->lower[0]) || !person_noun(w->lower))) {
            const std::size_t b = article ? w0->begin : age->begin;
            modifiers.pop_back();
            return victim_phrase{one_person(text, b, age->end, "person", std::move(modifiers)), std::nullopt};
        }
        if (article || bare_subject) return std::nullopt;
    }
    // "suicide" of a "murder-suicide": the perpetrator
    if (l0 == "suicide" && w0->begin >= 7 && text.substr(w0->begin - 7, 7) == "murder-")
        return victim_phrase{one_person(text, w0->begin, w0->end, "perpetrator", {}), outcome::killed};
    // "He died at the hospital": a subject at the sentence start
    if (sentence_start && (l0 == "he" || l0 == "she"))
        return victim_phrase{one_person(text, w0->begin, w0->end, "person", {}), std::nullopt};
    // A named person: "John Smith, 23, was shot dead", "killing Noemi Castillo"
    if (!name_word(*w0)) return std::nullopt;
    std::size_t name_end = w0->end;
    int parts = 1;
    if (w0->lower.size() < 3) return std::nullopt;
    for (auto w = word_at(text, name_end, end); w && parts < 4 && name_word(*w) && text[name_end] == ' '; w = word_at(text, name_end, end)) {
        name_end = w->end;
        ++parts;
    }

    // an organisation or a source, not a person: "Syrian Arab News Agency", "Islamic State"
    {
        static const std::array<std::string_view, 24> bodies{
            "agency", "news", "ministry", "army", "forces", "state", "council", "department", "police", "office", "committee",
            "observatory", "front", "organization", "organisation", "hospital", "county", "city", "church", "school",
            "university", "street", "avenue", "road"};
        for (auto w = word_at(text, w0->begin, name_end); w; w = word_at(text, w->end, name_end))
            if (one_of(w->lower, bodies)) return std::nullopt;
    }
    bool named_victim = false;
    std::size_t phrase_end = name_end;
    // ", 23," right after the name: the age is part of the phrase, not a count
    if (name_end + 2 < end && text[name_end] == ',' && text[name_end + 1] == ' ' && ascii_digit(text[name_end + 2])) {
        std::size_t d = name_end + 2;
        while (d < end && ascii_digit(text[d])) ++d;
        named_victim = d - (name_end + 2) <= 2 && (d >= end || text[d] == ',' || text[d] == ' ' || text[d] == '.');
        if (named_victim) phrase_end = d;
    }
    // ", a 41-year-old man," after the name
    if (!named_victim && name_end + 4 < end && text[name_end] == ',' && text[name_end + 1] == ' ' &&
        (text.substr(name_end + 2, 2) == "a " || text.substr(name_end + 2, 3) == "an ")) {
        // the apposition is the same person: the phrase runs to its closing comma
        const auto close = text.substr(0, std::min(end, name_end + 80)).find(',', name_end + 2);
        if (close != std::string_view::npos) {
            named_victim = true;
            phrase_end = close;
        }
    }
    if (!named_victim && !headline) {
        std::size_t sentence_begin = w0->begin;
        while (sentence_begin > 0 && w0->begin - sentence_begin < 60 && text[sentence_begin - 1] != '.' && text[sentence_begin - 1] != '\n')
            --sentence_begin;
        const std::string before = word_before(text, w0->begin, sentence_begin);
        // ("left Coleman dead", "pronounced Lynch dead": the predicate after the name says it)
        static const std::array<std::string_view, 15> verbs{"killing", "killed", "murdering", "murdered", "wounding", "wounded", "injuring",
                                                            "injured", "found", "left", "pronounced", "declared", "striking", "struck",
                                                            "shot"};
        named_victim = one_of(before, verbs);
        // a clause opens after "that" as at the sentence start: "police say that Smith was killed"
        const bool clause_start = sentence_start || before == "that";
        if (!named_victim && before == "of") {
            // "the death of Colin Brandt", "the fatal shooting of Dorian Hall"
            std::size_t of = w0->begin;
            while (of > sentence_begin && text[of - 1] == ' ') --of;
            const std::string head = word_before(text, of - 2, sentence_begin);
            named_victim = head == "death" || head == "killing" || head == "murder" || head == "slaying" || head == "shooting";
        }
        // a surname alone at the sentence start: "Smith was pronounced dead"
        if (!named_victim && parts == 1 && !clause_start) return std::nullopt;
        // one capitalised word before a noun is its adjective, not a name: "killing Palestinian
        // hopes", "injured Syrian media reported" (but "killing Lewis as he slept")
        if (named_victim && parts == 1 && !sentence_start && name_end < end && text[name_end] == ' ') {
            const auto next = word_at(text, name_end, end);
            static const std::array<std::string_view, 53> after_names{
                "and", "or", "as", "in", "on", "at", "who", "whose", "while", "with", "after", "before", "during", "near",
                "when", "for", "by", "from", "inside", "outside", "early", "late", "last", "was", "is", "had", "has",
                "were", "the", "a", "an", "to", "over", "earlier", "later", "this", "that", "said", "says", "police",
                // the predicate after the name: "pronounced Lynch dead", "found Smith suffering from wounds"
                "dead", "twice", "once", "multiple", "several", "repeatedly", "again", "execution-style", "suffering",
                "lying", "unresponsive", "inside", "outside"};
            static const std::array<std::string_view, 12> groups{"civilians", "children", "women", "men", "soldiers", "fighters",
                                                                 "militants", "rebels", "troops", "forces", "residents", "people"};
            // (a particle of the name, "Bassam al-Ayashi", or an apposition, "Shishani one of the
            // most wanted", keeps it a name)
            static const std::array<std::string_view, 11> particles{"bin", "ibn", "abu", "de", "del", "van", "von", "da", "di", "la", "le"};
            const bool particle = next && (next->lower.rfind("al-", 0) == 0 || next->lower.rfind("el-", 0) == 0 || one_of(next->lower, particles) ||
                                           grammar::claims::words_value(next->lower));
            if (next && !particle &&
                ((!next->capital && ascii_alpha(next->lower[0]) && !one_of(next->lower, after_names)) || one_of(next->lower, groups)))
                return std::nullopt;
        }
        const auto who = name_end < end && text[name_end] == ',' ? word_at(text, name_end + 1, end) : std::nullopt;
        if (clause_start) {
            // only as the subject of what happened to them: "Smith was pronounced dead", "Marek
            // died", "Quentin Marsh, who was shot dead"
            const auto w = word_at(text, name_end, end);
            named_victim = (w && one_of(w->lower, subject_verbs)) || (who && who->lower == "who");
        } else if (!named_victim && parts >= 2 && who && who->lower == "who") {
            // "..., and Dana Orvell, who died Saturday, was": a relative clause says what happened
            const auto verb = word_at(text, who->end, end);
            named_victim = verb && (verb->lower == "died" || verb->lower == "was");
        }
    }
    if (!named_victim && headline) {
        // a name right before its outcome: "Ivan Cole Dead at 25", "John Smith Killed in Crash"
        const auto w = word_at(text, name_end, end);
        static const std::array<std::string_view, 6> outcomes{"dead", "killed", "dies", "died", "slain", "fatally"};
        named_victim = w && text[name_end] == ' ' && parts >= 2 && one_of(w->lower, outcomes);
    }
    if (!named_victim) return std::nullopt;
    return victim_phrase{one_person(text, w0->begin, phrase_end, "person", {}), std::nullopt};
}

namespace {

bool injury_word(std::string_view w) {
    static const std::array<std::string_view, 9> injuries{"wounded", "injured", "hurt", "hospitalized", "hospitalised",
                                                          "wounds", "injuries", "wound", "injury"};
    return one_of(w, injuries);
}

// A comma between the word before ws[k] and ws[k].
bool comma_before(std::string_view text, const word& w) {
    std::size_t i = w.begin;
    while (i > 0 && text[i - 1] == ' ') --i;
    return i > 0 && text[i - 1] == ',';
}

// A death said later in the same predicate, within a few words: "shot and killed",
// "shot in the head and died", "shot multiple times and later died at the hospital".
bool death_follows(std::string_view text, const std::vector<word>& ws, std::size_t k) {
    for (std::size_t j = k + 1; j < ws.size() && j < k + 16; ++j) {
        const auto& w = ws[j].lower;
        // "shot, one fatally": a part of them (an article is no count: "shot during a hunting trip")
        if (ws[j].digits || (w != "a" && w != "an" && grammar::claims::words_value(w))) return false;
        // a comma starts a new clause unless "and" or "later" carries the predicate on:
        // "Pregnant woman shot, unborn baby killed" but "shot in the chest, and later died"
        // ("Woman Shot, Killed Outside Store": a death right after the comma)
        if (comma_before(text, ws[j]) && w != "and" && w != "later" && w != "then" && w != "where" && !(j == k + 1 && w == "killed"))
            return false;
        if (ws[j].before == ';' || w == "while" || w == "but" || w == "after" || w == "when" || w == "who" || w == "as" ||
            w == "police" || w == "officers")
            return false;
        if (w == "to" && j + 1 < ws.size() && ws[j + 1].lower == "death") return true;
        // ("shot his wife and then killed himself": the death is his own)
        if (w == "killed" || w == "dead" || w == "died" || w == "dies" || w == "fatally" || w == "succumbed")
            return !(j + 1 < ws.size() && (ws[j + 1].lower == "himself" || ws[j + 1].lower == "herself"));
    }
    return false;
}

}  // namespace

bool hit_by_gunfire(const std::vector<word>& ws, std::size_t k) {
    static const std::array<std::string_view, 10> fire{"gunfire", "fire", "bullet", "bullets", "gunshot", "gunshots", "shots", "round",
                                                       "rounds", "shrapnel"};
    for (std::size_t j = k; j < ws.size() && j < k + 3; ++j)
        if (one_of(ws[j].lower, fire)) return true;
    return false;
}

outcome outcome_of_shot(std::string_view text, const std::vector<word>& ws, std::size_t k) {
    if (k > 0 && ws[k - 1].lower == "fatally") return outcome::killed;
    return death_follows(text, ws, k) ? outcome::killed : outcome::injured;
}


namespace {


// ws[k] can open the object of a verb right before it: "killed a man", "shot his wife",
// "wounded two", "killed Smith". A capital can be a headline's every word: "Killed In
// Shooting", "Shot Tuesday" are no objects.
bool object_at(std::string_view text, const std::vector<word>& ws, std::size_t k) {
    if (k >= ws.size() || comma_before(text, ws[k])) return false;  // "Girl Killed, 3 Adults Injured"
    const auto& w = ws[k].lower;
    static const std::array<std::string_view, 17> determiners{"a",    "an",  "the",  "his", "her",   "their", "two",  "three", "one",
                                                              "four", "him", "them", "its", "my",   "your",  "five", "another"};
    // (any number word: "Glenn, 25, shot six people"; a qualified one: "killed at least 21 people")
    if (ws[k].digits || one_of(w, determiners) || grammar::claims::words_value(w)) return true;
    if (!ws[k].capital && grammar::claims::could_start_figure(text, ws[k].begin)) return true;
    if (!ws[k].capital) return false;
    static const std::array<std::string_view, 36> not_objects{
        "in",      "at",       "on",        "after",    "during",  "near",    "while",   "by",       "outside",
        "inside",  "following", "as",       "when",     "for",     "overnight", "early", "late",     "last",
        "this",    "to",       "from",      "with",     "over",    "monday",  "tuesday", "wednesday", "thursday",
        "friday",  "saturday", "sunday",    "dead",     "death",   "again",   "before",  "outside",  "behind"};
    return !one_of(w, not_objects);
}

// Words from ws[k] that a subject can carry before its predicate: a place after it ("A
// 9-month-old baby in Ohio died") and more people sharing the predicate ("Man, woman
// killed", "Mother, 2 children found dead"). The index of the predicate's first word.
std::size_t past_subject_extras(std::string_view text, const std::vector<word>& ws, std::size_t k) {
    for (int round = 0; round < 2 && k + 1 < ws.size(); ++round) {
        const auto& w = ws[k].lower;
        // a participle clause: "A 15-year-old girl working on the farm was shot", "a man
        // walking his dog near the park was wounded"
        if (w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0 && !ws[k].has(w_killed | w_injured) && w != "shooting" &&
            !comma_before(text, ws[k])) {
            std::size_t j = k + 1;
            while (j < ws.size() && j < k + 8 && ws[j].lower != "was" && ws[j].lower != "were" && !comma_before(text, ws[j]) &&
                   !ws[j].has(w_killed | w_injured | w_report))
                ++j;
            if (j < ws.size() && j < k + 8 && (ws[j].lower == "was" || ws[j].lower == "were")) {
                k = j;
                break;
            }
        }
        if ((w == "in" || w == "of" || w == "from") && ws[k + 1].capital && !comma_before(text, ws[k])) {
            std::size_t j = k + 1;
            while (j < ws.size() && j < k + 4 && ws[j].capital && !comma_before(text, ws[j])) ++j;
            k = j;
            continue;
        }
        // a place or a party in lower case, up to the auxiliary: "Another man in the home was
        // wounded", "A 14-year-old student at a camp for young offenders was injured"
        static const std::array<std::string_view, 8> preps{"in", "at", "inside", "outside", "near", "on", "from", "with"};
        static const std::array<std::string_view, 9> lands{"was", "were", "is", "are", "has", "had", "remains", "remained", "who"};
        if (one_of(w, preps) && !comma_before(text, ws[k])) {
            std::size_t j = k + 1;
            while (j < ws.size() && j < k + 9 && !comma_before(text, ws[j]) && !ws[j].digits &&
                   !ws[j].has(w_killed | w_injured | w_report | w_blocker) && ws[j].lower != "shot" && !one_of(ws[j].lower, lands))
                ++j;
            if (j < ws.size() && j < k + 9 && !comma_before(text, ws[j]) && one_of(ws[j].lower, lands)) {
                k = j;
                break;
            }
        }
        if (comma_before(text, ws[k]) || w == "and") {
            // ", woman", ", 2 children", "and a woman": a person noun within three words
            std::size_t j = w == "and" ? k + 1 : k;
            const std::size_t stop = std::min(ws.size(), j + 3);
            while (j < stop && !person_noun(ws[j].lower) && !(ws[j].lower.size() > 3 && person_noun(ws[j].lower.substr(0, ws[j].lower.size() - 1))) &&
                   ws[j].lower != "children" && ws[j].lower != "women" && ws[j].lower != "men")
                ++j;
            if (j >= stop) break;
            k = j + 1;
            continue;
        }
        break;
    }
    return k;
}

}  // namespace

std::optional<outcome> victim_outcome(std::string_view text, const std::vector<word>& ws, std::size_t wb, std::size_t we) {
    // the verb it is the object of: "killing a man", "shot and killed a teen", "the death of a
    // toddler"; in a headline across the place before the person ("killed Huntingdon man")
    // "Among the dead was a teenage boy shot in a west side neighborhood"
    if (wb >= 4 && (ws[wb - 1].lower == "was" || ws[wb - 1].lower == "were") && ws[wb - 3].lower == "the" &&
        ws[wb - 4].lower == "among") {
        const auto& g = ws[wb - 2].lower;
        if (g == "dead" || g == "killed" || g == "victims" || g == "fatalities") return outcome::killed;
        if (g == "wounded" || g == "injured") return outcome::injured;
    }
    if (wb > 1 && ws[wb - 1].capital && !ws[wb].digits) {
        const auto& v = ws[wb - 2].lower;
        if (v == "killed" || v == "killing" || v == "kills") return outcome::killed;
    }
    // "deputies found a woman with a bullet wound", "found Smith suffering from gunshot wounds",
    // "found the woman dead"
    if (wb > 0 && (ws[wb - 1].lower == "found" || ws[wb - 1].lower == "discovered")) {
        for (std::size_t j = we; j < ws.size() && j < we + 8; ++j) {
            const auto& w = ws[j].lower;
            if (ws[j].before == ';' || w == "and" || w == "but" || w == "who" || w == "while") break;
            if (w == "dead" || w == "deceased" || w == "lifeless") return outcome::killed;
            if (w == "gunshot" || injury_word(w))
                return death_follows(text, ws, j) || ws[j - 1].lower == "fatally" ? outcome::killed : outcome::injured;
        }
    }
    if (wb > 0) {
        const auto& v = ws[wb - 1].lower;
        if (v == "killing" || v == "killed" || v == "murdering" || v == "murdered" || v == "slaying") return outcome::killed;
        if (v == "wounding" || v == "injuring" || v == "wounded" || v == "injured")
            return wb >= 2 && ws[wb - 2].lower == "fatally" ? outcome::killed : outcome::injured;  // "fatally wounded Smith"
        // "a bullet grazed a deputy"
        if (v == "grazed" || v == "grazing") return outcome::injured;
        // "the shooting sent an 8-year-old boy to the hospital"
        if ((v == "sent" || v == "sending" || v == "sends") && we + 1 < ws.size() && ws[we].lower == "to")
            for (std::size_t j = we + 1; j < ws.size() && j < we + 4; ++j)
                if (ws[j].lower == "hospital" || ws[j].lower == "hospitals") return outcome::injured;
        if (v == "shot" || v == "shooting") {
            if (wb >= 2 && ws[wb - 2].lower == "fatally") return outcome::killed;
            if (v == "shot" && wb >= 2 && (ws[wb - 2].lower == "police" || ws[wb - 2].lower == "officers")) return outcome::injured;
            // the object of an active "shot" named by a noun: "accidentally shot her uncle in the
            // thigh", "a man shot a three-year-old girl": hit, an injury unless a death is said
            // with it (a name or pronoun is left to its own predicate: "shot Duncan" as he ran)
            static const std::array<std::string_view, 7> determiners{"a", "an", "the", "his", "her", "their", "my"};
            static const std::array<std::string_view, 7> passive{"was", "were", "is", "are", "been", "being", "be"};
            if (v == "shot" && wb >= 2 && one_of(ws[wb].lower, determiners) && !one_of(ws[wb - 2].lower, passive))
                return death_follows(text, ws, wb - 1) ? outcome::killed : outcome::injured;
        }
        if (v == "of" && wb >= 2) {
            const auto& h = ws[wb - 2].lower;
            if (h == "death" || h == "killing" || h == "murder" || h == "slaying" || h == "homicide") return outcome::killed;
            if (h == "shooting" && wb >= 3 && (ws[wb - 3].lower == "fatal" || ws[wb - 3].lower == "deadly")) return outcome::killed;
        }
    }
    // ("The woman, who is the girl's mother, was taken": a complement of "is" names the
    // subject told before, not a person of its own)
    if (wb > 0 && (ws[wb - 1].lower == "is" || ws[wb - 1].lower == "was") && we < ws.size() && comma_before(text, ws[we])) return std::nullopt;
    // the predicate: "a man, 23, of Chicago, was shot and killed", "the victim later died"
    std::size_t k = we;
    // an age: "Smith, 23," (not "Mother, 2 children")
    if (k < ws.size() && ws[k].digits && comma_before(text, ws[k]) && (k + 1 >= ws.size() || comma_before(text, ws[k + 1]))) ++k;
    // a parenthesis: "The victim (Thomas Earle Jr.) died from his injuries"
    if (k < ws.size() && text[ws[k].begin - 1] == '(') {
        std::size_t j = k + 1;
        while (j < ws.size() && j < k + 7 && text.substr(ws[j - 1].end, ws[j].begin - ws[j - 1].end).find(')') == std::string_view::npos) ++j;
        if (j < ws.size() && j < k + 7) k = j;
    }
    // an apposition: "Smith, of Chicago,", "Smith, a 41-year-old man,", "The victim,
    // Corinne Hale,", "the child, identified as Landry Velasco,"
    // ("the fourth victim, Williams, sustained...": one capitalised word set off by commas)
    // ("A third man, shot in the stomach Saturday, has died": a participle set off, then a death)
    if (k + 1 < ws.size() && comma_before(text, ws[k]) && (ws[k].lower == "shot" || ws[k].lower == "wounded" || ws[k].lower == "injured")) {
        std::size_t j = k + 1;
        while (j < ws.size() && j < k + 20 && !comma_before(text, ws[j])) ++j;
        for (std::size_t d = j; d < ws.size() && d < j + 4 && j < k + 20; ++d)
            if (ws[d].lower == "died" || ws[d].lower == "dies" || ws[d].lower == "dead" || ws[d].lower == "succumbed") {
                k = j;
                break;
            }
    }
    if (k + 1 < ws.size() && comma_before(text, ws[k]) &&
        (ws[k].lower == "of" || ws[k].lower == "a" || ws[k].lower == "an" || ws[k].lower == "the" || ws[k].lower == "identified" ||
         (ws[k].capital && (ws[k + 1].capital || comma_before(text, ws[k + 1]))))) {
        std::size_t j = k + 1;
        while (j < ws.size() && j < k + 16 && !comma_before(text, ws[j])) ++j;
        if (j < ws.size() && comma_before(text, ws[j])) k = j;
    }
    // a relative clause set off by commas that says nothing of what happened: "The boy, whose
    // name has not been released, remains hospitalized", "The woman, who is the girl's mother,
    // was taken to Reid Hospital" (", who was shot," is the predicate itself)
    if (k + 1 < ws.size() && comma_before(text, ws[k]) && (ws[k].lower == "whose" || ws[k].lower == "who")) {
        std::size_t j = k + 1;
        bool told = false;
        for (; j < ws.size() && j < k + 14 && !comma_before(text, ws[j]); ++j)
            if (ws[j].has(w_killed | w_injured) || ws[j].lower == "shot") told = true;
        if (!told && j < ws.size() && j < k + 14) k = j;
    }
    static const std::array<std::string_view, 35> aux{"was",     "is",        "were",  "has",      "had",       "have",
                                                      "been",    "being",     "later", "also",     "reportedly", "allegedly",
                                                      "apparently", "then",   "eventually", "subsequently", "accidentally",
                                                      "critically", "seriously", "who", "found", "pronounced",
                                                      "remains", "remained", "listed", "now", "currently", "still",
                                                      "originally", "initially", "first", "immediately", "quickly", "already",
                                                      "privately"};
    // "a man and a woman were killed": the predicate after the second person
    if (k + 2 < ws.size() && ws[k].lower == "and" &&
        (ws[k + 1].lower == "a" || ws[k + 1].lower == "an" || ws[k + 1].lower == "the" || ws[k + 1].lower == "his" ||
         ws[k + 1].lower == "her")) {
        std::size_t j = k + 2;
        while (j < ws.size() && j < k + 6 && !one_of(ws[j].lower, aux)) ++j;
        if (j < ws.size() && one_of(ws[j].lower, aux)) k = j;
    }
    k = past_subject_extras(text, ws, k);
    std::size_t n_aux = 0;
    bool passive = false;  // "was killed", "had been wounded"; not "has killed 30", "who wounded two"
    while (k < ws.size() && n_aux < 5 && (one_of(ws[k].lower, aux) || ws[k].lower == "declared")) {
        const auto& a = ws[k].lower;
        if (a == "was" || a == "is" || a == "were" || a == "been" || a == "being" || a == "found" || a == "pronounced" || a == "declared")
            passive = true;
        ++k;
        ++n_aux;
    }
    // "was reported to have been injured", "is believed to have been shot": the predicate after
    if (k + 2 < ws.size() && (ws[k].lower == "reported" || ws[k].lower == "believed" || ws[k].lower == "thought") &&
        ws[k + 1].lower == "to" && (ws[k + 2].lower == "have" || ws[k + 2].lower == "be")) {
        k += 2;
        while (k < ws.size() && n_aux < 8 && one_of(ws[k].lower, aux)) {
            passive = passive || ws[k].lower == "been" || ws[k].lower == "being";
            ++k;
            ++n_aux;
        }
        if (k < ws.size() && ws[k].lower == "be") {
            passive = true;
            ++k;
        }
    }
    if (k >= ws.size()) return std::nullopt;
    const auto& h = ws[k].lower;
    if (h == "shot" || (h == "fatally" && k + 1 < ws.size())) {
        if (!passive) {  // ("Glenn also shot Young": active, past "also")
            // "the gunman shot two people", "a man fatally shot his wife": the one who shot;
            // without an object it is the one shot: "Teen shot to death", "Boy Fatally Shot
            // In Apparent Accident", "A boy shot on Sunday morning has died"
            const std::size_t v = h == "fatally" ? k + 1 : k;
            if (v < ws.size() && ws[v].lower != "shot") return std::nullopt;
            // "a toddler shot himself with a pistol left in a car": the one shot, by his own hand
            if (v + 1 < ws.size() && (ws[v + 1].lower == "himself" || ws[v + 1].lower == "herself"))
                return h == "fatally" ? outcome::killed : outcome_of_shot(text, ws, v + 1);
            // ("Child accidentally shot and killed by brother": a headline's passive)
            const bool by = v + 3 < ws.size() && ws[v + 1].lower == "and" && ws[v + 3].lower == "by";
            if (!by && (object_at(text, ws, v + 1) || (v + 1 < ws.size() && (ws[v + 1].lower == "at" || ws[v + 1].lower == "and"))))
                return std::nullopt;
        }
        if (h == "fatally") return outcome::killed;
        // "shot himself": his own act, but he is still the one shot
        return outcome_of_shot(text, ws, k);
    }
    if (h == "killed" || h == "slain" || h == "murdered" || h == "gunned" || h == "executed") {
        if (!passive) {
            // "a man killed in a shooting" but not "the gunman killed two people", "Fighting has
            // also killed 30 fighters"
            const bool object = object_at(text, ws, k + 1);
            const bool himself = k + 1 < ws.size() && (ws[k + 1].lower == "himself" || ws[k + 1].lower == "herself");
            if (object && !himself) return std::nullopt;
        }
        return outcome::killed;
    }
    if (h == "died" || h == "dies" || h == "dead" || h == "succumbed") return outcome::killed;
    // "was struck by return fire", "was hit by a stray bullet"
    if ((h == "struck" || h == "hit") && k + 2 < ws.size() && ws[k + 1].lower == "by" && hit_by_gunfire(ws, k + 2))
        return outcome_of_shot(text, ws, k);
    // "Texas woman recovering after being shot", "the boy is recovering at the hospital"
    if (h == "recovering" || h == "recovers") return outcome::injured;
    if (h == "took" && k + 2 < ws.size() && ws[k + 2].lower == "own") return outcome::killed;  // "took his own life"
    if (h == "among" && k + 2 < ws.size() && ws[k + 1].lower == "the") {
        const auto& g = ws[k + 2].lower;
        if (g == "dead" || g == "killed" || g == "victims") return outcome::killed;
        if (g == "wounded" || g == "injured") return outcome::injured;
    }
    if (h == "wounded" || h == "injured" || h == "hurt" || h == "hospitalized" || h == "hospitalised") {
        if (!passive && object_at(text, ws, k + 1)) return std::nullopt;  // "the gunman wounded a woman"
        return death_follows(text, ws, k) ? outcome::killed : outcome::injured;
    }
    // "was found with a gunshot wound", "was at home with injuries"
    if (h == "with" && n_aux > 0)
        for (std::size_t j = k + 1; j < ws.size() && j < k + 5; ++j) {
            if (ws[j].lower == "fatal" || ws[j].lower == "mortal") return outcome::killed;
            if (injury_word(ws[j].lower)) return death_follows(text, ws, j) ? outcome::killed : outcome::injured;
        }
    // "a bullet grazed his head" is read at the object; "was grazed by a bullet"
    if (h == "grazed" && passive) return outcome::injured;
    // "is expected to survive", "is expected to recover"
    if (h == "expected" && n_aux > 0 && k + 2 < ws.size() && ws[k + 1].lower == "to" &&
        (ws[k + 2].lower == "survive" || ws[k + 2].lower == "recover" || ws[k + 2].lower == "live"))
        return outcome::injured;
    if (h == "suffered" || h == "sustained" || h == "suffering") {
        for (std::size_t j = k + 1; j < ws.size() && j < k + 6; ++j) {
            if (ws[j].lower == "fatal" || ws[j].lower == "life-ending") return outcome::killed;
            if (injury_word(ws[j].lower)) return death_follows(text, ws, j) ? outcome::killed : outcome::injured;
        }
        return std::nullopt;
    }
    // "is in critical condition", "is listed critical but stable condition", "remains in serious condition",
    // "has been upgraded to serious condition"
    if ((n_aux > 0 && (h == "in" || h == "critical" || h == "serious" || h == "stable" || h == "fair" || h == "good")) ||
        h == "upgraded" || h == "downgraded")
        for (std::size_t j = k + 1; j < ws.size() && j < k + 5; ++j)
            if (ws[j].lower == "condition") return death_follows(text, ws, j) ? outcome::killed : outcome::injured;
    // "is at a local hospital", "remains in the hospital", "is still in the hospital": a patient
    if (n_aux > 0 && (h == "in" || h == "at"))
        for (std::size_t j = k + 1; j < ws.size() && j < k + 4; ++j)
            if (ws[j].lower == "hospital") return death_follows(text, ws, j) ? outcome::killed : outcome::injured;
    if ((h == "taken" || h == "rushed" || h == "transported" || h == "airlifted" || h == "treated" || h == "flown" || h == "brought" ||
         h == "admitted" || h == "transferred" || h == "driven" || h == "conveyed") &&
        n_aux > 0) {
        // "was taken to County General where he was pronounced dead"
        if (death_follows(text, ws, k)) return outcome::killed;
        // "was treated and released"
        if (h == "treated" && k + 2 < ws.size() && ws[k + 1].lower == "and" && ws[k + 2].lower == "released") return outcome::injured;
        // "was taken to a hospital" (not "taken into custody"); "transported from the scene to
        // the county medical center"
        for (std::size_t j = k + 1; j < ws.size() && j < k + 13; ++j)
            if (ws[j].lower == "hospital" || ws[j].lower == "medical" || ws[j].lower == "trauma" || ws[j].lower == "injuries" ||
                ws[j].lower == "wounds" || ws[j].lower == "wound" || ws[j].lower == "injury" || ws[j].lower == "condition")
                return death_follows(text, ws, k) ? outcome::killed : outcome::injured;
    }
    return std::nullopt;
}

std::optional<victim_phrase> possessive_death_at(std::string_view text, std::size_t i, std::size_t end) {
    // the word, then its apostrophe (' or U+2019) and an optional s
    std::size_t j = i;
    while (j < end && j - i < 40 && (ascii_alnum(text[j]) || (text[j] == '-' && j + 1 < end && ascii_alnum(text[j + 1])))) ++j;
    std::size_t a = j;
    if (a < end && text[a] == '\'') ++a;
    else if (a + 2 < end && static_cast<unsigned char>(text[a]) == 0xE2 && static_cast<unsigned char>(text[a + 1]) == 0x80 &&
             static_cast<unsigned char>(text[a + 2]) == 0x99)
        a += 3;
    else
        return std::nullopt;
    if (a < end && (text[a] == 's' || text[a] == 'S')) ++a;
    else if (j == i || (text[j - 1] != 's' && text[j - 1] != 'S'))  // "Goens' murder", not "teen' death"
        return std::nullopt;
    if (a < end && ascii_alnum(text[a])) return std::nullopt;
    // up to two words that qualify the death, then the death: "'s death", "'s fatal shooting",
    // "'s accidental shooting death"; not "'s killing of" (the killer's), "'s death toll"
    static const std::array<std::string_view, 16> qualifiers{"shooting", "fatal",  "tragic",   "accidental", "apparent", "violent",
                                                             "untimely", "sudden", "gunshot",  "stabbing",   "brutal",   "senseless",
                                                             "deadly",   "alleged", "recent",  "suspicious"};
    static const std::array<std::string_view, 4> deaths{"death", "killing", "murder", "slaying"};
    std::size_t at = a;
    bool fatal = false, death = false;
    for (int n = 0; n < 3 && !death; ++n) {
        const auto w = word_at(text, at, end);
        if (!w || text[at] != ' ') return std::nullopt;
        at = w->end;
        if (one_of(w->lower, deaths) || (fatal && w->lower == "shooting")) death = true;
        else if (!one_of(w->lower, qualifiers)) return std::nullopt;
        fatal = fatal || w->lower == "fatal" || w->lower == "deadly";
    }
    if (!death) return std::nullopt;
    if (const auto after = word_at(text, at, end); after && (after->lower == "of" || after->lower == "toll" || after->lower == "penalty" ||
                                                             after->lower == "sentence" || after->lower == "threats" || after->lower == "threat" ||
                                                             after->lower == "rate" || after->lower == "rates" || after->lower == "spike" ||
                                                             after->lower == "count" || after->lower == "total" || after->lower == "capital"))
        return std::nullopt;
    // whose: a person noun, an age or a name ("the teen's", "a 17-year-old's", "Robinson's")
    const auto owner = word_at(text.substr(0, j), i, j);
    if (!owner) return std::nullopt;
    if (person_noun(owner->lower) && !suspect_noun(owner->lower)) return victim_phrase{one_person(text, i, a, owner->lower, {}), outcome::killed};
    if (age_word(owner->lower)) return victim_phrase{one_person(text, i, a, "person", {owner->lower}), outcome::killed};
    if (name_word(*owner) && owner->lower.size() >= 3) {
        // (a name, not a place or a body: "Chicago's", "the city's" are refused by the word before)
        std::size_t p = i;
        while (p > 0 && text[p - 1] == ' ') --p;
        std::size_t b = p;
        while (b > 0 && ascii_alpha(text[b - 1])) --b;
        if (same_word(text, b, p, "the")) return std::nullopt;
        return victim_phrase{one_person(text, i, a, "person", {}), outcome::killed};
    }
    return std::nullopt;
}

namespace {

// The capitalised words (up to four) that end right before text[i], lower case and joined
// by blanks ("ray oakes"), or "". With `apposition`, back over a comma and an age too
// ("Ray Oakes, 31, the gunman").
std::string name_before(std::string_view text, std::size_t i, bool apposition) {
    std::size_t p = i;
    while (p > 0 && (text[p - 1] == ' ' || (apposition && text[p - 1] == ','))) --p;
    if (apposition && p > 0 && ascii_digit(text[p - 1])) {  // ", 31,"
        while (p > 0 && ascii_digit(text[p - 1])) --p;
        while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == ',')) --p;
    }
    std::string name;
    for (int n = 0; n < 4 && p > 0; ++n) {
        std::size_t b = p;
        while (b > 0 && (ascii_alpha(text[b - 1]) || text[b - 1] == '-' || text[b - 1] == '\'')) --b;
        const auto w = word_at(text.substr(0, p), b, p);
        if (!w || !name_word(*w) || w->lower.size() < 2) break;
        name = name.empty() ? w->lower : w->lower + " " + name;
        if (b == 0 || text[b - 1] != ' ') break;
        p = b - 1;
    }
    return name.size() >= 3 ? name : std::string();
}

// The capitalised words (up to four) that start at text[i], lower case and joined by
// blanks ("nicholas ward"); "" when text[i] opens no name.
std::string name_after(std::string_view text, std::size_t i) {
    std::string name;
    std::size_t at = i;
    for (int n = 0; n < 4; ++n) {
        const auto w = word_at(text, at, text.size());
        if (!w || !name_word(*w) || w->lower.size() < 2 || (n > 0 && text[at] != ' ')) break;
        name = name.empty() ? w->lower : name + " " + w->lower;
        at = w->end;
    }
    return name.size() >= 3 ? name : std::string();
}

}  // namespace

std::vector<std::string> perpetrator_names(std::string_view text, std::string_view lower) {
    std::vector<std::string> names;
    const auto each = [&](std::string_view needle, auto&& on) {
        for (std::size_t at = lower.find(needle); at != std::string_view::npos; at = lower.find(needle, at + 1))
            if ((at == 0 || !ascii_alnum(lower[at - 1])) && (at + needle.size() >= lower.size() || !ascii_alnum(lower[at + needle.size()])))
                on(at, at + needle.size());
    };
    const auto add = [&](std::string n) {
        if (!n.empty()) names.push_back(std::move(n));
    };
    for (const std::string_view noun : {"gunman", "shooter", "suspect", "assailant", "attacker", "killer"}) {
        each(noun, [&](std::size_t b, std::size_t e) {
            // "gunman Nicholas Ward", "the gunman, Nicholas Ward,", "identified the gunman as Ray Oakes"
            // (the verb is no noun: "Detectives suspect Lyons was shot")
            const bool determined = b >= 2 && (lower.compare(b - 2, 2, "a ") == 0 || (b >= 4 && lower.compare(b - 4, 4, "the ") == 0) ||
                                               (b >= 7 && lower.compare(b - 7, 7, "murder ") == 0) ||
                                               (b >= 9 && lower.compare(b - 9, 9, "shooting ") == 0) ||
                                               (b >= 8 && lower.compare(b - 8, 8, "alleged ") == 0) ||
                                               (b >= 10 && lower.compare(b - 10, 10, "suspected ") == 0));
            if (!determined && noun == "suspect") return;
            std::size_t k = e;
            if (k < text.size() && text[k] == ',') ++k;
            while (k < text.size() && text[k] == ' ') ++k;
            if (lower.compare(k, 3, "as ") == 0) k += 3;
            add(name_after(text, k));
            // "Ray Oakes, the gunman", "Oakes, 31, the suspected shooter"
            std::size_t a = b;
            for (const std::string_view lead : {"suspected ", "alleged ", "accused ", "the "}) {
                if (a >= lead.size() && lower.compare(a - lead.size(), lead.size(), lead) == 0) a -= lead.size();
            }
            if (a >= 2 && lower.compare(a - 2, 2, ", ") == 0) add(name_before(text, a - 2, true));
        });
    }
    // the subject of a shooting with its object, or of a murder charge
    // ("Alex Smith, 24, Fatally Shot in Roxbury" is a headline's passive: an object must follow)
    for (const std::string_view verb : {"opened fire", "shot and killed", "fatally shot", "is charged with murder", "was charged with murder",
                                        "is accused of killing", "was accused of killing", "then shot", "is charged with killing"}) {
        const bool needs_object = verb == "shot and killed" || verb == "fatally shot" || verb == "then shot";
        each(verb, [&](std::size_t b, std::size_t e) {
            if (needs_object) {
                const auto w = word_at(text, e, text.size());
                static const std::array<std::string_view, 12> objects{"a", "an", "the", "his", "her", "their", "two", "three", "four",
                                                                      "both", "him", "several"};
                if (!w || e >= text.size() || text[e] != ' ' || !(one_of(w->lower, objects) || (w->capital && name_word(*w)))) return;
            }
            add(name_before(text, b, false));
        });
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

bool names_one_of(std::string_view phrase, const std::vector<std::string>& names) {
    if (names.empty()) return false;
    // the first run of capitalised words of the phrase ("Nicholas Ward" of "Nicholas Ward, 25")
    std::vector<std::string> run;
    for (auto w = word_at(phrase, 0, phrase.size()); w && w->capital && name_word(*w) && run.size() < 4;
         w = w->end < phrase.size() && phrase[w->end] == ' ' ? word_at(phrase, w->end, phrase.size()) : std::nullopt)
        run.push_back(w->lower);
    if (run.empty()) return false;
    for (const auto& n : names) {
        const auto first = n.substr(0, n.find(' '));
        const auto last = n.substr(n.rfind(' ') + 1);
        // a surname alone matches a surname; a full name only the same first and last names
        // ("Dana Hawley" is not the "Hawley" who killed his sister)
        if (run.size() == 1 ? run[0] == last : (n.find(' ') != std::string::npos && run.front() == first && run.back() == last)) return true;
    }
    return false;
}

}  // namespace reckon::extract
