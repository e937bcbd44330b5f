// The living audit's store: the id rule (store/identity.hpp) case by case, the SQLite
// store's round trip, version refusal and consistency check, and the changes report.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <tuple>

#include "audit/decisions.hpp"
#include "model/claim.hpp"

#include "store/changes.hpp"
#include "store/identity.hpp"
#include "store/store.hpp"

using namespace reckon;
using namespace reckon::store;

namespace {

std::vector<std::string> claims(const std::string& prefix, int from, int to) {
    std::vector<std::string> out;
    for (int i = from; i < to; ++i) out.push_back(prefix + "@" + std::to_string(i));
    return out;
}

std::vector<std::string> join(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    std::sort(a.begin(), a.end());
    return a;
}

const lineage_event* find_event(const id_assignment& ids, const std::string& kind, const std::string& from, const std::string& to) {
    for (const auto& e : ids.lineage)
        if (e.kind == kind && e.from == from && e.to == to) return &e;
    return nullptr;
}

std::string temp_store(const char* name) {
    const auto path = std::filesystem::temp_directory_path() / (std::string("reckon-test-") + name + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    return path.string();
}

// A first run of one incident and no article.
run_update one_incident_run() {
    run_update u;
    u.run.run = 1;
    u.run.changes = nlohmann::ordered_json::object();
    u.incidents.push_back({"inc-1", {"c@1"}, nlohmann::ordered_json::array(), nlohmann::ordered_json::array(), {}, ""});
    u.run.incidents = 1;
    return u;
}

}  // namespace

TEST_CASE("a first run takes the ids a single run gives", "[store][identity]") {
    const auto ids = assign_ids({}, {{"", claims("a", 0, 3)}, {"", claims("b", 0, 1)}}, {});
    REQUIRE(ids.ids == std::vector<std::string>{fresh_incident_id(claims("a", 0, 3)), fresh_incident_id(claims("b", 0, 1))});
    REQUIRE(ids.lineage.size() == 2);
    CHECK(ids.lineage[0].kind == "new");
    CHECK(ids.lineage[0].claims + ids.lineage[1].claims == 4);
}

TEST_CASE("an incident keeps its id while it keeps its claims, and as it grows", "[store][identity]") {
    const std::vector<incident_claims> before{{"inc-old1", claims("a", 0, 3)}, {"inc-old2", claims("b", 0, 2)}};
    const auto ids = assign_ids(before, {{"", claims("b", 0, 2)}, {"", join(claims("a", 0, 3), claims("n", 0, 2))}}, {"inc-old1", "inc-old2"});
    CHECK(ids.ids == std::vector<std::string>{"inc-old2", "inc-old1"});
    // The unchanged one has no event; the grown one is "changed".
    REQUIRE(ids.lineage.size() == 1);
    CHECK(ids.lineage[0].kind == "changed");
    CHECK(ids.lineage[0].from == "inc-old1");
    CHECK(ids.lineage[0].claims == 3);
}

TEST_CASE("a merge keeps the id of the incident that gave most claims, ties to the smaller id", "[store][identity]") {
    const std::vector<incident_claims> before{{"inc-b", claims("a", 0, 2)}, {"inc-a", claims("b", 0, 3)}, {"inc-c", claims("c", 0, 3)}};
    auto ids = assign_ids(before, {{"", join(join(claims("a", 0, 2), claims("b", 0, 3)), claims("c", 0, 3))}}, {});
    // inc-a and inc-c gave 3 claims each: the smaller id wins; the others merged into it.
    REQUIRE(ids.ids == std::vector<std::string>{"inc-a"});
    CHECK(find_event(ids, "merged", "inc-b", "inc-a"));
    CHECK(find_event(ids, "merged", "inc-c", "inc-a"));
    CHECK(find_event(ids, "changed", "inc-a", "inc-a"));
    CHECK_FALSE(find_event(ids, "retired", "inc-b", ""));
}

TEST_CASE("a split: the part holding most claims keeps the id, the rest is new and split from it", "[store][identity]") {
    const std::vector<incident_claims> before{{"inc-x", claims("a", 0, 4)}};
    const auto ids = assign_ids(before, {{"", claims("a", 3, 4)}, {"", claims("a", 0, 3)}}, {"inc-x"});
    REQUIRE(ids.ids[1] == "inc-x");
    CHECK(ids.ids[0] == fresh_incident_id(claims("a", 3, 4)));
    const auto* split = find_event(ids, "split", "inc-x", ids.ids[0]);
    REQUIRE(split);
    CHECK(split->claims == 1);
}

TEST_CASE("an even split retires the old id: no part holds more than half", "[store][identity]") {
    const std::vector<incident_claims> before{{"inc-x", claims("a", 0, 4)}};
    const auto ids = assign_ids(before, {{"", claims("a", 0, 2)}, {"", claims("a", 2, 4)}}, {"inc-x"});
    CHECK(ids.ids[0] != "inc-x");
    CHECK(ids.ids[1] != "inc-x");
    CHECK(find_event(ids, "retired", "inc-x", ""));
    CHECK(find_event(ids, "split", "inc-x", ids.ids[0]));
    CHECK(find_event(ids, "split", "inc-x", ids.ids[1]));
}

TEST_CASE("an id once issued is never given to another incident", "[store][identity]") {
    // inc-x's claims split evenly; one part has exactly the claims of an incident that
    // was issued long ago and retired: its single-run id is taken, so it gets another.
    const std::string old = fresh_incident_id(claims("a", 0, 2));
    const auto ids = assign_ids({{"inc-x", claims("a", 0, 4)}}, {{"", claims("a", 0, 2)}, {"", claims("a", 2, 4)}}, {"inc-x", old});
    CHECK(ids.ids[0] != old);
    CHECK(ids.ids[0] == fresh_incident_id(claims("a", 0, 2), 2));
    CHECK(ids.ids[0].size() == old.size());
}

TEST_CASE("the store keeps articles and incidents across opening, in one transaction per run", "[store]") {
    const std::string path = temp_store("roundtrip");
    stored_article a;
    a.meta.id = "art1";
    a.meta.text = "Ten people were killed.";
    a.meta.title = "Ten killed";
    a.meta.published = *date::parse_iso("2018-05-01");
    a.meta.published_from = date_source::field;
    a.meta.label = 1;
    a.meta.where = {"feed.jsonl", 3, 3};
    a.text_sha256 = "abc";
    a.stream = "{\"record\":\"article\"}\n";
    {
        living_store st(path, true);
        CHECK(st.empty());
        run_update u;
        u.added.push_back(&a);
        u.incidents.push_back({"inc-1", {"art1@0", "art1@4"}, nlohmann::ordered_json::array(), nlohmann::ordered_json::array(), {}, ""});
        u.lineage.push_back({1, {"new", "", "inc-1", 2}, "new claims from art1"});
        u.run.run = 1;
        u.run.articles_added = u.run.articles_total = u.run.incidents = 1;
        u.run.changes = nlohmann::ordered_json::object();
        st.save(u);
        CHECK(st.check().problems.empty());
    }
    const living_store st(path, false, true);
    CHECK(st.last_run() == 1);
    const auto arts = st.articles(true);
    REQUIRE(arts.size() == 1);
    CHECK(arts[0].meta.text == a.meta.text);
    CHECK(arts[0].meta.published.iso() == "2018-05-01");
    CHECK(arts[0].meta.published_from == date_source::field);
    CHECK(arts[0].meta.label == 1);
    CHECK(arts[0].meta.where.file == "feed.jsonl");
    CHECK(arts[0].stream == a.stream);
    REQUIRE(st.incidents().size() == 1);
    CHECK(st.incidents()[0].claims.size() == 2);
    CHECK(st.issued_ids() == std::set<std::string>{"inc-1"});
    REQUIRE(st.lineage().size() == 1);
    CHECK(st.lineage()[0].cause == "new claims from art1");
}

TEST_CASE("the store keeps the word statistics a run took, and an update that kept them marks them used", "[store][statistics]") {
    const std::string path = temp_store("statistics");
    auto taken = std::make_shared<match::word_statistics>();
    taken->articles = 3;
    taken->max_key_lead_df = 2.5;
    taken->lead_df = {{"linwood", 2}, {"party", 3}};
    taken->name_df = {{"#11800", 2}, {"linwood", 2}};
    {
        living_store st(path, true);
        CHECK_FALSE(st.statistics());
        run_update u = one_incident_run();
        u.statistics_taken = taken;
        st.save(u);
        run_update second = one_incident_run();
        second.run.run = 2;
        second.incidents.clear();
        second.all_incidents = false;
        second.statistics_kept = true;
        st.save(second);
        CHECK(st.check().problems.empty());
    }
    const living_store st(path, false, true);
    const auto kept = st.statistics();
    REQUIRE(kept);
    CHECK(kept->taken_in_run == 1);
    CHECK(kept->used_in_run == 2);
    CHECK(kept->words->articles == 3);
    CHECK(kept->words->max_key_lead_df == 2.5);
    CHECK(kept->words->lead_df == taken->lead_df);
    CHECK(kept->words->name_df == taken->name_df);
}

TEST_CASE("a failed save leaves the store as it was", "[store]") {
    const std::string path = temp_store("rollback");
    living_store st(path, true);
    const run_update u = one_incident_run();
    REQUIRE_THROWS(st.save(u, [] { throw std::runtime_error("fault injected before commit"); }));
    CHECK(st.empty());
    CHECK(st.incidents().empty());
    CHECK(st.check().problems.empty());
}

TEST_CASE("a store of another schema version is refused with both versions named", "[store]") {
    const std::string path = temp_store("version");
    { living_store st(path, true); }
    {
        database db(path, false);
        db.exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    }
    try {
        living_store st(path, false);
        FAIL("opened a store of version 99");
    } catch (const store_error& e) {
        CHECK_FALSE(e.io);
        CHECK(std::string(e.what()).find("has schema version 99") != std::string::npos);
        CHECK(std::string(e.what()).find("reads version 3 (and migrates versions 1 and 2) only") != std::string::npos);
    }
}

TEST_CASE("the consistency check finds a current incident whose id was never issued", "[store]") {
    const std::string path = temp_store("check");
    {
        living_store st(path, true);
        st.save(one_incident_run());
        REQUIRE(st.check().problems.empty());
    }
    {
        database db(path, false);
        db.exec("DELETE FROM incident_ids");
    }
    const living_store st(path, false, true);
    REQUIRE(st.check().problems.size() == 1);
    CHECK(st.check().problems[0] == "1 current incidents with an id never issued");
}

TEST_CASE("the changes report: new figures, moved tolls, findings raised and resolved, merges", "[store][changes]") {
    const auto toll = [](std::int64_t low, std::int64_t best) {
        return nlohmann::ordered_json::array({{{"outcome", "killed"}, {"category", "civilians"}, {"low", low}, {"best", best}, {"high", nullptr}}});
    };
    const auto finding = [](const char* kind) { return nlohmann::ordered_json::array({{{"kind", kind}, {"severity", "high"}, {"message", "m"}}}); };
    std::vector<incident_snapshot> before{{"inc-a", {"x@1"}, toll(5, 5), finding("conflict"), {}, ""}, {"inc-b", {"y@1"}, toll(1, 1), nlohmann::ordered_json::array(), {}, ""}};
    std::vector<incident_snapshot> after{{"inc-a", {"x@1", "z@1"}, toll(5, 9), finding("undercount"), {}, ""},
                                         {"inc-c", {"w@1"}, toll(2, 2), nlohmann::ordered_json::array(), {}, ""}};
    run_facts facts;
    facts.run = 2;
    facts.previous_run = 1;
    const auto c = diff_runs(facts, before, after, {{"merged", "inc-b", "inc-a", 1}, {"new", "", "inc-c", 1}});
    REQUIRE(c.at("new_incidents").size() == 1);
    CHECK(c.at("new_incidents")[0].at("id") == "inc-c");
    REQUIRE(c.at("new_figures").size() == 1);
    CHECK(c.at("new_figures")[0].at("claims") == nlohmann::ordered_json::array({"z@1"}));
    REQUIRE(c.at("tolls_moved").size() == 1);
    CHECK(c.at("tolls_moved")[0].at("before").at("best") == 5);
    CHECK(c.at("tolls_moved")[0].at("after").at("best") == 9);
    REQUIRE(c.at("findings_raised").size() == 1);
    CHECK(c.at("findings_raised")[0].at("kind") == "undercount");
    REQUIRE(c.at("findings_resolved").size() == 1);
    CHECK(c.at("findings_resolved")[0].at("kind") == "conflict");
    REQUIRE(c.at("merges").size() == 1);
    CHECK(c.at("merges")[0].at("into") == "inc-a");
    std::ostringstream text;
    render_changes_text(c, text);
    CHECK(text.str().find("inc-a  killed civilians: 5 (at least 5) -> 9 (at least 5)") != std::string::npos);
    CHECK(text.str().find("inc-b -> inc-a") != std::string::npos);
}

TEST_CASE("the store keeps the claims of an incident after it is merged away", "[store][decisions]") {
    const std::string path = temp_store("history");
    living_store st(path, true);
    run_update first = one_incident_run();
    first.incidents.push_back({"inc-2", {"c@2", "c@3"}, nlohmann::ordered_json::array(), nlohmann::ordered_json::array(), {}, ""});
    first.run.incidents = 2;
    st.save(first);
    run_update second;
    second.run.run = 2;
    second.run.changes = nlohmann::ordered_json::object();
    second.incidents.push_back({"inc-2", {"c@1", "c@2", "c@3"}, nlohmann::ordered_json::array(), nlohmann::ordered_json::array(), {}, ""});
    second.run.incidents = 1;
    st.save(second);
    CHECK(st.check().problems.empty());
    CHECK(st.incident_claims("inc-1") == std::optional<std::vector<std::string>>({"c@1"}));
    CHECK(st.incident_claims("inc-2") == std::optional<std::vector<std::string>>({"c@1", "c@2", "c@3"}));
    CHECK_FALSE(st.incident_claims("inc-3"));
}

namespace {

// Claims c0..c(n-1) with their facts, for the matcher's groups.
struct claim_table {
    std::vector<claim> claims;
    std::vector<rules::claim_facts> facts;
    explicit claim_table(std::size_t n) : claims(n), facts(n) {
        for (std::size_t i = 0; i < n; ++i) {
            claims[i].id = "a@c" + std::to_string(i);
            facts[i].c = &claims[i];
        }
    }
};

std::vector<std::vector<std::size_t>> members_of(const std::vector<match::incident_group>& groups) {
    std::vector<std::vector<std::size_t>> out;
    for (const auto& g : groups) out.push_back(g.members);
    return out;
}

audit::incident_decision decision(const std::string& action, std::vector<std::vector<std::string>> named) {
    audit::incident_decision d;
    d.action = action;
    for (std::size_t k = 0; k < named.size(); ++k) d.ids.push_back("inc-" + std::to_string(k));
    d.named = std::move(named);
    d.note = action + " (t.rules:1): because";
    return d;
}

}  // namespace

TEST_CASE("a merge naming store incidents joins the groups that hold their claims now", "[store][decisions]") {
    const claim_table t(6);
    std::vector<match::incident_group> groups{{{0, 1}, 0, {}}, {{2}, 0, {}}, {{3, 4}, 0, {}}, {{5}, 0, {}}};
    // inc-0 held c0 and c3 (c3 has since moved to another group), inc-1 held c5.
    audit::apply_incident_decisions(groups, t.facts, {decision("merge", {{"a@c0", "a@c3"}, {"a@c5"}})});
    CHECK(members_of(groups) == std::vector<std::vector<std::size_t>>{{0, 1, 3, 4, 5}, {2}});
    CHECK(groups[0].decisions == std::vector<std::string>{"merge (t.rules:1): because"});
    CHECK(groups[1].decisions.empty());
}

TEST_CASE("a split naming store incidents keeps their claims apart, the rest with the first", "[store][decisions]") {
    const claim_table t(7);
    // One group holds claims of both incidents and two claims of neither (c2, a new report; c6).
    std::vector<match::incident_group> groups{{{0, 1, 2, 3, 4, 6}, 0, {}}, {{5}, 0, {}}};
    SECTION("two incidents") {
        audit::apply_incident_decisions(groups, t.facts, {decision("split", {{"a@c0", "a@c1"}, {"a@c3", "a@c4"}})});
        CHECK(members_of(groups) == std::vector<std::vector<std::size_t>>{{0, 1, 2, 6}, {3, 4}, {5}});
        CHECK(groups[0].decisions.size() == 1);
        CHECK(groups[1].decisions.size() == 1);
        CHECK(groups[2].decisions.empty());
    }
    SECTION("an incident merged into the other: its claims are in both, and go with the smaller") {
        audit::apply_incident_decisions(groups, t.facts, {decision("split", {{"a@c0", "a@c1", "a@c2", "a@c3", "a@c4"}, {"a@c3", "a@c4"}})});
        CHECK(members_of(groups) == std::vector<std::vector<std::size_t>>{{0, 1, 2, 6}, {3, 4}, {5}});
    }
    SECTION("incidents already apart stay as they are") {
        audit::apply_incident_decisions(groups, t.facts, {decision("split", {{"a@c0"}, {"a@c5"}})});
        CHECK(members_of(groups) == std::vector<std::vector<std::size_t>>{{0, 1, 2, 3, 4, 6}, {5}});
        CHECK(groups[0].decisions.empty());
    }
}

TEST_CASE("decisions naming store incidents are resolved through the store, unknown ids are located errors", "[store][decisions]") {
    const auto dir = std::filesystem::temp_directory_path() / "reckon-test-store-decisions";
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "d.rules").string();
    std::ofstream(path) << "merge \"inc-00000000aa\", \"inc-00000000bb\" because \"one strike\"\n"
                           "split \"inc-00000000aa\", \"x@s1.0\" because \"a second strike\"\n"
                           "merge \"inc-00000000ab\", \"inc-00000000bb\" because \"a typo\"\n"
                           "exclude \"inc-00000000aa\" because \"exclude names claims\"\n"
                           "merge \"inc-00000000cc\", \"inc-00000000aa\" because \"retired before the history\"\n";
    const auto loaded = rules::load_ruleset(path);
    REQUIRE(loaded.rules);
    const std::set<std::string> issued{"inc-00000000aa", "inc-00000000bb", "inc-00000000cc"};
    const audit::incident_lookup lookup = [](const std::string& id) -> std::optional<std::vector<std::string>> {
        if (id == "inc-00000000aa") return std::vector<std::string>{"x@s0.0", "x@s0.1"};
        if (id == "inc-00000000bb") return std::vector<std::string>{"y@s0.0"};
        return std::nullopt;
    };
    diagnostics diags;
    const auto resolved = audit::resolve_incident_decisions(*loaded.rules, lookup, issued, diags);
    REQUIRE(resolved.size() == 2);
    CHECK(resolved[0].action == "merge");
    CHECK(resolved[0].named == std::vector<std::vector<std::string>>{{"x@s0.0", "x@s0.1"}, {"y@s0.0"}});
    CHECK(resolved[0].note == "merge (" + path + ":1): one strike");
    CHECK(resolved[1].named == std::vector<std::vector<std::string>>{{"x@s0.0", "x@s0.1"}, {"x@s1.0"}});
    REQUIRE(diags.errors() == 3);
    std::vector<std::string> messages;
    for (const auto& d : diags.items()) messages.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message + " | " + d.hint);
    std::sort(messages.begin(), messages.end());
    CHECK(messages[0] == "3:7 'merge' names incident 'inc-00000000ab', which this store never issued | did you mean 'inc-00000000aa'?");
    CHECK(messages[1] == "4:9 'exclude' names incident 'inc-00000000aa'; 'exclude' names claims | name the incident's claims ('reckon changes STORE --lineage' lists incidents, 'reckon audit' their claims)");
    CHECK(messages[2] == "5:7 'merge' names incident 'inc-00000000cc', which this store retired before it kept retired incidents' claims | name the claims it held, or an incident the store has now");
}

