#!/usr/bin/env bash
# bench/run.sh — the benchmark of issue 8, in one run on one machine:
#   kvs (compare; render HTML+DOCX) against pandoc (per file, in one process) and cmark (the floor)
#   on the same synthetic corpus; scaling to N = 98, 980, 9 800; writer latency; callgrind counts.
# Writes bench/RESULTS.md (the text after the "analysis" marker in it is kept; --quick writes
# bench/out/RESULTS-quick.md instead) and raw data in bench/out/. See bench/README.md.
#
#   bash bench/run.sh            # full run (3 to 7 minutes on 2 cores, depending on the host)
#   bash bench/run.sh --quick    # N = 98 and 980 only, fewer repetitions (1 to 2 minutes)
#
# Never more than 2 jobs at a time: every measurement runs alone; kvs compare uses its own 2
# threads; one row runs pandoc 2 files at a time (xargs -P 2).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1
started=$(date +%s)
say() { printf '\n== %s\n' "$*"; }

# ---------------------------------------------------------------------------------------------
say "packages"
scripts/install-deps.sh
bench_packages=(pandoc cmark hyperfine time valgrind python3 unzip)
missing=()
for p in "${bench_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "bench: installerer ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
PY=/usr/bin/python3

say "build (Release, build-bench/)"
cmake -S . -B build-bench -G Ninja -DKVS_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j2 | tail -n 1

K=build-bench/kvs
O=bench/out
RES=$O/results.jsonl
LOG=$O/run.log
DATO=2024-06-01
mkdir -p "$O"
rm -f "$RES"
: > "$LOG"
# tmpfs for the rows that leave the disk out (kvs fsyncs every file it writes).
if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = "tmpfs" ]; then T=/dev/shm/kvs-bench-$$; else T=$O/no-tmpfs; fi
mkdir -p "$T"
# prepare.sh new moves the previous repetition's folder into .bench-trash (see there): removed
# here, at the end, when no run is timed any more.
trap 'rm -rf "$T" "$O/.bench-trash"' EXIT
B() { "$PY" bench/bench.py "$@"; }
# Before a repetition (untimed): a new folder, or every document changed (bench/prepare.sh).
FRESH="bash bench/prepare.sh new"
CHANGE="bash bench/prepare.sh change"
M() { B measure --results "$RES" --log "$LOG" "$@"; }

B meta --results "$RES" date="$(date -Iseconds)" kvs_version="$($K --version 2>/dev/null | head -n1 || echo '?')" \
  git="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench' 2>/dev/null || echo '+dirty')" \
  disk_fs="$(df --output=fstype "$O" | tail -n 1)" tmpfs="$T"

SIZES=(98 980 9800)
[ "$QUICK" = 1 ] && SIZES=(98 980)
# 9 800: three runs, as for 980; one run of a few seconds on this shared host moved the ratio by
# a fifth (cmark itself 1.16 in one run), which a linearity verdict should not hang on.
reps_for() { case "$1" in 98) echo 7 ;; *) echo 3 ;; esac; }
[ "$QUICK" = 1 ] && reps_for() { case "$1" in 98) echo 3 ;; *) echo 1 ;; esac; }

# ---------------------------------------------------------------------------------------------
say "corpora (bench/generate.py; every file checked by kvs compare below, a sample by kvs check here)"
for N in "${SIZES[@]}"; do
  "$PY" bench/generate.py --n "$N" --out "$O/corpus-$N" --kvs "$K"
  B meta --results "$RES" "corpus_bytes_$N=$(cat "$O"/corpus-"$N"/*.kvs | wc -c)"
done

