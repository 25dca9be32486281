# ASan + UBSan for the sanitizer preset; any report aborts the test.
if(RLT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# The fuzz preset: every library is instrumented for libFuzzer's coverage feedback and checked by
# ASan + UBSan; the fuzz_* drivers add -fsanitize=fuzzer at link time (fuzz/CMakeLists.txt).
if(RLT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "RLT_FUZZ needs clang (libFuzzer): use the fuzz preset")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
