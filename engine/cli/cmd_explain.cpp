// reckon explain CORPUS A B: why the rules join two claims or keep them apart. A and B
// are claim ids ("article@s1a2b3c4.0", or the older "article@offset") or article ids (then the pair of their claims the
// rules judge best). A scored rule's judgement is printed as a waterfall: each
// comparison's level and weight, the running total, the threshold.
#include <cstdio>
#include <iostream>

#include "audit/render.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "support/exit_codes.hpp"

namespace reckon::cli {

namespace {

std::string fixed2(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.2f", x);
    return buf;
}

void print_waterfall(const audit::judged_pair& p, std::ostream& o) {
    const auto& r = p.result;
    o << p.a << "\n" << p.b << "\n";
    o << (r.same ? "joined" : "apart") << ": " << r.reason;
    if (!r.rule.name.empty()) o << " (" << r.rule.file << ":" << r.rule.line << ")";
    o << "\n";
    if (!r.scored) return;
    double total = 0;
    for (const auto& step : r.waterfall) {
        total += step.weight;
        char line[160];
        std::snprintf(line, sizeof line, "  %-12s %-16s %7s  total %7s\n", step.comparison.c_str(), step.level.c_str(),
                      fixed2(step.weight).c_str(), fixed2(total).c_str());
        o << line;
    }
    o << "  score " << fixed2(r.score) << (r.score >= r.threshold ? " >= " : " < ") << "threshold " << fixed2(r.threshold)
      << "\n";
}

}  // namespace

command add_explain(CLI::App& root) {
    struct options {
        pipeline_options pipe;
        std::string a, b;
        std::string format = "text";
    };
    auto opts = std::make_shared<options>();
    CLI::App* sub = root.add_subcommand("explain", "Explain why two claims are joined or kept apart");
    add_pipeline_options(*sub, opts->pipe);
    sub->add_option("claim_a", opts->a, "A claim id (article@s1a2b3c4.0, as 'reckon extract' prints it) or an article id")->required();
    sub->add_option("claim_b", opts->b, "The other claim or article")->required();
    sub->add_option("--format", opts->format, "Output format")->check(CLI::IsMember({"text", "json"}));
    return {sub, [opts]() -> int {
                opts->pipe.keep_text = false;
                opts->pipe.explain = {{opts->a, opts->b}};
                audit::audit_result result;
                int corpus_code = exit_code::ok;
                if (const int code = audit_for_command(opts->pipe, result, corpus_code); code != exit_code::ok) return code;
                const auto& p = result.explained.front();
                if (p.result.rule.name.empty() && p.result.reason.rfind("no claim or article", 0) == 0) {
                    std::cerr << "reckon: error: " << p.result.reason << "\n  hint: claim ids are article@s<sentence>.<figure>, as "
                              << "'reckon extract' prints them; an article id stands for its claims\n";
                    return exit_code::data_error;
                }
                if (opts->format == "json") std::cout << audit::judged_pair_json(p).dump(2) << "\n";
                else print_waterfall(p, std::cout);
                return corpus_code;
            }};
}

}  // namespace reckon::cli
