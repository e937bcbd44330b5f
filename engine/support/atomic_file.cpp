#include "support/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace reckon {

namespace {
std::string system_error_text(int err) { return std::strerror(err); }

void write_all(int fd, std::string_view content, const std::string& shown_path) {
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw io_error("cannot write '" + shown_path + "': " + system_error_text(errno));
        }
        done += static_cast<std::size_t>(n);
    }
}
}  // namespace

void write_file_atomically(const std::string& path, std::string_view content) {
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        // A device or pipe cannot be replaced by rename: write through it.
        const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) throw io_error("cannot open '" + path + "' for writing: " + system_error_text(errno));
        try {
            write_all(fd, content, path);
        } catch (...) {
            ::close(fd);
            throw;
        }
        if (::close(fd) != 0) throw io_error("cannot write '" + path + "': " + system_error_text(errno));
        return;
    }
    std::string temp = path + ".tmp.XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) throw io_error("cannot create a temporary file beside '" + path + "': " + system_error_text(errno));
    try {
        write_all(fd, content, path);
        if (::fsync(fd) != 0) throw io_error("cannot write '" + path + "': " + system_error_text(errno));
        if (::fchmod(fd, exists ? (st.st_mode & 07777) : 0644) != 0) {
            throw io_error("cannot set permissions of '" + path + "': " + system_error_text(errno));
        }
    } catch (...) {
        ::close(fd);
        ::unlink(temp.c_str());
        throw;
    }
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        throw io_error("cannot write '" + path + "': " + system_error_text(err));
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        throw io_error("cannot replace '" + path + "': " + system_error_text(err));
    }
}

std::string read_file(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw io_error("cannot read '" + path + "': " + system_error_text(errno));
    std::string data;
    char buf[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
    const bool failed = std::ferror(f) != 0;
    const int err = errno;
    std::fclose(f);
    if (failed) throw io_error("cannot read '" + path + "': " + system_error_text(err));
    return data;
}

}  // namespace reckon
