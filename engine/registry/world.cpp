// Loading and answering the world gazetteer index (world.hpp). The loader trusts
// nothing in the file: every offset, length and index is checked against the file
// before any lookup can follow it, so a damaged index is an error, never a crash.
#include "registry/world.hpp"

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "registry/registry.hpp"

namespace reckon::registry {

static_assert(sizeof(world_header) == 104, "world_header layout");
static_assert(sizeof(world_entity) == 44, "world_entity layout");
static_assert(sizeof(world_group) == 32, "world_group layout");

namespace {

// The ASCII spelling of U+00C0..U+024F and U+1E00..U+1EFF, one space-separated item per
// code point, "_" where the letter has no plain Latin reading (made with Unicode's
// NFKD decomposition, plus the letters it leaves alone: ß æ œ ø đ ł ı þ ð ħ ŧ).
constexpr std::string_view latin_a =
    "a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y th ss a a a a a a ae c e e e e i i i i d n o o o o o _ "
    "o u u u u y th y a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g g g g g h h h h i i i i i i i i i "
    "i ij ij j j k k k l l l l l l l l l l n n n n n n n n n o o o o o o oe oe r r r r r r s s s s s s s s t t t t t t u "
    "u u u u u u u u u u u w w y y y z z z z z z s b _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ f _ _ _ _ _ _ _ l _ _ _ _ _ o o "
    "_ _ _ _ _ _ _ _ _ _ _ _ _ u u _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ dz dz dz lj lj lj nj nj nj a a i i o o u u u "
    "u u u u u u u _ a a a a _ _ _ _ g g k k o o o o _ _ j dz dz dz g g _ _ n n a a _ _ _ _ a a a a e e e e i i i i o "
    "o o o r r r r u u u u s s t t _ _ h h _ _ _ _ _ _ a a e e o o o o o o o o y y _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ "
    "_ e e _ _ _ _ _ _ _ _";
constexpr std::string_view latin_b =
    "a a b b b b b b c c d d d d d d d d d d e e e e e e e e e e f f g g h h h h h h h h h h i i i i k k k k k k l l l "
    "l l l l l m m m m m m n n n n n n n n o o o o o o o o p p p p r r r r r r r r s s s s s s s s s s t t t t t t t t "
    "u u u u u u u u u u v v v v w w w w w w w w w w x x x x y y z z z z z z h t w y _ s _ _ _ _ a a a a a a a a a a a "
    "a a a a a a a a a a a a a e e e e e e e e e e e e e e e e i i i i o o o o o o o o o o o o o o o o o o o o o o o o "
    "u u u u u u u u u u u u u u y y y y y y y y _ _ _ _ _ _";

struct fold_table {
    std::string_view a[0x250 - 0xC0];
    std::string_view b[0x100];
    fold_table() {
        auto fill = [](std::string_view items, std::string_view* out, std::size_t n) {
            std::size_t i = 0, pos = 0;
            while (i < n && pos < items.size()) {
                const auto end = std::min(items.find(' ', pos), items.size());
                const auto item = items.substr(pos, end - pos);
                out[i++] = item == "_" ? std::string_view() : item;
                pos = end + 1;
            }
        };
        fill(latin_a, a, std::size(a));
        fill(latin_b, b, std::size(b));
    }
};

const fold_table& folds() {
    static const fold_table t;
    return t;
}

// Decodes one UTF-8 sequence at `i` (2 or 3 bytes); 0 when not one.
std::uint32_t decode(std::string_view s, std::size_t i, std::size_t& length) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if ((b0 & 0xE0) == 0xC0 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
        length = 2;
        return ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    }
    if ((b0 & 0xF0) == 0xE0 && i + 2 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
        length = 3;
        return ((b0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
               (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    }
    length = 1;
    return 0;
}

struct file_mapping {
    void* address = nullptr;
    std::size_t size = 0;
    ~file_mapping() {
        if (address) munmap(address, size);
    }
};

std::string at_byte(std::uint64_t offset) { return " at byte " + std::to_string(offset); }

}  // namespace

std::string fold_latin(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    const auto& t = folds();
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out.push_back(static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c));
            ++i;
            continue;
        }
        std::size_t length = 1;
        const std::uint32_t cp = decode(text, i, length);
        std::string_view folded;
        bool known = true;
        if (cp >= 0xC0 && cp < 0x250) folded = t.a[cp - 0xC0];
        else if (cp >= 0x1E00 && cp < 0x1F00) folded = t.b[cp - 0x1E00];
        else if (cp == 0x2BB || cp == 0x2BC || cp == 0x2BE || cp == 0x2BF || cp == 0x2018 || cp == 0x2019 || cp == 0xB4)
            folded = "'";
        else known = false;
        if (known && !folded.empty()) out += folded;
        else out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

void world_key_into(std::string_view name, std::string& key) {
    const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) {
        gazetteer::normalise_into(name, key);
    } else {
        gazetteer::normalise_into(fold_latin(name), key);
    }
}

std::string world_key(std::string_view name) {
    std::string key;
    world_key_into(name, key);
    return key;
}

std::uint64_t world_hash(std::string_view key) {
    std::uint64_t h = 14695981039346656037ull;
    for (const char c : key) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

std::uint64_t world_checksum(std::string_view bytes) {
    // Eight bytes a step (a byte-wise hash of 30 MiB took 30 ms of a 60 ms load).
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ bytes.size();
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, bytes.data() + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 29;
    }
    for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 1099511628211ull;
    return h;
}

std::string_view to_string(world_kind k) {
    switch (k) {
    case world_kind::country: return "country";
    case world_kind::division: return "division";
    case world_kind::district: return "district";
    case world_kind::place: return "place";
    }
    return "place";
}

struct world_gazetteer::storage {
    file_mapping mapping;  // a mapped file, or
    std::string bytes;     // bytes given in memory
    std::string_view data() const {
        return mapping.address ? std::string_view(static_cast<const char*>(mapping.address), mapping.size)
                               : std::string_view(bytes);
    }
};

world_gazetteer::world_gazetteer() = default;
world_gazetteer::~world_gazetteer() = default;
world_gazetteer::world_gazetteer(world_gazetteer&&) noexcept = default;
world_gazetteer& world_gazetteer::operator=(world_gazetteer&&) noexcept = default;

void world_gazetteer::reset() {
    m_storage.reset();
    m_header = nullptr;
    m_entities = nullptr;
    m_groups = nullptr;
    m_by_country = m_by_division = nullptr;
    m_strings = nullptr;
    m_entity_count = m_group_count = m_entry_count = 0;
    std::vector<std::uint32_t>().swap(m_buckets);
}

bool world_gazetteer::load(const std::string& path, diagnostics& diags) {
    reset();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        diags.error(path, 0, 0, "cannot open the world gazetteer index: " + std::string(std::strerror(errno)),
                    "build it with scripts/setup (it compiles the GeoNames data under data/), or pass --gazetteer PATH");
        return false;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        diags.error(path, 0, 0, "the world gazetteer index is not a regular file", "pass the path of a world.gaz file");
        return false;
    }
    auto s = std::make_unique<storage>();
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size > 0) {
        void* a = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (a == MAP_FAILED) {
            ::close(fd);
            diags.error(path, 0, 0, "cannot map the world gazetteer index: " + std::string(std::strerror(errno)));
            return false;
        }
        s->mapping.address = a;
        s->mapping.size = size;
    }
    ::close(fd);
    m_storage = std::move(s);
    if (!check(path, diags)) {
        reset();
        return false;
    }
    return true;
}

