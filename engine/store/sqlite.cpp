#include "store/sqlite.hpp"

#include <sqlite3.h>

namespace reckon::store {

namespace {

bool is_io(int code) {
    switch (code & 0xff) {
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return true;
    default:
        return false;
    }
}

}  // namespace

database::database(const std::string& path, bool create, bool read_only) : m_path(path) {
    int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create && !read_only) flags |= SQLITE_OPEN_CREATE;
    const int code = sqlite3_open_v2(path.c_str(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (code != SQLITE_OK) {
        const std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(code);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw store_error("cannot open store '" + path + "': " + message, true);
    }
    sqlite3_extended_result_codes(m_db, 1);
    // A writer holds the lock for the length of one update; a reader waits for it
    // rather than failing at once (WAL readers never wait for writers).
    sqlite3_busy_timeout(m_db, 10000);
}

database::~database() { sqlite3_close(m_db); }

void database::check(int code, const char* what) const {
    if (code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE) return;
    const bool io = is_io(code);
    throw store_error("store '" + m_path + "': " + what + ": " + sqlite3_errmsg(m_db) +
                          (io ? " (the file system refused: a full disk, a file size limit or no permission?)" : ""),
                      io);
}

void database::exec(const std::string& sql) {
    char* message = nullptr;
    const int code = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
        const std::string text = message ? message : sqlite3_errstr(code);
        sqlite3_free(message);
        const bool io = is_io(code);
        throw store_error("store '" + m_path + "': " + text +
                              (io ? " (the file system refused: a full disk, a file size limit or no permission?)" : ""),
                          io);
    }
}

statement::statement(database& db, const char* sql) : m_db(db) {
    db.check(sqlite3_prepare_v2(db.handle(), sql, -1, &m_stmt, nullptr), sql);
}

statement::~statement() { sqlite3_finalize(m_stmt); }

statement& statement::bind(int index, std::string_view text) {
    m_db.check(sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8), "bind");
    return *this;
}

statement& statement::bind(int index, std::int64_t value) {
    m_db.check(sqlite3_bind_int64(m_stmt, index, value), "bind");
    return *this;
}

statement& statement::bind_null(int index) {
    m_db.check(sqlite3_bind_null(m_stmt, index), "bind");
    return *this;
}

bool statement::step() {
    const int code = sqlite3_step(m_stmt);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    const int reset_code = sqlite3_reset(m_stmt);
    m_db.check(reset_code != SQLITE_OK ? reset_code : code, sqlite3_sql(m_stmt));
    return false;
}

void statement::run() {
    while (step()) {
    }
    reset();
}

void statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::string statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

std::int64_t statement::vm_steps() const { return sqlite3_stmt_status(m_stmt, SQLITE_STMTSTATUS_VM_STEP, 0); }
std::int64_t statement::full_scan_steps() const { return sqlite3_stmt_status(m_stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0); }

std::int64_t statement::integer(int column) const { return sqlite3_column_int64(m_stmt, column); }

bool statement::is_null(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

transaction::transaction(database& db) : m_db(db) { db.exec("BEGIN IMMEDIATE"); }

transaction::~transaction() {
    if (!m_done) sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void transaction::commit() {
    m_db.exec("COMMIT");
    m_done = true;
}

}  // namespace reckon::store
