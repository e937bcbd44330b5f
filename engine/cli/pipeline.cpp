#include "cli/pipeline.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <iostream>
#include <set>
#include <thread>

#include "audit/decisions.hpp"
#include "audit/rule_names.hpp"
#include "cli/commands.hpp"
#include "store/store.hpp"
#include "support/exit_codes.hpp"

namespace fs = std::filesystem;

namespace reckon::cli {

void add_pipeline_options(CLI::App& sub, pipeline_options& opts) {
    add_corpus_options(sub, opts.corpus);
    sub.add_option("--rules", opts.rules, "Rules file (default: rules/default.rules)");
    sub.add_option("--sources", opts.sources, "Source registry YAML (default: sources.yaml beside the rules)");
    sub.add_option("--places", opts.places, "Gazetteer YAML (default: places.yaml beside the rules)");
    sub.add_option("--gazetteer", opts.gazetteer, "World gazetteer index (default: the build's world.gaz)");
    sub.add_option("--dataset", opts.datasets,
                   "Read a UCDP GED or ACLED CSV as claims beside the articles (docs/formats.md); repeatable");
    sub.add_option("-j,--jobs", opts.jobs, "Threads for per-article work (default: all cores)");
    sub.add_flag("--timings", opts.timings, "Print the seconds each stage took to stderr");
    sub.add_option("--statistics", opts.statistics,
                   "Weigh the articles' words with the frozen word statistics of this living audit's store, as its updates do "
                   "(docs/formats.md)");
    // For bench/run: judge N random pairs of all claims too and print what judging every
    // pair would cost beside the blocked matcher (with --timings). Not in the help.
    sub.add_option("--naive-sample", opts.naive_sample, "")->group("");
    sub.add_flag("--live-timings", opts.live_timings, "")->group("");
}

void add_claims_options(CLI::App& sub, pipeline_options& opts) {
    auto* corpus = sub.get_option("corpus");
    corpus->required(false);
    auto* claims = sub.add_option("--claims", opts.claims, "Audit claims streams written by 'reckon extract' ('-' for stdin) instead of a corpus");
    claims->excludes(corpus);
    sub.add_option_function<std::string>(
           "--shard",
           [&opts](const std::string& text) {
               unsigned i = 0, n = 0;
               char slash = 0, extra = 0;
               std::istringstream in(text);
               if (!(in >> i >> slash >> n) || slash != '/' || (in >> extra) || n == 0 || i < 1 || i > n)
                   throw CLI::ValidationError("--shard", "expected i/N with 1 <= i <= N, got '" + text + "'");
               opts.shard = {i, n};
           },
           "Audit only shard i of N and write a shard file for 'reckon merge' (docs/scaling.md)")
        ->type_name("i/N");
}

void add_filter_options(CLI::App& sub, audit::audit_filter& filter) {
    const char* group = "Filters (docs/audit.md)";
    sub.add_option("--only", filter.kinds, "Only incidents with findings of these kinds (conflict,self_contradiction...)")
        ->delimiter(',')
        ->group(group);
    sub.add_option("--min-severity", filter.min_severity, "Only findings of this severity or above")
        ->check(CLI::IsMember({"info", "low", "medium", "high"}))
        ->group(group);
    sub.add_option("--place", filter.places, "Only incidents in this place, at any level (a governorate selects its towns); repeatable")
        ->group(group);
    sub.add_option("--source", filter.sources, "Only incidents where this source, relay or outlet reports a figure; repeatable")
        ->group(group);
    const auto date_option = [&](const char* name, std::optional<date>& target, const char* help) {
        sub.add_option_function<std::string>(
               name,
               [&target, name](const std::string& text) {
                   target = date::parse_iso(text);
                   if (!target) throw CLI::ValidationError(name, "expected a date YYYY-MM-DD, YYYY-MM or YYYY, got '" + text + "'");
               },
               help)
            ->type_name("DATE")
            ->group(group);
    };
    date_option("--since", filter.since, "Only incidents on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)");
    date_option("--until", filter.until, "Only incidents on or before DATE");
    sub.add_option("--top", filter.top, "Only the N incidents with the strongest findings")->check(CLI::PositiveNumber)->group(group);
}

std::string default_rules_path() {
    std::error_code ec;
    if (fs::exists("rules/default.rules", ec)) return "rules/default.rules";
    return std::string(RECKON_DEFAULT_RULES_DIR) + "/default.rules";
}

namespace {

// Reads the claims streams named by --claims ('-' is stdin) and hashes them.
int load_claims(const pipeline_options& opts, pipeline& p) {
    diagnostics diags;
    const unsigned jobs = opts.jobs > 0 ? opts.jobs : std::max(1u, std::thread::hardware_concurrency());
    for (const auto& path : opts.claims) {
        if (path == "-") {
            audit::read_claims_stream(std::cin, "-", p.claims, diags, jobs);
            p.hashes.push_back({"claims", "-", ""});
            continue;
        }
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::cerr << "reckon: error: cannot read '" << path << "'\n";
            return exit_code::usage;
        }
        audit::read_claims_stream(in, path, p.claims, diags, jobs);
        p.hashes.push_back({"claims", path, audit::sha256_file(path)});
    }
    print_diagnostics(diags);
    if (diags.errors() > 0) return exit_code::data_error;
    if (p.claims.articles.empty()) {
        std::cerr << "reckon: error: no article records in the claims files\n";
        return exit_code::data_error;
    }
    return exit_code::ok;
}

// Reads the --dataset files (after the gazetteer: their places are settled in it).
int load_datasets(const pipeline_options& opts, pipeline& p) {
    if (opts.datasets.empty()) return exit_code::ok;
    for (const auto* articles : {&p.corpus.articles, &p.claims.articles})
        for (const auto& given : *articles) {
            article a;
            a.id = given.id;
            p.datasets.articles.push_back(std::move(a));
        }
    const std::size_t known = p.datasets.articles.size();  // ids in use, so that rows never reuse one
    diagnostics diags;
    for (const auto& path : opts.datasets) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::cerr << "reckon: error: cannot read '" << path << "'\n";
            return exit_code::usage;
        }
        std::ostringstream bytes;
        bytes << in.rdbuf();
        exchange::read_dataset(bytes.str(), path, {&p.world, &p.places}, p.datasets, diags);
        p.hashes.push_back({"dataset", path, audit::sha256_file(path)});
    }
    p.datasets.articles.erase(p.datasets.articles.begin(), p.datasets.articles.begin() + static_cast<std::ptrdiff_t>(known));
    print_diagnostics(diags);
    if (diags.errors() > 0) return exit_code::data_error;
    p.corpus.skipped += p.datasets.skipped;  // a skipped row exits as a skipped article does
    return exit_code::ok;
}

}  // namespace

