# Clinical calculators: vector-driven tests (tests/vectors/*.json) and the calculator CLI.
list(APPEND RLT_TEST_SOURCES
  unit/calc/recist_test.cpp
  unit/calc/calculators_test.cpp
  unit/calc/cli_calculators_test.cpp)