namespace {

// A store lookup (block_lookup, load_plan) made in a small and a large store: through
// indexes only (no full scan), and its work does not grow with the store.
template <class Lookup>
void check_indexed_work(const Lookup& small, const Lookup& large) {
    CHECK(small.full_scan_steps == 0);
    CHECK(large.full_scan_steps == 0);
    CHECK(small.steps > 0);
    CHECK(large.steps <= small.steps + small.steps / 2);
}

// A run whose block index holds `cells` blocks of one claim each (c<k> in block b<k>),
// and block "touched" holding t@1 (at it), t@2 (inside its first part) and t@3 (inside
// its second part).
run_update indexed_run(std::size_t cells) {
    run_update u = one_incident_run();
    for (std::size_t k = 0; k < cells; ++k) u.blocks.push_back({block_cell_hash("b" + std::to_string(k)), 0, "c" + std::to_string(k)});
    const auto touched = block_cell_hash("touched");
    u.blocks.push_back({touched, 0, "t@1"});
    u.blocks.push_back({touched, 1, "t@2"});
    u.blocks.push_back({touched, 2, "t@3"});
    return u;
}

}  // namespace

TEST_CASE("the block index: a lookup reads the rows of the blocks asked only, whatever the size of the store", "[store][blocks]") {
    const auto lookup = [](const char* name, std::size_t cells) {
        const std::string path = temp_store(name);
        living_store st(path, true);
        st.save(indexed_run(cells));
        CHECK(st.blocks_run() == 1);
        // A new claim inside the block's first part: it meets t@1 (at) and t@3 (inside
        // another part), not t@2 (inside the same part); one in a block nobody holds meets none.
        return st.block_mates({{block_cell_hash("touched"), 1}, {block_cell_hash("nowhere"), 0}});
    };
    const auto small = lookup("blocks-small", 100);
    const auto large = lookup("blocks-large", 20000);
    CHECK(small.claims == std::vector<std::string>{"t@1", "t@3"});
    CHECK(large.claims == small.claims);
    CHECK(small.rows == 3);
    CHECK(large.rows == 3);
    check_indexed_work(small, large);  // the large store is 200 times larger
}