int load_pipeline(const pipeline_options& opts, pipeline& p) {
    if (opts.claims.empty() && opts.corpus.path.empty() && opts.store.empty()) {
        std::cerr << "reckon: error: name a corpus or --claims FILE...\n";
        return exit_code::usage;
    }
    // With --store and no corpus the stored articles are audited again (a changed ruleset).
    if (!opts.corpus.path.empty() || !opts.claims.empty()) {
        const int input = opts.claims.empty() ? load_corpus(opts.corpus, p.corpus) : load_claims(opts, p);
        if (input != exit_code::ok) return input;
    }
    const std::string rules_path = opts.rules.empty() ? default_rules_path() : opts.rules;
    std::error_code ec;
    if (!fs::exists(rules_path, ec)) {
        std::cerr << "reckon: error: cannot read '" << rules_path << "': no such file\n";
        return exit_code::usage;
    }
    auto loaded = rules::load_ruleset(rules_path);
    print_diagnostics(loaded.diags);
    if (loaded.unreadable) return exit_code::usage;
    if (loaded.diags.errors() > 0 || !loaded.rules) return exit_code::data_error;
    p.rules = loaded.rules;

    // The registry and gazetteer: named on the command line, else the data the rules
    // reference (`data sources = "sources.yaml"`), else the files beside the rules.
    const auto data = p.rules->data_files();
    const std::string dir = fs::path(rules_path).parent_path().string();
    const auto pick = [&](const std::string& given, const char* name, const char* file) {
        if (!given.empty()) return given;
        if (const auto it = data.find(name); it != data.end()) return it->second;
        return dir.empty() ? std::string(file) : dir + "/" + file;
    };
    const std::string sources_path = pick(opts.sources, "sources", "sources.yaml");
    const std::string places_path = pick(opts.places, "places", "places.yaml");
    // A ruleset copied to another folder without its data: say where reckon looked and why.
    const auto missing = [&](const std::string& path, const std::string& given, const char* name, const char* file,
                             const char* flag) {
        std::cerr << "reckon: error: cannot read '" << path << "': no such file\n";
        if (!given.empty()) return;
        if (data.count(name))
            std::cerr << "  hint: '" << rules_path << "' names it with 'data " << name
                      << "'; data paths are relative to the rules file\n";
        else
            std::cerr << "  hint: without 'data " << name << " = \"PATH\"' in the rules, " << file
                      << " is read beside the rules file; copy it there, add that line to '" << rules_path
                      << "' (relative to it), or give " << flag << " FILE\n";
    };
    if (!fs::exists(sources_path, ec)) {
        missing(sources_path, opts.sources, "sources", "sources.yaml", "--sources");
        return exit_code::usage;
    }
    if (!fs::exists(places_path, ec)) {
        missing(places_path, opts.places, "places", "places.yaml", "--places");
        return exit_code::usage;
    }
    diagnostics data_diags;
    p.sources = registry::load_sources(sources_path, data_diags);
    p.places = registry::load_places(places_path, data_diags);
    load_world_gazetteer(opts.gazetteer, p.world, data_diags);
    print_diagnostics(data_diags);
    if (data_diags.errors() > 0) return exit_code::data_error;

    std::set<std::string> corpus_files;
    for (const auto& a : p.corpus.articles) corpus_files.insert(a.where.file);
    for (const auto& f : corpus_files) p.hashes.push_back({"corpus", f, f == "-" ? std::string() : audit::sha256_file(f)});
    for (const auto& f : p.rules->files()) p.hashes.push_back({"rules", f, audit::sha256_file(f)});
    p.hashes.push_back({"sources", sources_path, audit::sha256_file(sources_path)});
    p.hashes.push_back({"places", places_path, audit::sha256_file(places_path)});
    if (!opts.statistics.empty()) {
        if (!opts.store.empty()) {
            std::cerr << "reckon: error: --statistics is for one run; a store's updates weigh words with its own statistics\n";
            return exit_code::usage;
        }
        try {
            const store::living_store st(opts.statistics, false, true);
            const auto kept = st.statistics();
            if (!kept) {
                std::cerr << "reckon: error: store '" << opts.statistics << "' keeps no word statistics\n"
                          << "  hint: a store keeps them once a run under rules that read words has matched its whole corpus\n";
                return exit_code::data_error;
            }
            p.statistics = kept->words;
            p.hashes.push_back({"statistics", opts.statistics, ""});
        } catch (const store::store_error& e) {
            std::cerr << "reckon: error: " << e.what() << "\n";
            return e.io ? exit_code::io_error : exit_code::data_error;
        }
    }
    return load_datasets(opts, p);
}