# The Markdown of each standard (kvs render --format md): what pandoc and cmark get. Not timed
# (row 6 of §1 times it); written to tmpfs and copied, to spare 2 x 9 800 fsyncs.
for N in "${SIZES[@]}"; do
  rm -rf "$O/md-$N" "$T/md-$N"
  $K render "$O"/corpus-"$N"/*.kvs --ud "$T/md-$N" --format md --dato $DATO > /dev/null
  cp -r "$T/md-$N" "$O/md-$N"
  rm -rf "$T/md-$N"
  ls "$O"/md-"$N"/*.md > "$O/md-$N.list"
  B meta --results "$RES" "md_bytes_$N=$(cat "$O"/md-"$N"/*.md | wc -c)"
done
say "this machine: what 2 cores give, what one fsync costs"
B cores --results "$RES"
B fsync --results "$RES" --dir "$O/fsync-probe"
rmdir "$O/fsync-probe" 2>/dev/null || true

warm() { cat "$O"/corpus-"$1"/*.kvs "$O"/md-"$1"/*.md > /dev/null; }

# ---------------------------------------------------------------------------------------------
say "1. the 98-standard corpus: kvs, pandoc, cmark"
N=98
R=$(reps_for 98)
warm 98
C="$O/corpus-98"
MD="$O/md-98"
# kvs's folders are made by each repetition's bench/prepare.sh and kvs itself.
mkdir -p "$O/pandoc-file-98" "$O/pandoc-p2-98" "$O/pandoc-lua-98" "$O/pandoc-concat-98" "$O/cmark-98"
# The rows the "within 5x of cmark" target divides take turns, one repetition each, the order
# reversed every other round: a series of one and then a series of the other measured the host's
# drift as much as the programs (one run here had cmark's seven at 44 ms, its scaling row at
# 24 ms). Each row's median is still over its own R repetitions (--merge).
row_all_98() {
  M --id kvs_all_98 --label "kvs compare --dokumenter: parse, check, report and HTML+DOCX of every standard, ONE process (2 threads) → disk, new folder" \
    --n 98 --files 98 --reps 1 --merge --before "$FRESH $O/all-98" --show "\$K compare \$O/corpus-98 --dokumenter --ud \$O/all-98 --dato $DATO" \
    -- $K compare "$C" --dokumenter --ud "$O/all-98" --dato $DATO
}
row_all_98_tmpfs() {
  M --id kvs_all_98_tmpfs --label "kvs compare --dokumenter → tmpfs, new folder" \
    --n 98 --files 98 --reps 1 --merge --before "$FRESH $T/all-98" --show "\$K compare \$O/corpus-98 --dokumenter --ud /dev/shm/… --dato $DATO" \
    -- $K compare "$C" --dokumenter --ud "$T/all-98" --dato $DATO
}
row_cmark_98() {
  M --id cmark_98 --label "cmark → HTML, one process, all 98 files (the floor)" \
    --n 98 --files 98 --reps 1 --merge --stdout "$O/cmark-98/alle.html" --show "cmark \$O/md-98/*.md > \$O/cmark-98/alle.html" \
    -- cmark "$MD"/*.md
}
for ((r = 0; r < R; r++)); do
  if ((r % 2 == 0)); then row_all_98; row_all_98_tmpfs; row_cmark_98
  else row_cmark_98; row_all_98_tmpfs; row_all_98; fi
done
M --id kvs_all_98_again --label "kvs compare --dokumenter → disk, run again: nothing changed (every document already right, left as it was)" \
  --n 98 --files 98 --reps "$R" --before sync --show "\$K compare \$O/corpus-98 --dokumenter --ud \$O/all-98 --dato $DATO (the folder of row 1)" \
  -- $K compare "$C" --dokumenter --ud "$O/all-98" --dato $DATO
M --id kvs_all_98_changed --label "kvs compare --dokumenter → disk, run again: every document changed (196 replaced, synced first)" \
  --n 98 --files 98 --reps "$R" --before "$CHANGE $O/all-98/dokumenter" \
  --show "\$K compare \$O/corpus-98 --dokumenter --ud \$O/all-98 --dato $DATO (after a byte appended to every document)" \
  -- $K compare "$C" --dokumenter --ud "$O/all-98" --dato $DATO
M --id kvs_compare_98 --label "kvs compare (parse, check against the law, report; no documents) → disk, new folder" \
  --n 98 --files 98 --reps "$R" --before "$FRESH $O/compare-98" --show "\$K compare \$O/corpus-98 --ud \$O/compare-98 --dato $DATO" \
  -- $K compare "$C" --ud "$O/compare-98" --dato $DATO
M --id kvs_render_98 --label "kvs render HTML+DOCX (parse, language check, documents; 2 threads) → disk, new folder" \
  --n 98 --files 98 --reps "$R" --before "$FRESH $O/render-98" --show "\$K render \$O/corpus-98/*.kvs --ud \$O/render-98 --format html,docx --dato $DATO" \
  -- $K render "$C"/*.kvs --ud "$O/render-98" --format html,docx --dato $DATO
M --id kvs_render_98_tmpfs --label "kvs render HTML+DOCX → tmpfs, new folder" \
  --n 98 --files 98 --reps "$R" --before "$FRESH $T/render-98" --show "\$K render \$O/corpus-98/*.kvs --ud /dev/shm/… --format html,docx --dato $DATO" \
  -- $K render "$C"/*.kvs --ud "$T/render-98" --format html,docx --dato $DATO
M --id kvs_render_98_j1_tmpfs --label "kvs render HTML+DOCX on ONE thread (--jobs 1) → tmpfs, new folder" \
  --n 98 --files 98 --reps "$R" --before "$FRESH $T/render-98" --show "\$K render \$O/corpus-98/*.kvs --jobs 1 --ud /dev/shm/… --format html,docx --dato $DATO" \
  -- $K render "$C"/*.kvs --jobs 1 --ud "$T/render-98" --format html,docx --dato $DATO
M --id kvs_render_98_html_tmpfs --label "kvs render HTML only → tmpfs, new folder" \
  --n 98 --files 98 --reps "$R" --before "$FRESH $T/render-98-html" --show "\$K render \$O/corpus-98/*.kvs --ud /dev/shm/… --format html --dato $DATO" \
  -- $K render "$C"/*.kvs --ud "$T/render-98-html" --format html --dato $DATO
M --id kvs_render_98_md --label "kvs render Markdown (the input of pandoc and cmark) → disk, new folder" \
  --n 98 --files 98 --reps "$R" --before "$FRESH $O/md-98-kvs" --show "\$K render \$O/corpus-98/*.kvs --ud \$O/md-98-kvs --format md --dato $DATO" \
  -- $K render "$C"/*.kvs --ud "$O/md-98-kvs" --format md --dato $DATO

M --id pandoc_file_html_98 --label "pandoc → HTML, one process per file (98 processes)" \
  --n 98 --files 98 --reps 1 --shell \
  -- "for f in $MD/*.md; do s=\${f##*/}; s=\${s%.md}; pandoc -f gfm -t html5 -s -M pagetitle=\$s -M lang=da \"\$f\" -o $O/pandoc-file-98/\$s.html; done"
