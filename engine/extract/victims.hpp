// Victims reader: people counted without a number.
//
// News names one victim far more often than it counts victims: "a man was killed",
// "killing a civilian", "A child was among the dead", "the victim died at the
// hospital", "John Smith, 23, was shot dead", "17-year-old dead after shooting". And
// some words carry their count: "double homicide" (2 killed), "triple murder" (3),
// "murder-suicide" (one victim and the perpetrator). Each such phrase becomes a figure
// of one (or of the count its word carries), so the rest of extraction (place, date,
// source, links) treats it as it treats "one man".
//
// A phrase is only a figure when what happened to that person is said right with it,
// in the predicate of the phrase ("was shot and killed", "died", "is dead", "was found
// shot to death", "suffered a gunshot wound") or by the verb it is the object of
// ("killing a man", "the death of a teenager"). "A man was arrested in the killing" is
// not a victim, nor is "the gunman killed two people" (the gunman acted). Who they are
// follows the noun: suspects, gunmen, shooters and attackers are their own group
// ("suspects"), so victims and perpetrators are reconciled apart.
//
// "Shot" is what it is: hit by gunfire. Alone ("a man was shot") it is an injury; with
// a death in the same predicate ("shot and killed", "shot dead", "fatally shot", "was
// shot and died at the hospital") it is a death.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "claims/claims.hpp"
#include "extract/text.hpp"
#include "model/claim.hpp"