void load_world_gazetteer(const std::string& given, registry::world_gazetteer& world, diagnostics& diags) {
    const std::string path = given.empty() ? std::string(RECKON_WORLD_GAZETTEER) : given;
    std::error_code ec;
    if (given.empty() && !fs::exists(path, ec)) {
        diags.warning("no-world-gazetteer", path, 0, 0,
                      "no world gazetteer index: only the places of the overlay (places.yaml) are known",
                      "run scripts/setup (it fetches the GeoNames data and builds the index), or pass --gazetteer PATH");
        return;
    }
    world.load(path, diags);
}

audit::audit_inputs audit_inputs_for(pipeline& p, const pipeline_options& opts) {
    audit::audit_inputs in;
    in.articles = std::move(p.corpus.articles);
    if (!opts.claims.empty()) {
        in.articles = std::move(p.claims.articles);
        in.extracted = std::move(p.claims.extracted);
    }
    in.dataset_articles = std::move(p.datasets.articles);
    in.dataset_extracted = std::move(p.datasets.extracted);
    in.shard = opts.shard;
    in.rules = p.rules.get();
    in.sources = &p.sources;
    in.places = &p.places;
    in.world = &p.world;
    in.hashes = p.hashes;
    in.jobs = opts.jobs > 0 ? opts.jobs : std::max(1u, std::thread::hardware_concurrency());
    in.cancel = &interrupt_flag();
    in.keep_text = opts.keep_text;
    in.naive_sample = opts.naive_sample;
    in.live_timings = opts.live_timings;
    in.count_held = opts.timings;
    in.explain = opts.explain;
    in.observe = opts.observe;
    in.random_pairs = opts.random_pairs;
    in.statistics = p.statistics;
    return in;
}

