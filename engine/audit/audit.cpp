#include "audit/audit.hpp"

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cstdio>
#include <set>
#include <thread>
#include <unordered_map>

#include <openssl/evp.h>

#include "extract/extract.hpp"
#include "support/atomic_file.hpp"

namespace reckon::audit {

int severity_rank(const std::string& s) {
    if (s == "high") return 3;
    if (s == "medium") return 2;
    if (s == "low") return 1;
    return 0;
}

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
    std::string hex;
    char buf[3];
    for (unsigned int i = 0; i < length; ++i) {
        std::snprintf(buf, sizeof buf, "%02x", digest[i]);
        hex += buf;
    }
    return hex;
}

std::string sha256_file(const std::string& path) {
    try {
        return sha256_hex(read_file(path));
    } catch (const io_error&) {
        return {};
    }
}

namespace {

// Extracts claims article by article; with jobs > 1 the articles are shared out in
// fixed stripes and the results put back in corpus order, so the output is the same
// whatever the number of threads.
std::vector<std::vector<claim>> extract_all(const std::vector<article>& articles, const extract::extract_context& ctx,
                                            unsigned jobs, const std::atomic<bool>* cancel, diagnostics& diags) {
    std::vector<std::vector<claim>> per_article(articles.size());
    std::vector<diagnostics> per_diags(articles.size());
    // One extractor for the whole corpus: its tables (registry aliases, gazetteer
    // names) are built once; extract() is const and safe to share between threads.
    const extract::extractor x(ctx);
    const auto work = [&](std::size_t first, std::size_t step) {
        for (std::size_t i = first; i < articles.size(); i += step) {
            if (cancel && cancel->load(std::memory_order_relaxed)) return;
            per_article[i] = x.extract(articles[i], per_diags[i]);
        }
    };
    jobs = std::max(1u, std::min<unsigned>(jobs, 64));
    if (jobs == 1 || articles.size() < 64) {
        work(0, 1);
    } else {
        std::vector<std::thread> threads;
        for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work, t, jobs);
        for (auto& t : threads) t.join();
    }
    for (const auto& d : per_diags) diags.append(d);
    return per_article;
}

// The fields of the registry entry for a claim's source, for rules that ask.
void describe_source(const registry::source_registry* sources, const std::string& name, rules::claim_facts& f) {
    if (!sources) return;
    const registry::source* s = sources->find(name);
    if (!s) s = sources->find_alias(name);
    if (!s) s = sources->find_outlet(name);
    if (!s) return;
    f.source_kind = s->kind;
    f.source_fields = s->fields;
    f.source_fields["name"] = s->name;
    f.source_fields["kind"] = s->kind;
    if (!s->country.empty()) f.source_fields["country"] = s->country;
    if (!s->affiliation.empty()) f.source_fields["affiliation"] = s->affiliation;
}

