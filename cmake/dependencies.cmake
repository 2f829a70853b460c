# The libraries kvs is built on — Debian 12 packages only: libboost-dev, libicu-dev,
# libcmark-dev, libpugixml-dev, libsqlite3-dev, libdeflate-dev (scripts/install-deps.sh). libzip
# is used only by the tests, to read back what kvs writes (tests/CMakeLists.txt).
#
# KVS_STATIC_LINK (default ON; OFF under the sanitizers and the fuzzers): link ICU, cmark,
# pugixml, SQLite, libdeflate and libstdc++ from the static archives Debian ships with the same
# -dev packages. A writer runs kvs on every save, and the dynamic loader relocating the
# symbols of a dozen shared libraries was most of a short run (bench/RESULTS.md: process
# start). The libraries and their versions are the same either way.
#
# The kvs program itself is linked as a static PIE (KVS_PROGRAM_LINK_OPTIONS): glibc too comes
# from libc6-dev's archive, so no dynamic loader runs at all — it mapped libc and libm, looked
# up 260 symbols and bound them lazily, 0.3 ms of every run here (kvs --version 1.2 -> 0.9 ms,
# kvs check --ud of one standard to disk 5.2 -> 4.8 ms; bench/RESULTS.md §6). Position
# independent, so the address space is still randomised. kvs uses nothing of glibc that needs
# its shared objects at run time (no NSS, no iconv, no locales); the linker's warning that
# ICU's plugin loader (uprv_dl_open, unused: ICU plugins are off) calls dlopen is expected. The
# test program links libzip, which Debian ships only as a shared library, so it keeps glibc
# shared and takes only libstdc++ and libgcc statically (KVS_TEST_LINK_OPTIONS).
if(KVS_SANITIZE OR KVS_FUZZ)
  set(_kvs_static_default OFF)
else()
  set(_kvs_static_default ON)
endif()
option(KVS_STATIC_LINK "Link the libraries statically (faster process start)" ${_kvs_static_default})

set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(PkgConfig REQUIRED)

# A build folder configured the other way remembers the libraries it found: forget them.
if(DEFINED _KVS_STATIC_LINK_USED AND NOT _KVS_STATIC_LINK_USED STREQUAL "${KVS_STATIC_LINK}")
  foreach(var ICU_UC_LIBRARY_RELEASE ICU_I18N_LIBRARY_RELEASE ICU_DATA_LIBRARY_RELEASE ICU_UC_LIBRARY_DEBUG
              ICU_I18N_LIBRARY_DEBUG ICU_DATA_LIBRARY_DEBUG SQLite3_LIBRARY pkgcfg_lib_CMARK_cmark
              pkgcfg_lib_LIBDEFLATE_deflate)
    unset(${var} CACHE)
  endforeach()
endif()
set(_KVS_STATIC_LINK_USED "${KVS_STATIC_LINK}" CACHE INTERNAL "")

if(KVS_STATIC_LINK)
  set(_kvs_saved_suffixes ${CMAKE_FIND_LIBRARY_SUFFIXES})
  set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
endif()
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
pkg_check_modules(CMARK REQUIRED IMPORTED_TARGET libcmark)
# The DOCX container's compressor (compiler/render/zip_writer.cpp says why not zlib).
pkg_check_modules(LIBDEFLATE REQUIRED IMPORTED_TARGET libdeflate)
find_package(SQLite3 REQUIRED)
find_package(pugixml REQUIRED)
if(KVS_STATIC_LINK)
  set(CMAKE_FIND_LIBRARY_SUFFIXES ${_kvs_saved_suffixes})
  # Static archives do not record what they need: i18n needs uc, uc needs the data and libdl.
  set_property(TARGET ICU::i18n APPEND PROPERTY INTERFACE_LINK_LIBRARIES ICU::uc)
  set_property(TARGET ICU::uc APPEND PROPERTY INTERFACE_LINK_LIBRARIES ICU::data ${CMAKE_DL_LIBS} Threads::Threads)
  set_property(TARGET SQLite::SQLite3 APPEND PROPERTY INTERFACE_LINK_LIBRARIES ${CMAKE_DL_LIBS} Threads::Threads m)
  set_target_properties(pugixml::pugixml PROPERTIES INTERFACE_LINK_LIBRARIES pugixml::static)
  # -static-libstdc++ would switch the linker back to shared libraries after libstdc++
  # (-Bstatic -lstdc++ -Bdynamic), so the static PIE gets -static-pie alone.
  set(KVS_PROGRAM_LINK_OPTIONS -static-pie)
  set(KVS_TEST_LINK_OPTIONS -static-libstdc++ -static-libgcc)
  message(STATUS "kvs: ICU, cmark, pugixml, SQLite, libdeflate, libstdc++ and (in the kvs program, a static PIE) glibc linked statically")
endif()
