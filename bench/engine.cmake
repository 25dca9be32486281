# Engine benchmarks: evaluation of an in-memory case, and the whole path from file text to JSON.
list(APPEND RLT_BENCH_SOURCES engine_bench.cpp)
