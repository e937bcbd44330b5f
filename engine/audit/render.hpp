// Renderers of the audit: JSON (the contract in docs/audit.md), text for a terminal,
// Markdown for a report. All are deterministic: the same audit gives the same bytes.
#pragma once

#include <map>
#include <ostream>
#include <tuple>
#include <vector>
#include <string>

#include <nlohmann/json.hpp>

#include "audit/audit.hpp"

namespace reckon::audit {

using json = nlohmann::ordered_json;

// A claim as in the extract contract (docs/extraction.md).
json claim_json(const claim& c);
json rule_json(const rules::rule_ref& r);
json finding_json(const rules::finding& f);
json figure_json(const rules::figure& f);

// The totals of the summary.
struct audit_totals {
    std::size_t articles = 0, claims = 0, cumulative_claims = 0, incidents = 0, cumulative_series = 0;
    // What extraction could not tell: claims with no place, no country, no source.
    std::size_t claims_without_place = 0, claims_without_country = 0, claims_without_source = 0;
    std::map<std::string, std::size_t> findings_by_kind;
    std::vector<std::string> articles_without_claims;
    std::size_t copies = 0, pairs_judged = 0;
};
audit_totals totals_of(const audit_result& a);

// The members of the JSON document (docs/audit.md), for the renderer and the merge of
// shard files (audit/shard.hpp): one writer, so both give the same bytes.
json incident_json(const audit_result& a, const incident_record& inc);
json series_json(const audit_result& a, const series_record& s);
json source_json(const source_row& s);
json copy_json(const std::string& article, const std::string& copies, double overlap);
json summary_json(const audit_totals& t);

// Writes the document as dump(2) lays it out, one array member at a time: the
// `reckon` block, then begin / item... / end per array, then the summary.
class json_document {
public:
    json_document(std::ostream& out, const std::vector<input_hash>& inputs);
    void begin(const char* key);
    void item(const json& j);
    void item_text(const std::string& dumped);  // an element already laid out two levels deep
    void end();
    void finish(const json& summary);

private:
    std::ostream& m_out;
    bool m_first = true;
};

// The text and Markdown documents, written a member at a time from the same JSON
// members (so the merge of shard files writes them too): the header, the incidents,
// the series, the sources, then the copies and the articles without claims.
class text_document {
public:
    text_document(std::ostream& out, bool markdown, const audit_totals& t);
    void incident(const json& inc);
    void series(const json& s);
    void sources(const std::vector<source_row>& rows);
    // Copies as (article, article it copies, overlap).
    void finish(const std::vector<std::tuple<std::string, std::string, double>>& copies,
                const std::vector<std::string>& articles_without_claims);

private:
    std::ostream& m_out;
    bool m_markdown = false;
    bool m_in_series = false;
};

// How render_json lays out its incidents and series: with the text writer
// (support/json_writer.hpp), or as trees dumped by nlohmann and re-indented, the way it
// was done before the writer: slower, kept as the reference the writer is tested against.
enum class json_members { written, dumped_trees };

// The streaming forms write to `out` as they go (incident by incident), without
// holding the whole document; the string forms return the same bytes.
void render_json(const audit_result& a, std::ostream& out, json_members how = json_members::written);
void render_text(const audit_result& a, std::ostream& out);
void render_markdown(const audit_result& a, std::ostream& out);

std::string render_json(const audit_result& a);
std::string render_text(const audit_result& a);
std::string render_markdown(const audit_result& a);

}  // namespace reckon::audit