TEST_CASE("an update adds the new claims' blocks and writes again only the claims it replaces", "[store][blocks]") {
    const std::string path = temp_store("blocks-update");
    living_store st(path, true);
    st.save(indexed_run(10));
    run_update second = one_incident_run();
    second.run.run = 2;
    second.incidents.clear();
    second.all_incidents = false;
    second.blocks_all = false;
    second.blocks_replaced = {"t@3"};                                   // moved out of the block
    second.blocks.push_back({block_cell_hash("elsewhere"), 0, "t@3"});
    second.blocks.push_back({block_cell_hash("touched"), 0, "new@1"});  // a new claim
    st.save(second);
    CHECK(st.blocks_run() == 2);
    CHECK(st.block_mates({{block_cell_hash("touched"), 1}}).claims == std::vector<std::string>{"new@1", "t@1"});
    CHECK(st.block_mates({{block_cell_hash("elsewhere"), 0}}).claims == std::vector<std::string>{"t@3"});
    CHECK(st.block_mates({{block_cell_hash("b7"), 0}}).claims == std::vector<std::string>{"c7"});  // kept as it was
}

TEST_CASE("an update leaves the rows of the incidents it did not change as they were", "[store]") {
    const std::string path = temp_store("untouched-rows");
    const auto incident = [](const char* id, std::vector<std::string> claims) {
        return incident_snapshot{id, std::move(claims), nlohmann::ordered_json::array(), nlohmann::ordered_json::array(), {}, ""};
    };
    {
        living_store st(path, true);
        run_update first = one_incident_run();
        first.incidents = {incident("inc-a", {"a@1"}), incident("inc-b", {"b@1"}), incident("inc-c", {"c@1"})};
        first.run.incidents = 3;
        st.save(first);
    }
    {
        // Every row the next run deletes or inserts, of incidents and of their claims.
        database db(path, false);
        db.exec("CREATE TABLE written (what TEXT); "
                "CREATE TRIGGER incident_in AFTER INSERT ON incidents BEGIN INSERT INTO written VALUES ('+' || new.id); END; "
                "CREATE TRIGGER incident_out AFTER DELETE ON incidents BEGIN INSERT INTO written VALUES ('-' || old.id); END; "
                "CREATE TRIGGER claim_in AFTER INSERT ON incident_claims BEGIN INSERT INTO written VALUES ('+' || new.claim); END; "
                "CREATE TRIGGER claim_out AFTER DELETE ON incident_claims BEGIN INSERT INTO written VALUES ('-' || old.claim); END;");
    }
    {
        living_store st(path, false);
        run_update second = one_incident_run();
        second.run.run = 2;
        second.all_incidents = false;
        second.incidents = {incident("inc-b", {"b@1", "b@2"})};  // inc-b gained a claim
        second.removed = {"inc-c"};
        second.run.incidents = 2;
        st.save(second);
        CHECK(st.check().problems.empty());
        REQUIRE(st.incidents().size() == 2);
        CHECK(st.incidents()[0].id == "inc-a");
    }
    database db(path, false, true);
    statement written(db, "SELECT what FROM written ORDER BY what");
    std::vector<std::string> rows;
    while (written.step()) rows.push_back(written.text(0));
    // inc-a's rows were neither deleted nor written again.
    CHECK(rows == std::vector<std::string>{"+b@1", "+b@2", "+inc-b", "-b@1", "-c@1", "-inc-b", "-inc-c"});
}