bool world_gazetteer::load_bytes(std::string bytes, const std::string& name, diagnostics& diags) {
    reset();
    m_storage = std::make_unique<storage>();
    // A copy aligned for the record types (std::string's buffer is only 1-aligned in principle).
    bytes.reserve(bytes.size() + 8);
    m_storage->bytes = std::move(bytes);
    if (reinterpret_cast<std::uintptr_t>(m_storage->bytes.data()) % 8 != 0) {
        diags.error(name, 0, 0, "internal: unaligned buffer for the world gazetteer index");
        reset();
        return false;
    }
    if (!check(name, diags)) {
        reset();
        return false;
    }
    return true;
}

bool world_gazetteer::check(const std::string& name, diagnostics& diags) {
    const std::string_view data = m_storage->data();
    const std::string rebuild = "rebuild the index (scripts/setup, or reckon-gazetteer; docs/places.md)";
    auto fail = [&](std::uint64_t offset, const std::string& what) {
        diags.error(name, 0, 0, what + at_byte(offset), rebuild);
        return false;
    };
    if (data.size() < sizeof(world_header)) {
        if (data.size() >= 8 && std::memcmp(data.data(), world_magic, 8) != 0)
            return fail(0, "not a reckon world gazetteer index (no 'RECKGAZ' signature)");
        return fail(data.size(), "truncated world gazetteer index: " + std::to_string(data.size()) +
                                     " bytes, shorter than its header (" + std::to_string(sizeof(world_header)) + ")");
    }
    const auto* h = reinterpret_cast<const world_header*>(data.data());
    if (std::memcmp(h->magic, world_magic, 8) != 0)
        return fail(0, "not a reckon world gazetteer index (no 'RECKGAZ' signature)");
    if (h->version != world_format_version)
        return fail(8, "world gazetteer index of format version " + std::to_string(h->version) + ", this reckon reads version " +
                           std::to_string(world_format_version));
    if (h->header_size != sizeof(world_header)) return fail(12, "unexpected header size " + std::to_string(h->header_size));
    if (h->file_size != data.size())
        return fail(std::min<std::uint64_t>(h->file_size, data.size()),
                    (h->file_size > data.size() ? "truncated world gazetteer index: " : "world gazetteer index with trailing bytes: ") +
                        std::to_string(data.size()) + " bytes, its header says " + std::to_string(h->file_size));
    if (world_checksum(data.substr(sizeof(world_header))) != h->checksum)
        return fail(24, "world gazetteer index does not match its checksum (damaged or edited)");
    auto section = [&](std::uint64_t offset, std::uint64_t count, std::uint64_t item, const char* what) {
        if (offset % 8 != 0 || offset < sizeof(world_header) || offset > data.size() ||
            count > (data.size() - offset) / item)
            return fail(offset, std::string("the ") + what + " section lies outside the file");
        return true;
    };
    if (!section(h->entities_offset, h->entity_count, sizeof(world_entity), "places") ||
        !section(h->groups_offset, h->group_count, sizeof(world_group), "names") ||
        !section(h->by_country_offset, h->entry_count, 4, "names by country") ||
        !section(h->by_division_offset, h->entry_count, 4, "names by division") ||
        !section(h->strings_offset, h->strings_size, 1, "strings"))
        return false;
    if (h->entity_count >= 0x0FFFFFFFu) return fail(32, "too many places");
    if (h->provenance_offset > h->strings_size || h->provenance_length > h->strings_size - h->provenance_offset)
        return fail(h->strings_offset, "the provenance text lies outside the strings");
    const auto* entities = reinterpret_cast<const world_entity*>(data.data() + h->entities_offset);
    const auto* groups = reinterpret_cast<const world_group*>(data.data() + h->groups_offset);
    const auto* by_country = reinterpret_cast<const std::uint32_t*>(data.data() + h->by_country_offset);
    const auto* by_division = reinterpret_cast<const std::uint32_t*>(data.data() + h->by_division_offset);
    const std::uint64_t n = h->entity_count;
    for (std::uint64_t i = 0; i < n; ++i) {
        const auto& e = entities[i];
        const std::uint64_t at = h->entities_offset + i * sizeof(world_entity);
        if (e.name_offset > h->strings_size || e.name_length > h->strings_size - e.name_offset)
            return fail(at, "place " + std::to_string(i) + " has a name outside the strings");
        if (static_cast<unsigned>(e.kind) > 3 || static_cast<unsigned>(e.feature) > 3)
            return fail(at, "place " + std::to_string(i) + " has an unknown kind or feature");
        // Parents are stored before their children and are of a wider kind: no cycles.
        if (e.kind == world_kind::country) {
            if (e.parent != no_place || e.country != i) return fail(at, "country " + std::to_string(i) + " has a parent");
        } else if (e.parent >= i || entities[e.parent].kind >= e.kind || e.country >= i ||
                   entities[e.country].kind != world_kind::country) {
            return fail(at, "place " + std::to_string(i) + " has a parent or country that is not an earlier, wider place");
        }
        if (e.division != no_place && (e.division > i || entities[e.division].kind != world_kind::division))
            return fail(at, "place " + std::to_string(i) + " has a division that is not one");
    }
    std::uint64_t expected_first = 0;
    for (std::uint64_t g = 0; g < h->group_count; ++g) {
        const auto& gr = groups[g];
        const std::uint64_t at = h->groups_offset + g * sizeof(world_group);
        if (g > 0 && groups[g - 1].hash >= gr.hash) return fail(at, "names out of order");
        if (gr.key_offset > h->strings_size || gr.key_length > h->strings_size - gr.key_offset)
            return fail(at, "name " + std::to_string(g) + " has a key outside the strings");
        if (gr.first != expected_first || gr.count == 0 || gr.count > h->entry_count - gr.first ||
            gr.best < gr.first || gr.best >= gr.first + gr.count)
            return fail(at, "name " + std::to_string(g) + " has entries outside its range");
        expected_first = gr.first + static_cast<std::uint64_t>(gr.count);
    }
    if (expected_first != h->entry_count) return fail(h->groups_offset, "names do not cover the name entries");
    for (std::uint64_t i = 0; i < h->entry_count; ++i) {
        if (entry_entity(by_country[i]) >= n || static_cast<unsigned>(entry_form(by_country[i])) > 3)
            return fail(h->by_country_offset + 4 * i, "name entry refers to no place");
        if (entry_entity(by_division[i]) >= n || static_cast<unsigned>(entry_form(by_division[i])) > 3)
            return fail(h->by_division_offset + 4 * i, "name entry refers to no place");
    }
    m_header = h;
    m_entities = entities;
    m_groups = groups;
    m_by_country = by_country;
    m_by_division = by_division;
    m_strings = data.data() + h->strings_offset;
    m_entity_count = h->entity_count;
    m_group_count = h->group_count;
    m_entry_count = h->entry_count;
    // About one name a bucket: 2^floor(log2(names)) buckets on the hash's top bits.
    unsigned bits = 1;
    while (bits < 30 && (std::uint64_t{1} << (bits + 1)) <= m_group_count) ++bits;
    m_bucket_shift = 64 - bits;
    const std::uint64_t buckets = std::uint64_t{1} << bits;
    m_buckets.assign(buckets + 1, 0);
    std::uint32_t g = 0;
    for (std::uint64_t b = 0; b <= buckets; ++b) {
        while (g < m_group_count && (groups[g].hash >> m_bucket_shift) < b) ++g;
        m_buckets[b] = g;
    }
    return true;
}

