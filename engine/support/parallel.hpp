// Work shared out between threads in fixed stripes: thread t takes items t, t + jobs,
// t + 2 jobs... The stripes do not depend on timing, so callers that put results back
// in item order produce the same output for any number of threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace reckon {

// Runs `work(first, step)` on `jobs` threads (one, on the calling thread, when jobs is 1
// or there are fewer than `min_items` items: threads cost more than they save there).
// An exception thrown by the work on a thread is rethrown here once every thread has
// ended (the first stripe's first), as on one thread: an exception escaping a thread
// would end the process without a message and leave an output's temporary file behind.
template <class Work>
void run_striped(std::size_t n, unsigned jobs, Work work, std::size_t min_items = 64) {
    jobs = std::max(1u, std::min<unsigned>(jobs, 64));
    if (jobs == 1 || n < min_items) {
        work(0, 1);
        return;
    }
    std::vector<std::exception_ptr> errors(jobs);
    std::vector<std::thread> threads;
    const auto guarded = [&](unsigned t) {
        try {
            work(t, jobs);
        } catch (...) {
            errors[t] = std::current_exception();
        }
    };
    try {
        for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(guarded, t);
    } catch (...) {  // no thread could be started: finish those that were, then report
        for (auto& t : threads) t.join();
        throw;
    }
    for (auto& t : threads) t.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
}

// The per-thread parts of a result, concatenated in part order; each part's memory is
// freed as soon as it is copied, so the peak is one part above the result.
template <class T>
std::vector<T> concat_parts(std::vector<std::vector<T>>& parts) {
    std::size_t total = 0;
    for (const auto& p : parts) total += p.size();
    std::vector<T> out;
    out.reserve(total);
    for (auto& p : parts) {
        out.insert(out.end(), p.begin(), p.end());
        std::vector<T>().swap(p);
    }
    return out;
}

}  // namespace reckon
