# libFuzzer targets for the plan parsers (tests/fuzz), clang only. The whole build is
# instrumented so the parsers in diagnostics_core report coverage; use a separate build
# directory (scripts/fuzz configures build/fuzz with clang-14).
option(DBTRIAGE_FUZZ "Build the libFuzzer targets (clang; instruments the whole build)" OFF)

if(DBTRIAGE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "DBTRIAGE_FUZZ needs clang: configure with "
                        "-DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_C_COMPILER=clang-14 (see scripts/fuzz).")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
