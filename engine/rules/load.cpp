// Loads a ruleset: reads the root file and its includes (depth first, includes before
// the statements that follow them), refuses include cycles, records the YAML data files
// it references, applies overrides (a rule of the same kind and name in a later file
// replaces the included one in place, so its position in first-match lists is kept),
// then checks everything and compiles the result. The root may also be given as text
// (load_ruleset_text), which lets the fuzzer and tests skip the file system.
#include <algorithm>
#include <filesystem>
#include <functional>

#include <yaml-cpp/yaml.h>

#include "registry/registry.hpp"
#include "rules/check.hpp"
#include "rules/eval.hpp"
#include "rules/rules.hpp"
#include "support/atomic_file.hpp"

namespace reckon::rules {

const std::vector<std::string>& builtin_source_kinds() {
    static const std::vector<std::string> kinds{"monitor",    "state_media", "wire",    "ngo",
                                                "government", "military",    "outlet",  "local_media"};
    return kinds;
}

namespace {

namespace fs = std::filesystem;

// Collects the values of every `kind:` key in a YAML document.
void collect_kinds(const YAML::Node& n, std::set<std::string>& kinds, int depth = 0) {
    // Bounded in depth and in nodes visited, whatever the file holds.
    static thread_local std::size_t budget = 0;
    if (depth == 0) budget = 1000000;
    if (depth > 64 || budget == 0) return;
    --budget;
    if (n.IsMap()) {
        for (const auto& kv : n) {
            if (kv.first.IsScalar() && kv.first.Scalar() == "kind" && kv.second.IsScalar()) {
                kinds.insert(kv.second.Scalar());
            }
            collect_kinds(kv.second, kinds, depth + 1);
        }
    } else if (n.IsSequence()) {
        for (const auto& v : n) collect_kinds(v, kinds, depth + 1);
    }
}

class loader {
public:
    loader(compiled& out, diagnostics& diags, file_access access = file_access::relative_to_name)
        : m_out(out), m_diags(diags), m_access(access) {
        m_kinds.insert(builtin_source_kinds().begin(), builtin_source_kinds().end());
    }

    bool unreadable = false;

    void load(const std::string& path, const ast::statement* from, const std::string& from_text) {
        if (m_stack.size() > max_include_depth) {
            located_error(from, from_text, "includes nested too deeply (more than " + std::to_string(max_include_depth) + " files)");
            return;
        }
        const std::string key = normal(path);
        if (std::find(m_stack.begin(), m_stack.end(), key) != m_stack.end()) {
            std::string chain;
            bool on = false;
            for (std::size_t i = 0; i < m_stack.size(); ++i) {
                if (m_stack[i] == key) on = true;
                if (on) chain += m_shown[i] + " -> ";
            }
            chain += path;
            located_error(from, from_text, "include cycle: " + chain, "remove one of the includes");
            return;
        }
        if (m_loaded.count(key) != 0) return;  // included twice (a diamond): once is enough
        if (m_access == file_access::refused) {
            located_error(from, from_text, "include of '" + from->path + "' refused: these rules were given as text",
                          "load the rules from a file to use includes");
            return;
        }
        std::string text;
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) {
            if (from == nullptr) {
                unreadable = true;
                m_diags.error(path, 0, 0, fs::exists(path, ec) ? "not a regular file" : "cannot read rules file: no such file");
            } else {
                located_error(from, from_text, "cannot read included file '" + from->path + "'", "paths are relative to the including file");
            }
            return;
        }
        try {
            text = read_file(path);
        } catch (const std::exception& e) {
            if (from == nullptr) {
                unreadable = true;
                m_diags.error(path, 0, 0, std::string("cannot read rules file: ") + e.what());
            } else {
                located_error(from, from_text, "cannot read included file '" + from->path + "'");
            }
            return;
        }
        load_text(path, std::move(text));
    }

    // Parses one file's text and loads what it includes; `path` names it in messages
    // and is where its includes are resolved from.
    void load_text(const std::string& path, std::string text) {
        const std::string key = normal(path);
        m_loaded.insert(key);
        auto file = std::make_unique<ast::file>();
        file->text = std::move(text);
        grammar::rules::parse_rules(file->text, path, *file, m_diags);
        if (file->statements.size() > max_statements_per_file) {
            located_error(file->statements[max_statements_per_file].get(), file->text,
                          "too many statements in one file (more than " + std::to_string(max_statements_per_file) + ")",
                          "split the rules into files joined by include");
            file->statements.resize(max_statements_per_file);
        }
        ast::file* f = file.get();
        m_out.sources.push_back(std::move(file));
        m_texts[path] = f;
        m_stack.push_back(key);
        m_shown.push_back(path);
        const fs::path dir = fs::path(path).parent_path();
        std::map<std::pair<int, std::string>, const ast::statement*> local;
        for (auto& st : f->statements) {
            using sk = ast::statement_kind;
            if (st->kind == sk::include) {
                const std::string inc = (dir / st->path).lexically_normal().string();
                load(inc, st.get(), f->text);
                continue;
            }
            if (st->kind == sk::data) {
                check_data(*st, dir, f->text);
                m_out.data[st->name] = (dir / st->path).lexically_normal().string();
            }
            place(*st, local, f->text);
        }
        m_stack.pop_back();
        m_shown.pop_back();
        m_out.files.push_back(path);
    }