audit::audit_result run_pipeline(pipeline& p, const pipeline_options& opts) { return audit::run_audit(audit_inputs_for(p, opts)); }

}  // namespace reckon::cli

namespace reckon::cli {

void print_timings(const audit::audit_result& a, const pipeline_options& opts) {
    if (!opts.timings) return;
    double total = 0;
    for (std::size_t i = 0; i < a.timings.size(); ++i) {
        std::cerr << "reckon: " << a.timings[i].first << ": " << a.timings[i].second << " s";
        if (i < a.peak_kb.size()) std::cerr << ", peak " << a.peak_kb[i] / 1024 << " MB";
        std::cerr << "\n";
        total += a.timings[i].second;
    }
    for (const auto& [what, bytes] : a.held_bytes)
        std::cerr << "reckon: held after extraction: " << what << " " << (bytes + (1 << 19)) / (1 << 20) << " MB\n";
    std::cerr << "reckon: audit stages: " << total << " s, " << a.pairs_judged << " claim pairs judged, largest component "
              << a.largest_component << " units\n";
    if (a.shard.count > 0)
        std::cerr << "reckon: shard " << a.shard.index << "/" << a.shard.count << ": " << a.shard_sizes.incident_claims
                  << " incident claims of " << a.corpus_claims - a.corpus_cumulative_claims << ", in components of at most "
                  << a.shard_sizes.largest << " (" << a.shard_sizes.components << " components)\n";
    if (a.naive.sampled > 0) {
        const auto& n = a.naive;
        const double per_pair = n.seconds / static_cast<double>(n.sampled);
        std::cerr << "reckon: naive all-pairs: " << n.sampled << " random pairs of " << n.all_pairs << " judged in " << n.seconds
                  << " s (one thread); all pairs would take " << per_pair * n.all_pairs << " s; blocking judges "
                  << n.blocked_pairs << " pairs; " << n.matched << " sampled pairs matched, " << n.missed
                  << " of them outside the blocks\n";
    }
}

}  // namespace reckon::cli

namespace reckon::cli {

int audit_for_command(const pipeline_options& opts, audit::audit_result& result, int& corpus_code, pipeline* loaded) {
    pipeline local;
    pipeline& p = loaded ? *loaded : local;
    const auto t0 = std::chrono::steady_clock::now();
    if (const int code = load_pipeline(opts, p); code != exit_code::ok) return code;
    if (opts.timings)
        std::cerr << "reckon: load (corpus, rules, hashes): "
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() << " s, peak "
                  << audit::peak_rss_kb() / 1024 << " MB\n";
    corpus_code = corpus_exit_code(p.corpus, opts.corpus.strict);
    result = run_pipeline(p, opts);
    // A decision naming no claim would silently never apply (not checkable per shard).
    if (!result.cancelled && opts.shard.count == 0) {
        audit::check_decision_ids(result, *p.rules, severity::warning, result.diags);
        audit::check_named_sources(*p.rules, p.sources, &result, result.diags);
    }
    if (!result.cancelled) audit::apply_filter(result, opts.filter, &p.places, result.diags);
    print_diagnostics(result.diags);
    print_timings(result, opts);
    if (result.cancelled || interrupted()) {
        std::cerr << "reckon: interrupted; nothing written\n";
        return exit_code::interrupted;
    }
    if (input_exit_code(result.diags, 0, opts.corpus.strict) != exit_code::ok) corpus_code = exit_code::warnings;
    return exit_code::ok;
}

}  // namespace reckon::cli
