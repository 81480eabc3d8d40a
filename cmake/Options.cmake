option(DBTRIAGE_BUILD_TESTS "Build the test suite" ON)
option(DBTRIAGE_BUILD_BENCH "Build the benchmarks" ON)
option(DBTRIAGE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(DBTRIAGE_WERROR "Treat warnings as errors" OFF)

if(DBTRIAGE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
