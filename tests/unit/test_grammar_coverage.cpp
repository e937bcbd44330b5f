// Grammar coverage (issue 8, docs/limits.md "Coverage"): PEGTL's coverage facility runs
// the four grammars over the test inputs the way the engine drives them, and every
// rule of ours (everything in reckon::grammar::) must have matched at least once.
// Attempted is not enough: a rule that never matches is a rule no test shows working.
// The few rules that cannot match on any input that reaches them are listed in
// `never_match` with the reason.
//
// Inputs: the seed articles, the gold files, the rules files (shipped, golden, test
// data), tests/data, the fuzz seed corpora, the bad-input cases (small files), and the
// grammar unit tests' own sources, whose string literals are the table inputs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/coverage.hpp>

#include "claims/claims.hpp"
#include "claims/grammar.hpp"
#include "dateline/grammar.hpp"
#include "rules/errors.hpp"
#include "rules/grammar.hpp"
#include "when/grammar.hpp"

namespace fs = std::filesystem;
namespace pegtl = tao::pegtl;

namespace {

const fs::path source_dir = RECKON_SOURCE_DIR;

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Every regular file below `dir` (sorted), or `dir` itself when it is a file; files
// over 1 MB are skipped (the generated bad inputs are not files anyway).
std::vector<fs::path> files_in(const fs::path& dir, const std::string& extension = {}) {
    std::vector<fs::path> out;
    if (fs::is_regular_file(dir)) return {dir};
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file() || e.file_size() > (1u << 20)) continue;
        if (!extension.empty() && e.path().extension() != extension) continue;
        out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// PEGTL 3.2.7's coverage state (contrib/coverage.hpp) looks every rule up with
// map::at, and rep_min_max<> runs an internal not_at<> that no rule lists among its
// sub-rules, so pegtl::coverage() throws std::out_of_range on the dateline grammar.
// This is the same state with lookups that add what they do not find; the map is still
// filled from pegtl::visit, so rules never attempted show up with zero counts.
struct coverage_state {
    template <class Rule>
    static constexpr bool enable = true;

    pegtl::coverage_result& result;
    std::vector<std::string_view> stack;

    void count(std::string_view rule, std::size_t pegtl::coverage_info::*field) {
        ++(result[rule].*field);
        if (!stack.empty()) ++(result[stack.back()].branches[rule].*field);
    }
    template <class Rule, class Input, class... States>
    void start(const Input&, States&&...) {
        count(pegtl::demangle<Rule>(), &pegtl::coverage_info::start);
        stack.push_back(pegtl::demangle<Rule>());
    }
    template <class Rule, class Input, class... States>
    void success(const Input&, States&&...) {
        stack.pop_back();
        count(pegtl::demangle<Rule>(), &pegtl::coverage_info::success);
    }
    template <class Rule, class Input, class... States>
    void failure(const Input&, States&&...) {
        stack.pop_back();
        count(pegtl::demangle<Rule>(), &pegtl::coverage_info::failure);
    }
    template <class Rule, class Input, class... States>
    void raise(const Input&, States&&...) {
        count(pegtl::demangle<Rule>(), &pegtl::coverage_info::raise);
    }
    template <class Rule, class Input, class... States>
    void unwind(const Input&, States&&...) {
        stack.pop_back();
        count(pegtl::demangle<Rule>(), &pegtl::coverage_info::unwind);
    }
    template <class Rule, class Input, class... States>
    void apply(const Input&, States&&...) noexcept {}
    template <class Rule, class Input, class... States>
    void apply0(const Input&, States&&...) noexcept {}
};

// pegtl::coverage() with the state above; parse errors (a must<> point failing on an
// invalid test input) end the one input.
template <class Rule, template <class...> class Control = pegtl::normal, class Input>
void cover(Input&& in, pegtl::coverage_result& result) {
    pegtl::visit<Rule, pegtl::internal::coverage_insert>(result);
    coverage_state state{result, {}};
    try {
        pegtl::parse<Rule, pegtl::nothing, pegtl::state_control<Control>::template type>(in, state);
    } catch (const pegtl::parse_error&) {
    }
}

bool word_start(const std::string& t, std::size_t i) {
    const auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    return alnum(t[i]) && (i == 0 || !alnum(t[i - 1]));
}

// Article-like text: the claims grammar wherever the scanner would try it, the
// dateline and date-phrase grammars at every word start, the column date grammar on
// every field.
void cover_text(const std::string& text, pegtl::coverage_result& claims, pegtl::coverage_result& dates,
                pegtl::coverage_result& columns, pegtl::coverage_result& phrases) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (reckon::grammar::claims::could_start_figure(text, i)) {
            pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data() + i, std::min<std::size_t>(160, text.size() - i), "figure");
            cover<reckon::grammar::claims::rules::figure>(in, claims);
        }
        if (!word_start(text, i)) continue;
        pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data() + i, std::min<std::size_t>(48, text.size() - i), "date");
        cover<reckon::grammar::dateline::written_date>(in, dates);
        pegtl::memory_input<pegtl::tracking_mode::lazy> phrase(text.data() + i, std::min<std::size_t>(64, text.size() - i), "phrase");
        cover<reckon::grammar::when::rules::phrase>(phrase, phrases);
    }
    // Fields: the text between separators (comma, tab, quote, newline).
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && std::string_view(",\t\"\n\r").find(text[i]) == std::string_view::npos) continue;
        if (i > begin && i - begin <= 32) {
            pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data() + begin, i - begin, "column");
            cover<reckon::grammar::dateline::column_date>(in, columns);
        }
        begin = i + 1;
    }
}

