// Loads the source registry and the gazetteer with yaml-cpp, and answers the lookups
// extraction needs: a source by alias as written, a place by any spelling. Malformed
// YAML and schema mistakes become located diagnostics (yaml-cpp marks are 0-based).
#include "registry/registry.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <cctype>
#include <yaml-cpp/yaml.h>

#include "support/atomic_file.hpp"

namespace reckon::registry {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

bool ascii_alnum(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char ascii_lower(unsigned char c) { return static_cast<char>((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c); }

// Apostrophes as outlets write them: ' ` and the UTF-8 quotes U+2018, U+2019.
std::size_t apostrophe_at(std::string_view s, std::size_t i) {
    if (s[i] == '\'' || s[i] == '`') return 1;
    if (i + 2 < s.size() + 0 && static_cast<unsigned char>(s[i]) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x98 || static_cast<unsigned char>(s[i + 2]) == 0x99))
        return 3;
    return 0;
}

// Words of a name, lower case, apostrophes removed, split at anything not a letter or digit.
std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> words;
    std::string cur;
    for (std::size_t i = 0; i < s.size();) {
        if (const auto n = apostrophe_at(s, i)) {
            i += n;
            continue;
        }
        const auto c = static_cast<unsigned char>(s[i]);
        if (std::isalnum(c) || c >= 0x80) {
            cur.push_back(static_cast<char>(std::tolower(c)));
        } else if (!cur.empty()) {
            words.push_back(std::move(cur));
            cur.clear();
        }
        ++i;
    }
    if (!cur.empty()) words.push_back(std::move(cur));
    return words;
}

// Articles a transliterated name may start with ("Al-Shaafa", "Ash Shaddadi", "The").
bool is_article(std::string_view w) {
    switch (w.size()) {
    case 2: return w == "al" || w == "el" || w == "ad" || w == "ar" || w == "as" || w == "at" || w == "az" || w == "an";
    case 3: return w == "ash" || w == "the";
    default: return false;
    }
}

std::size_t word_count(std::string_view s) {
    std::size_t n = 0;
    bool in = false;
    for (char c : s) {
        const bool sep = c == ' ' || c == '-' || c == '\t';
        if (!sep && !in) ++n;
        in = !sep;
    }
    return n;
}

// ---- YAML helpers -------------------------------------------------------------

// Errors shown per registry file; past it one line says the rest are not shown. Without
// it a one-line flow sequence of 10^5 bad items gave 10^5 errors each holding the whole
// line (quadratic memory: 8 GB for 160 KB, found by the linear-time test).
constexpr std::size_t max_errors_per_file = 50;
// Bytes of a source line kept under a message.
constexpr std::size_t max_source_line_bytes = 4096;

// True when one more error of this file may be shown; `reported` counts them.
bool room_for_error(std::size_t& reported, const std::string& file, diagnostics& diags) {
    if (reported++ < max_errors_per_file) return true;
    if (reported == max_errors_per_file + 1) {
        diags.error(file, 0, 0, "too many errors (" + std::to_string(max_errors_per_file) + "); the rest are not shown");
    }
    return false;
}

// The text of 1-based line `line`, for the caret under a message (its first
// max_source_line_bytes bytes).
std::string line_of(std::string_view text, std::size_t line) {
    std::size_t l = 1, b = 0;
    while (l < line && b < text.size()) {
        const auto nl = text.find('\n', b);
        if (nl == std::string_view::npos) return {};
        b = nl + 1;
        ++l;
    }
    if (l != line || b > text.size()) return {};
    const auto nl = text.find('\n', b);
    std::string out(text.substr(b, nl == std::string_view::npos ? std::string_view::npos : nl - b));
    if (!out.empty() && out.back() == '\r') out.pop_back();
    if (out.size() > max_source_line_bytes) out.resize(max_source_line_bytes);
    return out;
}

struct reader {
    const std::string& file;
    diagnostics& diags;
    std::string_view text;  // the whole file, for source lines
    mutable std::size_t reported = 0;  // errors of this file so far

    void error_at(const YAML::Node& node, const std::string& message, const std::string& hint = {}) const {
        if (!room_for_error(reported, file, diags)) return;
        const auto m = node.Mark();
        diagnostic d;
        d.file = file;
        d.line = m.is_null() ? 0 : static_cast<std::size_t>(m.line) + 1;
        d.column = m.is_null() ? 0 : static_cast<std::size_t>(m.column) + 1;
        d.message = message;
        d.hint = hint;
        if (d.line > 0) {
            d.source_line = line_of(text, d.line);
            // underline the scalar's text when the node is one
            if (node.IsScalar() && !node.Scalar().empty()) d.length = node.Scalar().size();
        }
        diags.add(std::move(d));
    }

    std::string scalar(const YAML::Node& map, const char* key, bool required, const std::string& what) const {
        const YAML::Node v = map[key];
        if (!v || v.IsNull()) {
            if (required) error_at(map, "missing '" + std::string(key) + "' in " + what);
            return {};
        }
        if (!v.IsScalar()) {
            error_at(v, "expected a text value for '" + std::string(key) + "', got a " +
                            (v.IsSequence() ? "sequence" : "mapping"));
            return {};
        }
        return trim(v.Scalar());
    }

