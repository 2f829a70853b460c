#!/usr/bin/env bash
# Fuzzing with libFuzzer (clang, AddressSanitizer, UBSan):
#   parse_fuzzer   reading, parsing, lowering and the formatter's promises
#   render_fuzzer  the checker and the HTML/DOCX/Markdown renderers (DOCX parts must be
#                  well-formed XML, the HTML must hold no script)
#   scripts/fuzz.sh smoke        a short run (CI): 45 s per target
#   scripts/fuzz.sh long [SECS]  a long run (default 600 s per target)
# The corpus starts from the bundled standards and the malformed inputs. A crasher is
# copied to tests/fuzz/regressions/, which the unit tests replay on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-smoke}
seconds=45
[ "$mode" = long ] && seconds=${2:-600}
if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ mangler; kør scripts/install-deps.sh --test" >&2
  exit 1
fi
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DKVS_FUZZ=ON -DKVS_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" >/dev/null
cmake --build build-fuzz --target parse_fuzzer render_fuzzer -j"$(nproc)"
status=0
for target in parse_fuzzer render_fuzzer; do
  corpus=build-fuzz/corpus/$target
  mkdir -p "$corpus"
  cp standards/*.kvs tests/diagnostics/*.kvs tests/checks/*/*.kvs "$corpus"/ 2>/dev/null || true
  artifacts=build-fuzz/artifacts/$target/
  mkdir -p "$artifacts"
  target_status=0
  build-fuzz/tests/fuzz/$target "$corpus" -dict=tests/fuzz/kvs.dict -max_total_time="$seconds" \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts" -print_final_stats=1 \
    2>build-fuzz/$target.log || target_status=$?
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|DONE" build-fuzz/$target.log || true
  if [ "$target_status" -ne 0 ]; then
    status=1
    tail -n 30 build-fuzz/$target.log
    for f in "$artifacts"*; do
      [ -f "$f" ] && cp "$f" tests/fuzz/regressions/ && echo "fuzz: nyt crash gemt i tests/fuzz/regressions/$(basename "$f")"
    done
    echo "fuzz: $target fandt en fejl (se build-fuzz/$target.log)" >&2
  else
    echo "fuzz: $target: ingen fejl på ${seconds} s"
  fi
done
exit $status
