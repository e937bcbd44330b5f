#include "audit/shard.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>

#include <boost/pending/disjoint_sets.hpp>

#include "audit/render.hpp"
#include "model/claim_id.hpp"

namespace reckon::audit {

std::string series_scope(const claim& c) {
    std::string scope = c.scope;  // "Since 2014" and "since 2014" are one scope
    std::transform(scope.begin(), scope.end(), scope.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return scope;
}

std::string series_key(const claim& c) {
    return c.source + " | " + std::string(to_string(c.outcome)) + " | " + c.category + " | " + series_scope(c);
}

std::vector<shard_part> shard_selection(const claim_records& claims, const std::vector<rules::claim_facts>& facts,
                                        const rules::ruleset& rules, shard_spec spec, shard_stats& stats) {
    const std::size_t n = claims.size();
    std::unordered_map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < n; ++i) index_of.emplace(claims[i].c.id, i);
    std::vector<std::size_t> rank(n), parent(n);
    boost::disjoint_sets<std::size_t*, std::size_t*> sets(rank.data(), parent.data());
    for (std::size_t i = 0; i < n; ++i) sets.make_set(i);

    // What the matcher compares (match/incidents.cpp): units, a total with its
    // breakdowns, seated in the ruleset's blocks (ruleset::blocking_cells) and in
    // their article's. Blocks are named by the matcher's 64-bit hash of their key, so a
    // collision that joins two blocks there joins them here too.
    struct seat {
        std::uint64_t block;
        std::uint32_t unit, inside;
    };
    const auto hash_of = [](std::string_view prefix, std::string_view key) {
        std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a, as match/incidents.cpp
        for (const auto* part : {&prefix, &key})
            for (const char ch : *part) h = (h ^ static_cast<unsigned char>(ch)) * 0x100000001b3ULL;
        return h;
    };
    std::vector<seat> seats;
    for (std::size_t i = 0; i < n; ++i) {
        const claim& c = claims[i].c;
        const auto up = c.parent.empty() ? index_of.end() : index_of.find(c.parent);
        if (up != index_of.end()) {
            sets.union_set(i, up->second);
            continue;  // not a unit of its own: its total's seats block it
        }
        if (c.kind != claim_kind::incident) continue;
        for (const auto& cell : rules.blocking_cells(facts[i]))
            seats.push_back({hash_of("rule:", cell.key), static_cast<std::uint32_t>(i), cell.inside});
        seats.push_back({hash_of("article:", c.article), static_cast<std::uint32_t>(i), 0});
    }
    std::sort(seats.begin(), seats.end(), [](const seat& x, const seat& y) {
        return x.block != y.block ? x.block < y.block : x.unit < y.unit;
    });
    // Within a block two units meet unless both are inside one part (a village and its
    // province meet, two villages do not meet through the province): units of one role
    // are joined when some role disjoint from theirs is there.
    std::vector<seat> members;
    for (std::size_t e = 0; e < seats.size();) {
        members.clear();
        for (const std::uint64_t block = seats[e].block; e < seats.size() && seats[e].block == block; ++e) {
            if (!members.empty() && members.back().unit == seats[e].unit) members.back().inside &= seats[e].inside;
            else members.push_back(seats[e]);
        }
        std::map<std::uint32_t, std::vector<std::uint32_t>> by_role;
        for (const auto& m : members) by_role[m.inside].push_back(m.unit);
        for (const auto& [role, units] : by_role) {
            for (const auto& [other, partners] : by_role) {
                if ((role & other) != 0) continue;
                for (const auto u : units) sets.union_set(u, partners.front());
                break;
            }
        }
    }
    std::vector<seat>().swap(seats);
    // An analyst's merge joins the incidents it names, wherever they are (by current or
    // older offset ids, model/claim_id.hpp).
    const claim_finder finder(n, [&claims](std::size_t i) -> const claim& { return claims[i].c; });
    for (const auto& d : rules.decisions()) {
        if (d.action != "merge") continue;
        std::optional<std::size_t> first;
        for (const auto& id : d.ids) {
            const auto found = finder.find(id);
            if (!found) continue;
            if (first) sets.union_set(*first, found->index);
            else first = found->index;
        }
    }

    std::vector<std::size_t> component(n);
    std::unordered_map<std::size_t, const std::string*> smallest;
    for (std::size_t i = 0; i < n; ++i) {
        component[i] = sets.find_set(i);
        auto [it, fresh] = smallest.emplace(component[i], &claims[i].c.id);
        if (!fresh && claims[i].c.id < *it->second) it->second = &claims[i].c.id;
    }
    // Components are dealt out largest first, each to the shard with the fewest claims
    // so far (ties: the lower shard; equal sizes: the smaller id first). Every shard of
    // a run sees the same claims, so all deal alike. (A hash of the smallest id spread
    // the generated corpus 384 to 11 incidents over 7 shards: the components are
    // governorate-sized and few.)
    struct component_size {
        std::size_t root = 0, claims = 0;
        const std::string* smallest = nullptr;
    };
    std::vector<component_size> sizes;
    {
        std::unordered_map<std::size_t, std::size_t> at;
        for (std::size_t i = 0; i < n; ++i) {
            const auto [it, fresh] = at.emplace(component[i], sizes.size());
            if (fresh) sizes.push_back({component[i], 0, smallest[component[i]]});
            sizes[it->second].claims += claims[i].c.kind == claim_kind::incident ? 1 : 0;
        }
    }
    std::sort(sizes.begin(), sizes.end(), [](const component_size& a, const component_size& b) {
        return a.claims != b.claims ? a.claims > b.claims : *a.smallest < *b.smallest;
    });
    stats.components = static_cast<std::size_t>(std::count_if(sizes.begin(), sizes.end(), [](const component_size& c) { return c.claims > 0; }));
    stats.largest = sizes.empty() ? 0 : sizes.front().claims;
    std::vector<std::size_t> load(spec.count, 0);
    std::unordered_map<std::size_t, unsigned> shard_of_component;
    for (const auto& c : sizes) {
        const auto least = static_cast<unsigned>(std::min_element(load.begin(), load.end()) - load.begin());
        load[least] += c.claims;
        shard_of_component.emplace(c.root, least + 1);
    }
    stats.incident_claims = load[spec.index - 1];
    // Series are dealt the same way, largest first by the square of their length (what
    // judging a series costs), ties to the higher shard: the largest series goes to
    // shard N while the largest component went to shard 1.
    std::map<std::string, std::size_t> series_length;
    for (std::size_t i = 0; i < n; ++i)
        if (claims[i].c.kind == claim_kind::cumulative) ++series_length[series_key(claims[i].c)];
    std::vector<std::pair<std::size_t, const std::string*>> by_length;
    for (const auto& [key, length] : series_length) by_length.emplace_back(length, &key);
    std::stable_sort(by_length.begin(), by_length.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<double> series_load(spec.count, 0);
    std::map<std::string, unsigned> shard_of_series;
    for (const auto& [length, key] : by_length) {
        std::size_t least = spec.count - 1;
        for (std::size_t k = spec.count; k-- > 0;)
            if (series_load[k] < series_load[least]) least = k;
        series_load[least] += static_cast<double>(length) * static_cast<double>(length);
        shard_of_series.emplace(*key, static_cast<unsigned>(least) + 1);
    }
    std::vector<shard_part> part(n, shard_part::outside);
    for (std::size_t i = 0; i < n; ++i) {
        const bool here = shard_of_component[component[i]] == spec.index;
        if (claims[i].c.kind == claim_kind::incident) part[i] = here ? shard_part::owned : shard_part::outside;
        else if (shard_of_series[series_key(claims[i].c)] == spec.index) part[i] = shard_part::owned;
        else if (here) part[i] = shard_part::context;
    }
    return part;
}

namespace {

// The order of incidents in the audit (audit.cpp): severity, strongest evidence, date, id.
json incident_order(const incident_record& inc) {
    return json::array({inc.severity, inc.strongest,
                        inc.date_from.known() ? json(inc.date_from.first_day()) : json(nullptr), inc.id});
}

bool order_before(const json& a, const json& b) {
    if (a[0] != b[0]) return a[0].get<int>() > b[0].get<int>();
    if (a[1] != b[1]) return a[1].get<double>() > b[1].get<double>();
    const auto day = [](const json& v) { return v.is_null() ? INT64_MAX : v.get<std::int64_t>(); };
    if (day(a[2]) != day(b[2])) return day(a[2]) < day(b[2]);
    return a[3].get<std::string>() < b[3].get<std::string>();
}

}  // namespace

void write_shard(const audit_result& a, std::ostream& out) {
    json inputs = json::array();
    for (const auto& h : a.inputs) inputs.push_back({{"role", h.role}, {"path", h.path}, {"sha256", h.sha256}});
    json copies = json::array();
    for (const auto& l : a.copies) copies.push_back(json::array({a.articles[l.later].id, a.articles[l.earlier].id, l.overlap}));
    json sources = json::array();
    for (const auto& s : a.sources) sources.push_back(source_json(s));
    const audit_totals t = totals_of(a);
    const json header{{"record", "shard"},
                      {"shard", a.shard.index},
                      {"of", a.shard.count},
                      {"version", RECKON_VERSION},
                      {"inputs", inputs},
                      {"articles", t.articles},
                      {"claims", t.claims},
                      {"cumulative_claims", t.cumulative_claims},
                      {"claims_without_place", t.claims_without_place},
                      {"claims_without_country", t.claims_without_country},
                      {"claims_without_source", t.claims_without_source},
                      {"articles_without_claims", t.articles_without_claims},
                      {"copies", copies},
                      {"incidents", t.incidents},
                      {"cumulative_series", t.cumulative_series},
                      {"pairs_judged", t.pairs_judged},
                      {"findings_by_kind", t.findings_by_kind},
                      {"sources", sources}};
    const auto line = [&](const json& j) { out << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n'; };
    line(header);
    for (const auto& inc : a.incidents)
        line(json{{"record", "incident"}, {"order", incident_order(inc)}, {"incident", incident_json(a, inc)}});
    for (const auto& s : a.cumulative) line(json{{"record", "series"}, {"key", s.key}, {"series", series_json(a, s)}});
    line(json{{"record", "end"}, {"shard", a.shard.index}});
}

namespace {

// One shard file, read a line at a time: the merge holds one incident per shard.
class shard_reader {
public:
    shard_reader(const shard_input& in, diagnostics& diags) : m_in(in), m_diags(diags) { advance(); }
    const nlohmann::ordered_json& current() const { return m_current; }
    std::string record() const {
        const auto it = m_current.find("record");
        return it != m_current.end() && it->is_string() ? it->get<std::string>() : std::string();
    }
    bool at(const char* kind) const { return record() == kind; }
    std::size_t line() const { return m_line; }
    void advance() {
        m_current = nullptr;
        std::string text;
        while (std::getline(*m_in.in, text)) {
            ++m_line;
            if (text.empty()) continue;
            try {
                m_current = nlohmann::ordered_json::parse(text);
            } catch (const nlohmann::json::exception&) {
                fail("not valid JSON");
            }
            return;
        }
    }
    void fail(const std::string& message) {
        m_diags.error(m_in.name, m_line, 1, message, "shard files are what 'reckon audit --claims ... --shard i/N' writes");
        m_failed = true;
        m_current = nullptr;
    }
    bool failed() const { return m_failed; }

private:
    shard_input m_in;
    diagnostics& m_diags;
    nlohmann::ordered_json m_current;
    std::size_t m_line = 0;
    bool m_failed = false;
};

}  // namespace

bool merge_shards(const std::vector<shard_input>& inputs, const std::string& format, std::ostream& out, diagnostics& diags) {
    std::vector<std::unique_ptr<shard_reader>> shards;
    for (const auto& in : inputs) shards.push_back(std::make_unique<shard_reader>(in, diags));
    // The headers: N shards of one run, each once, agreeing on what is global.
    static const char* const global[] = {"version", "inputs", "articles", "claims", "cumulative_claims",
                                         "claims_without_place", "claims_without_country", "claims_without_source",
                                         "articles_without_claims", "copies", "of"};
    std::vector<bool> seen(shards.size() + 1, false);
    for (std::size_t k = 0; k < shards.size(); ++k) {
        auto& s = *shards[k];
        if (!s.at("shard")) {
            if (!s.failed()) s.fail("expected the shard header on the first line");
            continue;
        }
        const auto& h = s.current();
        const auto of = h.value("of", 0u), index = h.value("shard", 0u);
        if (of != shards.size()) {
            s.fail("shard " + std::to_string(index) + " of " + std::to_string(of) + ", but " + std::to_string(shards.size()) +
                   " shard files were given");
            continue;
        }
        if (index < 1 || index > of || seen[index]) {
            s.fail(index < 1 || index > of ? "bad shard number" : "shard " + std::to_string(index) + " is given twice");
            continue;
        }
        seen[index] = true;
        for (const char* key : global) {
            if (k > 0 && shards[0]->at("shard") && h.value(key, json()) != shards[0]->current().value(key, json())) {
                s.fail(std::string("'") + key + "' differs from " + inputs[0].name + "'s: the shards are not of one run");
                break;
            }
        }
    }
    for (const auto& s : shards)
        if (s->failed()) return false;

    const auto& first = shards[0]->current();
    std::vector<input_hash> hashes;
    for (const auto& h : first["inputs"]) hashes.push_back({h["role"], h["path"], h["sha256"]});
    audit_totals t;
    t.articles = first["articles"];
    t.claims = first["claims"];
    t.cumulative_claims = first["cumulative_claims"];
    t.claims_without_place = first.value("claims_without_place", std::size_t{0});
    t.claims_without_country = first.value("claims_without_country", std::size_t{0});
    t.claims_without_source = first.value("claims_without_source", std::size_t{0});
    t.articles_without_claims = first["articles_without_claims"].get<std::vector<std::string>>();
    t.copies = first["copies"].size();
    std::map<std::string, source_row> rows;
    for (const auto& s : shards) {
        const auto& h = s->current();
        t.incidents += h["incidents"].get<std::size_t>();
        t.cumulative_series += h["cumulative_series"].get<std::size_t>();
        t.pairs_judged += h["pairs_judged"].get<std::size_t>();
        for (const auto& [kind, count] : h["findings_by_kind"].items()) t.findings_by_kind[kind] += count.get<std::size_t>();
        for (const auto& r : h["sources"]) {
            auto& row = rows[r["source"]];
            row.source = r["source"];
            row.kind = r["kind"];
            row.claims += r["claims"].get<std::size_t>();
            row.above += r["above"].get<std::size_t>();
            row.below += r["below"].get<std::size_t>();
            row.inside += r["inside"].get<std::size_t>();
            row.self_contradictions += r["self_contradictions"].get<std::size_t>();
        }
    }
    // The source table as the single run orders it: by name, then stably by claims.
    std::vector<source_row> sources;
    for (auto& [name, row] : rows) sources.push_back(std::move(row));
    std::stable_sort(sources.begin(), sources.end(), [](const source_row& a, const source_row& b) { return a.claims > b.claims; });
    const json copies = first["copies"];
    for (auto& s : shards) s->advance();

    // Incidents, then series: each shard's are in the global order already, so a k-way
    // merge gives the single run's order.
    const auto merge_records = [&](const char* kind, const char* field, auto before, auto write) {
        for (;;) {
            shard_reader* next = nullptr;
            for (auto& s : shards)
                if (s->at(kind) && (!next || before(s->current(), next->current()))) next = s.get();
            if (!next) break;
            write(next->current()[field]);
            next->advance();
        }
    };
    const auto incident_before = [](const json& a, const json& b) { return order_before(a["order"], b["order"]); };
    const auto series_before = [](const json& a, const json& b) { return a["key"].get<std::string>() < b["key"].get<std::string>(); };
    if (format == "json") {
        json_document doc(out, hashes);
        doc.begin("incidents");
        merge_records("incident", "incident", incident_before, [&](const json& j) { doc.item(j); });
        doc.end();
        doc.begin("cumulative");
        merge_records("series", "series", series_before, [&](const json& j) { doc.item(j); });
        doc.end();
        doc.begin("sources");
        for (const auto& s : sources) doc.item(source_json(s));
        doc.end();
        doc.begin("copies");
        for (const auto& c : copies) doc.item(copy_json(c[0], c[1], c[2]));
        doc.end();
        doc.finish(summary_json(t));
    } else {
        text_document doc(out, format != "text", t);
        merge_records("incident", "incident", incident_before, [&](const json& j) { doc.incident(j); });
        merge_records("series", "series", series_before, [&](const json& j) { doc.series(j); });
        doc.sources(sources);
        std::vector<std::tuple<std::string, std::string, double>> links;
        for (const auto& c : copies) links.emplace_back(c[0], c[1], c[2]);
        doc.finish(links, t.articles_without_claims);
    }
    for (std::size_t k = 0; k < shards.size(); ++k) {
        auto& s = *shards[k];
        if (!s.failed() && !s.at("end")) s.fail("expected the end record; the shard file is damaged or cut short");
    }
    for (const auto& s : shards)
        if (s->failed()) return false;
    return true;
}

}  // namespace reckon::audit
