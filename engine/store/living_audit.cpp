#include "store/living_audit.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "audit/claims_stream.hpp"
#include "audit/decisions.hpp"
#include "extract/claim_json.hpp"
#include "model/claim_id.hpp"
#include "store/changes.hpp"
#include "support/parallel.hpp"

namespace reckon::store {

namespace {

using json = nlohmann::ordered_json;

// One hash over the hashes of the inputs of a role (paths aside: the same files read
// from another folder are the same inputs).
std::string hash_of_roles(const std::vector<audit::input_hash>& hashes, std::initializer_list<const char*> roles, std::string seed) {
    for (const char* role : roles)
        for (const auto& h : hashes)
            if (h.role == role) seed += std::string(role) + " " + h.sha256 + "\n";
    return audit::sha256_hex(seed);
}

std::string stream_chunk(const article& a, const audit::extracted_article& e) {
    std::string out = audit::article_record_line(a, e);
    for (const auto& c : e.claims) out += extract::claim_line(c);
    return out;
}

// What was extracted from each stored article (those `wanted`), parsed from its claims stream chunk as
// the store gives them one by one, in batches of about 8 MB (the chunks are never all in
// memory at once: at 100,000 articles they are some 550 MB). Throws store_error when a
// chunk cannot be read back.
std::vector<audit::extracted_article> read_stored_claims(const living_store& store, const std::vector<char>& wanted, unsigned jobs) {
    std::vector<audit::extracted_article> out(wanted.size());
    std::string batch;
    std::vector<std::size_t> positions;
    const auto parse = [&] {
        if (positions.empty()) return;
        std::istringstream stream(batch);
        audit::claims_corpus read;
        diagnostics diags;
        audit::read_claims_stream(stream, store.path(), read, diags, jobs);
        if (diags.errors() > 0 || read.extracted.size() != positions.size())
            throw store_error("store '" + store.path() + "': the stored claims of its articles cannot be read back", false);
        for (std::size_t k = 0; k < positions.size(); ++k) out[positions[k]] = std::move(read.extracted[k]);
        batch.clear();
        positions.clear();
    };
    store.for_each_stream([&](std::size_t position, std::string&& chunk) {
        if (position >= wanted.size() || !wanted[position]) return;
        batch += chunk;
        positions.push_back(position);
        if (batch.size() >= (std::size_t{8} << 20)) parse();
    });
    parse();
    return out;
}

json optional_number(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

incident_snapshot snapshot_of(const audit::audit_result& a, const audit::incident_record& inc) {
    incident_snapshot s;
    s.id = inc.id;
    for (const auto m : inc.claims) s.claims.push_back(a.claims[m].c.id);
    std::sort(s.claims.begin(), s.claims.end());
    s.reconciled = json::array();
    for (const auto& f : inc.result.figures)
        s.reconciled.push_back({{"outcome", std::string(to_string(f.outcome))},
                                {"category", f.category},
                                {"low", optional_number(f.low)},
                                {"best", optional_number(f.best)},
                                {"high", optional_number(f.high)}});
    s.findings = json::array();
    for (const auto& f : inc.result.findings) s.findings.push_back({{"kind", f.kind}, {"severity", f.severity}, {"message", f.message}});
    s.decisions = inc.decisions;
    s.component = a.claims[inc.component].c.id;
    return s;
}

// Why an id changed in this run: the new articles whose claims are in the incident,
// else a changed ruleset or extraction; with the analyst decisions applied to it.
std::string cause_of(const incident_snapshot* now, const std::map<std::string, bool>& fresh_articles, const run_facts& facts) {
    std::vector<std::string> articles;
    if (now)
        for (const auto& c : now->claims) {
            const std::string article(article_of_claim_id(c));
            if (fresh_articles.count(article) && std::find(articles.begin(), articles.end(), article) == articles.end())
                articles.push_back(article);
        }
    std::string cause;
    if (!articles.empty()) {
        cause = "new claims from ";
        for (std::size_t i = 0; i < articles.size() && i < 3; ++i) cause += (i ? ", " : "") + articles[i];
        if (articles.size() > 3) cause += " and " + std::to_string(articles.size() - 3) + " more articles";
    } else if (facts.ruleset_changed) {
        cause = "ruleset changed";
    } else if (facts.extraction_changed) {
        cause = "extraction changed (reckon or registry)";
    } else {
        cause = "regrouped with other claims of this run";
    }
    if (now)
        for (const auto& d : now->decisions) cause += "; decision: " + d;
    return cause;
}

// An incident a split decision names, merged or retired since, comes back under its id:
// a new incident holding more than half of the claims it last held, that this run gave a
// new id, takes it back (the analyst undid the merge that retired it). Its lineage
// events name the revived id. Without it the part split out would get a new id (an id
// once issued is never given to another incident, store/identity.hpp: this is the same one).
void revive_split_ids(id_assignment& ids, const std::vector<incident_claims>& now,
                      const std::vector<audit::incident_decision>& decisions) {
    for (const auto& d : decisions) {
        if (d.action != "split") continue;
        for (std::size_t k = 0; k < d.ids.size(); ++k) {
            const std::string& named = d.ids[k];
            if (!audit::names_incident(named) || std::find(ids.ids.begin(), ids.ids.end(), named) != ids.ids.end()) continue;
            std::vector<std::string> held = d.named[k];
            std::sort(held.begin(), held.end());
            for (std::size_t n = 0; n < now.size(); ++n) {
                std::size_t shared = 0;
                for (const auto& c : now[n].claims) shared += std::binary_search(held.begin(), held.end(), c) ? 1 : 0;
                if (2 * shared <= held.size()) continue;
                // Only an id issued in this run (new or split off) is given back.
                const std::string fresh = ids.ids[n];
                const bool issued_now = std::any_of(ids.lineage.begin(), ids.lineage.end(), [&](const lineage_event& e) {
                    return e.to == fresh && (e.kind == "new" || e.kind == "split");
                }) && std::none_of(ids.lineage.begin(), ids.lineage.end(), [&](const lineage_event& e) {
                    return e.to == fresh && e.from == fresh;
                });
                if (!issued_now) break;
                ids.ids[n] = named;
                for (auto& e : ids.lineage)
                    if (e.to == fresh) e.to = named;
                std::sort(ids.lineage.begin(), ids.lineage.end(), [](const lineage_event& a, const lineage_event& b) {
                    return std::tie(a.kind, a.from, a.to) < std::tie(b.kind, b.from, b.to);
                });
                break;
            }
        }
    }
}

}  // namespace

std::string run_time_now() {
    std::time_t t = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

living_result prepare_living_audit(living_store& store, living_inputs living) {
    living_result out;
    const auto t0 = std::chrono::steady_clock::now();
    audit::audit_inputs& in = living.audit;
    const auto previous_runs = store.runs();
    const run_record* previous = previous_runs.empty() ? nullptr : &previous_runs.back();

    run_facts facts;
    facts.run = previous ? previous->run + 1 : 1;
    facts.previous_run = previous ? previous->run : 0;
    facts.at = living.at;
    const std::string ruleset_hash = hash_of_roles(in.hashes, {"rules"}, "");
    // Extraction reads reckon's code, the registry, the overlay gazetteer and the world index.
    std::string world = "world: none\n";
    if (in.world && !in.world->empty())
        world = "world: " + std::string(in.world->provenance()) + " " + std::to_string(in.world->size()) + "\n";
    // The form of claim ids is part of it: a store whose claims carry older ids is extracted again.
    const std::string extraction_hash =
        hash_of_roles(in.hashes, {"sources", "places"}, "reckon " RECKON_VERSION "\nclaim ids: " + std::string(claim_id_form) + "\n" + world);
    // Decisions naming the store's incidents, resolved to the claims each held.
    const std::set<std::string> issued = store.issued_ids();
    in.incident_decisions = audit::resolve_incident_decisions(
        *in.rules, [&store](const std::string& id) { return store.incident_claims(id); }, issued, out.audit.diags);
    if (out.audit.diags.errors() > 0) {
        out.refused = true;
        return out;
    }
    std::vector<audit::incident_decision> decisions = in.incident_decisions;  // run_audit takes the inputs
    facts.ruleset_changed = previous && previous->ruleset_hash != ruleset_hash;
    facts.extraction_changed = previous && previous->extraction_hash != extraction_hash;

    // The articles: stored ones in their order, this run's replacing or following them.
    // Their claims streams are not loaded with them: each is parsed as it is read from the
    // store, and only what was parsed is kept (read_stored_claims).
    std::vector<stored_article> all = store.articles(facts.extraction_changed, false);
    // Data-set rows are never extracted: theirs are read back even when extraction changed.
    std::vector<char> wanted(all.size(), 1);
    if (facts.extraction_changed)
        for (std::size_t i = 0; i < all.size(); ++i) wanted[i] = all[i].from_dataset ? 1 : 0;
    std::vector<audit::extracted_article> stored_claims = read_stored_claims(store, wanted, std::max(1u, in.jobs));
    if (!facts.extraction_changed) {
        // A store written before article records carried scored matching's words
        // (docs/formats.md): its articles are extracted again, as after a change of reckon.
        // Data-set rows have no words to carry.
        bool without_words = false;
        for (std::size_t i = 0; i < all.size(); ++i) without_words = without_words || (!all[i].from_dataset && !stored_claims[i].has_terms);
        if (without_words) {
            facts.extraction_changed = true;
            all = store.articles(true, false);
            for (std::size_t i = 0; i < all.size(); ++i)
                if (!all[i].from_dataset) stored_claims[i] = {};
        }
    }
    std::unordered_map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < all.size(); ++i) position.emplace(all[i].meta.id, i);
    // How each article's claims are had this run: read back from its stored stream,
    // extracted from its text, or given read (a data-set row of this run).
    enum class claims_from : char { stored, extract, given };
    std::vector<claims_from> how(all.size(), claims_from::stored);
    for (std::size_t i = 0; i < all.size(); ++i)
        if (facts.extraction_changed && !all[i].from_dataset) how[i] = claims_from::extract;
    std::vector<std::size_t> added, changed;
    std::map<std::string, bool> fresh_articles;
    // One article of this run: added, or replacing the stored one of its id when its
    // text changed (or when extraction changed); false when it is as stored.
    auto take = [&](article&& a, claims_from from) {
        std::string sha = audit::sha256_hex(a.text);
        const auto it = position.find(a.id);
        if (it != position.end()) {
            stored_article& s = all[it->second];
            if (s.text_sha256 == sha && how[it->second] != claims_from::extract) return false;
            if (s.text_sha256 != sha) {
                changed.push_back(it->second);
                fresh_articles[a.id] = true;
            }
            s.meta = std::move(a);
            s.text_sha256 = std::move(sha);
            s.from_dataset = from == claims_from::given;
            how[it->second] = from;
            return true;
        }
        position.emplace(a.id, all.size());
        added.push_back(all.size());
        fresh_articles[a.id] = true;
        all.push_back({std::move(a), std::move(sha), {}, from == claims_from::given});
        how.push_back(from);
        return true;
    };
    for (auto& a : in.articles) take(std::move(a), claims_from::extract);
    in.articles.clear();
    // Data-set rows come after the articles, as in one run (audit::audit_inputs).
    std::unordered_map<std::size_t, audit::extracted_article> given;
    for (std::size_t k = 0; k < in.dataset_articles.size() && k < in.dataset_extracted.size(); ++k) {
        const std::string id = in.dataset_articles[k].id;
        if (take(std::move(in.dataset_articles[k]), claims_from::given)) given[position.at(id)] = std::move(in.dataset_extracted[k]);
    }
    in.dataset_articles.clear();
    in.dataset_extracted.clear();

    // Extraction of what is new; what was stored is read back from its stream chunk.
    std::vector<audit::extracted_article> extracted(all.size());
    {
        extract::extract_context ctx;
        ctx.sources = in.sources;
        ctx.places = in.places;
        ctx.world = in.world;
        const extract::extractor x(ctx);
        std::vector<diagnostics> per_diags(all.size());
        run_striped(all.size(), std::max(1u, in.jobs), [&](std::size_t first, std::size_t step) {
            for (std::size_t i = first; i < all.size(); i += step) {
                if (how[i] != claims_from::extract) continue;
                if (in.cancel && in.cancel->load(std::memory_order_relaxed)) return;
                extracted[i] = audit::extract_article(x, all[i].meta, per_diags[i]);
                all[i].stream = stream_chunk(all[i].meta, extracted[i]);
            }
        });
        for (const auto& d : per_diags) out.audit.diags.append(d);
        for (std::size_t i = 0; i < all.size(); ++i) out.extracted += how[i] == claims_from::extract ? 1 : 0;
    }
    for (auto& [i, e] : given) {
        all[i].stream = stream_chunk(all[i].meta, e);
        extracted[i] = std::move(e);
    }
    if (in.cancel && in.cancel->load()) {
        out.audit.cancelled = true;
        return out;
    }
    for (std::size_t i = 0; i < all.size(); ++i)
        if (how[i] == claims_from::stored) extracted[i] = std::move(stored_claims[i]);
    std::vector<audit::extracted_article>().swap(stored_claims);
    // A data-set row has no text, so no words for scored matching: none is all there is
    // (the audit warns only of article records that lack them).
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].from_dataset) extracted[i].has_terms = true;

