option(DBTRIAGE_BUILD_TESTS "Build the test suite" ON)
option(DBTRIAGE_BUILD_BENCH "Build the benchmarks" ON)
option(DBTRIAGE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(DBTRIAGE_WERROR "Treat warnings as errors" OFF)

if(DBTRIAGE_SANITIZE)
  # float-cast-overflow is not part of GCC's "undefined": a float beyond an integer's range
  # cast to it (a number from a bundle) is undefined behaviour all the same.
  add_compile_options(-fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined,float-cast-overflow)
  add_link_options(-fsanitize=address,undefined,float-cast-overflow)
endif()
