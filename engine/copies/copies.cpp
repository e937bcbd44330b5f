#include "copies/copies.hpp"

#include <algorithm>
#include <iterator>
#include <thread>

#include "support/parallel.hpp"

namespace reckon::copies {

namespace {

constexpr std::size_t shingle_words = 4;

std::uint64_t mix(std::uint64_t h) {
    // splitmix64 finaliser: spreads token hashes so the 1-in-N sample is uniform.
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

// What each byte is to the word splitter below: a separator, a word byte (with its
// lower-case form) or one to look at around it (an apostrophe, a comma, the lead byte of
// U+2018/U+2019). One table lookup a byte instead of a chain of comparisons: every byte
// of every article passes here.
struct byte_classes {
    enum kind : unsigned char { separator, word_byte, special };
    kind of[256] = {};
    unsigned char lower[256] = {};
    constexpr byte_classes() {
        for (int c = 0; c < 256; ++c) {
            const bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
            of[c] = word ? word_byte : separator;
            lower[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        of[static_cast<unsigned char>('\'')] = special;
        of[static_cast<unsigned char>(',')] = special;
        of[0xE2] = special;
    }
};
constexpr byte_classes classes;

bool digit_byte(char c) { return c >= '0' && c <= '9'; }

// Calls `emit(hash)` for each word of `text`: runs of letters, digits and non-ASCII
// bytes, lower-cased; apostrophes (' and U+2019) and thousands commas are dropped.
template <class Emit>
void for_each_word(std::string_view text, Emit&& emit) {
    std::uint64_t h = 1469598103934665603ULL;
    bool in_word = false;
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        auto kind = classes.of[c];
        if (kind == byte_classes::special) {
            if (c == '\'') continue;
            // "360,000" and FA-KES's "360000" are one word.
            if (c == ',') {
                if (i > 0 && i + 1 < n && digit_byte(text[i - 1]) && digit_byte(text[i + 1])) continue;
                kind = byte_classes::separator;
            } else {  // 0xE2: U+2018 and U+2019 are apostrophes, any other sequence is word bytes
                if (i + 2 < n && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                    (static_cast<unsigned char>(text[i + 2]) == 0x99 || static_cast<unsigned char>(text[i + 2]) == 0x98)) {
                    i += 2;
                    continue;
                }
                kind = byte_classes::word_byte;
            }
        }
        if (kind == byte_classes::word_byte) {
            h = (h ^ classes.lower[c]) * 1099511628211ULL;
            in_word = true;
        } else if (in_word) {
            emit(h);
            h = 1469598103934665603ULL;
            in_word = false;
        }
    }
    if (in_word) emit(h);
}

}  // namespace

std::vector<std::uint64_t> shingles(std::string_view text) {
    std::vector<std::uint64_t> out;
    std::uint64_t window[shingle_words] = {};
    std::size_t count = 0;
    for_each_word(text, [&](std::uint64_t w) {
        window[count % shingle_words] = w;
        ++count;
        if (count < shingle_words) return;
        std::uint64_t h = 0;
        for (std::size_t k = 0; k < shingle_words; ++k) h = mix(h * 31 + window[(count + k) % shingle_words]);
        out.push_back(h);
    });
    return out;
}

std::vector<fingerprint> fingerprints(std::string_view text) {
    const auto hashes = shingles(text);
    return std::vector<fingerprint>(hashes.begin(), hashes.end());  // the low 32 bits
}

std::vector<fingerprint> sketch(const article& a) {
    auto s = fingerprints(a.body.of(a.text));
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    return s;
}

std::vector<char> touched_by_added(const std::vector<article>& articles, const std::vector<std::vector<fingerprint>>& sketches,
                                   const std::vector<copy_link>& links, std::size_t first_new, const copy_options& options) {
    const std::size_t n = std::min(articles.size(), sketches.size());
    std::vector<char> touched(n, 0);
    if (first_new >= n) return touched;
    copy_options earlier_only = options;
    earlier_only.first_articles = first_new;
    const std::vector<copy_link> before = find_copies(articles, sketches, earlier_only);
    std::vector<std::pair<std::size_t, std::size_t>> was, is;
    for (const auto& l : before) was.emplace_back(l.later, l.earlier);
    for (const auto& l : links) {
        if (l.later >= first_new) continue;
        if (l.earlier >= first_new) touched[l.later] = 1;  // copies an added article
        else is.emplace_back(l.later, l.earlier);
    }
    // Both sorted by (later, earlier): the links that came or went.
    std::vector<std::pair<std::size_t, std::size_t>> differ;
    std::set_symmetric_difference(was.begin(), was.end(), is.begin(), is.end(), std::back_inserter(differ));
    for (const auto& [later, earlier] : differ) touched[later] = 1;
    return touched;
}

double shared_fraction(const std::vector<fingerprint>& passage, const std::vector<fingerprint>& sketch) {
    if (passage.empty()) return 0;
    std::size_t hit = 0;
    for (const auto h : passage) hit += std::binary_search(sketch.begin(), sketch.end(), h) ? 1 : 0;
    return static_cast<double>(hit) / static_cast<double>(passage.size());
}

double shared_fraction(std::string_view passage, const std::vector<std::uint64_t>& other_shingles) {
    const auto mine = shingles(passage);
    if (mine.empty()) return 0;
    std::size_t hit = 0;
    for (const auto h : mine) hit += std::binary_search(other_shingles.begin(), other_shingles.end(), h) ? 1 : 0;
    return static_cast<double>(hit) / static_cast<double>(mine.size());
}

bool published_before(const article& a, const article& b) {
    const bool ak = a.published.known(), bk = b.published.known();
    if (ak && bk && a.published.first_day() != b.published.first_day()) return a.published.first_day() < b.published.first_day();
    if (ak != bk) return ak;  // a dated article is taken as the original
    return a.id < b.id;
}

namespace {

// Sorts with up to two threads: each half is sorted on its own thread, then merged.
template <class T>
void sort_parallel(std::vector<T>& v, unsigned jobs) {
    if (jobs < 2 || v.size() < (1u << 16)) {
        std::sort(v.begin(), v.end());
        return;
    }
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::thread left([&] { std::sort(v.begin(), mid); });
    std::sort(mid, v.end());
    left.join();
    std::inplace_merge(v.begin(), mid, v.end());
}

// 8 bytes (a 32-bit fingerprint and an article index): tens of millions of them are
// the peak of this stage.
struct posting {
    fingerprint hash;
    std::uint32_t article;
    bool operator<(const posting& o) const { return hash != o.hash ? hash < o.hash : article < o.article; }
};
static_assert(sizeof(posting) == 8, "posting is two 32-bit words");

}  // namespace

std::vector<copy_link> find_copies(const std::vector<article>& articles, const copy_options& options) {
    std::vector<std::vector<fingerprint>> sketches(articles.size());
    run_striped(articles.size(), std::max(1u, std::min<unsigned>(options.jobs, 64)), [&](std::size_t first, std::size_t step) {
        for (std::size_t i = first; i < articles.size(); i += step) sketches[i] = sketch(articles[i]);
    });
    return find_copies(articles, sketches, options);
}

// Flat vectors sorted, not hash maps of vectors: the postings of a million articles
// are some 60 million entries, and a node and a vector for each would take gigabytes.
std::vector<copy_link> find_copies(const std::vector<article>& articles, const std::vector<std::vector<fingerprint>>& sketches,
                                   const copy_options& options) {
    const std::size_t n = std::min(articles.size(), options.first_articles);
    // Sampled fingerprints (the sketches are distinct and sorted); only their counts are kept.
    std::vector<std::uint32_t> sampled_size(n, 0);
    const unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, 64));
    std::vector<std::vector<posting>> parts(jobs);
    run_striped(n, jobs, [&](std::size_t first, std::size_t step) {
        auto& part = parts[first];
        for (std::size_t i = first; i < n; i += step) {
            for (const auto h : sketches[i]) {
                if (h % options.sample_mod != 0) continue;
                ++sampled_size[i];
                part.push_back({h, static_cast<std::uint32_t>(i)});
            }
        }
    });
    std::vector<posting> postings = concat_parts(parts);
    sort_parallel(postings, jobs);
    // Each article's shared shingles: the start of every posting group of 2 to
    // max_postings articles it is in (larger ones are boilerplate), grouped by article.
    std::vector<std::size_t> first_group(n + 1, 0);
    std::vector<std::uint32_t> groups;
    {
        const auto each_group = [&](auto&& visit) {
            for (std::size_t from = 0; from < postings.size();) {
                std::size_t to = from + 1;
                while (to < postings.size() && postings[to].hash == postings[from].hash) ++to;
                if (to - from >= 2 && to - from <= options.max_postings)
                    for (std::size_t p = from; p < to; ++p) visit(postings[p].article, from);
                from = to;
            }
        };
        each_group([&](std::uint32_t a, std::size_t) { ++first_group[a + 1]; });
        for (std::size_t a = 0; a < n; ++a) first_group[a + 1] += first_group[a];
        groups.resize(first_group[n]);
        std::vector<std::size_t> next(first_group.begin(), first_group.end() - 1);
        each_group([&](std::uint32_t a, std::size_t from) { groups[next[a]++] = static_cast<std::uint32_t>(from); });
    }
    // Articles sharing a sampled shingle, counted per pair from the first article of the
    // pair, in a table of the thread's own. No list of all the pairs is made:
    // boilerplate shingles shared by up to max_postings articles make hundreds of
    // millions of them in a large corpus, and sorting them was this stage's peak.
    std::vector<std::vector<copy_link>> found(jobs);
    run_striped(n, jobs, [&](std::size_t first, std::size_t step) {
        auto& mine = found[first];
        std::vector<std::uint32_t> shared(n, 0);
        std::vector<std::uint32_t> met;  // the articles counted for the current one
        for (std::size_t i = first; i < n; i += step) {
            for (std::size_t g = first_group[i]; g < first_group[i + 1]; ++g) {
                const fingerprint h = postings[groups[g]].hash;
                for (std::size_t p = groups[g]; p < postings.size() && postings[p].hash == h; ++p) {
                    const std::uint32_t j = postings[p].article;
                    if (j > i && shared[j]++ == 0) met.push_back(j);
                }
            }
            std::sort(met.begin(), met.end());
            for (const auto j : met) {
                const std::size_t count = shared[j];
                shared[j] = 0;
                if (count < options.min_shared) continue;
                const std::size_t smaller = std::min(sampled_size[i], sampled_size[j]);
                const double overlap = smaller == 0 ? 0 : static_cast<double>(count) / static_cast<double>(smaller);
                if (overlap < options.min_overlap) continue;
                const bool i_first = published_before(articles[i], articles[j]);
                mine.push_back({i_first ? j : i, i_first ? i : j, std::min(overlap, 1.0), count});
            }
            met.clear();
        }
    });
    std::vector<posting>().swap(postings);
    std::vector<copy_link> links = concat_parts(found);
    std::sort(links.begin(), links.end(), [](const copy_link& a, const copy_link& b) {
        return a.later != b.later ? a.later < b.later : a.earlier < b.earlier;
    });
    return links;
}

}  // namespace reckon::copies