    const double read_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    // The previous run's incidents: the grouping an update keeps where its new articles
    // do not reach, and what this run's ids are mapped from.
    std::vector<incident_snapshot> before = store.incidents();
    audit::stored_grouping grouping;
    std::string full_because;
    // Rules that weigh words by their rarity: an update weighs them against the store's
    // frozen statistics, kept from the last run that matched the whole corpus, while the
    // corpus has not outgrown them; else the whole corpus is matched and they are taken
    // again from it (docs/formats.md "Frozen word statistics").
    std::shared_ptr<const match::word_statistics> kept;
    std::string statistics_refused;
    if (previous && in.rules->reads_text_evidence()) {
        const auto stored = store.statistics();
        if (!stored) {
            statistics_refused = "the store keeps no word statistics yet (written by an earlier reckon): they are taken now";
        } else if (stored->used_in_run != previous->run) {
            statistics_refused = "the store's word statistics were not used by its last run: they are taken again";
        } else if (static_cast<double>(all.size()) > static_cast<double>(stored->words->articles) * (1 + statistics_growth)) {
            statistics_refused = "the corpus has grown by more than " + std::to_string(static_cast<int>(statistics_growth * 100)) +
                                 " % since its word statistics were taken (run " + std::to_string(stored->taken_in_run) +
                                 ", " + std::to_string(stored->words->articles) + " articles): they are taken again";
        } else {
            kept = stored->words;
        }
    }
    if (previous) {
        if (added.empty()) full_because = "no articles were added";
        else if (!changed.empty()) full_because = "stored articles changed";
        else if (facts.ruleset_changed) full_because = "the ruleset changed";
        else if (facts.extraction_changed) full_because = "extraction changed (reckon, registry or the store's claims)";
        else if (!decisions.empty()) full_because = "decisions name the store's incidents";
        else if (in.rules->reads_text_evidence() && !kept) full_because = statistics_refused;
        else if (std::any_of(before.begin(), before.end(), [](const incident_snapshot& b) { return b.component.empty(); }))
            full_because = "the store keeps no components of matched claims yet (written by an earlier reckon)";
        if (full_because.empty()) {
            std::unordered_map<std::string, std::uint32_t> component_label;
            for (std::size_t k = 0; k < before.size(); ++k) {
                const auto c = component_label.emplace(before[k].component, static_cast<std::uint32_t>(component_label.size())).first->second;
                for (const auto& id : before[k].claims) grouping.by_claim.emplace(id, std::make_pair(static_cast<std::uint32_t>(k), c));
            }
            in.previous = &grouping;
            in.statistics = kept;
        } else if (added.empty() || !decisions.empty()) {
            // The same articles again, or analyst decisions: the whole corpus is matched,
            // but the words weigh as before (they did not change).
            if (changed.empty() && !facts.ruleset_changed && !facts.extraction_changed) in.statistics = kept;
        }
    }

