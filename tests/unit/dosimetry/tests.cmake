# Dosimetry tests (analytic identities, worked examples WE-1..WE-6, planner boundaries, pre-cycle
# rules, the study format and the CLI). Vectors: tests/vectors/dosimetry-*.json.
list(APPEND RLT_TEST_SOURCES
  unit/dosimetry/tac_test.cpp
  unit/dosimetry/dose_test.cpp
  unit/dosimetry/budget_test.cpp
  unit/dosimetry/study_test.cpp
  unit/dosimetry/precycle_test.cpp)
