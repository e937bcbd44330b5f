// Links reader: breakdowns and sums between the claims of an article.
//
// "at least 23 civilians including 10 children": the children claim's parent is the
// civilians claim (a part is a lower bound when its total is). "22 bodies of civilians ...
// as well as the remains of six other people": both are parts of a stated total of 28.
#pragma once

#include "extract/article_context.hpp"

namespace reckon::extract {

// Links claim i (just made) to the total it breaks down or adds up to.
void link_parent(article_context& ax, std::size_t i);

// "Two men were shot. One died at the hospital.": the dead told right after a count of
// those shot are part of it, so the others were injured (2 shot, 1 died = 1 killed, 1
// injured), as "Four people were shot, one fatally" is read within one sentence. Claim i
// (just made) is an exact death count opening its sentence without a noun of its own ("One
// died", "Two of them died", "One of the victims was pronounced dead"); the count it is
// taken from is the only figure of the sentence before, exact, injured, read from "shot"
// in a sentence that says nothing of wounds. That count is lowered by the dead.
void deaths_among_shot(article_context& ax, std::size_t i);

}  // namespace reckon::extract
