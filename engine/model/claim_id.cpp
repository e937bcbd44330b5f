#include "model/claim_id.hpp"

#include <algorithm>
#include <cctype>

namespace reckon {

std::uint32_t sentence_hash(std::string_view sentence_text) {
    std::uint32_t h = 2166136261u;  // FNV-1a 32
    const auto mix = [&h](unsigned char c) {
        h ^= c;
        h *= 16777619u;
    };
    bool blank = false, started = false;
    for (const char ch : sentence_text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            blank = started;
            continue;
        }
        if (blank) mix(' ');
        blank = false;
        started = true;
        mix(c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c);
    }
    return h;
}

std::string sentence_anchor(std::uint32_t hash, std::size_t copy) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out = "s";
    for (int shift = 28; shift >= 0; shift -= 4) out += digits[(hash >> shift) & 15u];
    if (copy > 1) out += "-" + std::to_string(copy);
    return out;
}

std::string claim_id(std::string_view article_id, std::string_view anchor, std::size_t figure) {
    std::string id;
    id.reserve(article_id.size() + anchor.size() + 5);
    id.append(article_id).append("@").append(anchor).append(".").append(std::to_string(figure));
    return id;
}

std::string offset_claim_id(const claim& c) { return c.article + "@" + std::to_string(c.span.begin); }

bool is_offset_claim_id(std::string_view id) {
    const auto at = id.rfind('@');
    if (at == std::string_view::npos || at + 1 == id.size()) return false;
    return std::all_of(id.begin() + static_cast<std::ptrdiff_t>(at + 1), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view article_of_claim_id(std::string_view id) { return id.substr(0, std::min(id.rfind('@'), id.size())); }

namespace {
// "s1a2b3c4.0", "s1a2b3c4-2.10": the part after '@' of an anchored id
bool anchored(std::string_view id) {
    const auto at = id.rfind('@');
    if (at == std::string_view::npos || id.size() < at + 12 || id[at + 1] != 's') return false;
    for (std::size_t i = at + 2; i < at + 10; ++i)
        if (!std::isxdigit(static_cast<unsigned char>(id[i]))) return false;
    return id[at + 10] == '.' || id[at + 10] == '-';
}
}  // namespace

std::string older_claim_id(const claim& c) { return anchored(c.id) ? offset_claim_id(c) : c.id; }

bool tie_order(const claim& a, const claim& b) {
    const std::string x = older_claim_id(a), y = older_claim_id(b);
    return x != y ? x < y : a.id < b.id;
}

claim_finder::claim_finder(std::size_t n, accessor at) : m_n(n), m_at(std::move(at)) {}

std::optional<claim_finder::found> claim_finder::find(std::string_view id) const {
    if (m_by_id.empty() && m_n > 0) {
        m_by_id.reserve(m_n);
        for (std::size_t i = 0; i < m_n; ++i) m_by_id.emplace(m_at(i).id, i);
    }
    if (const auto it = m_by_id.find(id); it != m_by_id.end()) return found{it->second, false};
    if (!is_offset_claim_id(id)) return std::nullopt;
    if (!m_offsets_indexed) {
        m_offsets_indexed = true;
        for (std::size_t i = 0; i < m_n; ++i) {
            const claim& c = m_at(i);
            if (!is_offset_claim_id(c.id)) m_by_offset.emplace(offset_claim_id(c), i);
        }
    }
    if (const auto it = m_by_offset.find(std::string(id)); it != m_by_offset.end()) return found{it->second, true};
    return std::nullopt;
}

}  // namespace reckon
