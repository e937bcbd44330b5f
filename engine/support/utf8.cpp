#include "support/utf8.hpp"

namespace reckon {

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t len = 0;
    unsigned min_second = 0x80, max_second = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) min_second = 0xA0;  // overlong
        if (c == 0xED) max_second = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) min_second = 0x90;  // overlong
        if (c == 0xF4) max_second = 0x8F;  // above U+10FFFF
    } else {
        return 0;  // continuation byte, overlong C0/C1, or F5..FF
    }
    if (i + len > s.size()) return 0;
    if (byte(i + 1) < min_second || byte(i + 1) > max_second) return 0;
    for (std::size_t k = 2; k < len; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return len;
}

std::size_t repair_utf8(std::string& text, std::vector<utf8_problem>& problems, std::size_t max_reported) {
    static constexpr std::string_view replacement = "\xEF\xBF\xBD";
    std::size_t count = 0;
    std::size_t i = 0;
    // Fast path: most text is valid; only rebuild the string once a problem shows up.
    // (ASCII other than NUL is a sequence of its own: tested here, without a call per byte)
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c != 0 && c < 0x80) {
            ++i;
            continue;
        }
        const std::size_t len = c == 0 ? 0 : utf8_sequence_length(text, i);
        if (len == 0) break;
        i += len;
    }
    if (i == text.size()) return 0;
    std::string out;
    out.reserve(text.size() + 16);
    out.append(text, 0, i);
    while (i < text.size()) {
        const bool nul = text[i] == '\0';
        const std::size_t len = nul ? 0 : utf8_sequence_length(text, i);
        if (len > 0) {
            out.append(text, i, len);
            i += len;
            continue;
        }
        if (problems.size() < max_reported) problems.push_back({i, nul});
        ++count;
        out += replacement;
        ++i;  // one replacement per bad byte keeps the repair simple and predictable
    }
    text.swap(out);
    return count;
}

bool strip_bom(std::string& text) {
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        text.erase(0, 3);
        return true;
    }
    return false;
}

}  // namespace reckon