M --id pandoc_file_docx_98 --label "pandoc → DOCX, one process per file (98 processes)" \
  --n 98 --files 98 --reps 1 --shell \
  -- "for f in $MD/*.md; do s=\${f##*/}; s=\${s%.md}; pandoc -f gfm -t docx -M pagetitle=\$s -M lang=da \"\$f\" -o $O/pandoc-file-98/\$s.docx; done"
M --id pandoc_p2_98 --label "pandoc → HTML+DOCX, one process per file and format, 2 at a time (xargs -P 2)" \
  --n 98 --files 98 --reps 1 --shell \
  -- "xargs -a $O/md-98.list -P 2 -n 1 sh -c 's=\${1##*/}; s=\${s%.md}; pandoc -f gfm -t html5 -s -M pagetitle=\$s -M lang=da \"\$1\" -o $O/pandoc-p2-98/\$s.html && pandoc -f gfm -t docx -M pagetitle=\$s -M lang=da \"\$1\" -o $O/pandoc-p2-98/\$s.docx' sh"
M --id pandoc_lua_98 --label "pandoc → HTML+DOCX, ONE process, 196 separate files (Lua filter bench/pandoc-batch.lua)" \
  --n 98 --files 98 --reps 3 \
  --show "PANDOC_BATCH_LIST=\$O/md-98.list PANDOC_BATCH_OUT=\$O/pandoc-lua-98 pandoc -f markdown -t plain --lua-filter bench/pandoc-batch.lua /dev/null -o /dev/null" \
  -- env PANDOC_BATCH_LIST="$O/md-98.list" PANDOC_BATCH_OUT="$O/pandoc-lua-98" PANDOC_BATCH_FORMATS=html,docx \
     pandoc -f markdown -t plain --lua-filter bench/pandoc-batch.lua /dev/null -o /dev/null
