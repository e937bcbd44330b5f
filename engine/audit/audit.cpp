#include "audit/audit.hpp"

#include <algorithm>
#include <map>
#include <array>
#include <chrono>
#include <cmath>
#include <deque>
#include <tuple>
#include <cctype>
#include <cstdio>
#include <set>
#include <string_view>
#include <thread>
#include <unordered_map>

#include <openssl/evp.h>

#include "audit/decisions.hpp"
#include "audit/shard.hpp"
#include "extract/extract.hpp"
#include "extract/world_places.hpp"
#include "model/claim_id.hpp"
#include "support/atomic_file.hpp"
#include "support/memory.hpp"
#include "support/parallel.hpp"

namespace reckon::audit {

int severity_rank(const std::string& s) {
    if (s == "high") return 3;
    if (s == "medium") return 2;
    if (s == "low") return 1;
    return 0;
}

double evidence_of(const rules::claim_facts& a, const rules::claim_facts& b) {
    const claim& x = *a.c;
    const claim& y = *b.c;
    double score = 0;
    if (a.origin != b.origin) score += 3;
    if (x.article != y.article) score += 2;
    const auto exact = [](const claim& c) {
        return c.qualifier != qualifier::vague && c.qualifier != qualifier::range && c.event_date.precision == date_precision::day &&
               !c.place_key.empty() && c.relation.empty() && c.period.empty() && c.group.empty();
    };
    if (exact(x) && exact(y)) score += 2;
    // the gap between the intervals, relative to the smaller figure's ceiling
    const auto low = [](const claim& c) { return static_cast<double>(c.low.value_or(0)); };
    const auto high = [](const claim& c) { return c.high ? static_cast<double>(*c.high) : 1e18; };
    const double gap = std::max(low(y) - high(x), low(x) - high(y));
    if (gap > 0) score += 3 * std::min(1.0, gap / std::max(1.0, std::min(high(x), high(y))));
    return std::round(score * 10) / 10;
}

bool stronger(const incident_record& a, const incident_record& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    if (a.strongest != b.strongest) return a.strongest > b.strongest;
    const auto da = a.date_from.known() ? a.date_from.first_day() : INT64_MAX;
    const auto db = b.date_from.known() ? b.date_from.first_day() : INT64_MAX;
    if (da != db) return da < db;
    return a.id < b.id;
}

namespace {
std::string hex_of(const unsigned char* digest, unsigned int length) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        hex += digits[digest[i] >> 4];
        hex += digits[digest[i] & 15];
    }
    return hex;
}
}  // namespace

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
    return hex_of(digest, length);
}

// Hashed in blocks: a corpus of a million articles is not read into memory a second time.
std::string sha256_file(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return {};
    EVP_MD_CTX* md = EVP_MD_CTX_new();
    EVP_DigestInit_ex(md, EVP_sha256(), nullptr);
    std::vector<char> buf(1 << 20);
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) EVP_DigestUpdate(md, buf.data(), n);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(md, digest, &length);
    EVP_MD_CTX_free(md);
    if (failed) return {};
    return hex_of(digest, length);
}

