# rlt_warnings: an INTERFACE target every project target links. -Werror through RLT_WERROR.
add_library(rlt_warnings INTERFACE)
target_compile_options(rlt_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough
  $<$<BOOL:${RLT_WERROR}>:-Werror>)
