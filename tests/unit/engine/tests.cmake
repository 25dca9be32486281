list(APPEND RLT_TEST_SOURCES
  unit/engine/rules_test.cpp
  unit/engine/golden_test.cpp
  unit/engine/property_test.cpp
  unit/engine/trace_test.cpp)