    // A list of strings; a single string is accepted as a list of one.
    std::vector<std::string> strings(const YAML::Node& map, const char* key) const {
        std::vector<std::string> out;
        const YAML::Node v = map[key];
        if (!v || v.IsNull()) return out;
        if (v.IsScalar()) {
            if (!trim(v.Scalar()).empty()) out.push_back(trim(v.Scalar()));
            return out;
        }
        if (!v.IsSequence()) {
            error_at(v, "expected a list of names for '" + std::string(key) + "', got a mapping");
            return out;
        }
        for (const auto& item : v) {
            if (!item.IsScalar()) {
                error_at(item, "expected a name in '" + std::string(key) + "'");
                continue;
            }
            if (!trim(item.Scalar()).empty()) out.push_back(trim(item.Scalar()));
        }
        return out;
    }

    void check_member(const YAML::Node& node, const std::string& value, const std::vector<std::string>& known,
                      const std::string& what) const {
        if (value.empty() || std::find(known.begin(), known.end(), value) != known.end()) return;
        const auto best = closest_match(value, known);
        error_at(node, "unknown " + what + " '" + value + "'", best.empty() ? std::string() : "did you mean '" + best + "'?");
    }
};

// The first anchor (&name) outside quotes and comments, as a byte offset, or npos.
// Registry files need no anchors; refusing them refuses alias bombs ("billion
// laughs"), whose aliases would expand exponentially as the tree is walked.
}  // namespace

std::size_t find_yaml_anchor(std::string_view text) {
    char quote = 0;
    bool comment = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            comment = false;
            quote = 0;
            continue;
        }
        if (comment) continue;
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) comment = true;
        else if (c == '"' || c == '\'') quote = (i == 0 || std::strchr(" \t[{,:-", text[i - 1])) ? c : 0;
        else if ((c == '&' || c == '*') && (i == 0 || std::strchr(" \t[{,:-", text[i - 1])) && i + 1 < text.size() &&
                 (std::isalnum(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '_'))
            return i;
    }
    return std::string_view::npos;
}

namespace {

// Reports keys that appear twice in one mapping (yaml-cpp keeps both and reads the
// first, so the second would be silently ignored). Depth-bounded.
void report_duplicate_keys(const YAML::Node& node, const std::string& file, std::string_view text, diagnostics& diags,
                           std::size_t& reported, int depth = 0) {
    if (depth > 64) return;
    if (node.IsMap()) {
        std::map<std::string, YAML::Mark> seen;
        for (const auto& kv : node) {
            if (kv.first.IsScalar()) {
                const auto [it, fresh] = seen.emplace(kv.first.Scalar(), kv.first.Mark());
                if (!fresh && room_for_error(reported, file, diags)) {
                    diagnostic d;
                    d.file = file;
                    d.line = static_cast<std::size_t>(kv.first.Mark().line) + 1;
                    d.column = static_cast<std::size_t>(kv.first.Mark().column) + 1;
                    d.length = kv.first.Scalar().size();
                    d.message = "duplicate key '" + kv.first.Scalar() + "'";
                    d.source_line = line_of(text, d.line);
                    d.hint = "keep one; the first is at line " + std::to_string(it->second.line + 1);
                    diags.add(std::move(d));
                }
            }
            report_duplicate_keys(kv.second, file, text, diags, reported, depth + 1);
        }
    } else if (node.IsSequence()) {
        for (const auto& item : node) report_duplicate_keys(item, file, text, diags, reported, depth + 1);
    }
}

// Parses YAML text, turning yaml-cpp's exceptions into a located diagnostic.
std::optional<YAML::Node> parse_yaml(std::string_view text, const std::string& file, diagnostics& diags) {
    if (const auto anchor = find_yaml_anchor(text); anchor != std::string_view::npos) {
        const auto where = position_of(text, anchor);
        diagnostic d;
        d.file = file;
        d.line = where.line;
        d.column = where.column;
        d.message = "YAML anchors and aliases are not allowed in registry files";
        d.source_line = std::string(where.line_text);
        d.hint = "write each value out; aliases can expand a small file into billions of nodes";
        diags.add(std::move(d));
        return std::nullopt;
    }
    try {
        YAML::Node root = YAML::Load(std::string(text));
        const std::size_t before = diags.errors();
        std::size_t reported = 0;
        report_duplicate_keys(root, file, text, diags, reported);
        if (diags.errors() > before) return std::nullopt;
        return root;
    } catch (const YAML::Exception& e) {
        const auto line = e.mark.is_null() ? 0 : static_cast<std::size_t>(e.mark.line) + 1;
        const auto column = e.mark.is_null() ? 0 : static_cast<std::size_t>(e.mark.column) + 1;
        diagnostic d;
        d.file = file;
        d.line = line;
        d.column = column;
        d.message = "malformed YAML: " + e.msg;
        d.source_line = line > 0 ? line_of(text, line) : std::string();
        diags.add(std::move(d));
        return std::nullopt;
    }
}

std::string read_or_report(const std::string& path, diagnostics& diags, bool& ok) {
    ok = true;
    try {
        return read_file(path);
    } catch (const std::exception& e) {
        ok = false;
        diags.error(path, 0, 0, std::string("cannot read the file: ") + e.what());
        return {};
    }
}

}  // namespace

