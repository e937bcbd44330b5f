// Audit filters (filter.hpp). Every criterion is a plain test on an incident or a
// series; names compare without case, and a place name given on the command line is
// resolved through the gazetteer so that a governorate selects the places within it.
#include "audit/filter.hpp"

#include <algorithm>
#include <set>

namespace reckon::audit {

namespace {

std::string folded(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool same_name(std::string_view a, std::string_view b) { return folded(a) == folded(b); }

bool contains_name(const std::vector<std::string>& names, std::string_view wanted) {
    return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return same_name(n, wanted); });
}

// A --place as the gazetteer knows it: its key and canonical name, or only the name as given.
struct wanted_place {
    std::string given;
    std::string key;        // "" when the gazetteer does not know it
    std::string name;       // canonical
    bool governorate = false;
};

bool place_matches(const incident_record& inc, const wanted_place& w, const registry::gazetteer* g) {
    if (same_name(inc.governorate, w.given) || (!w.name.empty() && same_name(inc.governorate, w.name))) return true;
    if (contains_name(inc.places, w.given)) return true;
    if (!w.key.empty()) {
        for (const auto& k : inc.place_keys)
            if (k == w.key || (g && g->within(k, w.key))) return true;
    }
    return contains_name(inc.place_keys, registry::gazetteer::normalise(w.given));
}

bool source_matches(const audit_result& a, const incident_record& inc, const std::string& wanted) {
    if (contains_name(inc.sources, wanted)) return true;
    for (const auto m : inc.claims) {
        const auto& r = a.claims[m];
        if (contains_name(r.c.relay, wanted) || same_name(a.articles[r.article].outlet, wanted)) return true;
    }
    return false;
}

bool dates_meet(const date& from, const date& to, const audit_filter& f) {
    if (!f.since && !f.until) return true;
    if (!from.known()) return false;
    const date& last = to.known() ? to : from;
    if (f.since && last.last_day() < f.since->first_day()) return false;
    if (f.until && from.first_day() > f.until->last_day()) return false;
    return true;
}

bool finding_selected(const rules::finding& fd, const audit_filter& f) {
    if (!f.kinds.empty() && !contains_name(f.kinds, fd.kind)) return false;
    if (!f.min_severity.empty() && severity_rank(fd.severity) < severity_rank(f.min_severity)) return false;
    return true;
}

// Warns about a name that selects nothing, with the closest name the audit has.
void warn_unmatched(diagnostics& diags, const char* option, const std::string& given, const std::set<std::string>& known,
                    const char* what) {
    const std::vector<std::string> candidates(known.begin(), known.end());
    const std::string close = closest_match(given, candidates);
    diags.warning("filter-matches-nothing", "", 0, 0, std::string(option) + " '" + given + "' matches no " + what + " of this audit",
                  close.empty() ? std::string() : "did you mean '" + close + "'?");
}

}  // namespace

std::string audit_filter::describe() const {
    std::string out;
    const auto add = [&](const std::string& part) { out += (out.empty() ? "" : "; ") + part; };
    const auto list = [](const std::vector<std::string>& v, const char* sep) {
        std::string s;
        for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
        return s;
    };
    if (!kinds.empty()) add("only " + list(kinds, ", "));
    if (!min_severity.empty()) add("severity " + min_severity + " or above");
    if (!places.empty()) add("place " + list(places, " or "));
    if (!sources.empty()) add("source " + list(sources, " or "));
    if (since) add("since " + since->iso());
    if (until) add("until " + until->iso());
    if (top > 0) add("top " + std::to_string(top));
    return out;
}