std::string_view world_gazetteer::provenance() const {
    if (!m_header) return {};
    return {m_strings + m_header->provenance_offset, m_header->provenance_length};
}

std::string_view world_gazetteer::name(std::uint32_t i) const {
    const auto& e = m_entities[i];
    return {m_strings + e.name_offset, e.name_length};
}

std::string_view world_gazetteer::code(std::uint32_t i) const {
    const auto& e = m_entities[i];
    return {e.code, strnlen(e.code, sizeof e.code)};
}

std::uint32_t world_gazetteer::find(std::string_view key) const {
    if (!m_groups || key.empty()) return no_place;
    const std::uint64_t h = world_hash(key);
    const std::uint64_t bucket = h >> m_bucket_shift;
    for (std::uint32_t g = m_buckets[bucket], end = m_buckets[bucket + 1]; g < end; ++g) {
        const auto& it = m_groups[g];
        if (it.hash < h) continue;
        if (it.hash != h) return no_place;
        if (std::string_view(m_strings + it.key_offset, it.key_length) != key) return no_place;  // a hash collision
        return g;
    }
    return no_place;
}

std::uint32_t world_gazetteer::count(std::uint32_t group) const { return m_groups[group].count; }

bool world_gazetteer::common_word(std::uint32_t group) const { return (m_groups[group].flags & group_common_word) != 0; }