// ---- source registry ----------------------------------------------------------

const std::vector<std::string>& source_kinds() {
    static const std::vector<std::string> kinds{"monitor", "state_media", "wire", "ngo", "government",
                                                "military", "outlet", "local_media", "media", "un"};
    return kinds;
}

const std::vector<std::string>& source_types() {
    static const std::vector<std::string> types{
        "police",  "sheriff",     "coroner",     "prosecutor", "hospital",  "health_ministry", "interior_ministry",
        "defence_ministry", "civil_defence", "army", "rebel_group", "un_agency", "ngo", "monitor",
        "wire",    "state_media", "local_media", "witness",    "official",  "government"};
    return types;
}

std::string type_of_kind(std::string_view kind) {
    if (kind == "military") return "army";
    if (kind == "outlet" || kind == "media") return "local_media";
    if (kind == "un") return "un_agency";
    for (const auto& t : source_types())
        if (t == kind) return t;
    return {};
}

std::string kind_of_type(std::string_view type) {
    static const std::vector<std::pair<std::string_view, std::string_view>> classes{
        {"police", "government"},       {"sheriff", "government"},     {"coroner", "government"},
        {"prosecutor", "government"},   {"hospital", "local_media"},   {"health_ministry", "government"},
        {"interior_ministry", "government"}, {"defence_ministry", "military"}, {"civil_defence", "ngo"},
        {"army", "military"},           {"rebel_group", "military"},   {"un_agency", "ngo"},
        {"ngo", "ngo"},                 {"monitor", "monitor"},        {"wire", "wire"},
        {"state_media", "state_media"}, {"local_media", "local_media"}, {"witness", "local_media"},
        {"official", "government"},     {"government", "government"}};
    for (const auto& [t, k] : classes)
        if (t == type) return std::string(k);
    return {};
}

namespace {

// Words of a text for matching country words: lower case, a possessive "'s" dropped
// ("Yemen's" -> "yemen"), other apostrophes dropped; `capital` when the word starts
// with a capital, `caps` when every letter is one ("US", "U" of "U.S."). The words' bytes
// are kept one after another in one buffer: a whole article is read this way
// (country_of_text), so no word is a string of its own.
struct text_word {
    std::size_t begin = 0, size = 0;  // in text_words_of::bytes
    bool capital = false;
    bool caps = false;
};
struct text_words_of {
    std::string bytes;
    std::vector<text_word> words;
    std::string_view lower(std::size_t i) const { return std::string_view(bytes).substr(words[i].begin, words[i].size); }
};

text_words_of text_words(std::string_view s) {
    text_words_of out;
    out.bytes.reserve(s.size());
    out.words.reserve(s.size() / 5 + 1);
    text_word cur;
    bool all_caps = true;
    auto flush = [&] {
        if (cur.size == 0) return;
        cur.caps = all_caps;
        out.words.push_back(cur);
        cur = {};
        all_caps = true;
    };
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        // (apostrophe_at only where one may start: most bytes are letters)
        if (const auto n = (c == '\'' || c == '`' || c == 0xE2) ? apostrophe_at(s, i) : 0) {
            // "Yemen's": the possessive ends the word
            if (cur.size != 0 && i + n < s.size() && (s[i + n] == 's' || s[i + n] == 'S') &&
                (i + n + 1 == s.size() || !ascii_alnum(static_cast<unsigned char>(s[i + n + 1])))) {
                flush();
                i += n + 1;
                continue;
            }
            i += n;
            continue;
        }
        if (ascii_alnum(c) || c >= 0x80) {
            if (cur.size == 0) {
                cur.begin = out.bytes.size();
                cur.capital = c >= 'A' && c <= 'Z';
            }
            if (c >= 'a' && c <= 'z') all_caps = false;
            out.bytes.push_back(ascii_lower(c));
            ++cur.size;
        } else {
            flush();
        }
        ++i;
    }
    flush();
    return out;
}

// A form as written is an acronym ("US", "U.S.", "UAE") when all its letters are capitals
// and it has at most four: in text it then matches only in capitals ("us" is a pronoun).
bool acronym_form(std::string_view form) {
    std::size_t letters = 0;
    for (const char c : form) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') ++letters;
    }
    return letters > 0 && letters <= 4;
}

void add_sorted_form(std::vector<std::pair<std::string, std::size_t>>& forms, std::string key, std::size_t index) {
    const auto at = std::upper_bound(forms.begin(), forms.end(), key.size(),
                                     [](std::size_t size, const auto& f) { return size > f.first.size(); });
    forms.emplace(at, std::move(key), index);
}

}  // namespace

const body* source_registry::find_body(std::string_view written) const {
    const auto it = m_body_by_form.find(lower(trim(written)));
    return it == m_body_by_form.end() ? nullptr : &m_bodies[it->second];
}

