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

}  // namespace reckon::extract
