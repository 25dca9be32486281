// Google Benchmark entry point; results are recorded in docs/benchmarks.md.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
