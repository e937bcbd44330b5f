// A thin RAII layer over SQLite's C API for the store: a connection, prepared
// statements with bound parameters, and one transaction. Every failure becomes a
// store_error carrying SQLite's message and whether it was an I/O failure (a full
// disk, a read-only or missing file), which the CLI turns into exit code 74.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace reckon::store {

struct store_error : std::runtime_error {
    store_error(const std::string& message, bool io) : std::runtime_error(message), io(io) {}
    bool io = false;  // the file system refused (disk full, I/O error, cannot open): exit 74
};

class database {
public:
    // Opens (or, with `create`, creates) the file. Read-only connections never write.
    database(const std::string& path, bool create, bool read_only = false);
    ~database();
    database(const database&) = delete;
    database& operator=(const database&) = delete;

    void exec(const std::string& sql);
    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }
    // Throws store_error for SQLite result `code` (not OK, ROW or DONE) with `what`.
    void check(int code, const char* what) const;

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
};

class statement {
public:
    statement(database& db, const char* sql);
    ~statement();
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;

    statement& bind(int index, std::string_view text);
    statement& bind(int index, std::int64_t value);
    statement& bind_null(int index);
    // Runs the next step: true while a row is available.
    bool step();
    // Runs a statement that returns no rows, then resets it for the next binding.
    void run();
    void reset();

    // What running it cost so far: virtual machine steps, and steps of full table scans
    // (sqlite3_stmt_status; a lookup through an index does none).
    std::int64_t vm_steps() const;
    std::int64_t full_scan_steps() const;

    std::string text(int column) const;
    std::int64_t integer(int column) const;
    bool is_null(int column) const;

private:
    database& m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; rolled back when destroyed uncommitted (an exception).
class transaction {
public:
    explicit transaction(database& db);
    ~transaction();
    void commit();

private:
    database& m_db;
    bool m_done = false;
};

}  // namespace reckon::store
