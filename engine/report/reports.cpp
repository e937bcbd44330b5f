// Choosing the incidents to report and writing one file per incident plus an index.
#include <set>
#include <sstream>

#include "report/report.hpp"

namespace reckon::report {

namespace {

std::string markdown_index(const std::vector<json>& models) {
    std::ostringstream o;
    o << "# reckon: incidents\n\n" << models.size() << " incidents, sorted by the severity of their findings.\n\n"
      << "| incident | places | governorate | date | grade | findings |\n|---|---|---|---|---|---|\n";
    for (const auto& m : models) {
        std::string places, findings;
        for (const auto& p : m["summary"]["places"]) places += (places.empty() ? "" : ", ") + p["name"].get<std::string>();
        for (const auto& f : m["findings"]) findings += (findings.empty() ? "" : ", ") + f["severity"].get<std::string>() + " " + f["kind"].get<std::string>();
        const auto& s = m["summary"];
        o << "| [" << m["incident"].get<std::string>() << "](" << m["incident"].get<std::string>() << ".md) | " << places << " | "
          << s["governorate"].get<std::string>() << " | " << (s["date_from"].is_null() ? "" : s["date_from"].get<std::string>()) << " | "
          << s["grade"]["label"].get<std::string>() << " | " << findings << " |\n";
    }
    return o.str();
}

}  // namespace

std::vector<report_file> render_reports(const audit::audit_result& a, const std::vector<std::string>& ids, format f,
                                        diagnostics& diags, const std::function<void(std::size_t, std::size_t)>& progress,
                                        const index_context& index) {
    std::vector<const audit::incident_record*> chosen;
    if (ids.empty()) {
        for (const auto& inc : a.incidents) chosen.push_back(&inc);
    } else {
        std::vector<std::string> known;
        for (const auto& inc : a.incidents) known.push_back(inc.id);
        std::set<std::string> wanted(ids.begin(), ids.end());
        for (const auto& inc : a.incidents)
            if (wanted.count(inc.id)) chosen.push_back(&inc);
        for (const auto& id : ids) {
            if (std::find(known.begin(), known.end(), id) != known.end()) continue;
            const std::string near = closest_match(id, known);
            diags.error("", 0, 0, "no incident '" + id + "' in this corpus",
                        near.empty() ? "list the incidents with 'reckon audit CORPUS'" : "did you mean '" + near + "'?");
        }
    }
    std::vector<report_file> files;
    std::vector<json> models;
    std::size_t done = 0;
    for (const auto* inc : chosen) {
        json model = report_model(a, *inc);
        switch (f) {
        case format::markdown: files.push_back({inc->id + ".md", render_markdown(model)}); break;
        case format::html: files.push_back({inc->id + ".html", render_html(model)}); break;
        case format::json: files.push_back({inc->id + ".json", model.dump(2) + "\n"}); break;
        case format::prov: files.push_back({inc->id + ".prov.json", render_prov(a, *inc)}); break;
        }
        models.push_back(std::move(model));
        if (progress) progress(++done, chosen.size());
    }
    switch (f) {
    case format::markdown: files.push_back({"index.md", markdown_index(models)}); break;
    case format::html: files.push_back({"index.html", render_html_index(models, index)}); break;
    case format::json: {
        json index = json::array();
        for (const auto& m : models)
            index.push_back({{"incident", m["incident"]}, {"file", m["incident"].get<std::string>() + ".json"}, {"summary", m["summary"]},
                             {"findings", m["findings"].size()}});
        files.push_back({"index.json", index.dump(2) + "\n"});
        break;
    }
    case format::prov: break;
    }
    return files;
}

}  // namespace reckon::report