namespace reckon::extract {

// A victim phrase that starts at text[i] (a word start inside a sentence that ends at
// `end`): the figure, with its count in `first`, and the outcome its word carries
// (`implied`: "double homicide" is killed) when it carries one. `sentence_start`: i is
// the sentence's first word, where a bare noun or age is a subject ("Teen killed in
// shooting", "17-year-old dead after shooting"); the caller leaves it false for headlines,
// whose every word is capitalised.
struct victim_phrase {
    grammar::claims::figure f;
    std::optional<outcome> implied;
};
// An age written as news writes it besides "17-year-old": "17 year old", "17 Year-Old",
// "two year old", "5-year old", "17 years old", "20 y/o", "6-yo". When text[i] starts a
// number (digits or a number word up to 120) followed by such an age, the end of the
// phrase; otherwise npos. The age is one person, never a count of 17.
std::size_t age_phrase_end(std::string_view text, std::size_t i, std::size_t end);

// Quick refusal at the word starting at text[i], made at every word start of a sentence
// with an outcome word: only "a", "an", "the", "his", "her", "their", "double", "triple", "quadruple",
// "quintuple", "murder-suicide", "suicide", a digit at the sentence start, and a capital
// at the sentence start, before a capital or a comma, or after a word ending like
// "killing", "killed", "of", "that" or "struck" go on to victim_phrase_at.
inline bool may_open_victim_phrase(std::string_view text, std::size_t i, std::size_t end, bool sentence_start) {
    const char c = text[i];
    const auto ends = [&](std::size_t n) { return i + n >= end || !((text[i + n] | 0x20) >= 'a' && (text[i + n] | 0x20) <= 'z'); };
    switch (c) {
    case 'a': return ends(1) || (i + 1 < end && text[i + 1] == 'n' && (ends(2) || (i + 7 <= end && text.substr(i, 7) == "another" && ends(7))));
    case 't': return i + 2 < end && ((text[i + 1] == 'h' && text[i + 2] == 'e' && (ends(3) || (i + 4 < end && text[i + 3] == 'i' && text[i + 4] == 'r' && ends(5)))) ||
                                     text[i + 1] == 'r');
    case 'h':
        if (sentence_start && i + 1 < end && text[i + 1] == 'e' && ends(2)) return true;  // "On Sunday, he was shot"
        return i + 2 < end && ((text[i + 1] == 'i' && (text[i + 2] == 's' || text[i + 2] == 'm')) || (text[i + 1] == 'e' && text[i + 2] == 'r')) &&
               (ends(3) || (ends(7) && i + 7 <= end && text.substr(i + 3, 4) == "self"));
    case 's':
        if (sentence_start && i + 2 < end && text[i + 1] == 'h' && text[i + 2] == 'e' && ends(3)) return true;  // "..., she died"
        return !ends(5);
    case 'd': case 'q': case 'm': return !ends(5);
    default: break;
    }
    if (c >= '0' && c <= '9') {
        // an age anywhere: "killed 24-year-old Alex Morrow"
        std::size_t d = i;
        while (d < end && text[d] >= '0' && text[d] <= '9') ++d;
        return sentence_start || (d + 1 < end && text[d] == '-' && (text[d + 1] | 0x20) >= 'a' && (text[d + 1] | 0x20) <= 'z') ||
               (d < end && text[d] == ' ' && age_phrase_end(text, i, end) != std::string_view::npos);
    }
    if (!(c >= 'A' && c <= 'Z')) return false;
    if (sentence_start) return true;
    std::size_t j = i + 1;
    while (j < end && (((text[j] | 0x20) >= 'a' && (text[j] | 0x20) <= 'z') || (text[j] >= '0' && text[j] <= '9') || text[j] == '-' || text[j] == '\''))
        ++j;
    // "Shriver's wife was shot": a name's possessive before a lower-case word
    if (j - i > 3 && text[j - 1] == 's' && text[j - 2] == '\'' && j + 1 < end && text[j] == ' ' &&
        ((text[j + 1] >= 'a' && text[j + 1] <= 'z') || (text[j + 1] >= '0' && text[j + 1] <= '9')))
        return true;
    // "A", "An", "The", "He", "She", "Double"... after a dateline ("CHICAGO — A man was shot")
    if (j - i <= 3 && (c == 'A' || c == 'T' || c == 'H' || c == 'S')) {
        const auto w = text.substr(i, j - i);
        if (w == "A" || w == "An" || w == "The" || w == "He" || w == "She") return true;
    }
    if ((c == 'D' || c == 'T' || c == 'Q') && j - i >= 6) return true;
    if (j + 1 < end && (text[j] == ',' || (text[j] == ' ' && text[j + 1] >= 'A' && text[j + 1] <= 'Z'))) return true;
    // after "killing", "killed", "found", "of", "left"
    std::size_t p = i;
    while (p > 0 && text[p - 1] == ' ') --p;
    if (p == i || p < 2) return false;
    const char l = text[p - 1], m = text[p - 2];
    return (l == 'g' && m == 'n') || (l == 'd' && (m == 'e' || m == 'n')) || (l == 'f' && m == 'o') || (l == 't' && m == 'f') ||
           (l == 't' && m == 'a' && p >= 4 && text.substr(p - 4, 4) == "that") || (l == 'k' && m == 'c') || (l == 't' && m == 'o');  // "that", "struck", "shot"
}
// `headline`: the sentence is a headline, where every word is capitalised and no name is
// read after a verb ("Civilian Killed Others Injured").
std::optional<victim_phrase> victim_phrase_at(std::string_view text, std::size_t i, std::size_t end, bool sentence_start,
                                              bool headline);

// A death named by whose it is, at the word starting at text[i]: "the teen's death", "a
// 17-year-old's shooting death", "Robinson's killing", "Goens' murder": one killed (not
// "Russia's killing of civilians", whose is the killer, nor "the city's death toll").
std::optional<victim_phrase> possessive_death_at(std::string_view text, std::size_t i, std::size_t end);

// The outcome of a one-victim phrase over words [wb, we) of its sentence, from its
// predicate or the verb it is the object of; nothing when neither says what happened.
std::optional<outcome> victim_outcome(std::string_view text, const std::vector<word>& ws, std::size_t wb, std::size_t we);

// After a figure and the auxiliaries of its predicate, ws[k] is "shot": the outcome is
// killed when a death is said in the same predicate ("shot and killed", "shot dead",
// "shot ... and died", "fatally"), injured otherwise.
outcome outcome_of_shot(std::string_view text, const std::vector<word>& ws, std::size_t k);

// ws[k..k+3) name gunfire or what it fires, after "struck by" / "hit by": "gunfire",
// "return fire", "a stray bullet".
bool hit_by_gunfire(const std::vector<word>& ws, std::size_t k);

// The names (lower case, words joined by blanks, sorted) the article gives its perpetrators: after a suspect
// noun ("gunman Nicholas Ward", "identified the shooter as Ray Oakes"), before one set off
// by a comma ("Oakes, the gunman"), as the subject of a shooting with its object ("Ward
// then shot two more people", "Oakes opened fire") or of a murder charge ("Oakes is charged
// with murder"). A named person killed or wounded who is one of them is a suspect.
// `lower` is the article in lower case.
std::vector<std::string> perpetrator_names(std::string_view text, std::string_view lower);

// True when the name `phrase` opens with ("Nicholas Ward, 25") is one of `names`: the same
// first and last names, or a surname alone ("Ward") that is the last name of one.
bool names_one_of(std::string_view phrase, const std::vector<std::string>& names);

// True when the word (lower case) names one person: "man", "victim", "teen", "officer".
bool person_noun(std::string_view lower);

// True when the word is a person noun that names a suspect or perpetrator ("gunman",
// "suspects", "shooter", "bomber").
bool suspect_noun(std::string_view lower);

}  // namespace reckon::extract
