# Calculator benchmarks: a 20-timepoint RECIST series and the kidney-function equations.
list(APPEND RLT_BENCH_SOURCES calc_bench.cpp)
list(APPEND RLT_BENCH_SOURCES hardening_bench.cpp)