    // The whole audit over every article, as one run would do it (the matcher aside:
    // with the stored grouping it matches again only what the new articles touch).
    in.articles.reserve(all.size());
    for (const auto& s : all) {
        article meta = s.meta;
        std::string().swap(meta.text);
        in.articles.push_back(std::move(meta));
    }
    in.extracted = std::move(extracted);
    if (!added.empty()) in.stored_articles = all.size() - added.size();  // the added come last
    in.hashes.push_back({"store", store.path(), ""});
    in.jobs = std::max(1u, in.jobs);
    in.keep_text = false;
    in.take_statistics = true;
    in.keep_cells = true;
    const std::size_t first_new = all.size() - added.size();  // the added come last
    const std::int64_t blocks_run = store.blocks_run();
    void (*const before_commit)() = living.before_commit;
    const std::string at = living.at;
    diagnostics extraction_diags = std::move(out.audit.diags);
    out.audit = audit::run_audit(std::move(in));
    audit::stored_grouping().by_claim.swap(grouping.by_claim);
    if (!full_because.empty()) {
        out.audit.matching.asked = true;
        out.audit.matching.full_because = full_because;
    }
    extraction_diags.append(out.audit.diags);
    out.audit.diags = std::move(extraction_diags);
    // Reading the store and extracting the new articles come first.
    out.audit.timings.insert(out.audit.timings.begin(), {"store: read and extract new", read_seconds});
    if (!out.audit.peak_kb.empty()) out.audit.peak_kb.insert(out.audit.peak_kb.begin(), out.audit.peak_kb.front());
    if (out.audit.cancelled) return out;

