// The seed audit against examples/seeds/EXPECTED.md, point by point, through the
// library with the shipped rules and data; and the audit's JSON writer against the
// trees it replaced, on the seeds, a generated corpus and synthetic audits.
#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>
#include <limits>
#include <random>

#include "audit/audit.hpp"
#include "audit/render.hpp"
#include "corpus/ingest.hpp"
#include "extract/claim_json.hpp"
#include <sstream>
#include "rules/ruleset.hpp"

using namespace reckon;

namespace {

struct seed_audit {
    audit::audit_result result;
    std::shared_ptr<const rules::ruleset> rules;
    registry::source_registry sources;
    registry::gazetteer places;
};

// The audit of a corpus with the shipped rules, sources and places, made once.
const seed_audit& audit_of(const std::string& corpus, unsigned jobs) {
    static std::map<std::pair<std::string, unsigned>, seed_audit> cache;
    auto it = cache.find({corpus, jobs});
    if (it != cache.end()) return it->second;
    seed_audit& s = cache[{corpus, jobs}];
    const std::string root = RECKON_SOURCE_DIR;
    diagnostics diags;
    s.sources = registry::load_sources(root + "/rules/sources.yaml", diags);
    s.places = registry::load_places(root + "/rules/places.yaml", diags);
    auto loaded = rules::load_ruleset(root + "/rules/default.rules");
    INFO(diags.summary());
    REQUIRE(diags.errors() == 0);
    REQUIRE(loaded.rules);
    s.rules = loaded.rules;
    audit::audit_inputs in;
    in.articles = corpus::ingest(corpus).articles;
    in.rules = s.rules.get();
    in.sources = &s.sources;
    in.places = &s.places;
    in.jobs = jobs;
    s.result = audit::run_audit(std::move(in));
    return s;
}

const seed_audit& seeds(unsigned jobs = 1) { return audit_of(std::string(RECKON_SOURCE_DIR) + "/examples/seeds", jobs); }

bool holds(const audit::audit_result& a, const audit::incident_record& inc, const std::string& article_prefix, std::int64_t low) {
    for (const auto m : inc.claims) {
        const auto& c = a.claims[m].c;
        if (c.article.rfind(article_prefix, 0) == 0 && c.low && *c.low == low) return true;
    }
    return false;
}

const audit::incident_record* incident_with(const audit::audit_result& a, const std::string& art1, std::int64_t v1,
                                            const std::string& art2, std::int64_t v2) {
    for (const auto& inc : a.incidents)
        if (holds(a, inc, art1, v1) && holds(a, inc, art2, v2)) return &inc;
    return nullptr;
}

bool has_finding(const audit::incident_record& inc, const std::string& kind_part) {
    for (const auto& f : inc.result.findings)
        if (f.kind.find(kind_part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("seed incident A: 38 and 28 in one incident, SOHR contradicts itself", "[audit][seeds]") {
    const auto& a = seeds().result;
    const auto* A = incident_with(a, "000", 38, "004", 28);
    REQUIRE(A);
    CHECK(has_finding(*A, "self_contradiction"));
    CHECK(holds(a, *A, "000", 32));
    CHECK(holds(a, *A, "000", 13));
    CHECK(holds(a, *A, "004", 22));
    CHECK(A->governorate == "Deir ez-Zor");
}

TEST_CASE("seed incidents C and B: conflicts between sources", "[audit][seeds]") {
    const auto& a = seeds().result;
    const auto* C = incident_with(a, "002", 28, "002", 31);
    REQUIRE(C);
    CHECK(has_finding(*C, "conflict"));
    const auto* B = incident_with(a, "001", 14, "001", 15);
    REQUIRE(B);
    CHECK(has_finding(*B, "conflict"));
}

TEST_CASE("seed incident F: 'at least 36' and 'at least 40' agree", "[audit][seeds]") {
    const auto& a = seeds().result;
    const auto* F = incident_with(a, "004", 40, "004", 36);
    REQUIRE(F);
    CHECK_FALSE(has_finding(*F, "conflict"));
    CHECK_FALSE(has_finding(*F, "contradict"));
}

TEST_CASE("seed incidents D, E, G and H stand apart", "[audit][seeds]") {
    const auto& a = seeds().result;
    const auto* D = incident_with(a, "003", 23, "003", 10);
    REQUIRE(D);
    CHECK_FALSE(holds(a, *D, "003", 26));  // the linked headline is not incident D
    CHECK_FALSE(holds(a, *D, "003", 25));  // February's strike is incident E
    const auto* E = incident_with(a, "003", 25, "003", 7);
    REQUIRE(E);
    bool g_alone = false;
    for (const auto& inc : a.incidents)
        if (holds(a, inc, "004", 17) && !holds(a, inc, "004", 40) && inc.date_from.iso() == "2018-11-15") g_alone = true;
    CHECK(g_alone);
}

TEST_CASE("seed cumulative totals stay out of incidents and the coalition series rises", "[audit][seeds]") {
    const auto& a = seeds().result;
    for (const auto& [art, v] : std::vector<std::pair<std::string, std::int64_t>>{
             {"000", 1101}, {"001", 1101}, {"003", 883}, {"003", 6259}, {"001", 3301}, {"000", 360001}}) {
        for (const auto& inc : a.incidents) CHECK_FALSE(holds(a, inc, art, v));
    }
    bool coalition = false;
    for (const auto& s : a.cumulative) {
        std::vector<std::int64_t> lows;
        for (const auto i : s.claims)
            if (a.claims[i].c.low) lows.push_back(*a.claims[i].c.low);
        if (std::find(lows.begin(), lows.end(), 883) == lows.end()) continue;
        coalition = true;
        CHECK(lows.front() == 883);
        CHECK(std::find(lows.begin(), lows.end(), 1101) != lows.end());
        CHECK(s.findings.empty());  // 883 then more than 1,100: consistent
    }
    CHECK(coalition);
}

TEST_CASE("seed articles 000 and 004 are linked as copies", "[audit][seeds]") {
    const auto& a = seeds().result;
    bool linked = false;
    for (const auto& l : a.copies)
        if (a.articles[l.later].id.rfind("004", 0) == 0 && a.articles[l.earlier].id.rfind("000", 0) == 0) linked = true;
    CHECK(linked);
}

TEST_CASE("the audit is reproducible and the same with two threads", "[audit][seeds]") {
    const std::string once = audit::render_json(seeds(1).result);
    const std::string twice = audit::render_json(seeds(2).result);
    CHECK(once == twice);
}

TEST_CASE("the audit tells what the extracted corpus holds (--timings), and only when asked", "[audit][timings]") {
    CHECK(seeds().result.held_bytes.empty());  // not counted unless asked
    const std::string root = RECKON_SOURCE_DIR;
    diagnostics diags;
    const auto sources = registry::load_sources(root + "/rules/sources.yaml", diags);
    const auto places = registry::load_places(root + "/rules/places.yaml", diags);
    const auto loaded = rules::load_ruleset(root + "/rules/default.rules");
    REQUIRE(loaded.rules);
    audit::audit_inputs in;
    in.articles = corpus::ingest(root + "/examples/seeds").articles;
    in.rules = loaded.rules.get();
    in.sources = &sources;
    in.places = &places;
    in.count_held = true;
    const auto a = audit::run_audit(std::move(in));
    REQUIRE(a.held_bytes.size() == 4);
    // the claim records' line names their count, and each claim holds at least its own record
    CHECK(a.held_bytes[0].first == "claim records (" + std::to_string(a.corpus_claims) + ")");
    CHECK(a.held_bytes[0].second >= a.corpus_claims * sizeof(audit::claim_record));
    CHECK(a.held_bytes[3].first == "matching words");
    CHECK(a.held_bytes[3].second > 0);  // default.rules reads the articles' words
    for (const auto& [what, bytes] : a.held_bytes) CHECK(bytes > 0);
}

TEST_CASE("every seed claim and article record survives the claims stream", "[audit][stream]") {
    const std::string root = RECKON_SOURCE_DIR;
    diagnostics diags;
    const auto sources = registry::load_sources(root + "/rules/sources.yaml", diags);
    const auto places = registry::load_places(root + "/rules/places.yaml", diags);
    const extract::extractor x(extract::extract_context{&sources, &places});
    const auto articles = corpus::ingest(root + "/examples/seeds").articles;
    std::ostringstream stream;
    std::vector<audit::extracted_article> written;
    for (const auto& a : articles) {
        written.push_back(audit::extract_article(x, a, diags));
        stream << audit::article_record(a, written.back()).dump() << '\n';
        for (const auto& c : written.back().claims) stream << extract::claim_json(c).dump() << '\n';
    }
    std::istringstream in(stream.str());
    audit::claims_corpus read;
    diagnostics read_diags;
    audit::read_claims_stream(in, "seeds.jsonl", read, read_diags);
    REQUIRE(read_diags.errors() == 0);
    REQUIRE(read.articles.size() == articles.size());
    std::size_t claims = 0;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        CHECK(read.articles[i].id == articles[i].id);
        CHECK(read.articles[i].published == articles[i].published);
        CHECK(read.articles[i].title == articles[i].title);
        CHECK(read.extracted[i].sketch == written[i].sketch);
        CHECK(read.extracted[i].sketch.size() > 50);
        CHECK(read.extracted[i].sentences == written[i].sentences);
        CHECK(read.extracted[i].has_terms);
        CHECK(read.extracted[i].terms.lead == written[i].terms.lead);
        CHECK(read.extracted[i].terms.names == written[i].terms.names);
        CHECK(audit::article_record_line(articles[i], written[i]) == audit::article_record(articles[i], written[i]).dump() + "\n");
        REQUIRE(read.extracted[i].claims.size() == written[i].claims.size());
        for (std::size_t k = 0; k < written[i].claims.size(); ++k, ++claims)
            CHECK(extract::claim_json(read.extracted[i].claims[k]) == extract::claim_json(written[i].claims[k]));
    }
    CHECK(claims > 20);
}

// Scored matching weighs the words of the articles: the claims stream carries them in
// its article records, so an audit of the stream is the audit of the corpus.
TEST_CASE("an audit of the claims stream weighs the words as the audit of the corpus", "[audit][stream]") {
    const std::string root = RECKON_SOURCE_DIR;
    diagnostics diags;
    const auto sources = registry::load_sources(root + "/rules/sources.yaml", diags);
    const auto places = registry::load_places(root + "/rules/places.yaml", diags);
    auto loaded = rules::load_ruleset(root + "/rules/default.rules");
    REQUIRE(loaded.rules);
    REQUIRE(loaded.rules->reads_text_evidence());
    const auto articles = corpus::ingest(root + "/examples/seeds").articles;
    const auto audit_with = [&](std::vector<article> as, std::vector<audit::extracted_article> extracted) {
        audit::audit_inputs in;
        in.articles = std::move(as);
        in.extracted = std::move(extracted);
        in.rules = loaded.rules.get();
        in.sources = &sources;
        in.places = &places;
        return audit::run_audit(std::move(in));
    };
    const auto corpus = audit_with(articles, {});
    REQUIRE(corpus.evidence.size() == articles.size());

    const extract::extractor x(extract::extract_context{&sources, &places});
    std::string stream, old_stream;
    for (const auto& a : articles) {
        auto e = audit::extract_article(x, a, diags);
        stream += audit::article_record_line(a, e);
        e.has_terms = false;  // as an earlier reckon wrote it
        old_stream += audit::article_record_line(a, e);
        for (const auto& c : e.claims) {
            stream += extract::claim_json(c).dump() + "\n";
            old_stream += extract::claim_json(c).dump() + "\n";
        }
    }
    CHECK(stream.find("\"lead_words\":") != std::string::npos);
    CHECK(old_stream.find("\"lead_words\":") == std::string::npos);
    const auto read = [&](const std::string& text) {
        std::istringstream in(text);
        audit::claims_corpus c;
        diagnostics d;
        audit::read_claims_stream(in, "seeds.jsonl", c, d);
        REQUIRE(d.errors() == 0);
        return c;
    };
    auto fresh = read(stream);
    const auto streamed = audit_with(std::move(fresh.articles), std::move(fresh.extracted));
    for (const auto& d : streamed.diags.items()) CHECK(d.name != "no-match-words");
    REQUIRE(streamed.evidence.size() == corpus.evidence.size());
    for (std::size_t i = 0; i < corpus.evidence.size(); ++i) {
        CHECK(streamed.evidence[i].lead == corpus.evidence[i].lead);
        CHECK(streamed.evidence[i].names == corpus.evidence[i].names);
        CHECK(streamed.evidence[i].rare_names == corpus.evidence[i].rare_names);
    }
    const auto incidents_of = [](const audit::audit_result& a) {
        std::vector<std::vector<std::string>> out;
        for (const auto& inc : a.incidents) {
            out.emplace_back();
            for (const auto m : inc.claims) out.back().push_back(a.claims[m].c.id);
        }
        return out;
    };
    CHECK(incidents_of(streamed) == incidents_of(corpus));

    // A stream of an earlier reckon still loads: its articles have no words, and the
    // audit says so once, at the first such record.
    auto old = read(old_stream);
    for (const auto& e : old.extracted) CHECK_FALSE(e.has_terms);
    const auto dated = audit_with(std::move(old.articles), std::move(old.extracted));
    const auto warning = std::find_if(dated.diags.items().begin(), dated.diags.items().end(),
                                      [](const diagnostic& d) { return d.name == "no-match-words"; });
    REQUIRE(warning != dated.diags.items().end());
    CHECK(warning->file == "seeds.jsonl");
    CHECK(warning->line == 1);
    CHECK(warning->message == std::to_string(articles.size()) + " of " + std::to_string(articles.size()) +
                                  " article records carry no words for scored matching ('lead_words', 'names'); "
                                  "their articles are matched on their claims' fields alone");
}

TEST_CASE("a claims stream refuses names that are not sorted", "[audit][stream]") {
    std::istringstream in("{\"record\":\"article\",\"id\":\"a\",\"outlet\":\"\",\"date\":null,\"date_source\":\"none\",\"title\":\"\","
                          "\"bytes\":3,\"claims\":0,\"sketch\":\"\",\"sentences\":[],\"lead_words\":\"strike hajin\",\"names\":\"hajin ahmad\"}\n"
                          "{\"record\":\"article\",\"id\":\"b\",\"outlet\":\"\",\"date\":null,\"date_source\":\"none\",\"title\":\"\","
                          "\"bytes\":3,\"claims\":0,\"sketch\":\"\",\"sentences\":[],\"lead_words\":\"strike  hajin\",\"names\":\"ahmad hajin\"}\n");
    audit::claims_corpus read;
    diagnostics diags;
    audit::read_claims_stream(in, "x.jsonl", read, diags);
    REQUIRE(diags.errors() == 1);
    CHECK(diags.items()[0].line == 1);
    CHECK(diags.items()[0].message == "field 'names' is not sorted and distinct; line skipped");
    REQUIRE(read.articles.size() == 1);
    CHECK(read.extracted[0].terms.lead.text() == "strike hajin");
    CHECK(read.extracted[0].terms.names.text() == "ahmad hajin");
}

TEST_CASE("a claims stream names the line of a damaged record", "[audit][stream]") {
    std::istringstream in("{\"record\":\"article\",\"id\":\"a\",\"outlet\":\"\",\"date\":null,\"date_source\":\"none\",\"title\":\"\","
                          "\"bytes\":3,\"claims\":0,\"sketch\":\"AAAAAA==\",\"sentences\":[]}\n"
                          "{\"record\":\"article\",\"id\":\"a\",\"outlet\":\"\",\"date\":null,\"date_source\":\"none\",\"title\":\"\","
                          "\"bytes\":3,\"claims\":0,\"sketch\":\"AAA*\",\"sentences\":[]}\n"
                          "{\"id\":\"b@1\"}\n");
    audit::claims_corpus read;
    diagnostics diags;
    audit::read_claims_stream(in, "x.jsonl", read, diags);
    REQUIRE(diags.errors() == 2);
    CHECK(diags.items()[0].line == 2);
    CHECK(diags.items()[0].message == "'sketch' is not base64; line skipped");
    CHECK(diags.items()[1].line == 3);
    CHECK(diags.items()[1].message == "missing field 'article'; line skipped");
    REQUIRE(read.articles.size() == 1);
    CHECK(read.extracted[0].sketch == std::vector<copies::fingerprint>{0});
}

// The audit's JSON: incidents and series laid out by the text writer are the bytes the
// nlohmann trees gave, dumped and re-indented (json_members::dumped_trees).
namespace {

std::string rendered(const audit::audit_result& a, audit::json_members how) {
    std::ostringstream o;
    audit::render_json(a, o, how);
    return o.str();
}

// "" when equal, else where they part (a multi-megabyte CHECK would print it all).
std::string first_difference(const std::string& a, const std::string& b) {
    const auto parted = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
    if (parted.first == a.end() && parted.second == b.end()) return "";
    const std::size_t at = static_cast<std::size_t>(parted.first - a.begin());
    const std::size_t from = at > 80 ? at - 80 : 0;
    return "at byte " + std::to_string(at) + ":\n" + a.substr(from, 160) + "\n---\n" + b.substr(from, 160);
}

void written_as_dumped(const audit::audit_result& a) {
    const std::string written = rendered(a, audit::json_members::written);
    CHECK(first_difference(written, rendered(a, audit::json_members::dumped_trees)) == "");
}

// Random audit data with text needing every escape, absent values, empty lists and
// doubles of every form: what the corpora's claims rarely hold.
class synthetic_audit {
public:
    explicit synthetic_audit(unsigned seed) : m_rng(seed) {}

    audit::audit_result make(std::size_t incidents, unsigned jobs) {
        audit::audit_result a;
        a.jobs = jobs;
        a.inputs = {{"corpus", text(), "00ff"}, {"rules", "rules/\"x\".rules", ""}};
        for (int n = 0; n < 12; ++n) a.articles.push_back(an_article());
        for (std::size_t n = 0; n < incidents; ++n) {
            audit::incident_record inc;
            inc.id = "I" + std::to_string(n);
            for (int k = pick(4); k > 0; --k) inc.claims.push_back(a_claim(a, inc.id));
            inc.places = texts();
            inc.place_keys = texts();
            inc.governorate = text();
            inc.date_from = some_date();
            inc.date_to = some_date();
            inc.actors = texts();
            inc.sources = texts();
            inc.independent_sources = static_cast<std::size_t>(pick(5));
            inc.decisions = texts();
            inc.result = outcome_of(a, inc);
            a.incidents.push_back(std::move(inc));
        }
        for (int n = pick(70) + 64; n > 0; --n) {
            audit::series_record s{text(), text(), "killed", text(), text(), {}, {}};
            for (int k = pick(4); k > 0; --k) s.claims.push_back(a_claim(a, ""));
            for (int k = pick(3); k > 0; --k) s.findings.push_back(a_finding());
            a.cumulative.push_back(std::move(s));
        }
        a.sources.push_back({text(), text(), 3, 1, 0, 2, 1});
        a.copies.push_back({1, 0, 0.4567, 9});
        return a;
    }

private:
    int pick(int n) { return static_cast<int>(m_rng() % static_cast<unsigned>(n)); }
    bool coin() { return pick(2) == 0; }
    std::string text() {
        static const char* const pieces[] = {"SOHR", " ", "\"", "\\", "\n", "\t", "\x01", "\x1f", "\x7f", "\xc3\xa9",
                                             "\xe2\x82\xac", "\xf0\x9d\x84\x9e", "\xd8\xad\xd9\x84\xd8\xa8", "38"};
        std::string s;
        for (int n = pick(5); n > 0; --n) s += pieces[pick(static_cast<int>(std::size(pieces)))];
        return s;
    }
    std::vector<std::string> texts() {
        std::vector<std::string> list;
        for (int n = pick(3); n > 0; --n) list.push_back(text());
        return list;
    }
    std::optional<std::int64_t> number() {
        if (coin()) return std::nullopt;
        return coin() ? std::int64_t{pick(1000)} : std::numeric_limits<std::int64_t>::max() - pick(3);
    }
    double weight() {
        static const double weights[] = {1.0, 0.5, 0.45, 0.1, 1e-7, 0.0, 2.0 / 3, 123456789.125, 0.75};
        return weights[pick(static_cast<int>(std::size(weights)))];
    }
    date some_date() {
        switch (pick(4)) {
            case 0: return {};
            case 1: return date::of_year(2010 + pick(10));
            case 2: return date::of_month(2018, 1 + pick(12));
            default: return date::of_day(2018, 1 + pick(12), 1 + pick(28));
        }
    }
    rules::rule_ref a_rule() { return coin() ? rules::rule_ref{} : rules::rule_ref{text() + "r", "rules/" + text(), 1u + pick(99)}; }

    article an_article() {
        article art;
        art.id = "A" + text();
        art.outlet = text();
        art.title = text();
        art.published = some_date();
        return art;
    }

    std::size_t a_claim(audit::audit_result& a, const std::string& incident) {
        audit::claim_record r;
        claim& c = r.c;
        c.id = "c" + std::to_string(a.claims.size()) + text();
        c.article = text();
        c.kind = incident.empty() ? claim_kind::cumulative : claim_kind::incident;
        c.outcome = static_cast<outcome>(pick(3));
        c.category = text();
        c.side = text();
        c.low = number();
        c.high = number();
        c.value_text = text();
        c.qualifier = static_cast<qualifier>(pick(7));
        c.qualifier_text = text();
        c.vague = text();
        c.parent = text();
        c.source = text();
        c.source_text = text();
        c.relay = texts();
        c.place = text();
        c.place_key = text();
        c.governorate = text();
        c.event_date = some_date();
        c.actor = text();
        c.scope = text();
        c.span = {static_cast<std::size_t>(pick(500)), static_cast<std::size_t>(500 + pick(500))};
        c.sentence = {0, static_cast<std::size_t>(pick(2000))};
        c.headline = coin();
        r.article = static_cast<std::size_t>(pick(static_cast<int>(a.articles.size())));
        r.copied = coin();
        r.copied_from = r.copied ? text() : std::string();
        r.interval = {number(), number(), number(), coin() ? a.share_rule(a_rule()) : nullptr};
        r.weight = {weight(), coin() ? a.share_rule(a_rule()) : nullptr};
        r.incident = incident;
        a.claims.push_back(std::move(r));
        return a.claims.size() - 1;
    }

    rules::finding a_finding() { return {text(), text(), text(), texts(), a_rule()}; }

    // Figures, findings, a grade, and decisions for some of the incident's claims (the
    // others show their own weight).
    rules::incident_result outcome_of(const audit::audit_result& a, const audit::incident_record& inc) {
        rules::incident_result r;
        for (int n = pick(3); n > 0; --n) r.figures.push_back({static_cast<outcome>(pick(3)), text(), number(), number(), number(), a_rule(), texts()});
        for (const auto m : inc.claims)
            if (coin()) r.decisions.push_back({a.claims[m].c.id, coin(), weight(), a_rule(), text()});
        for (int n = pick(3); n > 0; --n) r.findings.push_back(a_finding());
        r.grading = {text(), a_rule()};
        return r;
    }

    std::mt19937 m_rng;
};

}  // namespace

TEST_CASE("the seed audit's JSON is written as the dumped trees were", "[audit][json]") {
    written_as_dumped(seeds(1).result);
    written_as_dumped(seeds(2).result);
}

TEST_CASE("a generated corpus's audit JSON is written as the dumped trees were", "[audit][json]") {
    const auto& a = audit_of(RECKON_GENERATED_CORPUS, 2).result;
    REQUIRE(a.incidents.size() > 100);
    REQUIRE(a.cumulative.size() > 10);
    written_as_dumped(a);
}

TEST_CASE("synthetic audits with hard text are written as the dumped trees were", "[audit][json]") {
    for (unsigned seed = 1; seed <= 20; ++seed) {
        synthetic_audit make(seed);
        written_as_dumped(make.make(seed % 2 ? 40 : 300, seed % 3 + 1));
    }
}

TEST_CASE("invalid UTF-8 in an audit is refused with the tree writer's error", "[audit][json]") {
    synthetic_audit make(7);
    auto a = make.make(3, 1);
    a.incidents[1].governorate = "bad \xff byte";
    const auto refusal = [&](audit::json_members how) -> std::string {
        try {
            (void)rendered(a, how);
        } catch (const nlohmann::json::type_error& e) {
            return e.what();
        }
        return "";
    };
    const std::string theirs = refusal(audit::json_members::dumped_trees);
    CHECK_FALSE(theirs.empty());
    CHECK(refusal(audit::json_members::written) == theirs);
}
