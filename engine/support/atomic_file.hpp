// Outputs are written atomically: into a temporary file beside the target, flushed
// and synced, then renamed over it. A reader never sees half a report, and a crash or
// a full disk leaves the previous file (or none) rather than a truncated one.
#pragma once

#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace reckon {

struct io_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Writes `content` to `path` atomically. Targets that are not regular files
// (/dev/stdout, /dev/full, a FIFO) are written directly. Throws io_error with a
// message naming the path and the system error.
void write_file_atomically(const std::string& path, std::string_view content);

// The streaming form of write_file_atomically, for outputs too large to hold in
// memory: write to stream(), then commit(). Until commit() succeeds the bytes are in a
// temporary file beside the target; destroying the object without a successful
// commit() removes that file and leaves the target as it was. Targets that are not
// regular files are written directly. The constructor and commit() throw io_error.
class atomic_output {
public:
    explicit atomic_output(const std::string& path);
    ~atomic_output();
    atomic_output(const atomic_output&) = delete;
    atomic_output& operator=(const atomic_output&) = delete;

    std::ostream& stream();
    void commit();

private:
    struct impl;
    std::unique_ptr<impl> m_impl;
};

// Reads a whole file into memory. Throws io_error naming the path when unreadable.
std::string read_file(const std::string& path);

}  // namespace reckon
