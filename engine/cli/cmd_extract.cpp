// reckon extract CORPUS: the casualty claims of every article, as JSON Lines (one claim
// per line, docs/extraction.md, after an article record per article: the claims stream
// of docs/formats.md that `reckon audit --claims` reads) or text; JSON Lines input,
// from a file or stdin, is streamed a batch at a time; with --eval GOLD, precision and recall
// against hand-made annotations and the list of misses.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cli/commands.hpp"
#include "cli/corpus_options.hpp"
#include "cli/pipeline.hpp"
#include "extract/evaluate.hpp"
#include "extract/extract.hpp"
#include "registry/registry.hpp"
#include "extract/claim_json.hpp"
#include "audit/claims_stream.hpp"
#include "support/exit_codes.hpp"
#include "support/parallel.hpp"

namespace reckon::cli {

namespace {

std::string interval_text(const claim& c) {
    std::string s = "[";
    s += c.low ? std::to_string(*c.low) : "?";
    s += ",";
    s += c.high ? std::to_string(*c.high) : (c.low ? "inf" : "?");
    return s + "]";
}

std::string percent(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

}  // namespace

command add_extract(CLI::App& root) {
    struct options {
        corpus_options corpus;
        std::string format = "jsonl";
        std::string output;
        std::string eval;
        std::string sources = std::string(RECKON_DEFAULT_RULES_DIR) + "/sources.yaml";
        std::string places = std::string(RECKON_DEFAULT_RULES_DIR) + "/places.yaml";
        std::string gazetteer;
        bool explain = false;
        double min_precision = 0;
        double min_recall = 0;
        unsigned jobs = 0;  // 0: all cores
    };
    auto opts = std::make_shared<options>();
    CLI::App* sub = root.add_subcommand("extract", "Extract casualty claims from a corpus");
    add_corpus_options(*sub, opts->corpus);
    sub->add_option("--format", opts->format, "Output format")->check(CLI::IsMember({"jsonl", "text"}))->capture_default_str();
    sub->add_option("-o,--output", opts->output, "Write to FILE (atomically) instead of standard output");
    sub->add_option("--eval", opts->eval, "Score the claims against a gold JSON Lines file and list the misses");
    sub->add_option("--sources", opts->sources, "Source registry (YAML)")->capture_default_str();
    sub->add_option("--places", opts->places, "Gazetteer (YAML)")->capture_default_str();
    sub->add_option("--gazetteer", opts->gazetteer, "World gazetteer index (default: the build's world.gaz)");
    sub->add_flag("--explain", opts->explain, "Also list the numbers that were read but rejected, and why each claim has its place (stderr)");
    sub->add_option("--min-precision", opts->min_precision, "With --eval: exit 1 when precision is lower");
    sub->add_option("--min-recall", opts->min_recall, "With --eval: exit 1 when recall is lower");
    sub->add_option("-j,--jobs", opts->jobs, "Threads (default: all cores; the output is the same for any number)");
    return {sub, [opts]() -> int {
                diagnostics reg_diags;
                registry::source_registry sources;
                registry::gazetteer places;
                if (std::filesystem::exists(opts->sources)) sources = registry::load_sources(opts->sources, reg_diags);
                else reg_diags.warning("missing-registry", opts->sources, 0, 0, "no source registry; figures are attributed to their outlet");
                if (std::filesystem::exists(opts->places)) places = registry::load_places(opts->places, reg_diags);
                else reg_diags.warning("missing-registry", opts->places, 0, 0, "no gazetteer; places are kept as written");
                registry::world_gazetteer world;
                load_world_gazetteer(opts->gazetteer, world, reg_diags);
                if (reg_diags.errors() > 0) {
                    print_diagnostics(reg_diags);
                    return exit_code::data_error;
                }
                // JSON Lines (a file or stdin) are read and extracted a batch at a time, so
                // memory stays bounded; other corpora are loaded whole.
                corpus::ingest_options in_options;
                corpus::parse_input_format(opts->corpus.input_format, in_options.format);
                const std::string ext = std::filesystem::path(opts->corpus.path).extension().string();
                std::ifstream file;
                std::istream* stream = nullptr;
                if (opts->eval.empty() && in_options.format != corpus::input_format::csv && in_options.format != corpus::input_format::text) {
                    if (opts->corpus.path == "-") {
                        std::cin >> std::ws;
                        if (in_options.format == corpus::input_format::jsonl || std::cin.peek() == '{') stream = &std::cin;
                    } else if (in_options.format == corpus::input_format::jsonl || ext == ".jsonl" || ext == ".ndjson") {
                        file.open(opts->corpus.path, std::ios::binary);
                        if (!file) {
                            std::cerr << "reckon: error: cannot read '" << opts->corpus.path << "'\n";
                            return exit_code::usage;
                        }
                        stream = &file;
                    }
                }
                corpus::ingest_result result;
                if (!stream)
                    if (const int code = load_corpus(opts->corpus, result); code != exit_code::ok) return code;
                extract::extract_context ctx;
                ctx.sources = &sources;
                ctx.places = &places;
                ctx.world = &world;
                std::vector<extract::place_note> place_notes;
                if (opts->explain) ctx.place_notes = &place_notes;
                const extract::extractor x(ctx);
                diagnostics diags;
                std::vector<claim> all;
                // Claims are written article by article as they are found (JSON Lines in,
                // JSON Lines out): with --eval they are kept for the comparison instead.
                const auto write_claim = [&](std::ostream& out, const claim& c) {
                    if (opts->format == "jsonl") {
                        out << extract::claim_line(c);
                        return;
                    }
                    out << c.id << '\t' << to_string(c.kind) << '\t' << to_string(c.outcome) << '\t' << c.category
                        << (c.side.empty() ? "" : "(" + c.side + ")") << '\t' << interval_text(c) << '\t'
                        << (c.qualifier_text.empty() ? std::string(to_string(c.qualifier)) : c.qualifier_text) << ' ' << c.value_text << '\t'
                        << c.source;
                    for (const auto& r : c.relay) out << " via " << r;
                    out << '\t' << (c.event_date.known() ? c.event_date.iso() : "-") << '\t'
                        << (c.place.empty() ? "-" : c.place) << '\t' << (c.parent.empty() ? "-" : "part of " + c.parent)
                        << (c.scope.empty() ? "" : "\t" + c.scope) << (c.headline ? "\theadline" : "") << '\n';
                };
                // Articles are extracted on `jobs` threads, a batch at a time, each into its
                // own output, diagnostics and explanations, then written in corpus order: the
                // bytes do not depend on the number of threads, and memory holds one batch.
                // --explain writes the extractor's place notes into one list: one thread.
                const unsigned jobs = opts->explain ? 1u
                                                    : opts->jobs > 0 ? opts->jobs
                                                                     : std::max(1u, std::thread::hardware_concurrency());
                struct article_output {
                    std::string out, err;  // what goes to the output and to stderr, in order
                    diagnostics diags;
                    std::vector<claim> claims;  // --eval only
                };
                // In JSON Lines each article's record (what a later audit needs of it,
                // docs/formats.md) comes before its claims.
                const auto extract_one = [&](const article& a, bool writing, article_output& o) {
                    std::vector<extract::rejection> rejected;
                    auto e = audit::extract_article(x, a, o.diags, opts->explain ? &rejected : nullptr);
                    std::ostringstream err;
                    for (const auto& r : rejected)
                        err << a.id << ": rejected '" << r.text << "' at " << r.span.begin << ": " << r.reason << '\n';
                    if (opts->explain) {  // one thread then
                        for (const auto& n : place_notes) err << n.claim << ": place: " << n.text << '\n';
                        place_notes.clear();
                    }
                    o.err = err.str();
                    if (!writing) {
                        o.claims = std::move(e.claims);
                        return;
                    }
                    std::ostringstream out;
                    if (opts->format == "jsonl")
                        out << audit::article_record_line(a, e);
                    for (const auto& c : e.claims) write_claim(out, c);
                    o.out = out.str();
                };
                const auto extract_batch = [&](const std::vector<article>& articles, std::size_t first, std::size_t last,
                                               std::ostream* out) -> int {
                    std::vector<article_output> outputs(last - first);
                    run_striped(outputs.size(), jobs, [&](std::size_t from, std::size_t step) {
                        for (std::size_t i = from; i < outputs.size(); i += step) {
                            if (interrupted()) return;
                            extract_one(articles[first + i], out != nullptr, outputs[i]);
                        }
                    }, 8);
                    if (interrupted()) return exit_code::interrupted;
                    for (auto& o : outputs) {
                        std::cerr << o.err;
                        diags.append(o.diags);
                        if (out) *out << o.out;
                        else all.insert(all.end(), std::make_move_iterator(o.claims.begin()), std::make_move_iterator(o.claims.end()));
                    }
                    return exit_code::ok;
                };
                const std::size_t batch = 256 * std::max(1u, jobs);
                std::size_t articles_read = 0;
                const auto run = [&](std::ostream* out) -> int {
                    if (stream) {
                        corpus::jsonl_reader reader(*stream, opts->corpus.path);
                        while (reader.next(result)) {
                            if (const int code = extract_batch(result.articles, 0, result.articles.size(), out); code != exit_code::ok)
                                return code;
                            articles_read += result.articles.size();
                        }
                        result.articles.clear();
                        return exit_code::ok;
                    }
                    for (std::size_t first = 0; first < result.articles.size(); first += batch)
                        if (const int code = extract_batch(result.articles, first, std::min(result.articles.size(), first + batch), out);
                            code != exit_code::ok)
                            return code;
                    return exit_code::ok;
                };
                if (opts->eval.empty()) {
                    const int code = write_output(opts->output, [&](std::ostream& out) { return run(&out); });
                    if (stream) {
                        print_diagnostics(result.diags);
                        if (code == exit_code::ok && articles_read == 0) {
                            std::cerr << "reckon: error: no articles in '" << opts->corpus.path << "'\n";
                            return exit_code::data_error;
                        }
                    }
                    reg_diags.append(diags);
                    print_diagnostics(reg_diags);
                    if (code != exit_code::ok) return code;
                    // Figures ignored or repaired while reading are warnings like the corpus's.
                    if (input_exit_code(reg_diags, 0, opts->corpus.strict) != exit_code::ok) return exit_code::warnings;
                    return corpus_exit_code(result, opts->corpus.strict);
                }
                if (const int code = run(nullptr); code != exit_code::ok) return code;
                reg_diags.append(diags);
                print_diagnostics(reg_diags);
                diagnostics gold_diags;
                const auto gold = extract::load_gold(opts->eval, gold_diags);
                print_diagnostics(gold_diags);
                if (gold.empty()) return exit_code::data_error;
                const auto ev = extract::evaluate(all, gold);
                std::ostringstream rep;
                rep << "gold: " << gold.size() << " articles, " << ev.gold << " claims; extracted " << ev.extracted
                    << " claims in those articles; matched " << ev.matched << '\n';
                rep << "precision " << percent(ev.precision()) << "  recall " << percent(ev.recall()) << "  source accuracy "
                    << percent(ev.source_accuracy()) << " (" << ev.source_right << "/" << ev.source_checked << ")"
                    << "  event-date accuracy " << percent(ev.date_accuracy()) << " (" << ev.date_right << "/"
                    << ev.date_checked << ")\n";
                if (ev.type_checked)
                    rep << "source type accuracy " << percent(ev.type_accuracy()) << " (" << ev.type_right << "/" << ev.type_checked
                        << ")\n";
                for (const auto& m : ev.missed) rep << "missed: " << m << '\n';
                for (const auto& m : ev.spurious) rep << "spurious: " << m << '\n';
                for (const auto& m : ev.wrong_source) rep << "wrong source: " << m << '\n';
                for (const auto& m : ev.wrong_date) rep << "wrong date: " << m << '\n';
                for (const auto& m : ev.wrong_type) rep << "wrong source type: " << m << '\n';
                if (const int code = write_output(opts->output, rep.str()); code != exit_code::ok) return code;
                if (ev.precision() < opts->min_precision || ev.recall() < opts->min_recall) return exit_code::warnings;
                return exit_code::ok;
            }};
}

}  // namespace reckon::cli
