// A sequence kept in fixed-size chunks: indexed like a vector (one more load), but it
// grows without moving or copying what it holds, so elements keep their addresses and
// the memory held is the elements plus at most one part-filled chunk.
//
// Why: the audit holds a record per claim, three million of a kilobyte each at a million
// articles. In a std::vector they had to be reserved for every claim at once, and that
// was only possible once every claim had been extracted: the extracted claims and their
// records were held together (twice the claims' memory at the peak). In chunks they are
// appended as each batch of articles is extracted, and the batch's claims freed.
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace reckon {

template <class T>
class chunked_vector {
    // About 256 kB a chunk: large enough that the table of chunks is small, small
    // enough that the last, part-filled chunk wastes little.
    static constexpr std::size_t per_chunk = sizeof(T) >= (std::size_t{256} << 10) ? 1 : (std::size_t{256} << 10) / sizeof(T);
    using slot = std::aligned_storage_t<sizeof(T), alignof(T)>;

public:
    template <class Value, class Owner>
    class basic_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = std::remove_const_t<Value>;
        using difference_type = std::ptrdiff_t;
        using pointer = Value*;
        using reference = Value&;

        basic_iterator() = default;
        basic_iterator(Owner* owner, std::size_t at) : m_owner(owner), m_at(at) {}
        // An iterator converts to a const_iterator.
        template <class V, class O, class = std::enable_if_t<std::is_const<Value>::value && !std::is_const<V>::value>>
        basic_iterator(const basic_iterator<V, O>& other) : m_owner(other.owner()), m_at(other.index()) {}

        reference operator*() const { return (*m_owner)[m_at]; }
        pointer operator->() const { return &(*m_owner)[m_at]; }
        reference operator[](difference_type n) const { return (*m_owner)[m_at + static_cast<std::size_t>(n)]; }
        basic_iterator& operator++() { ++m_at; return *this; }
        basic_iterator operator++(int) { auto was = *this; ++m_at; return was; }
        basic_iterator& operator--() { --m_at; return *this; }
        basic_iterator operator--(int) { auto was = *this; --m_at; return was; }
        basic_iterator& operator+=(difference_type n) { m_at = static_cast<std::size_t>(static_cast<difference_type>(m_at) + n); return *this; }
        basic_iterator& operator-=(difference_type n) { return *this += -n; }
        friend basic_iterator operator+(basic_iterator it, difference_type n) { return it += n; }
        friend basic_iterator operator+(difference_type n, basic_iterator it) { return it += n; }
        friend basic_iterator operator-(basic_iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const basic_iterator& a, const basic_iterator& b) {
            return static_cast<difference_type>(a.m_at) - static_cast<difference_type>(b.m_at);
        }
        friend bool operator==(const basic_iterator& a, const basic_iterator& b) { return a.m_at == b.m_at; }
        friend bool operator!=(const basic_iterator& a, const basic_iterator& b) { return a.m_at != b.m_at; }
        friend bool operator<(const basic_iterator& a, const basic_iterator& b) { return a.m_at < b.m_at; }
        friend bool operator>(const basic_iterator& a, const basic_iterator& b) { return a.m_at > b.m_at; }
        friend bool operator<=(const basic_iterator& a, const basic_iterator& b) { return a.m_at <= b.m_at; }
        friend bool operator>=(const basic_iterator& a, const basic_iterator& b) { return a.m_at >= b.m_at; }

        Owner* owner() const { return m_owner; }
        std::size_t index() const { return m_at; }

    private:
        Owner* m_owner = nullptr;
        std::size_t m_at = 0;
    };
    using value_type = T;
    using size_type = std::size_t;
    using reference = T&;
    using const_reference = const T&;
    using iterator = basic_iterator<T, chunked_vector>;
    using const_iterator = basic_iterator<const T, const chunked_vector>;

    chunked_vector() = default;
    chunked_vector(const chunked_vector& other) {
        for (const auto& v : other) push_back(v);
    }
    chunked_vector(chunked_vector&& other) noexcept : m_chunks(std::move(other.m_chunks)), m_size(other.m_size) {
        other.m_chunks.clear();
        other.m_size = 0;
    }
    chunked_vector& operator=(const chunked_vector& other) {
        if (this != &other) {
            chunked_vector copy(other);
            swap(copy);
        }
        return *this;
    }
    chunked_vector& operator=(chunked_vector&& other) noexcept {
        if (this != &other) {
            clear();
            swap(other);
        }
        return *this;
    }
    ~chunked_vector() { clear(); }

    void swap(chunked_vector& other) noexcept {
        m_chunks.swap(other.m_chunks);
        std::swap(m_size, other.m_size);
    }

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    // Makes room in the table of chunks only: the chunks come as they fill.
    void reserve(std::size_t n) { m_chunks.reserve((n + per_chunk - 1) / per_chunk); }

    T& operator[](std::size_t i) { return *std::launder(reinterpret_cast<T*>(&m_chunks[i / per_chunk][i % per_chunk])); }
    const T& operator[](std::size_t i) const {
        return *std::launder(reinterpret_cast<const T*>(&m_chunks[i / per_chunk][i % per_chunk]));
    }
    T& front() { return (*this)[0]; }
    const T& front() const { return (*this)[0]; }
    T& back() { return (*this)[m_size - 1]; }
    const T& back() const { return (*this)[m_size - 1]; }

    template <class... Args>
    T& emplace_back(Args&&... args) {
        if (m_size == m_chunks.size() * per_chunk) m_chunks.push_back(std::make_unique<slot[]>(per_chunk));
        T* at = ::new (static_cast<void*>(&m_chunks[m_size / per_chunk][m_size % per_chunk])) T(std::forward<Args>(args)...);
        ++m_size;
        return *at;
    }
    void push_back(const T& v) { emplace_back(v); }
    void push_back(T&& v) { emplace_back(std::move(v)); }

    // Destroys every element and frees every chunk.
    void clear() noexcept {
        for (std::size_t i = m_size; i > 0; --i) (*this)[i - 1].~T();
        m_size = 0;
        m_chunks.clear();
        m_chunks.shrink_to_fit();
    }

    iterator begin() { return {this, 0}; }
    iterator end() { return {this, m_size}; }
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, m_size}; }
    const_iterator cbegin() const { return begin(); }
    const_iterator cend() const { return end(); }

    // Bytes held: the chunks and their table (not what the elements own).
    std::size_t bytes() const { return m_chunks.capacity() * sizeof(m_chunks[0]) + m_chunks.size() * per_chunk * sizeof(T); }

private:
    std::vector<std::unique_ptr<slot[]>> m_chunks;
    std::size_t m_size = 0;
};

}  // namespace reckon
