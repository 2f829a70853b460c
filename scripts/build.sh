#!/usr/bin/env bash
# Configures and builds kvs in build/.
#   scripts/build.sh          the tool (tests stay as the build folder has them: a folder
#                             configured for tests by scripts/test.sh keeps its tests)
#   scripts/build.sh --test   the tool and the test suite
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--test" ]; then
  cmake -S . -B build -G Ninja -DKVS_BUILD_TESTS=ON >/dev/null
elif [ -f build/CMakeCache.txt ]; then
  cmake -S . -B build >/dev/null
else
  cmake -S . -B build -G Ninja -DKVS_BUILD_TESTS=OFF >/dev/null
fi
cmake --build build -j"$(nproc)"
