#!/usr/bin/env bash
# The main job: install what is missing, build, and check every standard in standards/.
# Writes the findings to out/ and says where they are.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
mkdir -p out
# Exit 1 from check means "findings", which is a result here, not a failure of the job.
status=0
build/kvs check standards/*.kvs > out/kontrol.txt || status=$?
[ "$status" -le 1 ] || exit "$status"
build/kvs check --format json standards/*.kvs > out/kontrol.json || true
build/kvs check --format sarif standards/*.kvs > out/kontrol.sarif || true
cat out/kontrol.txt
echo
echo "Resultater:"
echo "  $(pwd)/out/kontrol.txt   (fund i tekstform)"
echo "  $(pwd)/out/kontrol.json  (fund som JSON, se docs/findings-json.md)"
echo "  $(pwd)/out/kontrol.sarif (fund som SARIF 2.1.0, til kodeværktøjer)"
