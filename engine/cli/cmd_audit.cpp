// reckon audit CORPUS: incidents with their figures side by side, reconciled ranges and
// findings; cumulative totals; the source table; totals. `--claims` audits what
// `reckon extract` wrote instead of a corpus; `--shard i/N` audits one part and writes a
// shard file for `reckon merge` (docs/scaling.md).
#include <chrono>
#include <functional>
#include <iostream>

#include "audit/render.hpp"
#include "audit/shard.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "exchange/layouts.hpp"
#include "store/living_audit.hpp"
#include "audit/filter.hpp"
#include "support/exit_codes.hpp"

namespace reckon::cli {

namespace {

// audit --store FILE: the stored articles plus this run's, audited as one run, under the
// store's stable incident ids. The output is written first and the store saved after
// it, in one transaction: when either fails the store is as it was.
int living_audit(const pipeline_options& opts,
                 const std::function<int(const audit::audit_result&, const exchange::place_data&)>& write) {
    if (!opts.claims.empty() || opts.shard.count > 0) {
        std::cerr << "reckon: error: --store audits a corpus; it cannot be combined with --claims or --shard\n";
        return exit_code::usage;
    }
    pipeline p;
    if (const int code = load_pipeline(opts, p); code != exit_code::ok) return code;
    int corpus_code = corpus_exit_code(p.corpus, opts.corpus.strict);
    try {
        store::living_store st(opts.store, true);
        store::living_inputs in;
        in.audit = audit_inputs_for(p, opts);
        in.at = store::run_time_now();
        in.plan_load = opts.timings;
        auto living = store::prepare_living_audit(st, std::move(in));
        print_diagnostics(living.audit.diags);
        if (living.refused) {
            std::cerr << "reckon: the store is as it was\n";
            return exit_code::data_error;
        }
        if (!living.prepared || interrupted()) {
            std::cerr << "reckon: interrupted; the store is as it was\n";
            return exit_code::interrupted;
        }
        // The store keeps the whole audit; the filters select what is shown.
        audit::audit_result shown;
        if (!opts.filter.empty()) {
            shown = living.audit;
            diagnostics selection;
            audit::apply_filter(shown, opts.filter, &p.places, selection);
            print_diagnostics(selection);
        }
        if (const int code = write(opts.filter.empty() ? living.audit : shown, {&p.world, &p.places}); code != exit_code::ok) {
            std::cerr << "reckon: the store is as it was\n";
            return code;
        }
        store::save_living_audit(st, living);
        print_timings(living.audit, opts);
        if (opts.timings)
            std::cerr << "reckon: store: " << living.incidents_written << " of " << living.run.incidents
                      << " incidents written (new or changed), " << living.incidents_removed << " removed\n";
        if (opts.timings && living.audit.reach.measured) {
            const auto& r = living.audit.reach;
            std::cerr << "reckon: store: reach of the new articles: " << r.new_claims << " new claims are compared in blocks with "
                      << r.block_mates << " of " << r.stored_claims << " stored claims; " << r.incidents << " incidents hold either ("
                      << r.incident_claims << " claims)\n";
        }
        if (opts.timings && living.index_looked_up) {
            const auto& l = living.index_lookup;
            std::cerr << "reckon: store: block index: the new claims' " << l.cells << " cells hold " << l.claims.size()
                      << " stored claims compared with them; " << l.rows << " rows read, " << l.steps << " steps ("
                      << l.full_scan_steps << " in full scans), " << living.index_lookup_seconds << " s; outside the stored articles matched again "
                      << living.index_lookup_kept << " (comparing every stored claim in memory: " << living.index_memory_kept << ")\n";
        }
        if (opts.timings && living.planned) {
            const auto& plan = living.plan;
            std::cerr << "reckon: store: load plan: the block mates lie in " << plan.components << " stored components (" << plan.incidents
                      << " incidents, " << plan.claims.size() << " claims) of " << plan.articles.size() << " of " << living.stored_articles
                      << " stored articles; " << plan.steps << " steps (" << plan.full_scan_steps << " in full scans), " << living.plan_seconds
                      << " s; the same closure over the stored incidents in memory: " << living.plan_memory_claims << " claims"
                      << (plan.complete ? "" : "; incomplete: incidents without a component") << "\n";
        }
        // How the update matched: the components its new articles reach, or (said why)
        // the whole corpus, as one run does.
        if (const auto& m = living.audit.matching; m.asked) {
            if (m.incremental)
                std::cerr << "reckon: store: matched again " << m.rematched_units << " of " << m.units
                          << " claims (the components the new articles reach; with them the claims of " << m.copy_seeds
                          << " stored articles whose copy links they may change and of " << m.word_seeds
                          << " whose words' weights they move)\n";
            else
                std::cerr << "reckon: store: matched the whole corpus: " << m.full_because << "\n";
        }
        const auto& ch = living.run.changes;
        std::cerr << "reckon: store '" << opts.store << "' run " << living.run.run << ": " << living.run.articles_added << " articles added, "
                  << living.run.articles_changed << " changed, " << living.extracted << " extracted; " << ch.at("new_incidents").size()
                  << " new incidents, " << ch.at("merges").size() << " merges, " << ch.at("splits").size()
                  << " splits ('reckon changes " << opts.store << "' tells more)\n";
        if (living.audit.diags.warnings() + living.audit.diags.errors() > 0) corpus_code = exit_code::warnings;
    } catch (const store::store_error& e) {
        std::cerr << "reckon: error: " << e.what() << (e.io ? "; the store is as it was\n" : "\n");
        return e.io ? exit_code::io_error : exit_code::data_error;
    }
    return corpus_code;
}

}  // namespace

command add_audit(CLI::App& root) {
    struct options {
        pipeline_options pipe;
        std::string format = "text";
        std::string output;
    };
    auto opts = std::make_shared<options>();
    CLI::App* sub = root.add_subcommand("audit", "Audit conflicting casualty figures across a corpus");
    add_pipeline_options(*sub, opts->pipe);
    add_claims_options(*sub, opts->pipe);
    add_filter_options(*sub, opts->pipe.filter);
    sub->add_option("--format", opts->format, "Output format")->check(CLI::IsMember({"text", "markdown", "md", "json", "ucdp", "acled"}));
    sub->add_option("-o,--output", opts->output, "Write to FILE (atomically) instead of standard output");
    sub->add_option("--store", opts->pipe.store,
                    "Keep a living audit in this SQLite file: add the corpus's new articles to it and audit them all under stable "
                    "incident ids (docs/formats.md)");
    return {sub, [opts]() -> int {
                opts->pipe.keep_text = false;  // the audit's renderers never quote the text
                if (opts->pipe.shard.count > 0 && !opts->pipe.filter.empty()) {
                    std::cerr << "reckon audit: error: filters apply to the merged audit, not to a shard\n"
                                 "  hint: run the audit without --shard to filter it\n";
                    return exit_code::usage;
                }
                // Streamed incident by incident: the whole document is never in memory.
                const auto write = [&](const audit::audit_result& result, const exchange::place_data& where) {
                    const auto render = [&](std::ostream& out) {
                        if (opts->pipe.shard.count > 0) audit::write_shard(result, out);
                        else if (opts->format == "json") audit::render_json(result, out);
                        else if (opts->format == "text") audit::render_text(result, out);
                        else if (opts->format == "ucdp") exchange::render_ucdp(result, out, where);
                        else if (opts->format == "acled") exchange::render_acled(result, out, where);
                        else audit::render_markdown(result, out);
                        return int{exit_code::ok};
                    };
                    const auto t1 = std::chrono::steady_clock::now();
                    if (const int code = write_output(opts->output, render); code != exit_code::ok) return code;
                    if (opts->pipe.timings)
                        std::cerr << "reckon: write " << (opts->pipe.shard.count > 0 ? std::string("shard") : opts->format) << ": "
                                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count() << " s, peak "
                                  << audit::peak_rss_kb() / 1024 << " MB\n";
                    return int{exit_code::ok};
                };
                if (!opts->pipe.store.empty()) return living_audit(opts->pipe, write);
                audit::audit_result result;
                int corpus_code = exit_code::ok;
                pipeline loaded;
                if (const int code = audit_for_command(opts->pipe, result, corpus_code, &loaded); code != exit_code::ok) return code;
                if (const int code = write(result, {&loaded.world, &loaded.places}); code != exit_code::ok) return code;
                return corpus_code;
            }};
}

}  // namespace reckon::cli
