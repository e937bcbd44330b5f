// Actors reader: who struck (actor) and how (means of attack).
//
// The actor is a named force next to an attack word ("Russian warplanes", "regime
// shelling", "the coalition") or the agent after "by" ("killed by IS"); a force right
// after a count is the victims, not the actor ("5 government troops"). The means of
// attack come in four classes reports of one strike do not mix up: air strike, shelling,
// bombing and clashes.
#pragma once

#include <string>

#include "extract/article_context.hpp"

namespace reckon::extract {

// The actor of a sentence into si.actor.
void find_actor(const article_context& ax, sentence_info& si);

// The means of attack of a sentence into si.attack.
void find_attack(sentence_info& si);

// The means of attack the article opens with (its first three sentences), read once.
const std::string& lede_attack(article_context& ax);

}  // namespace reckon::extract
