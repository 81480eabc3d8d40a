# Warning flags and Qt's strict string definitions, carried by INTERFACE targets
# so that every target opts in explicitly (no directory-wide flags).
add_library(dbtriage_warnings INTERFACE)
target_compile_options(dbtriage_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wcast-qual
  -Wformat=2 -Wimplicit-fallthrough)
if(DBTRIAGE_WERROR)
  target_compile_options(dbtriage_warnings INTERFACE -Werror)
endif()

add_library(dbtriage_qt_strict INTERFACE)
target_compile_definitions(dbtriage_qt_strict INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_USE_QSTRINGBUILDER
  QT_NO_FOREACH QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)