void apply_filter(audit_result& a, const audit_filter& f, const registry::gazetteer* places, diagnostics& diags) {
    if (f.empty()) return;
    a.filtered = audit_result::selection{a.incidents.size(), a.cumulative.size(), f.describe()};
    std::vector<wanted_place> wanted;
    for (const auto& given : f.places) {
        wanted_place w{given, {}, {}, false};
        if (places)
            if (const auto* p = places->resolve(given)) {
                w.key = p->key;
                w.name = p->name;
            }
        wanted.push_back(std::move(w));
    }
    const bool by_finding = !f.kinds.empty() || !f.min_severity.empty();
    std::vector<std::size_t> place_hits(wanted.size()), source_hits(f.sources.size());
    std::set<std::string> known_places, known_sources, known_kinds;
    std::vector<incident_record> kept;
    for (auto& inc : a.incidents) {
        for (const auto& p : inc.places) known_places.insert(p);
        if (!inc.governorate.empty()) known_places.insert(inc.governorate);
        for (const auto& s : inc.sources) known_sources.insert(s);
        for (const auto& fd : inc.result.findings) known_kinds.insert(fd.kind);
        // Every name's hits are counted before anything rejects the incident, so a name
        // that selects nothing is told apart from one whose incidents other criteria dropped.
        bool place_ok = wanted.empty(), source_ok = f.sources.empty();
        for (std::size_t i = 0; i < wanted.size(); ++i)
            if (place_matches(inc, wanted[i], places)) {
                ++place_hits[i];
                place_ok = true;
            }
        for (std::size_t i = 0; i < f.sources.size(); ++i)
            if (source_matches(a, inc, f.sources[i])) {
                ++source_hits[i];
                source_ok = true;
            }
        if (!place_ok || !source_ok || !dates_meet(inc.date_from, inc.date_to, f)) continue;
        if (by_finding) {
            auto& findings = inc.result.findings;
            findings.erase(std::remove_if(findings.begin(), findings.end(),
                                          [&](const rules::finding& fd) { return !finding_selected(fd, f); }),
                           findings.end());
            if (findings.empty()) continue;
            inc.severity = 0;
            for (const auto& fd : findings) inc.severity = std::max(inc.severity, severity_rank(fd.severity));
        }
        kept.push_back(std::move(inc));
    }
    std::sort(kept.begin(), kept.end(), stronger);
    if (f.top > 0 && kept.size() > f.top) kept.resize(f.top);
    a.incidents = std::move(kept);

    // Cumulative series: by source, dates (as of their articles) and findings.
    std::vector<series_record> series;
    for (auto& s : a.cumulative) {
        if (!f.sources.empty() && !contains_name(f.sources, s.source)) continue;
        if ((f.since || f.until) &&
            std::none_of(s.claims.begin(), s.claims.end(), [&](std::size_t i) {
                const date& d = a.articles[a.claims[i].article].published;
                return dates_meet(d, d, f);
            }))
            continue;
        if (!wanted.empty() && std::none_of(wanted.begin(), wanted.end(), [&](const wanted_place& w) {
                return same_name(s.scope, w.given) || (!w.name.empty() && same_name(s.scope, w.name));
            }))
            continue;
        if (by_finding) {
            s.findings.erase(std::remove_if(s.findings.begin(), s.findings.end(),
                                            [&](const rules::finding& fd) { return !finding_selected(fd, f); }),
                             s.findings.end());
            if (s.findings.empty()) continue;
        }
        series.push_back(std::move(s));
    }
    a.cumulative = std::move(series);
    if (!f.sources.empty()) {
        a.sources.erase(std::remove_if(a.sources.begin(), a.sources.end(),
                                       [&](const source_row& r) { return !contains_name(f.sources, r.source); }),
                        a.sources.end());
    }

    // Copies between the articles shown; an article without claims is in no selection.
    std::vector<bool> shown(a.articles.size(), false);
    for (const auto& inc : a.incidents)
        for (const auto m : inc.claims) shown[a.claims[m].article] = true;
    for (const auto& s : a.cumulative)
        for (const auto m : s.claims) shown[a.claims[m].article] = true;
    a.copies.erase(std::remove_if(a.copies.begin(), a.copies.end(),
                                  [&](const copies::copy_link& l) { return !shown[l.later] && !shown[l.earlier]; }),
                   a.copies.end());
    a.articles_without_claims.clear();

    for (std::size_t i = 0; i < wanted.size(); ++i)
        if (place_hits[i] == 0) warn_unmatched(diags, "--place", wanted[i].given, known_places, "place");
    for (std::size_t i = 0; i < f.sources.size(); ++i)
        if (source_hits[i] == 0) warn_unmatched(diags, "--source", f.sources[i], known_sources, "source");
    for (const auto& k : f.kinds)
        if (!contains_name(std::vector<std::string>(known_kinds.begin(), known_kinds.end()), k))
            warn_unmatched(diags, "--only", k, known_kinds, "finding kind");
}

}  // namespace reckon::audit
