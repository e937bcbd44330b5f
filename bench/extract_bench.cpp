// Extraction throughput: the FA-KES corpus extracted over and over until at least
// --megabytes of article text went through, on one thread, then a synthetic article of
// repeated number words and digits at two sizes to show the time stays linear.
// Usage: extract_bench [CSV] [--megabytes N] [--sources FILE] [--places FILE]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <ctime>
#include <sys/resource.h>

#include "corpus/ingest.hpp"
#include "extract/extract.hpp"
#include "registry/registry.hpp"

using namespace reckon;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// CPU time of this thread: on a shared machine wall time also counts other people's work.
double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

long peak_rss_kb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

article synthetic(std::size_t bytes) {
    article a;
    a.id = "synthetic";
    a.published = date::of_day(2018, 11, 14);
    const std::string unit =
        "Fourteen civilians were killed and 38 people were wounded, at least twenty-two hundred 5,812 dozens of fighters died. ";
    while (a.text.size() < bytes) a.text += unit;
    a.body = {0, a.text.size()};
    return a;
}

}  // namespace

int main(int argc, char** argv) {
    std::string csv = std::string(RECKON_SOURCE_DIR) + "/../shared/corpus/fakes/FA-KES-Dataset.csv";
    std::string sources_path = std::string(RECKON_SOURCE_DIR) + "/rules/sources.yaml";
    std::string places_path = std::string(RECKON_SOURCE_DIR) + "/rules/places.yaml";
    double megabytes = 100;
    bool synthetic_too = true;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--megabytes" && i + 1 < argc) megabytes = std::stod(argv[++i]);
        else if (arg == "--no-synthetic") synthetic_too = false;
        else if (arg == "--sources" && i + 1 < argc) sources_path = argv[++i];
        else if (arg == "--places" && i + 1 < argc) places_path = argv[++i];
        else csv = arg;
    }
    diagnostics diags;
    const auto sources = registry::load_sources(sources_path, diags);
    const auto places = registry::load_places(places_path, diags);
    auto corpus = corpus::ingest(csv);
    if (corpus.articles.empty()) {
        std::fprintf(stderr, "extract_bench: no articles in %s\n", csv.c_str());
        return 2;
    }
    extract::extract_context ctx;
    ctx.sources = &sources;
    ctx.places = &places;
    const extract::extractor x(ctx);

    std::size_t corpus_bytes = 0;
    for (const auto& a : corpus.articles) corpus_bytes += a.body.size();
    const long rss_before = peak_rss_kb();
    const auto target = static_cast<std::size_t>(megabytes * 1e6);
    std::size_t bytes = 0, claims = 0, rounds = 0;
    diagnostics ignored;
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = thread_cpu_seconds();
    while (bytes < target) {
        for (const auto& a : corpus.articles) {
            claims += x.extract(a, ignored).size();
            bytes += a.body.size();
        }
        ++rounds;
    }
    const double t = seconds_since(t0);
    const double cpu = thread_cpu_seconds() - c0;
    std::printf("fakes: %zu articles, %.2f MB per round, %zu rounds, %.1f MB in %.2f s wall = %.1f MB/s; %.2f s cpu = %.1f MB/s; %zu claims\n",
                corpus.articles.size(), corpus_bytes / 1e6, rounds, bytes / 1e6, t, bytes / 1e6 / t, cpu, bytes / 1e6 / cpu, claims);
    std::printf("peak memory: %.1f MB (%.1f MB before extraction; corpus text %.1f MB)\n", peak_rss_kb() / 1e3,
                rss_before / 1e3, corpus_bytes / 1e6);

    if (!synthetic_too) return 0;
    for (const std::size_t size : {std::size_t{1} << 20, std::size_t{10} << 20}) {
        const auto a = synthetic(size);
        const double c1 = thread_cpu_seconds();
        const auto n = x.extract(a, ignored).size();
        const double ts = thread_cpu_seconds() - c1;
        std::printf("synthetic %5.1f MB: %.3f s cpu, %.1f MB/s, %zu claims (peak memory so far %.1f MB)\n", a.text.size() / 1e6,
                    ts, a.text.size() / 1e6 / ts, n, peak_rss_kb() / 1e3);
    }
    return 0;
}
