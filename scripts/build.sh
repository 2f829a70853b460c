#!/usr/bin/env bash
# Configures and builds kvs in build/ (Release-like, with tests when asked).
#   scripts/build.sh [--test]
set -euo pipefail
cd "$(dirname "$0")/.."
tests=OFF
[ "${1:-}" = "--test" ] && tests=ON
cmake -S . -B build -G Ninja -DKVS_BUILD_TESTS=$tests >/dev/null
cmake --build build -j"$(nproc)"