const body* source_registry::find_body_id(std::string_view id) const {
    for (const auto& b : m_bodies)
        if (b.id == id) return &b;
    return nullptr;
}

const country* source_registry::find_country(std::string_view written) const {
    const auto it = m_country_by_form.find(lower(trim(written)));
    return it == m_country_by_form.end() ? nullptr : &m_countries[it->second];
}

std::string source_registry::body_source(const body& b, const country* c, std::string_view local) const {
    if (!local.empty()) {
        std::string title = b.local_title.empty() ? b.title : b.local_title;
        if (c) {
            if (const auto it = c->local_titles.find(b.id); it != c->local_titles.end()) title = it->second;
        }
        return std::string(local) + " " + title;
    }
    if (!c) return b.title;
    if (const auto it = c->bodies.find(b.id); it != c->bodies.end()) return it->second;
    return c->name + " " + b.title;
}

void source_registry::add_body(body b) {
    const std::size_t index = m_bodies.size();
    for (const auto& w : b.written) {
        auto key = lower(trim(w));
        if (key.empty() || !m_body_by_form.emplace(key, index).second) continue;
        add_sorted_form(m_body_forms, std::move(key), index);
    }
    m_bodies.push_back(std::move(b));
}

void source_registry::add_country(country c) {
    const std::size_t index = m_countries.size();
    auto add_form = [&](const std::string& form, bool written) {
        auto key = lower(trim(form));
        if (key.empty() || !m_country_by_form.emplace(key, index).second) return;
        if (written) add_sorted_form(m_country_forms, std::move(key), index);
    };
    add_form(c.name, true);
    add_form(c.code, false);  // "YE" is looked up, never scanned for in text
    for (const auto& w : c.written) add_form(w, true);
    std::vector<std::string> spellings{c.name};
    spellings.insert(spellings.end(), c.written.begin(), c.written.end());
    spellings.insert(spellings.end(), c.places.begin(), c.places.end());
    for (const auto& sp : spellings) {
        scan_form f;
        const auto written = text_words(sp);
        for (std::size_t i = 0; i < written.words.size(); ++i) f.words.emplace_back(written.lower(i));
        if (f.words.empty()) continue;
        f.acronym = acronym_form(sp);
        f.country = index;
        m_country_scan[f.words.front()].push_back(std::move(f));
    }
    m_countries.push_back(std::move(c));
}

const country* source_registry::country_of_text(std::string_view text) const {
    if (m_countries.empty()) return nullptr;
    const auto read = text_words(text);
    const auto& words = read.words;
    std::vector<std::size_t> count(m_countries.size(), 0), first(m_countries.size(), words.size());
    std::string key;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!words[i].capital) continue;  // country words are names: "Yemen", never "yemen"
        key.assign(read.lower(i));
        const auto it = m_country_scan.find(key);
        if (it == m_country_scan.end()) continue;
        for (const auto& f : it->second) {
            if (i + f.words.size() > words.size()) continue;
            bool ok = true;
            for (std::size_t j = 0; j < f.words.size() && ok; ++j)
                ok = read.lower(i + j) == f.words[j] && (!f.acronym || words[i + j].caps);
            if (!ok) continue;
            if (count[f.country]++ == 0) first[f.country] = i;
            break;
        }
    }
    std::size_t best = m_countries.size();
    for (std::size_t ci = 0; ci < m_countries.size(); ++ci) {
        if (count[ci] == 0) continue;
        if (best == m_countries.size() || count[ci] > count[best] || (count[ci] == count[best] && first[ci] < first[best]))
            best = ci;
    }
    return best == m_countries.size() ? nullptr : &m_countries[best];
}

const std::vector<source>& source_registry::sources() const { return m_sources; }

const source* source_registry::find(const std::string& name) const {
    const auto it = m_by_name.find(lower(name));
    return it == m_by_name.end() ? nullptr : &m_sources[it->second];
}

const source* source_registry::find_alias(std::string_view text) const {
    const auto key = lower(trim(text));
    if (const auto it = m_by_alias.find(key); it != m_by_alias.end()) return &m_sources[it->second];
    return nullptr;
}

const source* source_registry::find_outlet(std::string_view outlet) const {
    const auto key = lower(trim(outlet));
    if (const auto it = m_by_outlet.find(key); it != m_by_outlet.end()) return &m_sources[it->second];
    if (const auto it = m_by_name.find(key); it != m_by_name.end()) return &m_sources[it->second];
    return find_alias(outlet);
}

void source_registry::add(source s) {
    const std::size_t index = m_sources.size();
    const auto name_key = lower(s.name);
    if (s.name.empty() || m_by_name.count(name_key)) return;
    m_by_name.emplace(name_key, index);
    auto add_form = [&](const std::string& form) {
        const auto key = lower(trim(form));
        if (key.empty()) return;
        if (!m_by_alias.emplace(key, index).second) return;
        // keep the list longest first as it grows (one insertion, not a sort per source)
        const auto at = std::upper_bound(m_forms.begin(), m_forms.end(), key.size(),
                                         [](std::size_t size, const auto& f) { return size > f.first.size(); });
        m_forms.emplace(at, key, index);
    };
    add_form(s.name);
    add_form(s.full_name);
    for (const auto& a : s.aliases) add_form(a);
    for (const auto& o : s.outlet_ids) m_by_outlet.emplace(lower(trim(o)), index);
    m_sources.push_back(std::move(s));
}

