#include "support/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <streambuf>
#include <vector>
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

namespace {
// A stream buffer over a file descriptor that remembers the first write error.
class fd_buffer : public std::streambuf {
public:
    explicit fd_buffer(int fd) : m_fd(fd), m_buffer(1 << 16) { setp(m_buffer.data(), m_buffer.data() + m_buffer.size()); }
    int error() const { return m_error; }

protected:
    int_type overflow(int_type ch) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(ch, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(ch);
            pbump(1);
        }
        return traits_type::not_eof(ch);
    }
    int sync() override { return drain() ? 0 : -1; }

private:
    bool drain() {
        const char* p = pbase();
        std::size_t left = static_cast<std::size_t>(pptr() - pbase());
        while (left > 0 && m_error == 0) {
            const ssize_t n = ::write(m_fd, p, left);
            if (n < 0) {
                if (errno == EINTR) continue;
                m_error = errno;
                break;
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
        return m_error == 0;
    }
    int m_fd;
    std::vector<char> m_buffer;
    int m_error = 0;
};
}  // namespace

struct atomic_output::impl {
    std::string path, temp;
    bool direct = false;
    mode_t mode = 0644;
    int fd = -1;
    std::unique_ptr<fd_buffer> buffer;
    std::unique_ptr<std::ostream> out;
};

atomic_output::atomic_output(const std::string& path) : m_impl(std::make_unique<impl>()) {
    impl& m = *m_impl;
    m.path = path;
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        m.direct = true;
        m.fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
        if (m.fd < 0) throw io_error("cannot open '" + path + "' for writing: " + system_error_text(errno));
    } else {
        if (exists) m.mode = st.st_mode & 07777;
        m.temp = path + ".tmp.XXXXXX";
        m.fd = ::mkstemp(m.temp.data());
        if (m.fd < 0) throw io_error("cannot create a temporary file beside '" + path + "': " + system_error_text(errno));
    }
    m.buffer = std::make_unique<fd_buffer>(m.fd);
    m.out = std::make_unique<std::ostream>(m.buffer.get());
}

atomic_output::~atomic_output() {
    impl& m = *m_impl;
    if (m.fd >= 0) ::close(m.fd);
    if (!m.direct && !m.temp.empty()) ::unlink(m.temp.c_str());
}

std::ostream& atomic_output::stream() { return *m_impl->out; }

void atomic_output::commit() {
    impl& m = *m_impl;
    m.out->flush();
    if (m.buffer->error() != 0 || !*m.out)
        throw io_error("cannot write '" + m.path + "': " + system_error_text(m.buffer->error() ? m.buffer->error() : EIO));
    if (!m.direct) {
        if (::fsync(m.fd) != 0) throw io_error("cannot write '" + m.path + "': " + system_error_text(errno));
        if (::fchmod(m.fd, m.mode) != 0) throw io_error("cannot set permissions of '" + m.path + "': " + system_error_text(errno));
    }
    const int fd = m.fd;
    m.fd = -1;
    if (::close(fd) != 0) throw io_error("cannot write '" + m.path + "': " + system_error_text(errno));
    if (m.direct) return;
    if (::rename(m.temp.c_str(), m.path.c_str()) != 0) throw io_error("cannot replace '" + m.path + "': " + system_error_text(errno));
    m.temp.clear();
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
