// Work shared out between threads in fixed stripes: thread t takes items t, t + jobs,
// t + 2 jobs... The stripes do not depend on timing, so callers that put results back
// in item order produce the same output for any number of threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace reckon {

// Runs `work(first, step)` on `jobs` threads (one, on the calling thread, when jobs is 1
// or there are fewer than `min_items` items: threads cost more than they save there).
template <class Work>
void run_striped(std::size_t n, unsigned jobs, Work work, std::size_t min_items = 64) {
    jobs = std::max(1u, std::min<unsigned>(jobs, 64));
    if (jobs == 1 || n < min_items) {
        work(0, 1);
        return;
    }
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work, t, jobs);
    for (auto& t : threads) t.join();
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