TEST_CASE("a version 1 store is read as it is and migrated to version 3 when opened for a run", "[store][blocks]") {
    const std::string path = temp_store("migrate");
    {
        living_store st(path, true);
        st.save(one_incident_run());
    }
    {
        database db(path, false);
        db.exec("DROP TABLE claim_blocks; DROP INDEX incidents_by_component; ALTER TABLE incidents DROP COLUMN component; "
                "UPDATE meta SET value = '1' WHERE key = 'schema_version'; DELETE FROM meta WHERE key = 'block_index'");
    }
    {
        const living_store st(path, false, true);
        CHECK(st.last_run() == 1);
        CHECK(st.blocks_run() == 0);
        CHECK(st.check().problems.empty());
    }
    {
        living_store st(path, false);
        CHECK(st.blocks_run() == 0);  // its next run writes the index whole
        CHECK(st.block_mates({{block_cell_hash("touched"), 0}}).claims.empty());
    }
    database db(path, false, true);
    statement version(db, "SELECT value FROM meta WHERE key = 'schema_version'");
    REQUIRE(version.step());
    CHECK(version.text(0) == "3");
}

namespace {

incident_snapshot in_component(const char* id, std::vector<std::string> claims, const char* component) {
    return {id, std::move(claims), nlohmann::ordered_json::array(), nlohmann::ordered_json::array(), {}, component};
}

// A store of `pairs` components of two incidents each (x<k> with claims ax<k>@1 and
// ax<k>@2, y<k> with ay<k>@1; component ax<k>@1), and component "t@1": incident t1
// (t@1, t@2 of article t) and t2 (u@1 of article u).
run_update components_run(std::size_t pairs) {
    run_update u = one_incident_run();
    u.incidents.clear();
    for (std::size_t k = 0; k < pairs; ++k) {
        const std::string n = std::to_string(k);
        u.incidents.push_back(in_component(("x" + n).c_str(), {"ax" + n + "@1", "ax" + n + "@2"}, ("ax" + n + "@1").c_str()));
        u.incidents.push_back(in_component(("y" + n).c_str(), {"ay" + n + "@1"}, ("ax" + n + "@1").c_str()));
    }
    u.incidents.push_back(in_component("t1", {"t@1", "t@2"}, "t@1"));
    u.incidents.push_back(in_component("t2", {"u@1"}, "t@1"));
    u.run.incidents = u.incidents.size();
    return u;
}

}  // namespace

