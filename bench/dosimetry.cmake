# Dosimetry: fit + dose for 5 organs × 4 time points (aim < 1 ms); results in docs/benchmarks.md.
list(APPEND RLT_BENCH_SOURCES ${CMAKE_CURRENT_LIST_DIR}/dosimetry_bench.cpp)