namespace {

// Extracts claims (and the sketches copy detection needs) article by article, in
// batches: with jobs > 1 a batch's articles are shared out in fixed stripes, and
// `take(i)` is called for each article of the batch in corpus order once the batch is
// done, so the output is the same whatever the number of threads. `take` moves the
// claims out; what it frees is used again by the next batch (the workers' arenas), so
// the extracted claims of the corpus are never all held beside their records. Without
// `keep_text` each text is dropped as soon as it is extracted.
template <class Take>
void extract_all(std::vector<article>& articles, std::vector<extracted_article>& per_article, const extract::extract_context& ctx,
                 unsigned jobs, bool keep_text, const std::atomic<bool>* cancel, diagnostics& diags,
                 std::vector<match::article_terms>* terms, Take take) {
    constexpr std::size_t batch = 4096;
    per_article.assign(articles.size(), {});
    if (terms) terms->assign(articles.size(), {});
    std::vector<diagnostics> per_diags(std::min(batch, articles.size()));
    // One extractor for the whole corpus: its tables (registry aliases, gazetteer
    // names) are built once; extract() is const and safe to share between threads.
    const extract::extractor x(ctx);
    for (std::size_t from = 0; from < articles.size(); from += batch) {
        const std::size_t to = std::min(articles.size(), from + batch);
        run_striped(to - from, jobs, [&](std::size_t first, std::size_t step) {
            for (std::size_t i = from + first; i < to; i += step) {
                if (cancel && cancel->load(std::memory_order_relaxed)) return;
                per_article[i] = extract_article(x, articles[i], per_diags[i - from], nullptr, terms != nullptr);
                if (terms) (*terms)[i] = std::move(per_article[i].terms);
                if (!keep_text) std::string().swap(articles[i].text);
            }
        });
        for (std::size_t i = from; i < to; ++i) {
            diags.append(per_diags[i - from]);
            per_diags[i - from] = {};
            take(i);
        }
        if (cancel && cancel->load(std::memory_order_relaxed)) return;
    }
}

// The killed and injured figures reported with each claim, for the rules' figures():
// its own value for its outcome; for the other outcome, the first figure of that
// outcome in its sentence, else the first in its article that breaks nothing down.
// Exact figures only, and no breakdown: "13 children" is not the toll.
void reported_with(const claim_records& claims, std::vector<rules::claim_facts>& facts) {
    const auto value_of = [](const claim& c) -> std::int64_t {
        return c.kind == claim_kind::incident && c.parent.empty() && c.low && c.qualifier == qualifier::exact ? *c.low : -1;
    };
    // Per article: the first killed and injured figure of the article and of each
    // sentence, so an article of many figures costs linear time.
    std::map<std::size_t, std::array<std::int64_t, 2>> by_sentence;
    for (std::size_t i = 0; i < claims.size();) {
        std::size_t end = i;
        while (end < claims.size() && claims[end].article == claims[i].article) ++end;
        by_sentence.clear();
        std::array<std::int64_t, 2> in_article{-1, -1};
        for (std::size_t k = i; k < end; ++k) {
            const claim& c = claims[k].c;
            const auto v = value_of(c);
            if (v < 0 || c.outcome == outcome::missing) continue;
            const int o = c.outcome == outcome::killed ? 0 : 1;
            if (in_article[o] < 0) in_article[o] = v;
            auto& s = by_sentence.emplace(c.sentence.begin, std::array<std::int64_t, 2>{-1, -1}).first->second;
            if (s[o] < 0) s[o] = v;
        }
        for (std::size_t k = i; k < end; ++k) {
            const claim& c = claims[k].c;
            if (c.kind != claim_kind::incident || c.outcome == outcome::missing) continue;
            const int own = c.outcome == outcome::killed ? 0 : 1, other = 1 - own;
            const auto it = by_sentence.find(c.sentence.begin);
            const std::int64_t in_sentence = it == by_sentence.end() ? -1 : it->second[other];
            auto& f = facts[k];
            (own == 0 ? f.killed : f.injured) = value_of(c);
            (other == 0 ? f.killed : f.injured) = in_sentence >= 0 ? in_sentence : in_article[other];
        }
        i = end;
    }
}

// Which of two judgements explains a join better: a join over none, then a boolean
// rule's join (it needs no weighing), then the higher score.
bool better_join(const rules::match_result& x, const rules::match_result& y) {
    if (x.same != y.same) return x.same;
    if (x.scored != y.scored) return !x.scored;
    return x.scored && x.score > y.score;
}

// Why an incident's claims are together: each member (the first max_explained_members
// that break nothing down; breakdowns travel with their totals) with the earlier member
// the rules join it to best. Average linkage may also hold a member that joins no earlier
// one directly: it then has no entry.
std::vector<judged_pair> explain_joins(const std::vector<std::size_t>& members, const std::vector<rules::claim_facts>& facts,
                                       const rules::ruleset& rules) {
    std::vector<std::size_t> units;
    for (const auto m : members)
        if (facts[m].c->parent.empty() && units.size() < max_explained_members) units.push_back(m);
    std::vector<judged_pair> out;
    for (std::size_t i = 1; i < units.size(); ++i) {
        std::optional<judged_pair> best;
        for (std::size_t j = 0; j < i; ++j) {
            auto r = rules.match(facts[units[j]], facts[units[i]]);
            if (r.same && (!best || better_join(r, best->result))) best = judged_pair{facts[units[j]].c->id, facts[units[i]].c->id, std::move(r)};
        }
        if (best) out.push_back(std::move(*best));
    }
    return out;
}

// The pairs `reckon explain` asks for: claim ids, or article ids standing for the pair of
// their claims the rules judge best (see better_join).
// A claim named by its older offset id is found, with a warning giving its id.
std::vector<judged_pair> explain_pairs(const std::vector<std::pair<std::string, std::string>>& asked,
                                       const std::vector<rules::claim_facts>& facts, const rules::ruleset& rules,
                                       diagnostics& diags) {
    std::vector<judged_pair> out;
    const claim_finder finder(facts.size(), [&facts](std::size_t i) -> const claim& { return *facts[i].c; });
    const auto claims_of = [&](const std::string& id) {
        std::vector<std::size_t> found;
        if (const auto f = finder.find(id)) {
            if (f->by_offset)
                diags.warning("old-claim-id", "", 0, 0,
                              "claim '" + id + "' is named by the byte offset of its figure, the older form of claim ids; its id is '" +
                                  facts[f->index].c->id + "'",
                              "write '" + facts[f->index].c->id + "': it stays the same when another paragraph of the article is edited");
            return std::vector<std::size_t>{f->index};
        }
        for (std::size_t i = 0; i < facts.size(); ++i)
            if (facts[i].c->article == id && facts[i].c->parent.empty() && facts[i].c->kind == claim_kind::incident) found.push_back(i);
        return found;
    };
    for (const auto& [x, y] : asked) {
        const auto xs = claims_of(x), ys = claims_of(y);
        judged_pair p{x, y, {}};
        if (xs.empty() || ys.empty()) {
            p.result.reason = "no claim or article '" + (xs.empty() ? x : y) + "' in the corpus";
            out.push_back(std::move(p));
            continue;
        }
        bool any = false;
        for (const auto i : xs)
            for (const auto j : ys) {
                if (i == j) continue;
                auto r = rules.match(facts[i], facts[j]);
                if (!any || better_join(r, p.result) || (!r.same && !p.result.same && r.score > p.result.score)) {
                    p = {facts[i].c->id, facts[j].c->id, std::move(r)};
                    any = true;
                }
            }
        out.push_back(std::move(p));
    }
    return out;
}

// The fields of the registry entry for a claim's source, for rules that ask.
struct source_description {
    std::string kind;
    std::map<std::string, std::string> fields;
};
source_description describe_source(const registry::source_registry* sources, const std::string& name) {
    source_description f;
    if (!sources) return f;
    const registry::source* s = sources->find(name);
    if (!s) s = sources->find_alias(name);
    if (!s) s = sources->find_outlet(name);
    if (!s) return f;
    f.kind = s->kind;
    f.fields = s->fields;
    f.fields["name"] = s->name;
    f.fields["kind"] = s->kind;
    if (!s->country.empty()) f.fields["country"] = s->country;
    if (!s->affiliation.empty()) f.fields["affiliation"] = s->affiliation;
    return f;
}

// Gazetteer keys of the places enclosing `key`, nearest first, ending with the
// governorate: what lets the rules see a village within its district and governorate.
std::vector<std::string> enclosing_places(const registry::gazetteer* places, const std::string& key) {
    // A world place's key is its path ("us/ohio/clark-county/springfield"): its prefixes enclose it.
    if (key.find('/') != std::string::npos) return extract::world_key_parents(key);
    std::vector<std::string> out;
    if (!places || key.empty()) return out;
    const registry::place* p = places->find_key(key);
    for (int steps = 0; p && steps < 8 && !p->parent.empty(); ++steps) {
        out.push_back(p->parent);
        p = places->find_key(p->parent);
    }
    if (const registry::place* self = places->find_key(key); self && !self->governorate.empty()) {
        const std::string g = registry::gazetteer::normalise(self->governorate);
        if (g != key && std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
    }
    return out;
}

std::string incident_id(const std::vector<std::size_t>& members, const claim_records& claims) {
    std::vector<std::string> ids;
    for (const auto m : members) ids.push_back(claims[m].c.id);
    std::sort(ids.begin(), ids.end());
    std::string joined;
    for (const auto& id : ids) joined += id + '\n';
    return "inc-" + sha256_hex(joined).substr(0, 10);
}

// Bytes a value owns on the heap beyond its own size (strings past the short-string
// buffer, vectors' capacity): an estimate for --timings, not an allocator's count.
std::size_t heap_of(const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; }
template <class T>
std::size_t heap_of(const std::vector<T>& v) { return v.capacity() * sizeof(T); }

// The bytes a claim's strings and relay list own beyond the claim itself.
std::size_t owned_by(const claim& c) {
    std::size_t n = heap_of(c.relay);
    for (const std::string* s : {&c.id, &c.article, &c.category, &c.side, &c.value_text, &c.qualifier_text, &c.vague, &c.parent,
                                 &c.source, &c.source_text, &c.source_type, &c.place, &c.place_key, &c.governorate, &c.country,
                                 &c.actor, &c.attack, &c.scope, &c.relation, &c.period, &c.group, &c.localities})
        n += heap_of(*s);
    for (const auto& r : c.relay) n += heap_of(r);
    return n;
}

// The memory the extracted corpus holds, by kind (audit_result::held_bytes).
std::vector<std::pair<std::string, std::size_t>> held_after_extraction(const claim_records& records,
                                                                       const std::vector<std::vector<copies::fingerprint>>& sketches,
                                                                       const std::vector<extracted_article>& per_article,
                                                                       const std::vector<match::article_terms>& terms) {
    std::size_t claims = records.bytes(), articles = 0, sentences = 0, words = 0;
    for (const auto& r : records) claims += owned_by(r.c);
    for (const auto& s : sketches) articles += heap_of(s);
    for (const auto& e : per_article) {
        articles += sizeof(e) + heap_of(e.sketch);
        sentences += heap_of(e.sentences);
        for (const auto& s : e.sentences) sentences += heap_of(s.second);
    }
    for (const auto& t : terms) {
        words += sizeof(t) + t.lead.heap_bytes() + t.names.heap_bytes();
    }
    return {{"claim records (" + std::to_string(records.size()) + ")", claims},
            {"article records and copy sketches", articles},
            {"claim sentences' fingerprints", sentences},
            {"matching words", words}};
}

template <class T>
void push_distinct(std::vector<T>& list, const T& value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

std::size_t peak_rss_kb() {
    FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return 0;
    char line[256];
    std::size_t kb = 0;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "VmHWM: %zu kB", &kb) == 1) break;
    std::fclose(f);
    return kb;
}

namespace {
// A block key with its term-id parts ("w12": a lead word, "n7": a name, as the rules'
// lead_words() and names() write them) given as the words ("w:shelling"), so that it
// names the same block in every run; other parts are as they are.
std::string stable_cell_key(const std::string& key, const std::vector<std::string>& lead_by_id, const std::vector<std::string>& name_by_id) {
    std::string out;
    out.reserve(key.size());
    for (std::size_t from = 0; from <= key.size();) {
        std::size_t to = key.find('|', from);
        if (to == std::string::npos) to = key.size();
        const std::string_view part(key.data() + from, to - from);
        const auto& words = part.size() > 1 && part[0] == 'w' ? lead_by_id : name_by_id;
        bool id = part.size() > 1 && (part[0] == 'w' || part[0] == 'n') && !words.empty();
        for (std::size_t k = 1; id && k < part.size(); ++k) id = part[k] >= '0' && part[k] <= '9';
        const std::size_t n = id ? std::stoul(std::string(part.substr(1))) : 0;
        if (from > 0) out += '|';
        if (id && n < words.size()) out.append(1, part[0]).append(":").append(words[n]);
        else out += part;
        from = to + 1;
    }
    return out;
}

// Records the time of each stage, for `--timings` and the benchmarks.
class stage_clock {
public:
    stage_clock(audit_result& out, bool live) : m_out(out), m_last(std::chrono::steady_clock::now()), m_live(live) {}
    void done(const char* stage) {
        release_free_memory();  // what the stage freed, before the next one allocates
        const auto now = std::chrono::steady_clock::now();
        m_out.timings.emplace_back(stage, std::chrono::duration<double>(now - m_last).count());
        m_out.peak_kb.push_back(peak_rss_kb());
        // Live, for runs too long to wait for the end (bench/run at 1M articles).
        if (m_live) std::fprintf(stderr, "reckon: stage %s: %.3f s, peak %zu MB\n", stage, m_out.timings.back().second, m_out.peak_kb.back() / 1024);
        m_last = now;
    }

private:
    audit_result& m_out;
    std::chrono::steady_clock::time_point m_last;
    bool m_live = false;
};
}  // namespace

struct audit_result::rule_pool {
    std::deque<rules::rule_ref> rules;  // a deque: pointers stay valid as it grows
    std::map<std::tuple<std::string, std::size_t, std::string>, const rules::rule_ref*> index;
};

const rules::rule_ref* audit_result::share_rule(const rules::rule_ref& r) {
    if (!m_rules) m_rules = std::make_shared<rule_pool>();
    auto key = std::make_tuple(r.file, r.line, r.name);
    const auto it = m_rules->index.find(key);
    if (it != m_rules->index.end()) return it->second;
    m_rules->rules.push_back(r);
    m_rules->index.emplace(std::move(key), &m_rules->rules.back());
    return &m_rules->rules.back();
}

const rules::rule_ref& rule_of(const rules::rule_ref* r) {
    static const rules::rule_ref none;
    return r ? *r : none;
}

audit_result run_audit(audit_inputs in) {
    audit_result out;
    out.jobs = std::max(1u, in.jobs);
    stage_clock clock(out, in.live_timings);
    out.articles = std::move(in.articles);
    out.inputs = std::move(in.hashes);
    const rules::ruleset& rules = *in.rules;

    // 1. Claims: extracted here, or read from a claims stream. Each article's claims
    // become records as soon as they are extracted, and its sketch is set aside for
    // copy detection.
    std::vector<extracted_article> per_article = std::move(in.extracted);
    std::vector<std::vector<copies::fingerprint>> sketches;
    const auto take = [&](std::size_t a) {
        auto& e = per_article[a];
        if (e.claims.empty()) out.articles_without_claims.push_back(out.articles[a].id);
        for (auto& c : e.claims) {
            claim_record& r = out.claims.emplace_back();
            r.c = std::move(c);
            r.article = a;
            if (r.c.kind == claim_kind::cumulative) ++out.corpus_cumulative_claims;
            if (r.c.place.empty() && r.c.place_key.empty() && r.c.governorate.empty()) ++out.corpus_without_place;
            if (r.c.country.empty()) ++out.corpus_without_country;
            if (r.c.source.empty()) ++out.corpus_without_source;
        }
        std::vector<claim>().swap(e.claims);  // the moved-from shells are as large as the claims
        sketches[a].swap(e.sketch);
    };
    std::vector<match::article_terms> terms;
    if (per_article.empty()) {
        extract::extract_context ctx;
        ctx.sources = in.sources;
        ctx.places = in.places;
        ctx.world = in.world;
        sketches.resize(out.articles.size());
        extract_all(out.articles, per_article, ctx, in.jobs, in.keep_text, in.cancel, out.diags,
                    rules.reads_text_evidence() ? &terms : nullptr, take);
    } else {
        sketches.resize(per_article.size());
        for (std::size_t a = 0; a < per_article.size(); ++a) take(a);
        if (rules.reads_text_evidence()) {
            // From a claims stream (or the store): the words its article records carry. A
            // stream written before they were carried has none, and its articles join others
            // on their claims' fields alone.
            terms.resize(per_article.size());
            std::size_t without = 0, first = 0;
            for (std::size_t a = 0; a < per_article.size(); ++a) {
                if (!per_article[a].has_terms) {
                    if (without++ == 0) first = a;
                    continue;
                }
                terms[a] = std::move(per_article[a].terms);
            }
            if (without > 0)
                out.diags.warning("no-match-words", out.articles[first].where.file, out.articles[first].where.line, 1,
                                  std::to_string(without) + " of " + std::to_string(per_article.size()) +
                                      " article records carry no words for scored matching ('lead_words', 'names'); "
                                      "their articles are matched on their claims' fields alone",
                                  "the claims stream was written by an earlier 'reckon extract': extract it again");
        }
    }
    // Data-set rows come after the articles; they carry no text evidence of their own.
    for (std::size_t i = 0; i < in.dataset_articles.size() && i < in.dataset_extracted.size(); ++i) {
        out.articles.push_back(std::move(in.dataset_articles[i]));
        per_article.push_back(std::move(in.dataset_extracted[i]));
        sketches.emplace_back();
        take(per_article.size() - 1);
    }
    out.corpus_claims = out.claims.size();
    if (!terms.empty()) terms.resize(out.articles.size());
    if (in.live_timings || in.count_held) out.held_bytes = held_after_extraction(out.claims, sketches, per_article, terms);
    // Text evidence for scored matching, when a match rule reads it: from the articles'
    // words, read here or carried by the claims stream, over the whole corpus (a word's
    // weight is how rare it is in it), so a stream, a shard and the store weigh alike.
    match::name_vocabulary name_ids;
    std::vector<char> word_touched;  // a living audit's stored articles whose words' weights moved
    if (!terms.empty()) {
        std::vector<std::optional<std::int64_t>> published(out.articles.size());
        for (std::size_t a = 0; a < out.articles.size(); ++a)
            if (out.articles[a].published.known()) published[a] = out.articles[a].published.first_day();
        if (in.statistics) {
            out.evidence = match::build_evidence(terms, &name_ids, &published, in.statistics.get());
            out.statistics = in.statistics;
        } else if (in.take_statistics) {
            auto taken = std::make_shared<match::word_statistics>();
            out.evidence = match::build_evidence(terms, &name_ids, &published, nullptr, taken.get());
            out.statistics = std::move(taken);
        } else {
            out.evidence = match::build_evidence(terms, &name_ids, &published);
        }
        if (in.statistics && in.previous && in.stored_articles > 0 && in.stored_articles < terms.size())
            word_touched = match::weights_moved_by_added(terms, in.stored_articles, *in.statistics);
    }
    // A living audit's block index keeps cells across runs, but names() and lead_words()
    // name their blocks by term ids, which follow this run's sorted vocabulary: the index
    // is given the words instead (stable_cell_key).
    std::vector<std::string> lead_by_id, name_by_id;
    if (in.keep_cells && !terms.empty()) {
        std::set<std::string_view> lead;
        for (const auto& t : terms) lead.insert(t.lead.begin(), t.lead.end());
        lead_by_id.assign(lead.begin(), lead.end());
        name_by_id.resize(name_ids.size());
        for (const auto& [w, id] : name_ids)
            if (id < name_by_id.size()) name_by_id[id] = w;
    }
    std::vector<match::article_terms>().swap(terms);
    const auto stopped = [&] { return in.cancel && in.cancel->load(std::memory_order_relaxed); };
    if (stopped()) {
        out.cancelled = true;
        return out;
    }

    clock.done("extract");

    // 2. Copies: a claim whose sentence is mostly found in an earlier linked article
    // is that article's evidence again, not a new confirmation. Only the sketches are
    // needed: the fingerprints of the articles' shingles and of the claim sentences.
    copies::copy_options copy_options;
    copy_options.jobs = in.jobs;
    out.copies = copies::find_copies(out.articles, sketches, copy_options);
    // A living audit's update: the stored articles whose copy links (so whose claims'
    // facts) may have changed with the new ones are matched again like new ones.
    std::vector<char> copy_touched;
    if (in.previous && in.stored_articles > 0 && in.stored_articles < out.articles.size() && (!rules.reads_text_evidence() || in.statistics))
        copy_touched = copies::touched_by_added(out.articles, sketches, out.copies, in.stored_articles, copy_options);
    {
        std::vector<std::vector<std::size_t>> claims_of(out.articles.size());
        for (std::size_t i = 0; i < out.claims.size(); ++i) claims_of[out.claims[i].article].push_back(i);
        for (const auto& link : out.copies) {
            const auto& earlier = sketches[link.earlier];
            for (const auto i : claims_of[link.later]) {
                auto& r = out.claims[i];
                if (r.copied) continue;
                if (copies::shared_fraction(per_article[link.later].sentence(r.c.sentence), earlier) >= 0.5) {
                    r.copied = true;
                    r.copied_from = out.articles[link.earlier].id;
                }
            }
        }
    }
    std::vector<std::vector<copies::fingerprint>>().swap(sketches);
    std::vector<extracted_article>().swap(per_article);

    clock.done("copies");

    // 3. What the rules know of each claim. Origin: the cited source when the figure is
    // attributed (ten outlets quoting SOHR are one origin); otherwise the article, or
    // the article it was copied from.
    // Sources and places repeat: each is described once and the facts point to it.
    std::unordered_map<std::string, source_description> source_cache;
    std::unordered_map<std::string, std::vector<std::string>> parents_cache;
    std::unordered_map<std::string, std::vector<std::uint32_t>> place_names_cache;  // by place and division
    std::vector<rules::claim_facts> facts(out.claims.size());
    // The figures each article tells (tells_figure: a report that gives both numbers does
    // not dispute the smaller); built before a shard keeps its part, so an article's list
    // is whole in every shard.
    std::vector<rules::article_figures> told(out.articles.size());
    for (const auto& r : out.claims)
        if (r.c.kind == claim_kind::incident) told[r.article].push_back(rules::told_figure::of(r.c));
    for (std::size_t i = 0; i < out.claims.size(); ++i) {
        const auto& r = out.claims[i];
        const article& a = out.articles[r.article];
        auto& f = facts[i];
        f.c = &r.c;
        auto src = source_cache.find(r.c.source);
        if (src == source_cache.end()) {
            auto described = describe_source(in.sources, r.c.source);
            // a source read from the text but not listed ("Memphis Police Department"):
            // its type gives the trust class
            if (described.kind.empty()) described.kind = registry::kind_of_type(r.c.source_type);
            src = source_cache.emplace(r.c.source, std::move(described)).first;
        }
        f.source_kind = src->second.kind;
        f.shared_source_fields = &src->second.fields;
        auto par = parents_cache.find(r.c.place_key);
        if (par == parents_cache.end()) par = parents_cache.emplace(r.c.place_key, enclosing_places(in.places, r.c.place_key)).first;
        f.shared_place_parents = &par->second;
        f.outlet = a.outlet;
        f.published = a.published;
        f.copied = r.copied;
        if (!r.c.source_text.empty()) f.origin = "source:" + r.c.source;
        else f.origin = "article:" + (r.copied ? r.copied_from : a.id);
        f.article_copied_from = r.copied_from;
        if (!out.evidence.empty()) {
            f.text = &out.evidence[r.article];
            std::string key = r.c.place + '\n' + r.c.governorate;
            auto names = place_names_cache.find(key);
            if (names == place_names_cache.end()) {
                auto ids = match::place_names_of(r.c.place, name_ids);
                const auto more = match::place_names_of(r.c.governorate, name_ids);
                ids.insert(ids.end(), more.begin(), more.end());
                std::sort(ids.begin(), ids.end());
                ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
                names = place_names_cache.emplace(std::move(key), std::move(ids)).first;
            }
            f.place_names = &names->second;
        }
        f.told = &told[r.article];
    }
    reported_with(out.claims, facts);
    for (std::size_t i = 0; i < out.claims.size(); ++i) {
        const auto iv = rules.interval_of(facts[i]);
        out.claims[i].interval = {iv.low, iv.best, iv.high, out.share_rule(iv.rule)};
        const auto w = rules.trust_of(facts[i]);
        out.claims[i].weight = {w.weight, out.share_rule(w.rule)};
    }

    // A shard keeps the claims of its part only (docs/scaling.md): those it owns, and
    // the cumulative totals some of its claims break down (context, not reported).
    std::vector<char> owned(out.claims.size(), 1);
    if (in.shard.count > 0) {
        const auto part = shard_selection(out.claims, facts, rules, in.shard, out.shard_sizes);
        claim_records kept;
        std::vector<rules::claim_facts> kept_facts;
        owned.clear();
        for (std::size_t i = 0; i < out.claims.size(); ++i) {
            if (part[i] == shard_part::outside) continue;
            kept.push_back(std::move(out.claims[i]));
            kept_facts.push_back(facts[i]);
            owned.push_back(part[i] == shard_part::owned ? 1 : 0);
        }
        out.claims = std::move(kept);
        facts = std::move(kept_facts);
        // The facts point into the records, which have moved (a short copied_from moves
        // its bytes with it: the old view would dangle).
        for (std::size_t i = 0; i < out.claims.size(); ++i) {
            facts[i].c = &out.claims[i].c;
            facts[i].article_copied_from = out.claims[i].copied_from;
        }
    }
    out.shard = in.shard;

    clock.done("facts");

    if (!in.explain.empty()) out.explained = explain_pairs(in.explain, facts, rules, out.diags);

    // The reach of a living audit's new articles: the stored units (claims that are no
    // other's breakdown) compared with a new one in some block: sharing a blocking cell
    // and not both inside one part of its key (the matcher's rule; its cut of blocks
    // over max_block members aside). The cells are the matcher's own
    // (ruleset::blocking_cells, a function of one claim).
    std::vector<char> reached;
    const auto unit = [&](std::size_t i) { return out.claims[i].c.kind == claim_kind::incident && out.claims[i].c.parent.empty(); };
    std::vector<std::vector<rules::block_cell>> cells;
    const bool measure_reach = in.stored_articles > 0 && in.stored_articles < out.articles.size() && in.shard.count == 0;
    if (measure_reach || (in.keep_cells && in.shard.count == 0)) {
        cells.resize(out.claims.size());
        run_striped(out.claims.size(), in.jobs, [&](std::size_t first, std::size_t step) {
            for (std::size_t i = first; i < out.claims.size(); i += step)
                if (unit(i)) cells[i] = rules.blocking_cells(facts[i]);
        }, 1024);
    }
    if (measure_reach) {
        std::map<std::string_view, std::set<std::uint32_t>> fresh;  // key -> the roles new units have in it
        auto& reach = out.reach;
        reach.measured = true;
        reached.assign(out.claims.size(), 0);
        for (std::size_t i = 0; i < out.claims.size(); ++i) {
            if (out.claims[i].article < in.stored_articles) continue;
            reached[i] = 1;
            if (!unit(i)) continue;
            ++reach.new_claims;
            for (const auto& cell : cells[i]) fresh[cell.key].insert(cell.inside);
        }
        const auto compared = [&](const rules::block_cell& cell) {
            const auto it = fresh.find(cell.key);
            return it != fresh.end() &&
                   std::any_of(it->second.begin(), it->second.end(), [&](std::uint32_t inside) { return (inside & cell.inside) == 0; });
        };
        for (std::size_t i = 0; i < out.claims.size(); ++i) {
            if (out.claims[i].article >= in.stored_articles || !unit(i)) continue;
            ++reach.stored_claims;
            if (std::any_of(cells[i].begin(), cells[i].end(), compared)) {
                reached[i] = 1;
                ++reach.block_mates;
            }
        }
    }

    // 4. Incidents.
    match::cluster_options cluster;
    cluster.cancel = in.cancel;
    cluster.jobs = in.jobs;
    cluster.naive_sample = in.naive_sample;
    cluster.keep_joined = false;  // provenance the audit does not print
    cluster.observe = in.observe;
    cluster.random_pairs = in.random_pairs;
    // A living audit's update matches again only what its new articles touch, when the
    // stored grouping still holds for the rest: every pair of stored claims must be judged
    // as before. Text evidence weighs words by their rarity in the whole corpus, so one
    // more article moves every weight (docs/performance.md): then the whole corpus.
    match::previous_grouping previous;
    if (in.previous) {
        auto& scope = out.matching;
        scope.asked = true;
        if (in.stored_articles == 0 || in.stored_articles >= out.articles.size()) {
            scope.full_because = "no articles were added";
        } else if (in.shard.count > 0) {
            scope.full_because = "a shard";
        } else if (rules.reads_text_evidence() && !in.statistics) {
            scope.full_because = words_move_everything;
        } else {
            const std::size_t n = out.claims.size();
            previous.group.assign(n, match::previous_grouping::none);
            previous.component.assign(n, match::previous_grouping::none);
            previous.seed.assign(n, 0);
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t a = out.claims[i].article;
                if (a >= in.stored_articles || copy_touched[a] || (!word_touched.empty() && word_touched[a])) previous.seed[i] = 1;
                if (a >= in.stored_articles) continue;
                const auto it = in.previous->by_claim.find(out.claims[i].c.id);
                if (it == in.previous->by_claim.end()) continue;
                previous.group[i] = it->second.first;
                previous.component[i] = it->second.second;
            }
            for (const auto t : copy_touched) scope.copy_seeds += t ? 1 : 0;
            for (const auto t : word_touched) scope.word_seeds += t ? 1 : 0;
            if (in.keep_cells) {
                out.reseeded.assign(out.articles.size(), 0);
                for (std::size_t a = 0; a < in.stored_articles; ++a)
                    out.reseeded[a] = (a < copy_touched.size() && copy_touched[a]) || (a < word_touched.size() && word_touched[a]) ? 1 : 0;
            }
            cluster.previous = &previous;
        }
    }
    if (in.keep_cells) {
        for (auto& claim_cells : cells)
            for (auto& cell : claim_cells) cell.key = stable_cell_key(cell.key, lead_by_id, name_by_id);
        out.cells = std::move(cells);
    }
    std::vector<std::vector<rules::block_cell>>().swap(cells);
    auto grouped = match::group_incidents(facts, rules, cluster);
    if (cluster.previous) {
        out.matching.incremental = grouped.incremental;
        out.matching.full_because = grouped.full_because;
    }
    out.matching.units = grouped.units;
    out.matching.rematched_units = grouped.rematched_units;
    previous = match::previous_grouping();  // its tables are as long as the claims
    clock.done("match");
    out.naive = grouped.naive;
    out.timings.back().second -= grouped.naive.seconds;  // the sample is not the matcher's time
    if (stopped()) {
        out.cancelled = true;
        return out;
    }
    out.pairs_judged = grouped.pairs_judged;
    out.largest_component = grouped.largest_component;
    out.diags.append(grouped.diags);
    std::vector<match::pair_decision>().swap(grouped.joined);  // provenance the audit does not print
    // Decisions naming a store's incidents, after the matcher's own (claim) decisions.
    apply_incident_decisions(grouped.groups, facts, in.incident_decisions);
    // Each incident is built and reconciled on its own (on several threads, in stripes);
    // they are put back in group order, so the output does not depend on the threads.
    out.incidents.resize(grouped.groups.size());
    const auto build = [&](std::size_t first, std::size_t step) {
        for (std::size_t gi = first; gi < grouped.groups.size(); gi += step) {
            if (stopped()) return;
            const auto& g = grouped.groups[gi];
            incident_record& inc = out.incidents[gi];
            inc.claims = g.members;
            inc.decisions = g.decisions;
            inc.component = g.component;
            inc.id = incident_id(g.members, out.claims);
            std::map<std::string, std::size_t> governorates, countries;
            std::set<std::string> origins, named_keys;
            std::vector<rules::claim_facts> members;
            members.reserve(g.members.size());
            for (const auto m : g.members) {
                const claim& c = out.claims[m].c;
                out.claims[m].incident = inc.id;  // each claim is in one group: no two threads write it
                // One name per place: "AL-SHAAFA" (a dateline) and "Al-Shaafa" are one key.
                if (!c.place.empty() && (c.place_key.empty() || named_keys.insert(c.place_key).second))
                    push_distinct(inc.places, c.place);
                push_distinct(inc.place_keys, c.place_key);
                push_distinct(inc.actors, c.actor);
                push_distinct(inc.sources, c.source);
                if (!c.governorate.empty()) ++governorates[c.governorate];
                if (!c.country.empty()) ++countries[c.country];
                origins.insert(facts[m].origin);
                if (c.event_date.known()) {
                    if (!inc.date_from.known() || c.event_date.first_day() < inc.date_from.first_day()) inc.date_from = c.event_date;
                    if (!inc.date_to.known() || c.event_date.last_day() > inc.date_to.last_day()) inc.date_to = c.event_date;
                }
                members.push_back(facts[m]);
            }
            std::size_t best = 0;
            for (const auto& [name, count] : governorates)
                if (count > best) {
                    best = count;
                    inc.governorate = name;
                }
            best = 0;
            for (const auto& [code, count] : countries)
                if (count > best) {
                    best = count;
                    inc.country = code;
                }
            inc.independent_sources = origins.size();
            inc.result = rules.reconcile(members);
            inc.joins = explain_joins(g.members, facts, rules);
            for (const auto& f : inc.result.findings) inc.severity = std::max(inc.severity, severity_rank(f.severity));
            for (const auto& f : inc.result.findings) {
                const rules::claim_facts* pair[2] = {nullptr, nullptr};
                for (std::size_t k = 0; k < 2 && f.claims.size() == 2; ++k)
                    for (const auto& m : members)
                        if (m.c->id == f.claims[k]) pair[k] = &m;
                inc.evidence.push_back(pair[0] && pair[1] ? evidence_of(*pair[0], *pair[1]) : 0.0);
                if (severity_rank(f.severity) == inc.severity) inc.strongest = std::max(inc.strongest, inc.evidence.back());
            }
        }
    };
    run_striped(grouped.groups.size(), in.jobs, build);
    if (stopped()) {
        out.cancelled = true;
        return out;
    }
    for (const auto& inc : out.incidents)
        for (const auto& f : inc.result.findings) ++out.findings_by_kind[f.kind];
    if (!reached.empty())
        for (const auto& inc : out.incidents)
            if (std::any_of(inc.claims.begin(), inc.claims.end(), [&](std::size_t m) { return reached[m] != 0; })) {
                ++out.reach.incidents;
                out.reach.incident_claims += inc.claims.size();
            }
    std::vector<match::incident_group>().swap(grouped.groups);
    std::sort(out.incidents.begin(), out.incidents.end(), stronger);