// A rules file cut into statements as grammar/rules/parse.cpp cuts it (a statement
// starts at a line that starts with neither a blank nor '#'), each parsed as a chunk,
// and the expression holes of `say` strings ("{count(claims)}").
// Deepest nesting of brackets in a text. Coverage runs the grammar without the parser's
// depth guard (grammar/rules/action.hpp), so the deliberately deep inputs (deep.rules,
// 10,000 levels) would overflow the stack, under AddressSanitizer's larger frames first;
// they add no coverage a shallow input does not.
std::size_t nesting_of(const std::string& text) {
    std::size_t depth = 0, deepest = 0;
    for (const char c : text) {
        if (c == '(' || c == '[' || c == '{') deepest = std::max(deepest, ++depth);
        if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    }
    return deepest;
}

void cover_rules(const std::string& text, pegtl::coverage_result& chunks, pegtl::coverage_result& holes) {
    if (nesting_of(text) > 50) return;
    std::vector<std::pair<std::size_t, std::size_t>> pieces;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string::npos) eol = text.size();
        const char c = text[pos];
        if (eol > pos && c != ' ' && c != '\t' && c != '\r' && c != '#') {
            pieces.emplace_back(pos, eol);
        } else if (!pieces.empty()) {
            pieces.back().second = eol;
        }
        pos = eol + 1;
    }
    for (const auto& [b, e] : pieces) {
        pegtl::memory_input<> in(text.data() + b, text.data() + e, "rules");
        cover<reckon::grammar::rules::chunk, pegtl::must_if<reckon::grammar::rules::errors>::control>(in, chunks);
    }
    for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const std::size_t close = text.find_first_of("}\n", open);
        if (close == std::string::npos || text[close] != '}') continue;
        pegtl::memory_input<> in(text.data() + open + 1, text.data() + close, "hole");
        cover<reckon::grammar::rules::hole, pegtl::must_if<reckon::grammar::rules::errors>::control>(in, holes);
    }
}

// Rules of ours (reckon::grammar::...) that never matched, except the allowed ones.
std::vector<std::string> never_matched(const std::vector<const pegtl::coverage_result*>& results,
                                       const std::map<std::string, std::string>& allowed) {
    std::map<std::string, std::size_t> successes;
    for (const auto* r : results) {
        for (const auto& [name, info] : *r) {
            if (name.rfind("reckon::grammar::", 0) != 0) continue;
            successes[std::string(name)] += info.success;
        }
    }
    std::vector<std::string> out;
    for (const auto& [name, n] : successes) {
        if (n == 0 && allowed.count(name) == 0) out.push_back(name);
    }
    return out;
}