    void finish() {
        std::vector<ast::statement*> all;
        for (auto* s : m_order) {
            if (s != nullptr) all.push_back(s);
        }
        check_statements(m_out, all, m_texts, m_kinds, m_diags);
    }

private:
    compiled& m_out;
    diagnostics& m_diags;
    file_access m_access;
    std::vector<std::string> m_stack;  // canonical paths of the files being loaded
    std::vector<std::string> m_shown;  // the same paths as the user wrote them
    std::set<std::string> m_loaded;
    std::set<std::string> m_kinds;
    std::map<std::string, const ast::file*> m_texts;
    std::vector<ast::statement*> m_order;
    std::map<std::pair<int, std::string>, std::size_t> m_named;  // (kind, name) -> index in m_order

    static std::string normal(const std::string& path) {
        std::error_code ec;
        auto p = fs::weakly_canonical(path, ec);
        return ec ? fs::path(path).lexically_normal().string() : p.string();
    }

    void located_error(const ast::statement* st, const std::string& text, std::string message, std::string hint = {}) {
        diagnostic d;
        d.file = st ? st->file : std::string();
        if (st) {
            d.line = st->name_pos.line ? st->name_pos.line : st->pos.line;
            d.column = st->name_pos.column ? st->name_pos.column : st->pos.column;
            d.length = st->name_pos.length;
            d.source_line = std::string(position_of(text, st->name_pos.byte).line_text);
        }
        d.message = std::move(message);
        d.hint = std::move(hint);
        m_diags.add(std::move(d));
    }

    void check_data(const ast::statement& st, const fs::path& dir, const std::string& text) {
        const fs::path p = dir / st.path;
        std::error_code ec;
        const auto* sp = &st;
        if (m_access == file_access::refused) {
            located_error(sp, text, "data file '" + st.path + "' refused: these rules were given as text",
                          "load the rules from a file to use data files");
            return;
        }
        if (!fs::is_regular_file(p, ec)) {
            located_error(sp, text, "cannot read data file '" + st.path + "' (looked for '" + p.lexically_normal().string() + "')",
                          "data paths are relative to the rules file: copy the file beside it, or write the path from it");
            return;
        }
        try {
            const std::string yaml = read_file(p.string());
            if (registry::find_yaml_anchor(yaml) != std::string::npos) {
                located_error(sp, text, "data file '" + st.path + "' uses YAML anchors or aliases, which are not allowed",
                              "write each value out; aliases can expand a small file into billions of nodes");
                return;
            }
            const YAML::Node doc = YAML::Load(yaml);
            collect_kinds(doc, m_kinds);
        } catch (const YAML::Exception& e) {
            located_error(sp, text,
                          "data file '" + st.path + "' is not valid YAML (line " + std::to_string(e.mark.line + 1) +
                              ", column " + std::to_string(e.mark.column + 1) + ": " + e.msg + ")");
        } catch (const io_error& e) {
            located_error(sp, text, "cannot read data file '" + st.path + "': " + e.what());
        }
    }

    void place(ast::statement& st, std::map<std::pair<int, std::string>, const ast::statement*>& local,
               const std::string& text) {
        using sk = ast::statement_kind;
        const bool named = st.kind != sk::decision && st.kind != sk::include;
        if (!named) {
            m_order.push_back(&st);
            return;
        }
        const auto key = std::make_pair(static_cast<int>(st.kind), st.name);
        if (const auto it = local.find(key); it != local.end()) {
            diagnostic d;
            d.file = st.file;
            d.line = st.name_pos.line;
            d.column = st.name_pos.column;
            d.length = st.name.size();
            d.message = "duplicate rule name '" + st.name + "'";
            d.hint = "rename one of them; a rule of an included file is overridden by using its name in the including file";
            d.source_line = std::string(position_of(text, st.name_pos.byte).line_text);
            diagnostic n;
            n.level = severity::note;
            n.file = it->second->file;
            n.line = it->second->name_pos.line;
            n.column = it->second->name_pos.column;
            n.length = it->second->name.size();
            n.message = "'" + st.name + "' was first defined here";
            n.source_line = std::string(position_of(text, it->second->name_pos.byte).line_text);
            d.notes.push_back(std::move(n));
            m_diags.add(std::move(d));
            return;
        }
        local.emplace(key, &st);
        if (const auto it = m_named.find(key); it != m_named.end()) {
            // Override: the new definition takes the included one's place.
            m_order[it->second]->overridden = true;
            m_order[it->second] = &st;
            return;
        }
        m_named.emplace(key, m_order.size());
        m_order.push_back(&st);
    }
};

}  // namespace

namespace {

// Checks and compiles what `load` read into `out` (the two public entry points).
template <class Load>
load_result load_with(const std::string& root, file_access access, Load load) {
    load_result result;
    auto out = std::make_shared<compiled>();
    out->root = root;
    loader l(*out, result.diags, access);
    load(l);
    result.unreadable = l.unreadable;
    if (!l.unreadable) l.finish();
    result.diags.sort();
    if (result.diags.errors() == 0 && !l.unreadable) result.rules = make_ruleset(out);
    return result;
}

}  // namespace

load_result load_ruleset(const std::string& path) {
    return load_with(path, file_access::relative_to_name, [&](loader& l) { l.load(path, nullptr, {}); });
}

load_result load_ruleset_text(std::string text, const std::string& name, file_access access) {
    return load_with(name, access, [&](loader& l) { l.load_text(name, std::move(text)); });
}

}  // namespace reckon::rules