    clock.done("reconcile");

    // 5. Cumulative totals, as series per scope.
    std::map<std::string, series_record> series;
    for (std::size_t i = 0; i < out.claims.size(); ++i) {
        const claim& c = out.claims[i].c;
        if (c.kind != claim_kind::cumulative || !owned[i]) continue;
        const std::string key = series_key(c);
        auto& s = series[key];
        s.key = key;
        s.source = c.source;
        s.outcome = std::string(to_string(c.outcome));
        s.category = c.category;
        s.scope = series_scope(c);
        s.claims.push_back(i);
    }
    // Each series is ordered and judged on its own, on several threads; the findings
    // are counted afterwards in key order.
    for (auto& [key, s] : series) out.cumulative.push_back(std::move(s));
    run_striped(out.cumulative.size(), out.cumulative.size() < 2 ? 1 : in.jobs, [&](std::size_t first, std::size_t step) {
        for (std::size_t k = first; k < out.cumulative.size(); k += step) {
            auto& s = out.cumulative[k];
            std::stable_sort(s.claims.begin(), s.claims.end(), [&](std::size_t x, std::size_t y) {
                return copies::published_before(out.articles[out.claims[x].article], out.articles[out.claims[y].article]);
            });
            std::vector<rules::claim_facts> ordered;
            ordered.reserve(s.claims.size());
            for (const auto i : s.claims) ordered.push_back(facts[i]);
            s.findings = rules.series_findings(ordered);
        }
    }, 2);
    for (const auto& s : out.cumulative)
        for (const auto& f : s.findings) ++out.findings_by_kind[f.kind];