// Gazetteer keys of the places enclosing `key`, nearest first, ending with the
// governorate: what lets the rules see a village within its district and governorate.
std::vector<std::string> enclosing_places(const registry::gazetteer* places, const std::string& key) {
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

std::string incident_id(const std::vector<std::size_t>& members, const std::vector<claim_record>& claims) {
    std::vector<std::string> ids;
    for (const auto m : members) ids.push_back(claims[m].c.id);
    std::sort(ids.begin(), ids.end());
    std::string joined;
    for (const auto& id : ids) joined += id + '\n';
    return "inc-" + sha256_hex(joined).substr(0, 10);
}

template <class T>
void push_distinct(std::vector<T>& list, const T& value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

namespace {
// Records the time of each stage, for `--timings` and the benchmarks.
class stage_clock {
public:
    explicit stage_clock(audit_result& out) : m_out(out), m_last(std::chrono::steady_clock::now()) {}
    void done(const char* stage) {
        const auto now = std::chrono::steady_clock::now();
        m_out.timings.emplace_back(stage, std::chrono::duration<double>(now - m_last).count());
        m_last = now;
    }

private:
    audit_result& m_out;
    std::chrono::steady_clock::time_point m_last;
};
}  // namespace

audit_result run_audit(audit_inputs in) {
    audit_result out;
    stage_clock clock(out);
    out.articles = std::move(in.articles);
    out.inputs = std::move(in.hashes);
    const rules::ruleset& rules = *in.rules;

    // 1. Claims.
    const extract::extract_context ctx{in.sources, in.places};
    auto per_article = extract_all(out.articles, ctx, in.jobs, in.cancel, out.diags);
    const auto stopped = [&] { return in.cancel && in.cancel->load(std::memory_order_relaxed); };
    if (stopped()) {
        out.cancelled = true;
        return out;
    }
    for (std::size_t a = 0; a < per_article.size(); ++a) {
        if (per_article[a].empty()) out.articles_without_claims.push_back(out.articles[a].id);
        for (auto& c : per_article[a]) {
            claim_record r;
            r.c = std::move(c);
            r.article = a;
            out.claims.push_back(std::move(r));
        }
    }

    clock.done("extract");

    // 2. Copies: a claim whose sentence is mostly found in an earlier linked article
    // is that article's evidence again, not a new confirmation.
    out.copies = copies::find_copies(out.articles);
    {
        std::vector<std::vector<std::size_t>> claims_of(out.articles.size());
        for (std::size_t i = 0; i < out.claims.size(); ++i) claims_of[out.claims[i].article].push_back(i);
        std::unordered_map<std::size_t, std::vector<std::uint64_t>> shingle_cache;
        for (const auto& link : out.copies) {
            auto& earlier = shingle_cache[link.earlier];
            if (earlier.empty()) {
                const article& e = out.articles[link.earlier];
                earlier = copies::shingles(e.body.of(e.text));
                std::sort(earlier.begin(), earlier.end());
            }
            const article& later = out.articles[link.later];
            for (const auto i : claims_of[link.later]) {
                auto& r = out.claims[i];
                if (r.copied) continue;
                if (copies::shared_fraction(r.c.sentence.of(later.text), earlier) >= 0.5) {
                    r.copied = true;
                    r.copied_from = out.articles[link.earlier].id;
                }
            }
        }
    }

    clock.done("copies");

    // 3. What the rules know of each claim. Origin: the cited source when the figure is
    // attributed (ten outlets quoting SOHR are one origin); otherwise the article, or
    // the article it was copied from.
    std::vector<rules::claim_facts> facts(out.claims.size());
    for (std::size_t i = 0; i < out.claims.size(); ++i) {
        const auto& r = out.claims[i];
        const article& a = out.articles[r.article];
        auto& f = facts[i];
        f.c = &r.c;
        describe_source(in.sources, r.c.source, f);
        f.place_parents = enclosing_places(in.places, r.c.place_key);
        f.outlet = a.outlet;
        f.published = a.published;
        f.copied = r.copied;
        if (!r.c.source_text.empty()) f.origin = "source:" + r.c.source;
        else f.origin = "article:" + (r.copied ? r.copied_from : a.id);
    }
    for (std::size_t i = 0; i < out.claims.size(); ++i) {
        out.claims[i].interval = rules.interval_of(facts[i]);
        out.claims[i].weight = rules.trust_of(facts[i]);
    }

    clock.done("facts");

    // 4. Incidents.
    match::cluster_options cluster;
    cluster.cancel = in.cancel;
    auto grouped = match::group_incidents(facts, rules, cluster);
    clock.done("match");
    if (stopped()) {
        out.cancelled = true;
        return out;
    }
    out.pairs_judged = grouped.pairs_judged;
    out.diags.append(grouped.diags);
    for (const auto& g : grouped.groups) {
        if (stopped()) {
            out.cancelled = true;
            return out;
        }
        incident_record inc;
        inc.claims = g.members;
        inc.decisions = g.decisions;
        inc.id = incident_id(g.members, out.claims);
        std::map<std::string, std::size_t> governorates;
        std::set<std::string> origins, named_keys;
        std::vector<rules::claim_facts> members;
        for (const auto m : g.members) {
            const claim& c = out.claims[m].c;
            out.claims[m].incident = inc.id;
            // One name per place: "AL-SHAAFA" (a dateline) and "Al-Shaafa" are one key.
            if (!c.place.empty() && (c.place_key.empty() || named_keys.insert(c.place_key).second))
                push_distinct(inc.places, c.place);
            push_distinct(inc.place_keys, c.place_key);
            push_distinct(inc.actors, c.actor);
            push_distinct(inc.sources, c.source);
            if (!c.governorate.empty()) ++governorates[c.governorate];
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
        inc.independent_sources = origins.size();
        inc.result = rules.reconcile(members);
        for (const auto& f : inc.result.findings) {
            inc.severity = std::max(inc.severity, severity_rank(f.severity));
            ++out.findings_by_kind[f.kind];
        }
        out.incidents.push_back(std::move(inc));
    }
    std::sort(out.incidents.begin(), out.incidents.end(), [](const incident_record& a, const incident_record& b) {
        if (a.severity != b.severity) return a.severity > b.severity;
        if (a.result.findings.size() != b.result.findings.size()) return a.result.findings.size() > b.result.findings.size();
        const auto da = a.date_from.known() ? a.date_from.first_day() : INT64_MAX;
        const auto db = b.date_from.known() ? b.date_from.first_day() : INT64_MAX;
        if (da != db) return da < db;
        return a.id < b.id;
    });

    clock.done("reconcile");

    // 5. Cumulative totals, as series per scope.
    std::map<std::string, series_record> series;
    for (std::size_t i = 0; i < out.claims.size(); ++i) {
        const claim& c = out.claims[i].c;
        if (c.kind != claim_kind::cumulative) continue;
        std::string scope = c.scope;  // "Since 2014" and "since 2014" are one scope
        std::transform(scope.begin(), scope.end(), scope.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        const std::string key = c.source + " | " + std::string(to_string(c.outcome)) + " | " + c.category + " | " + scope;
        auto& s = series[key];
        s.key = key;
        s.source = c.source;
        s.outcome = std::string(to_string(c.outcome));
        s.category = c.category;
        s.scope = scope;
        s.claims.push_back(i);
    }
    for (auto& [key, s] : series) {
        std::stable_sort(s.claims.begin(), s.claims.end(), [&](std::size_t x, std::size_t y) {
            return copies::published_before(out.articles[out.claims[x].article], out.articles[out.claims[y].article]);
        });
        std::vector<rules::claim_facts> ordered;
        for (const auto i : s.claims) ordered.push_back(facts[i]);
        s.findings = rules.series_findings(ordered);
        for (const auto& f : s.findings) ++out.findings_by_kind[f.kind];
        out.cumulative.push_back(std::move(s));
    }

    // 6. Sources against the reconciled ranges.
    std::map<std::string, source_row> rows;
    std::unordered_map<std::string, std::size_t> claim_index;
    for (std::size_t i = 0; i < out.claims.size(); ++i) {
        claim_index.emplace(out.claims[i].c.id, i);
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