namespace {

// A mapping of names to names (a country's `bodies` and `local_titles`).
std::vector<std::pair<YAML::Node, std::pair<std::string, std::string>>> name_map(const YAML::Node& map, const char* key,
                                                                                 const reader& r, const std::string& what) {
    std::vector<std::pair<YAML::Node, std::pair<std::string, std::string>>> out;
    const YAML::Node v = map[key];
    if (!v || v.IsNull()) return out;
    if (!v.IsMap()) {
        r.error_at(v, "expected a mapping for '" + std::string(key) + "' in " + what + " (body id: name)");
        return out;
    }
    for (const auto& kv : v) {
        if (!kv.first.IsScalar() || !kv.second.IsScalar() || trim(kv.second.Scalar()).empty()) {
            r.error_at(kv.second ? kv.second : kv.first, "expected 'body id: name' in '" + std::string(key) + "' of " + what);
            continue;
        }
        out.push_back({kv.first, {trim(kv.first.Scalar()), trim(kv.second.Scalar())}});
    }
    return out;
}

// Calls `read` on each mapping of the sequence under `key`, reporting what is not one.
template <class Read>
void each_mapping(const YAML::Node& root, const char* key, const reader& r, const std::string& expected, Read read) {
    const YAML::Node list = root[key];
    if (!list) return;
    if (!list.IsSequence()) {
        r.error_at(list, "expected a sequence under '" + std::string(key) + "'");
        return;
    }
    for (const auto& node : list) {
        if (node.IsMap()) read(node);
        else r.error_at(node, "expected " + expected);
    }
}

// The `bodies` and `countries` of a version 2 registry (docs/sources.md).
void parse_world(const YAML::Node& root, const reader& r, source_registry& reg) {
    each_mapping(root, "bodies", r, "a body (a mapping with 'id', 'title', 'type', 'written')", [&](const YAML::Node& node) {
        body b;
        b.id = r.scalar(node, "id", true, "a body");
        if (b.id.empty()) return;
        const std::string what = "body '" + b.id + "'";
        b.title = r.scalar(node, "title", true, what);
        b.type = r.scalar(node, "type", true, what);
        if (node["type"]) r.check_member(node["type"], b.type, source_types(), "source type");
        b.kind = r.scalar(node, "kind", true, what);
        if (node["kind"]) r.check_member(node["kind"], b.kind, source_kinds(), "source kind");
        b.local_title = r.scalar(node, "local_title", false, what);
        b.written = r.strings(node, "written");
        if (b.written.empty()) r.error_at(node, what + " has no 'written' forms", "list how articles write it: [police, the police]");
        if (reg.find_body_id(b.id)) {
            r.error_at(node["id"], what + " is defined twice");
            return;
        }
        reg.add_body(std::move(b));
    });
    std::vector<std::string> body_ids;
    for (const auto& b : reg.bodies()) body_ids.push_back(b.id);
    std::vector<std::string> source_names;
    for (const auto& s : reg.sources()) source_names.push_back(s.name);
    // a country's `bodies` and `local_titles` are keyed by body id
    auto known_body = [&](const YAML::Node& at, const std::string& id, const std::string& what) {
        if (std::find(body_ids.begin(), body_ids.end(), id) != body_ids.end()) return true;
        const auto best = closest_match(id, body_ids);
        r.error_at(at, "unknown body '" + id + "' in " + what, best.empty() ? std::string() : "did you mean '" + best + "'?");
        return false;
    };
    each_mapping(root, "countries", r, "a country (a mapping with 'name', 'code', 'written')", [&](const YAML::Node& node) {
        country c;
        c.name = r.scalar(node, "name", true, "a country");
        if (c.name.empty()) return;
        const std::string what = "country '" + c.name + "'";
        c.code = r.scalar(node, "code", true, what);
        const bool code_ok = c.code.size() == 2 && std::isupper(static_cast<unsigned char>(c.code[0])) &&
                             std::isupper(static_cast<unsigned char>(c.code[1]));
        if (node["code"] && !code_ok)
            r.error_at(node["code"], "country code '" + c.code + "' is not two capital letters", "use the ISO 3166-1 alpha-2 code ('YE')");
        c.written = r.strings(node, "written");
        c.places = r.strings(node, "places");
        for (const auto& [at, entry] : name_map(node, "bodies", r, what)) {
            if (!known_body(at, entry.first, what)) continue;
            if (!reg.find(entry.second)) {
                const auto best = closest_match(entry.second, source_names);
                r.error_at(node["bodies"][at], "'" + entry.second + "' is not a source of the registry",
                           best.empty() ? "define it under 'sources' first" : "did you mean '" + best + "'?");
                continue;
            }
            c.bodies[entry.first] = entry.second;
        }
        for (const auto& [at, entry] : name_map(node, "local_titles", r, what))
            if (known_body(at, entry.first, what)) c.local_titles[entry.first] = entry.second;
        if (const auto* same = reg.find_country(c.name); same && same->name == c.name) {
            r.error_at(node["name"], what + " is defined twice");
            return;
        }
        reg.add_country(std::move(c));
    });
}

}  // namespace