M --id pandoc_concat_html_98 --label "pandoc → HTML, one process, all 98 files concatenated into ONE document" \
  --n 98 --files 98 --reps 3 --show "pandoc -f gfm -t html5 -s -M pagetitle=alle -M lang=da \$O/md-98/*.md -o \$O/pandoc-concat-98/alle.html" \
  -- pandoc -f gfm -t html5 -s -M pagetitle=alle -M lang=da "$MD"/*.md -o "$O/pandoc-concat-98/alle.html"
M --id pandoc_concat_docx_98 --label "pandoc → DOCX, one process, all 98 files concatenated into ONE document" \
  --n 98 --files 98 --reps 3 --show "pandoc -f gfm -t docx -M pagetitle=alle -M lang=da \$O/md-98/*.md -o \$O/pandoc-concat-98/alle.docx" \
  -- pandoc -f gfm -t docx -M pagetitle=alle -M lang=da "$MD"/*.md -o "$O/pandoc-concat-98/alle.docx"
# The one-process pandoc run must give what users get from pandoc per file.
same=0; differ=0
for f in "$O"/pandoc-file-98/*.html; do
  b=${f##*/}; b=${b%.html}
  if cmp -s "$f" "$O/pandoc-lua-98/$b.html" && \
     cmp -s <(unzip -p "$O/pandoc-file-98/$b.docx" word/document.xml) <(unzip -p "$O/pandoc-lua-98/$b.docx" word/document.xml); then
    same=$((same + 1)); else differ=$((differ + 1)); fi
done
echo "  pandoc per file vs Lua filter: $same identical (HTML bytes and word/document.xml), $differ differ"
B meta --results "$RES" pandoc_lua_identical="$same" pandoc_lua_differ="$differ"

