// The table of number and date forms (tests/data/forms/forms.tsv): casualty-report
// sentences, each with the figure or the event date the extractor must read from it,
// against an article dated Thursday 2016-03-17. Accuracy is reported per class; the
// test fails when a number class falls below 95 % or a date class below 90 %.
#include <catch2/catch.hpp>

#include <fstream>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "dateline/dateline.hpp"
#include "extract/extract.hpp"
#include "registry/registry.hpp"

using namespace reckon;

namespace {

struct row {
    std::string cls, position, expected, sentence;
    std::size_t line = 0;
};

std::vector<row> load_table() {
    std::ifstream in(RECKON_TEST_DATA "/forms/forms.tsv");
    std::vector<row> rows;
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        row r;
        std::getline(fields, r.cls, '\t');
        std::getline(fields, r.position, '\t');
        std::getline(fields, r.expected, '\t');
        std::getline(fields, r.sentence);
        r.line = n;
        rows.push_back(std::move(r));
    }
    return rows;
}

const std::set<std::string>& number_classes() {
    static const std::set<std::string> classes{"scale_digits", "point_million", "half_quarter", "a_hundred", "space_grouped",
                                               "dozen",        "words_and",     "restatement",  "sign"};
    return classes;
}

std::string bound(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : "null"; }

struct fixture {
    diagnostics diags;
    registry::source_registry sources = registry::load_sources(RECKON_SOURCE_DIR "/rules/sources.yaml", diags);
    registry::gazetteer places = registry::load_places(RECKON_SOURCE_DIR "/rules/places.yaml", diags);
};

// What the extractor read from one row: low,high for number classes, the event date
// otherwise, the article date for datelines.
std::string reading(const row& r, const extract::extractor& x) {
    if (r.cls == "dateline") {
        const auto d = grammar::dateline::find_publication_date(r.sentence);
        return d ? d->value.iso() : "none";
    }
    article a;
    a.id = "forms";
    a.text = r.sentence;
    a.body = {0, a.text.size()};
    a.published = date::of_day(2016, 3, 17);
    diagnostics d;
    const auto claims = x.extract(a, d);
    if (claims.empty()) return "no claim";
    const claim& c = claims.front();
    if (number_classes().count(r.cls)) return bound(c.low) + "," + bound(c.high);
    return c.event_date.known() ? c.event_date.iso() : "unknown";
}

}  // namespace

TEST_CASE("number and date forms in casualty-report sentences", "[forms]") {
    const auto rows = load_table();
    REQUIRE(rows.size() >= 400);
    static const fixture f;
    REQUIRE(f.diags.errors() == 0);
    extract::extract_context ctx;
    ctx.sources = &f.sources;
    ctx.places = &f.places;
    const extract::extractor x(ctx);
    std::map<std::string, std::pair<int, int>> score;  // class -> right, total
    std::map<std::string, std::set<std::string>> positions;
    std::string misses;
    for (const auto& r : rows) {
        const std::string got = reading(r, x);
        auto& s = score[r.cls];
        ++s.second;
        positions[r.cls].insert(r.position);
        if (got == r.expected) ++s.first;
        else misses += "forms.tsv:" + std::to_string(r.line) + ": " + r.cls + ": got '" + got + "', want '" + r.expected + "': " + r.sentence + "\n";
    }
    std::string report;
    for (const auto& [cls, s] : score) {
        char line[128];
        std::snprintf(line, sizeof line, "%-20s %3d/%3d %5.1f %%\n", cls.c_str(), s.first, s.second, 100.0 * s.first / s.second);
        report += line;
    }
    WARN(report);
    if (!misses.empty()) WARN(misses);
    for (const auto& [cls, s] : score) {
        INFO(cls);
        CHECK(s.second >= 10);
        const double threshold = number_classes().count(cls) ? 0.95 : 0.90;
        CHECK(static_cast<double>(s.first) / s.second >= threshold);
        if (cls != "dateline") CHECK(positions[cls].size() >= 2);
    }
}
