// A half-open byte range [begin, end) into an article's text. Every figure, sentence
// and attribution keeps one, so any number in any report can be traced back to the
// exact bytes the user has.
#pragma once

#include <cstddef>
#include <string_view>

namespace reckon {

struct byte_span {
    std::size_t begin = 0;  // first byte
    std::size_t end = 0;    // one past the last byte

    std::size_t size() const { return end - begin; }
    bool empty() const { return end <= begin; }
    std::string_view of(std::string_view text) const {
        if (begin >= text.size() || end <= begin) return {};
        return text.substr(begin, (end > text.size() ? text.size() : end) - begin);
    }
    friend bool operator==(byte_span a, byte_span b) { return a.begin == b.begin && a.end == b.end; }
    friend bool operator!=(byte_span a, byte_span b) { return !(a == b); }
    friend bool operator<(byte_span a, byte_span b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; }
};

}  // namespace reckon
