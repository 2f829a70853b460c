#!/usr/bin/env bash
# The main job: install what is missing, build, then for every standard in standards/:
# check it against the law in force, and render the citizen document (HTML, Word) and the
# council edition with its compliance appendix. Writes everything to out/ and says where.
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
build/kvs render standards/*.kvs --ud out/dokumenter
build/kvs render standards/*.kvs --byraad --ud out/byraad
# Every standard side by side for evaluators (exit 1 = a file was skipped, still a result).
compare_status=0
build/kvs compare standards/ --ud out/sammenligning > out/sammenligning.txt || compare_status=$?
[ "$compare_status" -le 1 ] || { cat out/sammenligning.txt; exit "$compare_status"; }
tail -n 1 out/kontrol.txt
echo
echo "Resultater:"
echo "  $(pwd)/out/kontrol.txt   fund i tekstform (kontrol mod loven i kraft for hver standards periode)"
echo "  $(pwd)/out/kontrol.json  fund som JSON (docs/findings-json.md)"
echo "  $(pwd)/out/kontrol.sarif fund som SARIF 2.1.0"
echo "  $(pwd)/out/dokumenter/   borgerrettede dokumenter: NAVN.html og NAVN.docx"
echo "  $(pwd)/out/byraad/       byrådsudgaven med bilag: fund, sporbarhed lov → afsnit, LIX"
echo "  $(pwd)/out/sammenligning/report.html  alle standarder side om side (åbn i en browser)"
echo "  $(pwd)/out/sammenligning/standarder.csv, fund.csv og kvs.sqlite  samme data (docs/compare.md)"
