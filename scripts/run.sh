#!/usr/bin/env bash
# The main job: install what is missing, build, and check every standard in standards/.
# Writes the findings to out/ and says where they are.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
mkdir -p out
status=0
build/kvs check standards/*.kvs > out/kontrol.txt || status=$?
build/kvs check --format json standards/*.kvs > out/kontrol.json || true
cat out/kontrol.txt
echo
echo "Resultater:"
echo "  $(pwd)/out/kontrol.txt   (fund i tekstform)"
echo "  $(pwd)/out/kontrol.json  (fund som JSON, se docs/diagnostics.md)"
exit $status