TEST_CASE("the load plan closes the block mates under their stored components, by indexes, whatever the size of the store", "[store][plan]") {
    const auto plan = [](const char* name, std::size_t pairs) {
        const std::string path = temp_store(name);
        living_store st(path, true);
        st.save(components_run(pairs));
        CHECK(st.check().problems.empty());
        // t@2 reaches its component: both incidents, the claims of articles t and u; a
        // claim no incident holds reaches nothing.
        return st.plan_load({"t@2", "nobody@1"});
    };
    const auto small = plan("plan-small", 10);
    const auto large = plan("plan-large", 5000);
    CHECK(small.components == 1);
    CHECK(small.incidents == 2);
    CHECK(small.claims == std::vector<std::string>{"t@1", "t@2", "u@1"});
    CHECK(small.articles == std::vector<std::string>{"t", "u"});
    CHECK(small.complete);
    CHECK(large.claims == small.claims);
    CHECK(large.articles == small.articles);
    check_indexed_work(small, large);
}

TEST_CASE("an incident without a component makes the load plan incomplete", "[store][plan]") {
    const std::string path = temp_store("plan-incomplete");
    living_store st(path, true);
    run_update u = one_incident_run();  // inc-1 holds c@1 and keeps no component
    st.save(u);
    const auto p = st.plan_load({"c@1"});
    CHECK_FALSE(p.complete);
    CHECK(p.claims.empty());
}

