// The rules formatter (format.hpp): a line-by-line lexer that knows strings and
// comments, a spacing rule between each pair of tokens, and indentation by rank.
#include "rules/format.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

namespace reckon::rules {

namespace {

enum class token_kind { word, number, string, comment, op };

struct token {
    token_kind kind;
    std::string text;
};

bool is_word_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The tokens of one line (without its indentation). A string runs to its closing
// quote (escapes skipped) or the line end; a comment to the line end.
std::vector<token> tokens_of(std::string_view line) {
    std::vector<token> out;
    std::size_t i = 0;
    const auto digits = [&](std::size_t from) {
        std::size_t j = from;
        while (j < line.size() && is_digit(line[j])) ++j;
        return j;
    };
    while (i < line.size()) {
        const char c = line[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
        } else if (c == '#') {
            std::string_view rest = line.substr(i);
            while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '\r')) rest.remove_suffix(1);
            out.push_back({token_kind::comment, std::string(rest)});
            break;
        } else if (c == '"') {
            std::size_t j = i + 1;
            while (j < line.size() && line[j] != '"') j += line[j] == '\\' && j + 1 < line.size() ? 2 : 1;
            j = std::min(j + 1, line.size());
            out.push_back({token_kind::string, std::string(line.substr(i, j - i))});
            i = j;
        } else if (is_word_start(c)) {
            std::size_t j = i;
            while (j < line.size() && is_word_char(line[j])) ++j;
            out.push_back({token_kind::word, std::string(line.substr(i, j - i))});
            i = j;
        } else if (is_digit(c)) {
            std::size_t j = digits(i);
            // A date (2018-11-14, or 2018-11 in tests) is one token; so is 0.9, but not the 1 of 1..2.
            const auto two_digits_after_dash = [&](std::size_t at) { return at < line.size() && line[at] == '-' && digits(at + 1) == at + 3; };
            if (j - i == 4 && two_digits_after_dash(j)) {
                j += 3;
                if (two_digits_after_dash(j)) j += 3;
            } else if (j + 1 < line.size() && line[j] == '.' && is_digit(line[j + 1])) {
                j = digits(j + 1);
            }
            out.push_back({token_kind::number, std::string(line.substr(i, j - i))});
            i = j;
        } else {
            static const char* const pairs[] = {"==", "!=", "<=", ">=", ".."};
            std::size_t len = 1;
            for (const char* p : pairs)
                if (line.substr(i, 2) == p) len = 2;
            out.push_back({token_kind::op, std::string(line.substr(i, len))});
            i += len;
        }
    }
    return out;
}

// Words after which '(' opens a parenthesised expression, not a call's arguments,
// and after which '-' is a sign.
bool is_keyword(const std::string& w) {
    static const std::set<std::string> words{"and", "or",   "not",  "of",   "in",    "by",        "any",     "all",
                                             "when", "where", "say", "best", "low",   "high",      "because", "to",
                                             "for",  "otherwise", "claims", "independent", "threshold"};
    return words.count(w) > 0;
}

// Does `t` end an operand (so a '-' after it subtracts)?
bool ends_operand(const token& t) {
    if (t.kind == token_kind::number || t.kind == token_kind::string) return true;
    if (t.kind == token_kind::word) return !is_keyword(t.text);
    return t.text == ")" || t.text == "]";
}