// C++ string literals of a test source, unescaped and joined where adjacent: the
// rules grammar test tables keep their inputs there.
std::vector<std::string> string_literals(const std::string& source) {
    std::vector<std::string> out;
    std::string current;
    bool joined = false;
    for (std::size_t i = 0; i < source.size(); ++i) {
        if (source[i] == '\'' && i + 2 < source.size()) {  // a char literal such as '"'
            i += source[i + 1] == '\\' ? 3 : 2;
            continue;
        }
        if (source[i] != '"') {
            if (!std::isspace(static_cast<unsigned char>(source[i])) && joined) {
                out.push_back(current);
                current.clear();
                joined = false;
            }
            continue;
        }
        for (++i; i < source.size() && source[i] != '"'; ++i) {
            if (source[i] == '\\' && i + 1 < source.size()) {
                const char e = source[++i];
                current += e == 'n' ? '\n' : e == 't' ? '\t' : e;
            } else {
                current += source[i];
            }
        }
        joined = true;
    }
    if (joined) out.push_back(current);
    return out;
}

}  // namespace

TEST_CASE("every rule of the claims, dateline and date-phrase grammars matches on the test inputs", "[coverage][grammar]") {
    pegtl::coverage_result claims, dates, columns, phrases;
    std::vector<fs::path> inputs;
    for (const char* d : {"examples", "tests/data", "tests/fuzz/corpus/extract", "tests/fuzz/corpus/csv",
                          "tests/fuzz/corpus/jsonl", "tests/bad_input", "tests/unit/test_extract_grammar.cpp",
                          "tests/unit/test_extract.cpp", "tests/unit/test_dateline.cpp", "tests/unit/test_ingest.cpp",
                          "tests/unit/test_when.cpp"}) {
        const auto more = files_in(source_dir / d);
        inputs.insert(inputs.end(), more.begin(), more.end());
    }
    REQUIRE(inputs.size() > 20);
    for (const auto& f : inputs) cover_text(read(f), claims, dates, columns, phrases);
    // Rules that cannot match wherever the engine tries them (reason for each):
    const std::map<std::string, std::string> allowed = {};  // none needed
    const auto missing = never_matched({&claims, &dates, &columns, &phrases}, allowed);
    INFO("never matched:\n" << [&] {
        std::string s;
        for (const auto& m : missing) s += "  " + m + "\n";
        return s;
    }());
    CHECK(missing.empty());
}

TEST_CASE("every rule of the rules grammar matches on the test inputs", "[coverage][grammar]") {
    pegtl::coverage_result chunks, holes;
    std::size_t files = 0;
    for (const char* d : {"rules", "tests/golden/rules", "tests/data/rules", "tests/fuzz/corpus/rules"}) {
        for (const auto& f : files_in(source_dir / d)) {
            const auto ext = f.extension();
            if (ext != ".rules" && !ext.empty() && ext != ".txt") continue;
            cover_rules(read(f), chunks, holes);
            ++files;
        }
    }
    REQUIRE(files > 10);
    for (const char* t : {"tests/unit/test_rules_grammar.cpp", "tests/unit/test_rules.cpp", "tests/unit/test_limits.cpp"}) {
        for (const auto& s : string_literals(read(source_dir / t))) cover_rules(s, chunks, holes);
    }
    // Keywords that have an alias (struct not_op : kw_not {}): PEGTL counts the match
    // under the alias, and the keyword itself is tried only inside `reserved`, whose
    // job is to refuse it as a name, so on valid input it never matches there.
    const std::map<std::string, std::string> allowed = {
        {"reckon::grammar::rules::kw_not", "matched as not_op"},
        {"reckon::grammar::rules::kw_otherwise", "matched as otherwise_mark"},
        {"reckon::grammar::rules::kw_independent", "matched as independent_mark"},
    };
    const auto missing = never_matched({&chunks, &holes}, allowed);
    INFO("never matched:\n" << [&] {
        std::string s;
        for (const auto& m : missing) s += "  " + m + "\n";
        return s;
    }());
    CHECK(missing.empty());
}