TEST_CASE("a version 2 store is read as it is and migrated to version 3 when opened for a run: components from the snapshots", "[store][plan]") {
    const std::string path = temp_store("migrate-2");
    {
        living_store st(path, true);
        st.save(components_run(3));
    }
    {
        // Version 2: no component column; the snapshots keep the components.
        database db(path, false);
        db.exec("DROP INDEX incidents_by_component; ALTER TABLE incidents DROP COLUMN component; "
                "UPDATE meta SET value = '2' WHERE key = 'schema_version'");
    }
    {
        const living_store st(path, false, true);
        CHECK(st.last_run() == 1);
        CHECK(st.incidents().size() == 8);
        CHECK(st.check().problems.empty());
    }
    {
        living_store st(path, false);
        CHECK(st.check().problems.empty());
        const auto p = st.plan_load({"ay1@1"});
        CHECK(p.claims == std::vector<std::string>{"ax1@1", "ax1@2", "ay1@1"});
        CHECK(p.incidents == 2);
        CHECK(p.full_scan_steps == 0);
    }
    database db(path, false, true);
    statement version(db, "SELECT value FROM meta WHERE key = 'schema_version'");
    REQUIRE(version.step());
    CHECK(version.text(0) == "3");
    statement from(db, "SELECT value FROM meta WHERE key = 'migrated_from'");
    REQUIRE(from.step());
    CHECK(from.text(0).rfind("schema version 2 by reckon ", 0) == 0);
}

TEST_CASE("the consistency check finds an incident whose component column differs from its snapshot", "[store][plan]") {
    const std::string path = temp_store("plan-check");
    {
        living_store st(path, true);
        st.save(components_run(2));
    }
    {
        database db(path, false);
        db.exec("UPDATE incidents SET component = 'elsewhere' WHERE id = 'y1'");
    }
    const living_store st(path, false, true);
    const auto problems = st.check().problems;
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "1 incidents whose component differs from their snapshot's");
}