source_registry parse_sources(std::string_view yaml, const std::string& file, diagnostics& diags) {
    source_registry reg;
    const auto doc = parse_yaml(yaml, file, diags);
    if (!doc) return reg;
    const reader r{file, diags, yaml};
    const YAML::Node root = *doc;
    if (!root.IsMap() || !root["sources"]) {
        r.error_at(root, "expected a mapping with a 'sources' list at the top of the file");
        return reg;
    }
    int version = 1;
    if (const YAML::Node v = root["version"]) {
        const std::string text = v.IsScalar() ? trim(v.Scalar()) : std::string();
        const std::string want = std::to_string(sources_format_version);
        if (text == "1" || text == want) {
            version = text == "1" ? 1 : sources_format_version;
        } else {
            r.error_at(v, "unsupported source registry version '" + (v.IsScalar() ? v.Scalar() : std::string("(not a number)")) +
                              "'; this reckon reads versions 1 and " + want,
                       "write 'version: " + want + "' and the format of docs/sources.md, or use the reckon that wrote the file");
            return reg;
        }
    }
    if (version == 1 && (root["bodies"] || root["countries"])) {
        const YAML::Node at = root["bodies"] ? root["bodies"] : root["countries"];
        r.error_at(at, "'bodies' and 'countries' need registry version " + std::to_string(sources_format_version),
                   "add 'version: " + std::to_string(sources_format_version) + "' at the top of the file");
    }
    for (const auto& kv : root) {
        const auto key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
        static const std::vector<std::string> known{"version", "sources", "bodies", "countries"};
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            const auto best = closest_match(key, known);
            r.error_at(kv.first, "unknown top-level key '" + key + "' in the source registry",
                       best.empty() ? "known keys: version, sources, bodies, countries" : "did you mean '" + best + "'?");
        }
    }
    const YAML::Node list = root["sources"];
    if (!list.IsSequence()) {
        r.error_at(list, "expected a sequence of sources under 'sources'");
        return reg;
    }
    for (const auto& node : list) {
        if (!node.IsMap()) {
            r.error_at(node, "expected a source (a mapping with 'name', 'kind', 'aliases')");
            continue;
        }
        source s;
        s.name = r.scalar(node, "name", true, "a source");
        if (s.name.empty()) continue;
        s.full_name = r.scalar(node, "full_name", false, "source '" + s.name + "'");
        s.kind = r.scalar(node, "kind", false, "source '" + s.name + "'");
        if (node["kind"]) r.check_member(node["kind"], s.kind, source_kinds(), "source kind");
        s.type = r.scalar(node, "type", false, "source '" + s.name + "'");
        if (node["type"]) r.check_member(node["type"], s.type, source_types(), "source type");
        if (s.type.empty()) s.type = type_of_kind(s.kind);
        s.country = r.scalar(node, "country", false, "source '" + s.name + "'");
        s.affiliation = r.scalar(node, "affiliation", false, "source '" + s.name + "'");
        s.aliases = r.strings(node, "aliases");
        s.outlet_ids = r.strings(node, "outlet_ids");
        for (const auto& kv : node) {
            const auto key = kv.first.as<std::string>("");
            if (key == "name" || key == "full_name" || key == "kind" || key == "type" || key == "country" ||
                key == "affiliation" || key == "aliases" || key == "outlet_ids")
                continue;
            if (kv.second.IsScalar()) s.fields[key] = kv.second.Scalar();
        }
        if (reg.find(s.name)) {
            r.error_at(node, "source '" + s.name + "' is defined twice");
            continue;
        }
        reg.add(std::move(s));
    }
    if (version >= 2) parse_world(root, r, reg);
    return reg;
}

source_registry load_sources(const std::string& path, diagnostics& diags) {
    bool ok = false;
    const auto text = read_or_report(path, diags, ok);
    return ok ? parse_sources(text, path, diags) : source_registry{};
}

// ---- gazetteer -----------------------------------------------------------------

const std::vector<std::string>& place_types() {
    static const std::vector<std::string> types{"governorate", "district", "subdistrict", "city", "town",
                                                "village", "neighbourhood", "camp", "area", "country", "region"};
    return types;
}

std::string gazetteer::normalise(std::string_view written) {
    std::string key;
    normalise_into(written, key);
    return key;
}

