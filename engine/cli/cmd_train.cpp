// reckon train RULES CORPUS -o TRAINED.rules: estimates the weights of the scored match
// rules of RULES from CORPUS without labels (train/train.hpp) and writes RULES again
// with the learnt weights and threshold, each level's m and u in a comment. Only the
// root file's rules are rewritten; the same corpus gives the same file, byte for byte.
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "support/exit_codes.hpp"
#include "train/train.hpp"

namespace reckon::cli {

command add_train(CLI::App& root) {
    struct options {
        std::string rules_file;
        pipeline_options pipe;
        std::string output;
        std::size_t iterations = 100;
        std::size_t random_pairs = 200000;
    };
    auto opts = std::make_shared<options>();
    CLI::App* sub = root.add_subcommand("train", "Learn the weights of scored match rules from a corpus (no labels)");
    sub->add_option("rules_file", opts->rules_file, "The rules file whose scored match rules are trained")->required();
    add_pipeline_options(*sub, opts->pipe);
    sub->add_option("-o,--output", opts->output, "Write the trained rules file here (atomically)")->required();
    sub->add_option("--iterations", opts->iterations, "Most EM iterations per rule (default 100)");
    sub->add_option("--random-pairs", opts->random_pairs, "Random pairs that show unrelated reports (default 200000)");
    return {sub, [opts]() -> int {
                opts->pipe.rules = opts->rules_file;
                opts->pipe.keep_text = false;
                pipeline p;
                if (const int code = load_pipeline(opts->pipe, p); code != exit_code::ok) return code;
                train::pair_collector collector(*p.rules);
                if (collector.scored().empty()) {
                    std::cerr << opts->rules_file << ": error: no scored match rule to train\n"
                              << "  hint: a match rule with 'score NAME:' levels and a 'threshold' (docs/rules.md)\n";
                    return exit_code::data_error;
                }
                opts->pipe.observe = [&](const rules::claim_facts& a, const rules::claim_facts& b, bool random) {
                    collector.observe(a, b, random);
                };
                opts->pipe.random_pairs = opts->random_pairs;
                opts->pipe.jobs = 1;  // the observer sees pairs in one fixed order
                const auto result = run_pipeline(p, opts->pipe);
                print_diagnostics(result.diags);
                if (result.cancelled || interrupted()) return exit_code::interrupted;
                std::string text;
                {
                    FILE* f = std::fopen(opts->rules_file.c_str(), "rb");
                    if (!f) {
                        std::cerr << "reckon: error: cannot read '" << opts->rules_file << "'\n";
                        return exit_code::io_error;
                    }
                    char buf[65536];
                    std::size_t n = 0;
                    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
                    std::fclose(f);
                }
                train::estimate_options eo;
                eo.iterations = opts->iterations;
                std::vector<train::fs_model> models;
                std::vector<train::rewrite> edits;
                models.reserve(collector.scored().size());
                for (std::size_t r = 0; r < collector.scored().size(); ++r) {
                    const auto* st = collector.scored()[r];
                    std::vector<std::size_t> levels;
                    std::vector<std::vector<double>> start;
                    for (const auto& cmp : st->scores) {
                        levels.push_back(cmp.levels.size());
                        start.emplace_back();
                        for (const auto& l : cmp.levels) start.back().push_back(l.weight);
                    }
                    models.push_back(train::estimate(collector.counts(r), levels, start, *st->threshold, eo));
                    const auto& m = models.back();
                    std::fprintf(stderr, "reckon: %s: %.0f candidate pairs, %.0f random; lambda %.4f after %zu iterations; threshold %.2f\n",
                                 st->name.c_str(), m.candidates, collector.counts(r).random_pairs, m.lambda, m.iterations,
                                 m.threshold);
                    if (st->file != opts->rules_file) {
                        std::cerr << "reckon: warning: '" << st->name << "' is in " << st->file
                                  << ", not in the file trained; its weights are left as they are\n";
                        continue;
                    }
                    edits.push_back({st, &m});
                }
                return write_output(opts->output, train::rewrite_weights(text, edits));
            }};
}

}  // namespace reckon::cli
