// The exit codes of reckon, documented once for the whole tool (README, "Exit codes").
// The CLI maps every outcome, CLI11's own parse errors included, onto these.
#pragma once

namespace reckon::exit_code {

constexpr int ok = 0;            // done, nothing to report
constexpr int warnings = 1;      // done, but input was repaired or skipped, or a check/test failed
constexpr int usage = 2;         // bad command line, or an input path that cannot be read
constexpr int data_error = 65;   // input read but nothing usable in it (EX_DATAERR)
constexpr int software = 70;     // internal error: a bug in reckon (EX_SOFTWARE)
constexpr int io_error = 74;     // output could not be written (EX_IOERR)
constexpr int interrupted = 130; // stopped by SIGINT (Ctrl-C)

}  // namespace reckon::exit_code
