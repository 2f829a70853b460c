#!/usr/bin/env bash
# Fuzzing the front end with libFuzzer (clang, AddressSanitizer, UBSan).
#   scripts/fuzz.sh smoke        a short run (CI): 60 s per target
#   scripts/fuzz.sh long [SECS]  a long run (default 600 s per target)
# The corpus starts from the bundled standards and the malformed inputs. A crasher is
# copied to tests/fuzz/regressions/, which the unit tests replay on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-smoke}
seconds=60
[ "$mode" = long ] && seconds=${2:-600}
if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ mangler; kør scripts/install-deps.sh --test" >&2
  exit 1
fi
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DKVS_FUZZ=ON -DKVS_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" >/dev/null
cmake --build build-fuzz --target parse_fuzzer -j"$(nproc)"
corpus=build-fuzz/corpus/parse
mkdir -p "$corpus"
cp standards/*.kvs tests/diagnostics/*.kvs "$corpus"/ 2>/dev/null || true
artifacts=build-fuzz/artifacts/
mkdir -p "$artifacts"
status=0
build-fuzz/tests/fuzz/parse_fuzzer "$corpus" -dict=tests/fuzz/kvs.dict -max_total_time="$seconds" \
  -max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts" -print_final_stats=1 \
  2>build-fuzz/parse_fuzzer.log || status=$?
grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)" build-fuzz/parse_fuzzer.log || true
tail -n 3 build-fuzz/parse_fuzzer.log
if [ "$status" -ne 0 ]; then
  for f in "$artifacts"*; do
    [ -f "$f" ] && cp "$f" tests/fuzz/regressions/ && echo "fuzz: nyt crash gemt i tests/fuzz/regressions/$(basename "$f")"
  done
  echo "fuzz: parse_fuzzer fandt en fejl (se build-fuzz/parse_fuzzer.log)" >&2
  exit 1
fi
echo "fuzz: parse_fuzzer: ingen fejl på ${seconds} s"
