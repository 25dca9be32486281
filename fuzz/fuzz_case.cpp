// libFuzzer driver for the case target (fuzz/targets.hpp). Built by the `fuzz` preset.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  rlt::fuzz::case_input(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
