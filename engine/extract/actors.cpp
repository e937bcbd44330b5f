// Actors reader (actors.hpp).
#include "extract/actors.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>

namespace reckon::extract {

void find_actor(const article_context& ax, sentence_info& si) {
    const auto& ws = si.words;
    static const std::array<std::string_view, 16> count_words{
        "two",  "three", "four",   "five",  "six",     "seven",    "eight",  "nine",
        "ten",  "dozen", "dozens", "scores", "several", "hundreds", "twenty", "thirty"};
    const auto counts = [&](const word& w) { return w.digits || one_of(w.lower, count_words); };
    static const std::array<std::string_view, 22> attack{
        "warplanes", "jets",     "aircraft", "strikes",    "airstrikes", "strike", "air",   "raids",
        "forces",    "troops",   "army",     "shelling",   "bombing",    "helicopters", "artillery", "drones",
        "planes",    "plane",    "missiles", "military",   "bombardment", "fire"};
    auto attack_near = [&](std::size_t k) {
        for (std::size_t j = k + 1; j < std::min(ws.size(), k + 3); ++j)
            if (one_of(ws[j].lower, attack)) return true;
        return false;
    };
    for (std::size_t k = 0; k < ws.size(); ++k) {
        if (!ws[k].has(w_actor)) continue;
        if (k > 0 && counts(ws[k - 1])) continue;  // "5 government troops" are the dead, not who struck
        const auto& w = ws[k].lower;
        if (w == "coalition") {
            si.actor = "US-led coalition";
            return;
        }
        if ((w == "russian" || w == "russia") && attack_near(k)) {
            si.actor = "Russia";
            return;
        }
        if ((w == "regime" || w == "government" || w == "pro-regime" || w == "pro-government") && attack_near(k)) {
            si.actor = "Syrian regime";
            return;
        }
        if (w == "syrian" && k + 1 < ws.size() && (ws[k + 1].lower == "army" || ws[k + 1].lower == "warplanes" || ws[k + 1].lower == "regime" || ws[k + 1].lower == "government")) {
            si.actor = "Syrian regime";
            return;
        }
        if (w == "turkish" && attack_near(k)) {
            si.actor = "Turkey";
            return;
        }
        if (w == "iraqi" && attack_near(k)) {
            si.actor = "Iraq";
            return;
        }
        if (w == "israeli" && attack_near(k)) {
            si.actor = "Israel";
            return;
        }
        if ((w == "rebels" || w == "rebel") && attack_near(k)) {
            si.actor = "rebels";
            return;
        }
    }
    // The agent of a passive or of an attack noun: "shelling by rebels", "killed by IS",
    // "a car bomb by the Islamic State", "fire by the SDF".
    for (std::size_t k = 0; k + 1 < ws.size(); ++k) {
        if (ws[k].lower != "by") continue;
        std::size_t j = k + 1;
        if (ws[j].lower == "the" && j + 1 < ws.size()) ++j;
        const auto& w = ws[j].lower;
        const std::string_view as_written = std::string_view(ax.text).substr(ws[j].begin, ws[j].end - ws[j].begin);
        if (w == "rebels" || w == "rebel") {  // not "opposition": "said by opposition activists"
            si.actor = "rebels";
            return;
        }
        if (as_written == "IS" || w == "isis" || w == "isil" || w == "daesh" ||
            (w == "islamic" && j + 1 < ws.size() && ws[j + 1].lower == "state")) {
            si.actor = "IS";
            return;
        }
        if (w == "sdf") {
            si.actor = "SDF";
            return;
        }
    }
}

namespace {

// "rebel fire", "opposition fire", "tank fire": fire from the ground that the word
// before names.
bool ground_fire(const std::vector<word>& ws, std::size_t k) {
    static const std::array<std::string_view, 12> shooters{"rebel",     "rebels",     "opposition", "militant",
                                                           "militants", "insurgent",  "insurgents", "terrorist",
                                                           "terrorists", "tank",      "artillery",  "government"};
    return k > 0 && ws[k].lower == "fire" && one_of(ws[k - 1].lower, shooters);
}

}  // namespace

// A number among the first k words ("at least 140 people were wounded, adding that"):
// the sentence's figure is told before the clause that follows.
static bool figure_before(const std::vector<word>& ws, std::size_t k) {
    static constexpr std::array<std::string_view, 16> numbers{"two",  "three", "four",   "five",     "six",    "seven",
                                                              "eight", "nine", "ten",    "eleven",   "twelve", "dozens",
                                                              "dozen", "scores", "hundreds", "several"};
    for (std::size_t j = 0; j < k; ++j) {
        const std::string_view w = ws[j].lower;
        if ((!w.empty() && std::isdigit(static_cast<unsigned char>(w[0]))) ||
            std::find(numbers.begin(), numbers.end(), w) != numbers.end())
            return true;
    }
    return false;
}

// The means of attack, in four classes that reports of one strike do not mix up:
// from the air (air strikes, warplanes, helicopters, barrel bombs, drones), shelling
// (artillery, mortars, rockets, missiles), bombing (car bombs, suicide attacks,
// explosions) and clashes. The first word of the sentence that names one decides.
// "Bombing" and "bombardment" alone say nothing: they are used for all of them.
// A means named after "adding that" belongs to a further statement ("at least 140 were
// wounded, adding that government forces had also fired missiles at the area"), not to
// the figure: the sentence then takes the means of the text before it.
void find_attack(sentence_info& si) {
    const auto& ws = si.words;
    const auto next_is = [&](std::size_t k, std::initializer_list<std::string_view> words) {
        return k + 1 < ws.size() && std::find(words.begin(), words.end(), ws[k + 1].lower) != words.end();
    };
    for (std::size_t k = 0; k < ws.size(); ++k) {
        if ((ws[k].lower == "adding" || (ws[k].lower == "added" && next_is(k, {"that"}))) && figure_before(ws, k)) return;
        if (!ws[k].has(w_attack)) continue;
        const auto& w = ws[k].lower;
        if (w == "air") {
            if (!next_is(k, {"strike", "strikes", "raid", "raids", "attack", "attacks", "bombardment", "force"})) continue;
            si.attack = "air strike";
        } else if (w == "car") {
            if (!next_is(k, {"bomb", "bombs", "bombing", "bombings", "bomber"})) continue;
            si.attack = "bombing";
        } else if (w == "shelling" || w == "shelled" || w == "shells" || w == "artillery" || w == "mortar" ||
                   w == "mortars" || w == "rocket" || w == "rockets" || w == "missile" || w == "missiles") {
            si.attack = "shelling";
        } else if (w == "booby-trapped" || w == "suicide" || w == "bomber" || w == "explosion" || w == "explosions" ||
                   w == "blast" || w == "explosive" || w == "explosives" || w == "ied") {
            si.attack = "bombing";
        } else if (w == "clashes" || w == "fighting" || w == "battle" || w == "battles") {
            si.attack = "clashes";
        } else if (w == "fire") {
            // fire from the ground ("rebel fire", "tank fire") is shelling; "opened fire", "fire
            // broke out" and "sniper fire" say nothing of it
            if (!ground_fire(ws, k)) continue;
            si.attack = "shelling";
        } else {
            // airstrikes, warplanes, jets, helicopters, barrel (bombs), drones, aerial, strike(s)
            si.attack = "air strike";
        }
        return;
    }
}

const std::string& lede_attack(article_context& ax) {
    if (ax.opening_attack_searched) return ax.opening_attack;
    ax.opening_attack_searched = true;
    for (std::size_t s = 0; s < ax.sentences.size() && s < 3; ++s) {
        const auto& si = ax.info(s, need_scope);
        if (!si.attack.empty()) {
            ax.opening_attack = si.attack;
            break;
        }
    }
    return ax.opening_attack;
}

}  // namespace reckon::extract
