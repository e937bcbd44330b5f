// reckon ingest CORPUS: lists the articles reckon reads, one line each, or as JSON.
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/corpus_options.hpp"
#include "support/exit_codes.hpp"

namespace reckon::cli {

nlohmann::json article_summary_json(const article& a) {
    nlohmann::json j;
    j["id"] = a.id;
    j["outlet"] = a.outlet;
    j["date"] = a.published.known() ? nlohmann::json(a.published.iso()) : nlohmann::json(nullptr);
    j["date_source"] = std::string(to_string(a.published_from));
    j["title"] = a.title;
    j["length"] = a.text.size();
    nlohmann::json origin{{"file", a.where.file}, {"line", a.where.line}};
    if (a.where.record > 0) origin["record"] = a.where.record;
    j["origin"] = origin;
    if (a.column_date) j["date_column"] = a.column_date->iso();
    if (!a.location.empty()) j["location"] = a.location;
    return j;
}

command add_ingest(CLI::App& root) {
    struct options {
        corpus_options corpus;
        std::string format = "text";
        std::string output;
    };
    auto opts = std::make_shared<options>();
    CLI::App* sub = root.add_subcommand("ingest", "Read a corpus and list its articles");
    add_corpus_options(*sub, opts->corpus);
    sub->add_option("--format", opts->format, "Output format")->check(CLI::IsMember({"text", "json"}));
    sub->add_option("-o,--output", opts->output, "Write to FILE (atomically) instead of standard output");
    return {sub, [opts]() -> int {
                corpus::ingest_result result;
                if (const int code = load_corpus(opts->corpus, result); code != exit_code::ok) return code;
                std::string content;
                if (opts->format == "json") {
                    nlohmann::json list = nlohmann::json::array();
                    for (const auto& a : result.articles) list.push_back(article_summary_json(a));
                    content = list.dump(2) + "\n";
                } else {
                    std::ostringstream out;
                    for (const auto& a : result.articles) {
                        out << a.id << '\t' << (a.outlet.empty() ? "-" : a.outlet) << '\t'
                            << (a.published.known() ? a.published.iso() : "unknown") << '\t' << a.title << '\t'
                            << a.text.size() << '\n';
                    }
                    out << result.articles.size() << (result.articles.size() == 1 ? " article" : " articles") << " from "
                        << result.files << (result.files == 1 ? " file" : " files");
                    if (result.skipped > 0) out << ", " << result.skipped << " skipped";
                    if (result.repaired > 0) out << ", " << result.repaired << " repaired";
                    out << '\n';
                    content = out.str();
                }
                if (const int code = write_output(opts->output, content); code != exit_code::ok) return code;
                return corpus_exit_code(result, opts->corpus.strict);
            }};
}

}  // namespace reckon::cli