    // 6. Sources against the reconciled ranges.
    std::map<std::string, source_row> rows;
    std::unordered_map<std::string, std::size_t> claim_index;
    for (std::size_t i = 0; i < out.claims.size(); ++i) {
        claim_index.emplace(out.claims[i].c.id, i);
        if (!owned[i]) continue;
        auto& row = rows[out.claims[i].c.source];
        row.source = out.claims[i].c.source;
        row.kind = facts[i].source_kind;
        ++row.claims;
    }
    for (const auto& inc : out.incidents) {
        for (const auto& fig : inc.result.figures) {
            for (const auto m : inc.claims) {
                const auto& r = out.claims[m];
                if (r.c.outcome != fig.outcome || r.c.category != fig.category) continue;
                auto& row = rows[r.c.source];
                const auto& iv = r.interval;
                if (fig.high && iv.low && *iv.low > *fig.high) ++row.above;
                else if (fig.low && iv.high && *iv.high < *fig.low) ++row.below;
                else ++row.inside;
            }
        }
        for (const auto& f : inc.result.findings) {
            if (f.kind.find("self") == std::string::npos) continue;
            std::set<std::string> named;
            for (const auto& id : f.claims) {
                const auto it = claim_index.find(id);
                if (it != claim_index.end()) named.insert(out.claims[it->second].c.source);
            }
            for (const auto& s : named) ++rows[s].self_contradictions;
        }
    }
    for (auto& [name, row] : rows) out.sources.push_back(std::move(row));
    std::stable_sort(out.sources.begin(), out.sources.end(),
                     [](const source_row& a, const source_row& b) { return a.claims > b.claims; });
    clock.done("series and sources");
    return out;
}

}  // namespace reckon::audit
