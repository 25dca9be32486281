# rlt_warnings: an INTERFACE target every project target links. -Werror through RLT_WERROR.
add_library(rlt_warnings INTERFACE)
target_compile_options(rlt_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough
  # GCC 12 reports false positives inside libstdc++ std::string at -O2 (GCC bugs 105329, 105651);
  # they are fixed in GCC 13, so these are only silenced there.
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-array-bounds -Wno-restrict -Wno-stringop-overflow -Wno-stringop-overread>
  $<$<BOOL:${RLT_WERROR}>:-Werror>)
