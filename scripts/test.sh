#!/usr/bin/env bash
# The whole test suite: install what is missing (test tools too), build with tests,
# run every test with CTest, again under AddressSanitizer + UBSan, then a short fuzzing
# smoke run of the parser.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
scripts/build.sh --test
ctest --test-dir build -j"$(nproc)" --output-on-failure
scripts/sanitize.sh
scripts/fuzz.sh smoke
