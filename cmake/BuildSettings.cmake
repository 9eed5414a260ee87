# SPDX-License-Identifier: GPL-3.0-or-later
# Warnings and Qt safety defines live on one INTERFACE target that every project
# target links, instead of global flags.
add_library(tp_build_settings INTERFACE)
if(MSVC)
  # MSVC and clang-cl: their own spelling of the same strictness; sources are UTF-8.
  target_compile_options(tp_build_settings INTERFACE /W4 /permissive- /utf-8 /Zc:__cplusplus)
  target_compile_definitions(tp_build_settings INTERFACE NOMINMAX WIN32_LEAN_AND_MEAN)
else()
  target_compile_options(tp_build_settings INTERFACE -Wall -Wextra -Wpedantic)
endif()
# Warnings as errors: the test command's second build (clang, with the
# sanitizers) sets it, so code that only one compiler warns about cannot land.
option(TP_WERROR "Treat compiler warnings as errors" OFF)
if(TP_WERROR)
  target_compile_options(tp_build_settings INTERFACE $<IF:$<BOOL:${MSVC}>,/WX,-Werror>)
endif()
# GCC 12 at -O2 reports std::optional and QString members "maybe uninitialized"
# through inlined Qt headers where they are not (false positives; clang and GCC
# at -O0 agree). Every other warning stays on.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(tp_build_settings INTERFACE -Wno-maybe-uninitialized)
endif()
target_compile_definitions(tp_build_settings INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_URL_CAST_FROM_STRING
  QT_USE_QSTRINGBUILDER)
# Not set, because Qt 6.4 (Debian 12) ignores them: QT_NO_CONTEXTLESS_CONNECT
# (Qt 6.7) and QT_DISABLE_DEPRECATED_UP_TO (Qt 6.5). The rule they would enforce,
# connect() with a context object, is the team's convention.

# Debian's hardening (dpkg-buildflags): stack protector, _FORTIFY_SOURCE (which
# needs optimisation, so only in the optimised configurations, and not with the
# sanitizers, which intercept the same functions), full RELRO and immediate
# binding. GCC and Clang only; macOS's linker has no -z options.
# TP_HARDENING=OFF only to reuse objects cached from builds made without it.
option(TP_HARDENING "Build with Debian's hardening flags (GCC and Clang)" ON)
if(TP_HARDENING AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang" AND NOT MSVC)
  target_compile_options(tp_build_settings INTERFACE -fstack-protector-strong)
  if(NOT TP_SANITIZE)
    target_compile_options(tp_build_settings INTERFACE
      $<$<CONFIG:Release,RelWithDebInfo,MinSizeRel>:-U_FORTIFY_SOURCE>
      $<$<CONFIG:Release,RelWithDebInfo,MinSizeRel>:-D_FORTIFY_SOURCE=2>)
  endif()
  if(NOT APPLE)
    target_link_options(tp_build_settings INTERFACE LINKER:-z,relro,-z,now)
  endif()
endif()

if(TP_SANITIZE)
  # The sanitizer build is the test command's second build (run-tests.sh):
  # Q_ASSERT stays on in it, so the thread-affinity checks (Database used only
  # on the thread that opened it) run in the tests, not only in Debug builds.
  target_compile_definitions(tp_build_settings INTERFACE QT_FORCE_ASSERTS)
  target_compile_options(tp_build_settings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(tp_build_settings INTERFACE -fsanitize=address,undefined)
endif()
