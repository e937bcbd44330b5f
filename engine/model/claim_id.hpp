// Claim ids that survive edits elsewhere in the article.
//
// A claim extracted from an article is named `ARTICLE@s<hash>.<figure>`:
//  - ARTICLE is the article's id;
//  - `s<hash>` anchors the sentence holding the figure: 8 hex digits of the FNV-1a hash of
//    its text with runs of blanks made one space and ASCII letters in lower case; when the
//    same sentence comes again in the article, its second copy is `s<hash>-2`, the third
//    `s<hash>-3`...;
//  - `<figure>` is the figure's place among the numbers reckon reads in that sentence,
//    from 0.
// Editing another paragraph leaves the id as it was; editing the sentence itself gives its
// figures new ids (it may now say something else).
//
// Older reckon named a claim `ARTICLE@<byte offset of its figure>`, so an edit above it
// renamed it and detached the decisions naming it. Those ids are still accepted wherever a
// user writes one (analyst decisions, `reckon explain`): claim_finder resolves them to the
// claim whose figure starts at that offset, and callers say so. Claims read from event
// data sets (ACLED, UCDP) keep `ROW@offset`: a row is not edited.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "model/claim.hpp"

namespace reckon {

// The form of the ids this reckon gives, recorded with a living audit's extraction so that a
// store whose claims carry ids of another form is extracted again (store/living_audit.cpp).
inline constexpr const char* claim_id_form = "ARTICLE@s<sentence hash>.<figure>";

// The hash a sentence is anchored by (blanks and ASCII case do not count).
std::uint32_t sentence_hash(std::string_view sentence_text);

// "s1a2b3c4" for the first copy of a sentence in its article, "s1a2b3c4-2" for the second...
std::string sentence_anchor(std::uint32_t hash, std::size_t copy);

// "ARTICLE@s1a2b3c4.0"
std::string claim_id(std::string_view article_id, std::string_view anchor, std::size_t figure);

// The id older reckon gave a claim: "ARTICLE@<byte offset of the figure>".
std::string offset_claim_id(const claim& c);

// Whether `id` has that older form: digits only after its last '@'.
bool is_offset_claim_id(std::string_view id);

// The article part of a claim id: what comes before its last '@' (article ids may hold '@').
std::string_view article_of_claim_id(std::string_view id);

// The id a claim had before ids were anchored on sentences: its offset id when its id is
// anchored, else its id as it is (claims of data sets, of rules tests).
std::string older_claim_id(const claim& c);

// The order that breaks ties between otherwise equal claims (which claim an origin's word
// is, in what order a figure lists the claims it read): by their older ids as text, as
// before ids were anchored, so that the new form of ids moves no figure. (Text order would
// read better: "A@985" before "A@1020"; it moves 808 of the 10,882 lines of the FA-KES
// audit, a change of its own.)
bool tie_order(const claim& a, const claim& b);

// Finds a claim among n by an id a user wrote: its id, or the older offset id of a claim.
// The offset ids are indexed the first time one is asked for, so a corpus whose decisions
// all use current ids pays nothing.
class claim_finder {
public:
    using accessor = std::function<const claim&(std::size_t)>;
    claim_finder(std::size_t n, accessor at);

    struct found {
        std::size_t index = 0;   // of the claim, as `at` numbers them
        bool by_offset = false;  // named by its older offset id
    };
    std::optional<found> find(std::string_view id) const;

private:
    std::size_t m_n;
    accessor m_at;
    mutable std::unordered_map<std::string_view, std::size_t> m_by_id;
    mutable std::unordered_map<std::string, std::size_t> m_by_offset;
    mutable bool m_offsets_indexed = false;
};

}  // namespace reckon