void gazetteer::normalise_into(std::string_view written, std::string& key) {
    // Words are lower-cased with apostrophes dropped and joined by '-'; leading articles
    // ("al-", "el-") are dropped while another word follows. One pass, no word list: each
    // word is written straight into the key and taken back out if it is a leading article.
    // Extraction calls this for every run of one to five capitalised words that may be a
    // place name (the world reader: some 60 calls per article), so the key is written
    // through a pointer into a buffer sized once: it is never longer than the name and a
    // '-' (apostrophes are dropped; a '-' stands for at least one byte between words).
    const std::size_t n = written.size();
    key.resize(n + 1);
    char* const out = key.data();
    std::size_t len = 0;
    char pending[3];  // a leading article, kept until we know another word follows
    std::size_t pending_size = 0;
    bool leading = true;
    std::size_t i = 0;
    for (;;) {
        const std::size_t mark = len;
        if (len > 0) out[len++] = '-';
        const std::size_t word_begin = len;
        while (i < n) {
            const auto c = static_cast<unsigned char>(written[i]);
            if (ascii_alnum(c)) {
                out[len++] = ascii_lower(c);
                ++i;
            } else if (c == '\'' || c == '`') {  // apostrophes as outlets write them (apostrophe_at)
                ++i;
            } else if (c >= 0x80) {
                if (c == 0xE2 && i + 2 < n && static_cast<unsigned char>(written[i + 1]) == 0x80 &&
                    (static_cast<unsigned char>(written[i + 2]) == 0x98 || static_cast<unsigned char>(written[i + 2]) == 0x99)) {
                    i += 3;
                } else {
                    out[len++] = static_cast<char>(c);
                    ++i;
                }
            } else if (len > word_begin) {
                break;
            } else {
                ++i;
            }
        }
        const std::string_view word(out + word_begin, len - word_begin);
        if (word.empty()) {
            len = mark;
            break;
        }
        if (leading && is_article(word)) {  // two articles: the later one is kept
            pending_size = word.size();
            std::memcpy(pending, word.data(), pending_size);
            len = mark;
            continue;
        }
        leading = false;
    }
    if (len == 0 && pending_size > 0) {  // the name is only an article ("Al")
        std::memcpy(out, pending, pending_size);
        len = pending_size;
    }
    key.resize(len);
}

std::string gazetteer::fuzzy_key(std::string_view written) {
    auto words = words_of(written);
    std::string joined;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (is_article(words[i]) && i + 1 < words.size()) continue;  // articles anywhere before the last word
        joined += words[i];
    }
    // A final 'h' after a vowel is a transliteration choice (Hasakeh/Hasaka, Shaafah/Shaafa).
    if (joined.size() > 2 && joined.back() == 'h' &&
        std::string_view("aeiou").find(joined[joined.size() - 2]) != std::string_view::npos)
        joined.pop_back();
    std::string key;
    for (std::size_t i = 0; i < joined.size(); ++i) {
        const char c = joined[i];
        const bool vowel = std::string_view("aeiouyw").find(c) != std::string_view::npos;
        if (i > 0 && vowel) continue;
        if (!key.empty() && key.back() == c) continue;  // doubled letters
        key.push_back(c);
    }
    return key;
}

bool gazetteer::add(place p) {
    if (p.key.empty()) p.key = lower(p.name);
    for (auto& c : p.key)
        if (c == ' ') c = '-';
    if (m_by_key.count(p.key)) return false;
    const std::size_t index = m_places.size();
    m_by_key.emplace(p.key, index);
    auto add_form = [&](const std::string& form) {
        const auto n = normalise(form);
        // The first place with a spelling keeps it, except that a town beats the
        // governorate it is named after ("Raqqa" the city, within "Raqqa" the governorate).
        if (!n.empty()) {
            const auto [it, fresh] = m_by_name.emplace(n, index);
            if (!fresh && it->second != index && m_places[it->second].type == "governorate" && p.type != "governorate")
                it->second = index;
        }
        const auto f = fuzzy_key(form);
        if (f.size() >= 3) {
            auto& count = m_fuzzy_count[f];
            if (count == 0) m_by_fuzzy.emplace(f, index);
            else if (m_by_fuzzy.count(f) && m_by_fuzzy[f] != index) m_by_fuzzy.erase(f);  // ambiguous
            ++count;
        }
        m_max_words = std::max(m_max_words, word_count(form));
        for (auto& w : words_of(form)) m_words.insert(std::move(w));
    };
    add_form(p.name);
    for (const auto& v : p.variants) add_form(v);
    m_places.push_back(std::move(p));
    return true;
}

const place* gazetteer::find_key(const std::string& key) const {
    const auto it = m_by_key.find(key);
    return it == m_by_key.end() ? nullptr : &m_places[it->second];
}

const place* gazetteer::find_name(std::string_view written) const {
    const auto n = normalise(written);
    if (n.empty()) return nullptr;
    if (const auto it = m_by_name.find(n); it != m_by_name.end()) return &m_places[it->second];
    return nullptr;
}

const place* gazetteer::resolve(std::string_view written) const {
    const auto n = normalise(written);
    if (n.empty()) return nullptr;
    if (const auto it = m_by_name.find(n); it != m_by_name.end()) return &m_places[it->second];
    if (const auto it = m_by_key.find(n); it != m_by_key.end()) return &m_places[it->second];
    const auto f = fuzzy_key(written);
    if (f.size() >= 3) {
        if (const auto it = m_by_fuzzy.find(f); it != m_by_fuzzy.end()) return &m_places[it->second];
    }
    return nullptr;
}