std::uint32_t world_gazetteer::best(std::uint32_t group) const { return m_by_country[m_groups[group].best]; }

std::uint32_t world_gazetteer::best_in(std::uint32_t group, std::uint32_t country, std::uint32_t division) const {
    const auto& g = m_groups[group];
    if (division == no_place) {
        const auto* b = m_by_country + g.first;
        const auto* e = b + g.count;
        const auto* it = std::lower_bound(b, e, country, [&](std::uint32_t entry, std::uint32_t c) {
            return m_entities[entry_entity(entry)].country < c;
        });
        return (it != e && m_entities[entry_entity(*it)].country == country) ? *it : no_place;
    }
    const auto* b = m_by_division + g.first;
    const auto* e = b + g.count;
    auto before = [&](std::uint32_t entry, std::pair<std::uint32_t, std::uint32_t> cd) {
        const auto& x = m_entities[entry_entity(entry)];
        return x.country != cd.first ? x.country < cd.first : x.division < cd.second;
    };
    const auto* it = std::lower_bound(b, e, std::make_pair(country, division), before);
    if (it == e) return no_place;
    const auto& x = m_entities[entry_entity(*it)];
    return (x.country == country && x.division == division) ? *it : no_place;
}

std::uint32_t world_gazetteer::count_in(std::uint32_t group, std::uint32_t country) const {
    const auto range = entries_in(group, country);  // both orders group a name's places by country
    return static_cast<std::uint32_t>(range.last - range.first);
}