# ---------------------------------------------------------------------------------------------
say "2. scaling: N = ${SIZES[*]}"
# One repetition of every row of size N; the sizes take turns (98, 980, 9 800, 98, …), because
# the host drifts over the minutes a size takes and the linearity verdict divides the cost per
# standard of one size by that of another: measured one size after the other, a drift between
# them read as growth (1.32 and 1.40 in two runs of 2026-12-02 where alternating gave 1.04).
scale_rep() {
  local N=$1 first=$2
  local C="$O/corpus-$N"
  SM() { M --group scale --merge --n "$N" --files "$N" --reps 1 "$@"; }
  warm "$N"
  mkdir -p "$O/cmark-$N"
  SM --id "scale_all_$N" --label "kvs compare --dokumenter (everything, one process) → disk, new folder" --before "$FRESH $O/all-$N" \
    --show "\$K compare \$O/corpus-$N --dokumenter --ud \$O/all-$N --dato $DATO" \
    -- $K compare "$C" --dokumenter --ud "$O/all-$N" --dato $DATO
  $FRESH "$O/all-$N"
  SM --id "scale_all_tmpfs_$N" --label "kvs compare --dokumenter (everything, one process) → tmpfs, new folder" --before "$FRESH $T/all-$N" \
    --show "\$K compare \$O/corpus-$N --dokumenter --ud /dev/shm/… --dato $DATO" \
    -- $K compare "$C" --dokumenter --ud "$T/all-$N" --dato $DATO
  rm -rf "$T/all-$N"
  SM --id "scale_compare_$N" --label "kvs compare → disk, new folder" --before "$FRESH $O/compare-$N" \
    --show "\$K compare \$O/corpus-$N --ud \$O/compare-$N --dato $DATO" \
    -- $K compare "$C" --ud "$O/compare-$N" --dato $DATO
  if [ "$first" = 1 ]; then B verify --results "$RES" --n "$N" --fund "$O/compare-$N/fund.csv"; fi
  SM --id "scale_render_$N" --label "kvs render HTML+DOCX → disk, new folder" --before "$FRESH $O/render-$N" \
    --show "\$K render \$O/corpus-$N/*.kvs --ud \$O/render-$N --format html,docx --dato $DATO" \
    -- $K render "$C"/*.kvs --ud "$O/render-$N" --format html,docx --dato $DATO
  SM --id "scale_render_tmpfs_$N" --label "kvs render HTML+DOCX → tmpfs, new folder" --before "$FRESH $T/render-$N" \
    --show "\$K render \$O/corpus-$N/*.kvs --ud /dev/shm/… --format html,docx --dato $DATO" \
    -- $K render "$C"/*.kvs --ud "$T/render-$N" --format html,docx --dato $DATO
  rm -rf "$T/render-$N"
  SM --id "scale_cmark_$N" --label "cmark → HTML (one process)" \
    --stdout "$O/cmark-$N/alle.html" --show "cmark \$O/md-$N/*.md > \$O/cmark-$N/alle.html" \
    -- cmark "$O"/md-"$N"/*.md
}
for ((rep = 1; rep <= $(reps_for 98); rep++)); do
  for N in "${SIZES[@]}"; do
    if [ "$rep" -le "$(reps_for "$N")" ]; then scale_rep "$N" "$rep"; fi
  done
done

# ---------------------------------------------------------------------------------------------
say "3. writer latency (hyperfine)"
RUNS=200
[ "$QUICK" = 1 ] && RUNS=50
F=standards/hjoerring-2024.kvs
mkdir -p "$O/latency" "$O/latency-same" "$T/latency"
B latency --results "$RES" --log "$LOG" --id start --label "kvs --version (process start only: loading, relocation)" --runs $RUNS \
  -- "$K --version"
B latency --results "$RES" --log "$LOG" --id check --label "kvs check (parse, check against the law)" --runs $RUNS \
  -- "$K check $F --dato $DATO"
# A writer renders after changing the standard: every run here replaces both documents (CHANGE
# before each run), as an edit would; "nothing changed" is the second save without an edit.
CH="$CHANGE $O/latency"
CHT="$CHANGE $T/latency"
B latency --results "$RES" --log "$LOG" --id render --label "kvs render HTML+DOCX → disk (the standard changed: both documents replaced, an fsync each)" --runs $RUNS \
  --prepare "$CH" -- "$K render $F --ud $O/latency --format html,docx --dato $DATO"
B latency --results "$RES" --log "$LOG" --id render_same --label "kvs render HTML+DOCX → disk, nothing changed (both documents already right)" --runs $RUNS \
  -- "$K render $F --ud $O/latency-same --format html,docx --dato $DATO"
B latency --results "$RES" --log "$LOG" --id render_tmpfs --label "kvs render HTML+DOCX → tmpfs (the standard changed)" --runs $RUNS \
  --prepare "$CHT" -- "$K render $F --ud $T/latency --format html,docx --dato $DATO"
B latency --results "$RES" --log "$LOG" --id check_ud --label "kvs check --ud HTML+DOCX → disk (the writer's command on save: findings and documents, one process; the standard changed)" --runs $RUNS \
  --prepare "$CH" -- "$K check $F --ud $O/latency --dato $DATO"
B latency --results "$RES" --log "$LOG" --id check_ud_tmpfs --label "kvs check --ud HTML+DOCX → tmpfs (findings and documents, one process; the standard changed)" --runs $RUNS \
  --prepare "$CHT" -- "$K check $F --ud $T/latency --dato $DATO"
# The same command on two standards (the second a copy under another name): what one more
# standard costs once the process has started, loaded the law and the templates and touched
# its pages; the difference to check_ud_tmpfs is the first standard's cold start (§3).
mkdir -p "$T/latency-two-src" "$T/latency-two"
cp "$F" "$T/latency-two-src/hjoerring-2024.kvs"
cp "$F" "$T/latency-two-src/hjoerring-2024-kopi.kvs"
B latency --results "$RES" --log "$LOG" --id check_ud_two_tmpfs --label "kvs check --ud HTML+DOCX → tmpfs, two standards in one process (the second a copy; both changed)" --runs $RUNS \
  --prepare "$CHANGE $T/latency-two" -- "$K check $T/latency-two-src/hjoerring-2024.kvs $T/latency-two-src/hjoerring-2024-kopi.kvs --ud $T/latency-two --dato $DATO"
# The writer's command kept running beside the editor (kvs check --foelg): each run is a save
# of the followed file (a comment line added, so both documents change), timed from its close
# to the round's last line on kvs's stdout (bench.py follow).
B follow --results "$RES" --log "$LOG" --id follow --label "kvs check --foelg --ud → disk: a save, to the end of its round (findings and both documents replaced)" \
  --runs $RUNS --kvs "$K" --source "$F" --work "$O/follow-src" --out "$O/follow" --dato $DATO
B follow --results "$RES" --log "$LOG" --id follow_tmpfs --label "kvs check --foelg --ud → tmpfs: a save, to the end of its round" \
  --runs $RUNS --kvs "$K" --source "$F" --work "$T/follow-src" --out "$T/follow" --dato $DATO
B latency --results "$RES" --log "$LOG" --id render_byraad --label "kvs render --byraad HTML+DOCX → disk (check + render in one process, with the appendix; the standard changed)" --runs $RUNS \
  --prepare "$CH" -- "$K render --byraad $F --ud $O/latency --format html,docx --dato $DATO"
B latency --results "$RES" --log "$LOG" --id render_byraad_tmpfs --label "kvs render --byraad HTML+DOCX → tmpfs (check + render in one process; the standard changed)" --runs $RUNS \
  --prepare "$CHT" -- "$K render --byraad $F --ud $T/latency --format html,docx --dato $DATO"
B latency --results "$RES" --log "$LOG" --id check_then_render_tmpfs --label "kvs check, then kvs render HTML+DOCX → tmpfs (two processes; the standard changed)" --runs $RUNS --shell \
  --prepare "$CHT" -- "$K check $F --dato $DATO > /dev/null; $K render $F --ud $T/latency --format html,docx --dato $DATO"
B latency --results "$RES" --log "$LOG" --id check_then_render --label "kvs check, then kvs render HTML+DOCX → disk (two processes; the standard changed)" --runs $RUNS --shell \
  --prepare "$CH" -- "$K check $F --dato $DATO > /dev/null; $K render $F --ud $O/latency --format html,docx --dato $DATO"
B latency --results "$RES" --log "$LOG" --id pandoc_one --label "pandoc → HTML, then pandoc → DOCX (same standard, Markdown)" --runs 20 --warmup 2 --shell \
  -- "pandoc -f gfm -t html5 -s -M pagetitle=x -M lang=da $O/md-98/hjoerring-2024.md -o $T/latency/p.html; pandoc -f gfm -t docx $O/md-98/hjoerring-2024.md -o $T/latency/p.docx" || true
B latency --results "$RES" --log "$LOG" --id cmark_one --label "cmark → HTML (same standard, Markdown)" --runs $RUNS \
  -- "cmark $O/md-98/hjoerring-2024.md" || true

# ---------------------------------------------------------------------------------------------
say "4. callgrind (instruction counts)"
CG="$O/callgrind"
mkdir -p "$CG" "$T/cg"
$K render standards/*.kvs --ud "$O/md-seeds" --format md --dato $DATO > /dev/null
CGB() { B callgrind --results "$RES" --out "$CG" "$@"; }
CGB --id cg_start --label "kvs --version (process start only)" -- $K --version
CGB --id cg_check --label "kvs check, one standard (Hjørring)" -- $K check $F --dato $DATO
CGB --id cg_render --label "kvs render HTML+DOCX, one standard" -- $K render $F --ud "$T/cg" --format html,docx --dato $DATO
CGB --id cg_check_ud --label "kvs check --ud HTML+DOCX (findings and documents), one standard" \
  -- $K check $F --ud "$T/cg" --dato $DATO
CGB --id cg_byraad --label "kvs render --byraad HTML+DOCX (check + render), one standard" --top 10 \
  -- $K render --byraad $F --ud "$T/cg" --format html,docx --dato $DATO
CGB --id cg_cmark --label "cmark → HTML, the same standard's Markdown" -- cmark "$O/md-seeds/hjoerring-2024.md"
CGB --id cg_pandoc --label "pandoc → HTML, the same standard's Markdown" \
  -- pandoc -f gfm -t html5 -s -M pagetitle=x "$O/md-seeds/hjoerring-2024.md" -o "$T/cg/p.html"
CGB --id cg_pandoc_docx --label "pandoc → DOCX, the same standard's Markdown" \
  -- pandoc -f gfm -t docx -M pagetitle=x "$O/md-seeds/hjoerring-2024.md" -o "$T/cg/p.docx"
CGB --id cg_cmark_98 --label "cmark → HTML, the 98 Markdown files (one process)" \
  --show "cmark \$O/md-98/*.md" -- cmark "$O"/md-98/*.md
CGB --id cg_render_98 --label "kvs render HTML+DOCX, the 98-standard corpus (one process)" --top 10 \
  --show "\$K render \$O/corpus-98/*.kvs --ud /dev/shm/… --format html,docx --dato $DATO" \
  -- $K render "$O"/corpus-98/*.kvs --ud "$T/cg" --format html,docx --dato $DATO
CGB --id cg_compare_98 --label "kvs compare, the 98-standard corpus" --top 10 \
  --show "\$K compare \$O/corpus-98 --ud /dev/shm/… --dato $DATO" \
  -- $K compare "$O/corpus-98" --ud "$T/cg/compare" --dato $DATO
CGB --id cg_all_98 --label "kvs compare --dokumenter (everything), the 98-standard corpus" --top 10 \
  --show "\$K compare \$O/corpus-98 --dokumenter --ud /dev/shm/… --dato $DATO" \
  -- $K compare "$O/corpus-98" --dokumenter --ud "$T/cg/all" --dato $DATO

# ---------------------------------------------------------------------------------------------
say "4b. perf (real time, sampled; skipped if perf does not work here)"
if command -v perf > /dev/null; then
  mkdir -p "$T/perf"
  B perf --results "$RES" --out "$O/perf" --id perf_render_980 --label "kvs render HTML+DOCX, the 980 corpus → tmpfs" \
    --show "\$K render \$O/corpus-980/*.kvs --ud /dev/shm/… --format html,docx --dato $DATO" \
    -- $K render "$O"/corpus-980/*.kvs --ud "$T/perf" --format html,docx --dato $DATO
  rm -rf "$T/perf"
  B perf --results "$RES" --out "$O/perf" --id perf_compare_980 --label "kvs compare, the 980 corpus" \
    --show "\$K compare \$O/corpus-980 --ud /dev/shm/… --dato $DATO" \
    -- $K compare "$O/corpus-980" --ud "$T/perf-compare" --dato $DATO
else
  echo "  perf not installed; skipped"
fi

# ---------------------------------------------------------------------------------------------
say "report"
B meta --results "$RES" duration_s=$(( $(date +%s) - started ))
cmdline="bash bench/run.sh${1:+ $1}"
# A quick run never replaces the results of a full run.
REPORT=bench/RESULTS.md
[ "$QUICK" = 1 ] && REPORT=$O/RESULTS-quick.md
B report --results "$RES" --out "$REPORT" --command "$cmdline"
echo "done in $(( $(date +%s) - started )) s: $ROOT/$REPORT"