bool gazetteer::within(const std::string& inner_key, const std::string& outer_key) const {
    const place* p = find_key(inner_key);
    for (int depth = 0; p && depth < 8; ++depth) {
        if (p->key == outer_key) return true;
        if (p->parent.empty()) return false;
        p = find_key(p->parent);
    }
    return false;
}

gazetteer parse_places(std::string_view yaml, const std::string& file, diagnostics& diags) {
    gazetteer gaz;
    const auto doc = parse_yaml(yaml, file, diags);
    if (!doc) return gaz;
    const reader r{file, diags, yaml};
    const YAML::Node root = *doc;
    if (!root.IsMap()) {
        r.error_at(root, "expected a mapping with 'governorates' and 'places' lists at the top of the file");
        return gaz;
    }
    if (const YAML::Node country = root["country"]) {
        if (!country.IsScalar() || country.Scalar().size() != 2)
            r.error_at(country, "expected a country code (ISO 3166-1 alpha-2, such as 'SY') under 'country'");
        else gaz.set_country(country.Scalar());
    }
    std::map<std::string, std::string> governorate_keys;  // normalised name -> key
    const YAML::Node govs = root["governorates"];
    if (govs && !govs.IsSequence()) r.error_at(govs, "expected a sequence of governorates under 'governorates'");
    if (govs && govs.IsSequence()) {
        for (const auto& node : govs) {
            if (!node.IsMap()) {
                r.error_at(node, "expected a governorate (a mapping with 'name' and 'variants')");
                continue;
            }
            place p;
            p.name = r.scalar(node, "name", true, "a governorate");
            if (p.name.empty()) continue;
            p.type = "governorate";
            p.governorate = p.name;
            p.variants = r.strings(node, "variants");
            p.key = gazetteer::normalise(p.name);
            governorate_keys[gazetteer::normalise(p.name)] = p.key;
            for (const auto& v : p.variants) governorate_keys.emplace(gazetteer::normalise(v), p.key);
            if (!gaz.add(p)) r.error_at(node, "governorate '" + p.name + "' is defined twice");
        }
    }
    const YAML::Node list = root["places"];
    if (list && !list.IsSequence()) r.error_at(list, "expected a sequence of places under 'places'");
    if (!govs && !list) r.error_at(root, "expected 'governorates' or 'places' at the top of the file");
    if (!list || !list.IsSequence()) return gaz;
    // Districts first, so a village can name its district as parent.
    std::vector<std::pair<place, YAML::Node>> pending;
    for (const auto& node : list) {
        if (!node.IsMap()) {
            r.error_at(node, "expected a place (a mapping with 'name', 'type', 'governorate')");
            continue;
        }
        place p;
        p.name = r.scalar(node, "name", true, "a place");
        if (p.name.empty()) continue;
        p.type = r.scalar(node, "type", false, "place '" + p.name + "'");
        if (node["type"]) r.check_member(node["type"], p.type, place_types(), "place type");
        const auto gov = r.scalar(node, "governorate", false, "place '" + p.name + "'");
        const auto district = r.scalar(node, "district", false, "place '" + p.name + "'");
        p.variants = r.strings(node, "variants");
        p.key = gazetteer::normalise(p.name);
        if (!gov.empty()) {
            const auto it = governorate_keys.find(gazetteer::normalise(gov));
            if (it == governorate_keys.end()) {
                std::vector<std::string> names;
                for (const auto& g : gaz.places())
                    if (g.type == "governorate") names.push_back(g.name);
                const auto best = closest_match(gov, names);
                r.error_at(node["governorate"], "unknown governorate '" + gov + "' for place '" + p.name + "'",
                           best.empty() ? std::string() : "did you mean '" + best + "'?");
            } else {
                p.governorate = gaz.find_key(it->second)->name;
                p.parent = it->second;
            }
        }
        pending.emplace_back(std::move(p), node);
        if (!district.empty()) pending.back().first.parent = "district:" + gazetteer::normalise(district);
    }
    std::stable_sort(pending.begin(), pending.end(), [](const auto& a, const auto& b) {
        return (a.first.type == "district") > (b.first.type == "district");
    });
    for (auto& [p, node] : pending) {
        if (p.parent.rfind("district:", 0) == 0) {
            const std::string district_key = p.parent.substr(9);
            const place* d = gaz.find_key(district_key);
            if (!d) d = gaz.resolve(district_key);
            p.parent = d ? d->key : (p.governorate.empty() ? std::string() : gazetteer::normalise(p.governorate));
        }
        const std::string name = p.name;
        // A city named like its governorate (Raqqa, Idlib) gets its own key.
        if (const place* same = gaz.find_key(p.key); same && same->type == "governorate" && p.type != "governorate")
            p.key += "-" + (p.type.empty() ? std::string("place") : p.type);
        if (!gaz.add(std::move(p))) r.error_at(node, "place '" + name + "' is defined twice");
    }
    return gaz;
}

gazetteer load_places(const std::string& path, diagnostics& diags) {
    bool ok = false;
    const auto text = read_or_report(path, diags, ok);
    return ok ? parse_places(text, path, diags) : gazetteer{};
}

}  // namespace reckon::registry