// The line's tokens joined with canonical spacing. `literals_only`: the line belongs
// to a `test` statement, whose values are literals: a '-' before a number is its sign
// ("field_offset -2"), never a subtraction.
std::string join(const std::vector<token>& toks, bool literals_only) {
    std::string out;
    bool unary_before = false;  // the previous token was a sign
    for (std::size_t k = 0; k < toks.size(); ++k) {
        const token& t = toks[k];
        const bool sign = t.kind == token_kind::op && t.text == "-" &&
                          (k == 0 || !ends_operand(toks[k - 1]) ||
                           (literals_only && k + 1 < toks.size() && toks[k + 1].kind == token_kind::number));
        if (k > 0) {
            const token& p = toks[k - 1];
            bool space = true;
            if (t.kind == token_kind::comment) {
                out += "  ";
                out += t.text;
                continue;
            }
            if (t.kind == token_kind::op && (t.text == "," || t.text == ")" || t.text == "]" || t.text == ":")) space = false;
            if (p.kind == token_kind::op && (p.text == "(" || p.text == "[")) space = false;
            if ((t.kind == token_kind::op && t.text == ".") || (p.kind == token_kind::op && p.text == ".")) space = false;
            if (unary_before) space = false;
            // A call: name(...). A finding's severity follows its name: "finding x (high)".
            if (t.kind == token_kind::op && t.text == "(" && p.kind == token_kind::word && !is_keyword(p.text) &&
                !(k == 2 && toks[0].kind == token_kind::word && toks[0].text == "finding"))
                space = false;
            if (space) out += ' ';
        }
        out += t.text;
        unary_before = sign;
    }
    return out;
}

std::size_t indent_width(std::string_view line) {
    std::size_t w = 0;
    for (const char c : line) {
        if (c == ' ') ++w;
        else if (c == '\t') w = (w / 8 + 1) * 8;
        else break;
    }
    return w;
}

std::string_view strip_indent(std::string_view line) {
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    return line;
}

bool blank(std::string_view line) {
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

}  // namespace

std::string format_rules(std::string_view text) {
    std::vector<std::string_view> lines;
    for (std::size_t pos = 0; pos <= text.size();) {
        const std::size_t eol = std::min(text.find('\n', pos), text.size());
        lines.push_back(text.substr(pos, eol - pos));
        pos = eol + 1;
    }
    const auto is_comment = [](std::string_view l) { return strip_indent(l).substr(0, 1) == "#"; };
    const auto is_code = [&](std::string_view l) { return !blank(l) && !is_comment(l); };
    const auto starts = [&](std::string_view l) { return is_code(l) && indent_width(l) == 0; };

    // Each line's indentation: 0 for statement starts and column-1 comments; for a
    // statement's continuation lines, 2 per rank of their width among that statement's.
    std::vector<std::size_t> indent(lines.size(), 0);
    std::vector<bool> in_test(lines.size(), false);
    for (std::size_t i = 0; i < lines.size();) {
        std::size_t end = i + 1;
        while (end < lines.size() && !starts(lines[end])) ++end;
        const auto head = tokens_of(strip_indent(lines[i]));
        const bool test_statement = starts(lines[i]) && !head.empty() && head.front().text == "test";
        std::fill(in_test.begin() + static_cast<std::ptrdiff_t>(i), in_test.begin() + static_cast<std::ptrdiff_t>(end), test_statement);
        std::set<std::size_t> widths;
        for (std::size_t j = i; j < end; ++j)
            if (is_code(lines[j]) && indent_width(lines[j]) > 0) widths.insert(indent_width(lines[j]));
        const auto rank = [&](std::size_t w) { return 2 * (static_cast<std::size_t>(std::distance(widths.begin(), widths.find(w))) + 1); };
        for (std::size_t j = i; j < end; ++j)
            if (is_code(lines[j]) && indent_width(lines[j]) > 0) indent[j] = rank(indent_width(lines[j]));
        // An indented comment lines up with the code it comments: the next code line of
        // the statement, else the last one before it.
        for (std::size_t j = i; j < end; ++j) {
            if (!is_comment(lines[j]) || indent_width(lines[j]) == 0) continue;
            std::size_t k = j + 1;
            while (k < end && !is_code(lines[k])) ++k;
            if (k < end && indent[k] > 0) {
                indent[j] = indent[k];
                continue;
            }
            k = j;
            while (k > i && !is_code(lines[k - 1])) --k;
            indent[j] = k > i ? std::max<std::size_t>(indent[k - 1], 2) : 2;
        }
        i = end;
    }

    std::string out;
    bool pending_blank = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (blank(lines[i])) {
            pending_blank = !out.empty();
            continue;
        }
        if (pending_blank) out += '\n';
        pending_blank = false;
        out += std::string(indent[i], ' ');
        out += join(tokens_of(strip_indent(lines[i])), in_test[i]);
        out += '\n';
    }
    return out;
}

}  // namespace reckon::rules
