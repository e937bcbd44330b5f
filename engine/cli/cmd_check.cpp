// reckon check FILE... [--format text|json] [--no-warn NAME] [--corpus CORPUS [--rewrite-ids]]: checks
// rules files and prints every error and warning (file:line:col, the source line, a caret, a hint).
// --rewrite-ids writes the decisions' older offset claim ids as the ids their claims have now.
// Exit codes: 0 clean (warnings allowed), 1 errors, 2 a file could not be read, 74 a rules file
// could not be rewritten.
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "audit/decisions.hpp"
#include "audit/rule_names.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "rules/ruleset.hpp"
#include "support/atomic_file.hpp"
#include "support/exit_codes.hpp"

namespace reckon::cli {

namespace {

nlohmann::json diagnostic_json(const diagnostic& d) {
    nlohmann::json j{{"severity", std::string(to_string(d.level))},
                     {"file", d.file},
                     {"line", d.line},
                     {"column", d.column},
                     {"length", d.length},
                     {"message", d.message}};
    if (!d.hint.empty()) j["hint"] = d.hint;
    if (!d.name.empty()) j["name"] = d.name;
    if (!d.notes.empty()) {
        j["notes"] = nlohmann::json::array();
        for (const auto& n : d.notes) j["notes"].push_back(diagnostic_json(n));
    }
    return j;
}

}  // namespace

command add_check(CLI::App& root) {
    struct options {
        std::vector<std::string> files;
        std::string format = "text";
        std::vector<std::string> no_warn;
        std::string corpus;
        bool rewrite_ids = false;
    };
    auto opts = std::make_shared<options>();
    CLI::App* sub = root.add_subcommand("check", "Check rules files for errors");
    sub->add_option("FILE", opts->files, "Rules files to check")->required();
    sub->add_option("--format", opts->format, "Output format")->check(CLI::IsMember({"text", "json"}));
    sub->add_option("--no-warn", opts->no_warn, "Switch off a warning by name (repeatable)");
    auto* corpus = sub->add_option("--corpus", opts->corpus,
                                   "Also check the rules against a corpus: a decision naming no claim of it is an error");
    sub->add_flag("--rewrite-ids", opts->rewrite_ids,
                  "Write the decisions' older claim ids (article@offset) as the ids their claims have now, in place")
        ->needs(corpus);
    return {sub, [opts]() -> int {
                bool unreadable = false;
                diagnostics all;
                const std::set<std::string> off(opts->no_warn.begin(), opts->no_warn.end());
                nlohmann::json files = nlohmann::json::array();
                for (const auto& f : opts->files) {
                    auto r = rules::load_ruleset(f);
                    unreadable = unreadable || r.unreadable;
                    diagnostics kept;
                    if (opts->corpus.empty() && r.rules) {
                        // Source names checked against the registry the rules would audit with.
                        const auto data = r.rules->data_files();
                        const std::string sources_path = data.count("sources") ? data.at("sources")
                                                         : (std::filesystem::path(f).parent_path() / "sources.yaml").string();
                        std::error_code ec;
                        if (std::filesystem::is_regular_file(sources_path, ec)) {
                            diagnostics registry_diags;  // a broken registry is reported by the commands that use it
                            const auto registry = registry::load_sources(sources_path, registry_diags);
                            if (registry_diags.errors() == 0) audit::check_named_sources(*r.rules, registry, nullptr, r.diags);
                            r.diags.sort();
                        }
                    }
                    if (!opts->corpus.empty() && r.rules) {
                        // The corpus audited under these rules; its own messages go to stderr.
                        pipeline_options po;
                        po.corpus.path = opts->corpus;
                        po.rules = f;
                        po.keep_text = false;
                        pipeline p;
                        if (const int code = load_pipeline(po, p); code != exit_code::ok) return code;
                        const auto audited = run_pipeline(p, po);
                        audit::check_decision_ids(audited, *r.rules, severity::error, r.diags);
                        if (opts->rewrite_ids) {
                            const auto older = audit::older_decision_ids(audited, *r.rules);
                            std::map<std::string, std::size_t> rewritten;
                            try {
                                rewritten = audit::rewrite_older_ids(older);
                            } catch (const io_error& e) {
                                std::cerr << "reckon: error: " << e.what() << "; the rules files are as they were\n";
                                return exit_code::io_error;
                            }
                            std::size_t count = 0;
                            for (const auto& [file, n] : rewritten) {
                                count += n;
                                std::cerr << file << ": " << n << (n == 1 ? " older claim id" : " older claim ids")
                                          << " written as the claim's id now\n";
                            }
                            if (count == older.size()) {  // every warning about them is answered
                                diagnostics rest;
                                for (const auto& d : r.diags.items())
                                    if (d.name != "old-claim-id") rest.add(d);
                                r.diags = std::move(rest);
                            }
                        }
                        audit::check_named_sources(*r.rules, p.sources, &audited, r.diags);
                        r.diags.sort();
                    }
                    for (const auto& d : r.diags.items()) {
                        if (d.level == severity::warning && off.count(d.name) != 0) continue;
                        kept.add(d);
                    }
                    nlohmann::json diags = nlohmann::json::array();
                    for (const auto& d : kept.items()) diags.push_back(diagnostic_json(d));
                    files.push_back({{"file", f},
                                     {"errors", kept.errors()},
                                     {"warnings", kept.warnings()},
                                     {"diagnostics", diags}});
                    all.append(kept);
                }
                if (opts->format == "json") {
                    nlohmann::json out{{"files", files}, {"errors", all.errors()}, {"warnings", all.warnings()}};
                    std::cout << out.dump(2) << '\n';
                } else {
                    for (const auto& d : all.items()) std::cerr << render(d);
                    std::cerr << all.summary() << '\n';
                }
                if (unreadable) return exit_code::usage;
                return all.errors() > 0 ? exit_code::warnings : exit_code::ok;
            }};
}

}  // namespace reckon::cli
