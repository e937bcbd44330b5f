// The skeleton of a local place name, for comparing transliterations: "Khan Sheikhoun"
// and "Khan Shaykhun", "al-Hamadaniyeh" and "Hamadanyia" are one place. Lower-case
// consonants only, doubled letters once, the first letter of each word kept as written
// ("ashrafiyeh" -> "asrf"). Loose on purpose: two names that agree on it are taken for one
// place, so a claim is never set apart from its own event by a spelling.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

namespace reckon {

inline std::string locality_skeleton(std::string_view name) {
    std::string out;
    bool word_start = true;
    for (const char raw : name) {
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(raw)));
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
            word_start = true;
            continue;
        }
        const bool soft = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w' || c == 'h';
        if ((word_start || !soft) && (out.empty() || out.back() != c)) out.push_back(c);
        word_start = false;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace reckon
