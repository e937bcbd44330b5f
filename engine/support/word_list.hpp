// Words packed in one string, separated by single spaces, read back as string_views.
// Scored matching keeps about 60 opening words and every name of each article until the
// corpus vocabulary is built: as a vector of strings that is 2-3 kB an article (32 bytes
// of string per word, and a heap block for each longer one), three gigabytes at a million
// articles; packed it is the words' bytes. A word never holds a space.
#pragma once

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>

namespace reckon {

class word_list {
public:
    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = std::string_view;
        using difference_type = std::ptrdiff_t;
        using pointer = const std::string_view*;
        using reference = std::string_view;

        const_iterator() = default;
        const_iterator(std::string_view text, std::size_t at) : m_text(text), m_at(at) { m_end = next_end(); }
        std::string_view operator*() const { return m_text.substr(m_at, m_end - m_at); }
        const_iterator& operator++() {
            m_at = m_end < m_text.size() ? m_end + 1 : m_text.size();
            m_end = next_end();
            return *this;
        }
        const_iterator operator++(int) {
            auto was = *this;
            ++*this;
            return was;
        }
        bool operator==(const const_iterator& o) const { return m_at == o.m_at; }
        bool operator!=(const const_iterator& o) const { return m_at != o.m_at; }

    private:
        std::size_t next_end() const {
            const auto space = m_text.find(' ', m_at);
            return space == std::string_view::npos ? m_text.size() : space;
        }
        std::string_view m_text;
        std::size_t m_at = 0, m_end = 0;
    };

    word_list() = default;
    // From words separated by single spaces (as `text()` gives them); empty words, from
    // doubled or edge spaces, are dropped.
    static word_list from_text(std::string_view text) {
        word_list out;
        for (std::size_t from = 0; from < text.size();) {
            auto end = text.find(' ', from);
            if (end == std::string_view::npos) end = text.size();
            if (end > from) out.push_back(text.substr(from, end - from));
            from = end + 1;
        }
        return out;
    }

    void push_back(std::string_view word) {
        if (m_size > 0) m_text += ' ';
        m_text.append(word);
        ++m_size;
    }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    // The words separated by single spaces.
    const std::string& text() const { return m_text; }
    std::size_t heap_bytes() const { return m_text.capacity() > 15 ? m_text.capacity() + 1 : 0; }
    void shrink_to_fit() { m_text.shrink_to_fit(); }

    bool operator==(const word_list& o) const { return m_text == o.m_text; }
    bool operator!=(const word_list& o) const { return m_text != o.m_text; }

    const_iterator begin() const { return m_size == 0 ? end() : const_iterator(m_text, 0); }
    const_iterator end() const { return const_iterator(m_text, m_text.size()); }

private:
    std::string m_text;
    std::size_t m_size = 0;
};

}  // namespace reckon