world_gazetteer::entry_range world_gazetteer::entries_in(std::uint32_t group, std::uint32_t country) const {
    const auto& g = m_groups[group];
    const auto* b = m_by_division + g.first;
    const auto* e = b + g.count;
    const auto country_of = [&](std::uint32_t entry) { return m_entities[entry_entity(entry)].country; };
    const auto* lo = std::lower_bound(b, e, country, [&](std::uint32_t x, std::uint32_t c) { return country_of(x) < c; });
    const auto* hi = std::upper_bound(lo, e, country, [&](std::uint32_t c, std::uint32_t x) { return c < country_of(x); });
    return {lo, hi};
}

world_gazetteer::entry_range world_gazetteer::entries(std::uint32_t group) const {
    const auto& g = m_groups[group];
    return {m_by_country + g.first, m_by_country + g.first + g.count};
}

std::uint32_t world_gazetteer::best_area(std::uint32_t group, std::uint32_t limit) const {
    const auto& g = m_groups[group];
    std::uint32_t best = no_place;
    for (std::uint32_t i = 0; i < g.count && i < limit; ++i) {
        const auto entry = m_by_country[g.first + i];
        const auto& e = m_entities[entry_entity(entry)];
        if (e.kind == world_kind::place) continue;
        if (best == no_place || e.population > m_entities[entry_entity(best)].population) best = entry;
    }
    return best;
}

std::uint32_t world_gazetteer::country_of_code(std::string_view alpha2) const {
    if (!m_entities || alpha2.size() != 2) return no_place;
    // Countries come first in the entity table, in code order (the builder writes them so).
    const auto* countries_end = std::partition_point(m_entities, m_entities + m_entity_count,
                                                     [](const world_entity& e) { return e.kind == world_kind::country; });
    const auto countries = static_cast<std::uint32_t>(countries_end - m_entities);
    const auto* it = std::lower_bound(m_entities, m_entities + countries, alpha2,
                                      [](const world_entity& e, std::string_view c) { return std::string_view(e.code, 2) < c; });
    if (it == m_entities + countries || std::string_view(it->code, 2) != alpha2) return no_place;
    return static_cast<std::uint32_t>(it - m_entities);
}

bool world_gazetteer::within(std::uint32_t inner, std::uint32_t outer) const {
    for (std::uint32_t p = inner; p != no_place; p = m_entities[p].parent)
        if (p == outer) return true;
    return false;
}

}  // namespace reckon::registry