    // The block index: kept up to date by every run. An update that matched again only
    // what its new articles reach, on an index the previous run wrote, adds the new
    // claims' rows and writes again those of the stored articles matched again with them
    // (their copy links or words' weights moved, so may their cells); any other run
    // writes it whole. Before it is written, the new claims' blocks are looked up in it:
    // the stored claims an update must load at least, read in time that grows with them.
    {
        run_update& update = out.pending;
        const bool index_holds = previous && blocks_run == previous->run;
        update.blocks_all = !(index_holds && out.audit.matching.incremental);
        const auto& cells = out.audit.cells;
        std::vector<std::pair<std::int64_t, std::uint32_t>> fresh_cells;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const auto& r = out.audit.claims[i];
            const bool fresh = r.article >= first_new;
            const bool reseeded = !out.audit.reseeded.empty() && out.audit.reseeded[r.article];
            if (fresh && index_holds)
                for (const auto& cell : cells[i]) fresh_cells.emplace_back(block_cell_hash(cell.key), cell.inside);
            if (!update.blocks_all && !fresh && !reseeded) continue;
            if (reseeded && !update.blocks_all) update.blocks_replaced.push_back(r.c.id);
            for (const auto& cell : cells[i]) update.blocks.push_back({block_cell_hash(cell.key), cell.inside, r.c.id});
        }
        if (!fresh_cells.empty()) {
            const auto t = std::chrono::steady_clock::now();
            out.index_lookup = store.block_mates(fresh_cells);
            out.index_lookup.cells = fresh_cells.size();
            out.index_lookup_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
            out.index_looked_up = true;
            // The check of the index: outside the stored articles matched again (whose
            // cells this run may move), it gives the claims that comparing every stored
            // claim's cells in memory gives.
            std::unordered_map<std::int64_t, std::vector<std::uint32_t>> roles;
            for (const auto& [cell, inside] : fresh_cells) roles[cell].push_back(inside);
            std::set<std::string> reseeded_articles;
            for (std::size_t a = 0; a < out.audit.reseeded.size() && a < first_new; ++a)
                if (out.audit.reseeded[a]) reseeded_articles.insert(out.audit.articles[a].id);
            for (std::size_t i = 0; i < cells.size(); ++i) {
                const auto& r = out.audit.claims[i];
                if (r.article >= first_new || reseeded_articles.count(out.audit.articles[r.article].id)) continue;
                const bool met = std::any_of(cells[i].begin(), cells[i].end(), [&](const rules::block_cell& cell) {
                    const auto it = roles.find(block_cell_hash(cell.key));
                    return it != roles.end() &&
                           std::any_of(it->second.begin(), it->second.end(), [&](std::uint32_t role) { return (role & cell.inside) == 0; });
                });
                out.index_memory_kept += met ? 1 : 0;
            }
            for (const auto& c : out.index_lookup.claims)
                out.index_lookup_kept += reseeded_articles.count(std::string(article_of_claim_id(c))) ? 0 : 1;
        }
        // What an update that loads only what it reaches would load: the block mates'
        // components, closed in the store by its indexes, and their articles. Checked
        // against the same closure over the stored incidents read whole.
        if (out.index_looked_up && living.plan_load) {
            const auto tp = std::chrono::steady_clock::now();
            out.plan = store.plan_load(out.index_lookup.claims);
            out.plan_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - tp).count();
            out.planned = true;
            out.stored_articles = first_new;
            std::unordered_map<std::string_view, const incident_snapshot*> holder;
            for (const auto& s : before)
                for (const auto& c : s.claims) holder.emplace(c, &s);
            std::set<std::string_view> components;
            for (const auto& c : out.index_lookup.claims)
                if (const auto it = holder.find(c); it != holder.end()) components.insert(it->second->component);
            for (const auto& s : before)
                if (components.count(s.component)) out.plan_memory_claims += s.claims.size();
        }
        std::vector<std::vector<rules::block_cell>>().swap(out.audit.cells);
    }

    // Stable ids: the previous run's incidents against this run's. A store written before
    // claim ids were anchored on sentences lists its claims by byte offset: in an article
    // this run did not change, such an id is the claim whose figure starts there.
    std::set<std::string> renamed_ids;
    {
        const claim_finder finder(out.audit.claims.size(), [&out](std::size_t i) -> const claim& { return out.audit.claims[i].c; });
        for (auto& s : before) {
            bool renamed = false;
            for (auto& c : s.claims) {
                if (!is_offset_claim_id(c) || fresh_articles.count(std::string(article_of_claim_id(c)))) continue;
                if (const auto found = finder.find(c); found && found->by_offset) {
                    c = out.audit.claims[found->index].c.id;
                    renamed = true;
                }
            }
            if (renamed) {
                std::sort(s.claims.begin(), s.claims.end());
                renamed_ids.insert(s.id);  // its stored rows name the older ids: written again
            }
        }
    }
    std::vector<incident_claims> old_groups, new_groups;
    for (const auto& s : before) old_groups.push_back({s.id, s.claims});
    std::vector<incident_snapshot> after;
    for (const auto& inc : out.audit.incidents) {
        after.push_back(snapshot_of(out.audit, inc));
        new_groups.push_back({inc.id, after.back().claims});
    }
    id_assignment ids = assign_ids(old_groups, new_groups, issued);
    revive_split_ids(ids, new_groups, decisions);
    for (std::size_t n = 0; n < out.audit.incidents.size(); ++n) {
        auto& inc = out.audit.incidents[n];
        inc.id = ids.ids[n];
        after[n].id = ids.ids[n];
        for (const auto m : inc.claims) out.audit.claims[m].incident = inc.id;
    }

    facts.articles_added = added.size();
    facts.articles_changed = changed.size();
    facts.articles_total = all.size();
    std::map<std::string, const incident_snapshot*> now_by_id;
    for (const auto& s : after) now_by_id[s.id] = &s;
    for (const auto& e : ids.lineage) {
        const auto it = now_by_id.find(e.to);
        out.lineage.push_back({facts.run, e, cause_of(it == now_by_id.end() ? nullptr : it->second, fresh_articles, facts)});
    }

    run_update& update = out.pending;
    for (const auto i : added) update.added.push_back(&all[i]);
    for (const auto i : changed) update.changed.push_back(&all[i]);
    if (facts.extraction_changed) {  // every stream extracted again is written again
        std::vector<bool> listed(all.size(), false);
        for (const auto i : added) listed[i] = true;
        for (const auto i : changed) listed[i] = true;
        for (std::size_t i = 0; i < all.size(); ++i)
            if (!listed[i] && how[i] == claims_from::extract) update.changed.push_back(&all[i]);
    }
    update.lineage = out.lineage;
    // The statistics the words were weighed with: the kept ones, or those taken now.
    if (out.audit.statistics) {
        if (kept && out.audit.statistics == kept) update.statistics_kept = true;
        else update.statistics_taken = out.audit.statistics;
    }
    update.run.run = facts.run;
    update.run.at = at;
    update.run.reckon_version = RECKON_VERSION;
    update.run.ruleset_hash = ruleset_hash;
    update.run.extraction_hash = extraction_hash;
    update.run.articles_added = added.size();
    update.run.articles_changed = changed.size();
    update.run.articles_total = all.size();
    update.run.incidents = after.size();
    update.run.changes = diff_runs(facts, before, after, ids.lineage);
    std::sort(after.begin(), after.end(), [](const incident_snapshot& a, const incident_snapshot& b) { return a.id < b.id; });
    // Only what changed is written: incidents new or changed, and the ids no longer current.
    {
        std::unordered_map<std::string, const incident_snapshot*> stored;
        for (const auto& s : before) stored.emplace(s.id, &s);
        update.all_incidents = false;
        for (auto& s : after) {
            const auto it = stored.find(s.id);
            if (it != stored.end()) {
                const incident_snapshot& b = *it->second;
                stored.erase(it);
                if (!renamed_ids.count(s.id) && b.claims == s.claims && b.reconciled == s.reconciled && b.findings == s.findings && b.decisions == s.decisions &&
                    b.component == s.component)
                    continue;
            }
            update.incidents.push_back(std::move(s));
        }
        for (const auto& [id, s] : stored) update.removed.push_back(id);
        std::sort(update.removed.begin(), update.removed.end());
        out.incidents_written = update.incidents.size();
        out.incidents_removed = update.removed.size();
    }
    out.run = update.run;
    out.articles = std::move(all);  // the update points into it (a moved vector keeps its elements)
    out.before_commit = before_commit;
    out.prepared = true;
    return out;
}

void save_living_audit(living_store& store, living_result& prepared) {
    const auto t0 = std::chrono::steady_clock::now();
    store.save(prepared.pending, prepared.before_commit);
    prepared.saved = true;
    prepared.audit.timings.emplace_back("store: save", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    prepared.audit.peak_kb.push_back(audit::peak_rss_kb());
    prepared.pending = {};
    std::vector<stored_article>().swap(prepared.articles);
}

}  // namespace reckon::store
