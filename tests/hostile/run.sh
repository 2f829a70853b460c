#!/usr/bin/env bash
# Hostile and broken inputs through `kvs check` and `kvs fmt`: each must end with a clear
# Danish diagnostic or a correct result — exit code 0, 1 or 2, never a crash (signal),
# within a time and memory bound, and never a partial or changed file.
# The large inputs are generated here, not committed.
set -u
KVS=${KVS:-build/kvs}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL: $*"; }

# run NAME EXPECTED-EXIT GREP-PATTERN -- args...: bounded in time (60 s) and peak memory
# (2 GiB, measured with GNU time: a `ulimit -v` would break AddressSanitizer's shadow memory).
MAX_RSS_KB=2097152
run() {
  local name=$1 want=$2 pattern=$3; shift 4
  local start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$tmp/$name.rss" timeout 60 "$KVS" "$@" >"$tmp/$name.out" 2>&1
  local got=$? ms=$(( ($(date +%s%N) - start) / 1000000 ))
  local rss=$(tail -n 1 "$tmp/$name.rss" 2>/dev/null | tr -dc 0-9)
  if [ "$got" -ne "$want" ]; then bad "$name: exit $got, expected $want (${ms} ms)"; head -5 "$tmp/$name.out"; return; fi
  if [ -n "$pattern" ] && ! grep -q -- "$pattern" "$tmp/$name.out"; then bad "$name: output lacks '$pattern'"; head -5 "$tmp/$name.out"; return; fi
  if [ -n "$rss" ] && [ "$rss" -gt "$MAX_RSS_KB" ]; then bad "$name: peak memory ${rss} kB"; return; fi
  echo "ok: $name (${ms} ms, ${rss:-?} kB)"
  ok
}

head='kommune: "Testby"\nydelse: "Forebyggende hjemmebesøg"\n'

# A 100 MB file: refused before parsing.
python3 - "$tmp/stor.kvs" <<'PY'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('kommune: "Testby"\nydelse: "x"\n')
    line = 'formål: "' + 'a' * 1000 + '"\n'
    for _ in range(100 * 1024):
        f.write(line)
PY
run stor-fil 2 "filen er for stor" -- check "$tmp/stor.kvs"

# 100 000 target groups (about 8 MB): checked, in bounded time (exit 1: the synthetic
# standard lacks risk groups, which the checker reports).
python3 - "$tmp/mange.kvs" <<'PY'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('kommune: "Testby"\nydelse: "Forebyggende hjemmebesøg"\når: 2024\n')
    for i in range(100000):
        f.write(f'målgruppe g{i} "Gruppe {i}" {{\n  alder: fylder {65 + i % 30}\n  invitation: datobrev\n  mødeform: hjemmebesøg\n}}\n')
PY
run mange-maalgrupper 1 "kontrolleret" -- check --dato 2024-06-01 "$tmp/mange.kvs"

# A 1 MB string and a 1 MB prose block.
python3 -c "
import sys
open(sys.argv[1],'w').write('kommune: \"Testby\"\nydelse: \"x\"\nforord: \"' + 'æ' * 500000 + '\"\nformål: \"\"\"\n' + ('Et afsnit. ' * 100 + '\n\n') * 1000 + '\"\"\"\n')
" "$tmp/lang.kvs"
run lang-streng 1 "kontrolleret" -- check --dato 2024-06-01 "$tmp/lang.kvs"

# Empty prose as the first text whose LIX is counted: a worker thread's first LIX of an
# empty text was counted through a null pointer (the render fuzzer found it; kvs check,
# render --byraad and compare crashed with SIGSEGV on such a standard).
printf "${head}år: 2024\nafsnit \"Indledning\" {\n  tekst: \"\"\"\n    \"\"\"\n}\nformål: \"\"\"\n  Vi kommer på besøg.\n  \"\"\"\n" >"$tmp/tom-prosa.kvs"
run tom-prosa-check 1 "kontrolleret" -- check --dato 2024-06-01 "$tmp/tom-prosa.kvs"
run tom-prosa-byraad 0 "skrev" -- render --byraad --dato 2024-06-01 --ud "$tmp/tom-ud" "$tmp/tom-prosa.kvs"
run tom-prosa-compare 0 "kvs.sqlite" -- compare --dato 2024-06-01 --ud "$tmp/tom-cmp" "$tmp/tom-prosa.kvs"

# 10 000 levels of nesting: one diagnostic per block past the limit, no stack exhaustion.
python3 -c "
import sys
open(sys.argv[1],'w').write('kommune: \"Testby\"\nydelse: \"x\"\n' + 'afsnit \"a\" {\n' * 10000 + '}\n' * 10000)
" "$tmp/dyb.kvs"
run dyb-indlejring 1 "for dybt" -- check "$tmp/dyb.kvs"

# 10 000 unclosed blocks.
python3 -c "
import sys
open(sys.argv[1],'w').write('kommune: \"Testby\"\nydelse: \"x\"\n' + 'målgruppe g {\n' * 10000)
" "$tmp/aabne.kvs"
run mange-aabne-blokke 1 "ikke lukket" -- check "$tmp/aabne.kvs"

# Binary garbage, lone CR line ends (findings, but parsed), a BOM in the middle (an
# invisible character: removed with a warning), only NULs.
head -c 200000 /dev/urandom > "$tmp/stoej.kvs"
run binaer-stoej 1 "KVS-L00" -- check "$tmp/stoej.kvs"
printf 'kommune: "Testby"\rydelse: "x"\rår: 2024\r' > "$tmp/cr.kvs"
run kun-cr 1 "kontrolleret" -- check --dato 2024-06-01 "$tmp/cr.kvs"
printf 'kommune: "Testby"\n\xef\xbb\xbfydelse: "x"\n' > "$tmp/bom-midt.kvs"
run bom-i-midten 0 "KVS-L004" -- check "$tmp/bom-midt.kvs"
head -c 1000 /dev/zero > "$tmp/nul.kvs"
run kun-nul 1 "NUL" -- check "$tmp/nul.kvs"

# Every kind of unterminated construct at the very end of the file.
for tail in '"' '"""' '{' 'målgruppe' 'målgruppe mg1 "' 'alder:' 'alder: fylder' 'x: 1,' '#'; do
  printf 'kommune: "Testby"\nydelse: "x"\n%s' "$tail" > "$tmp/slut.kvs"
  timeout 10 "$KVS" check "$tmp/slut.kvs" >/dev/null 2>&1
  code=$?
  [ "$code" -le 2 ] && ok || bad "unterminated '$tail' at end of file: exit $code"
done

# Unreadable and missing files, a folder, a path with traversal.
printf "$head" > "$tmp/laas.kvs"; chmod 000 "$tmp/laas.kvs"
if [ "$(id -u)" -ne 0 ]; then run ulaeselig 2 "kan ikke" -- check "$tmp/laas.kvs"; fi
run mangler 2 "findes ikke" -- check "$tmp/findes-ikke.kvs"
run mappe 2 "mappe" -- check "$tmp"
run sti-traversal 2 "findes ikke" -- check "$tmp/../../../../etc/findes-ikke.kvs"

# fmt -w never writes a half file: a file with errors is left as it was.
printf 'kommune: "Testby\nydelse: "x"\n' > "$tmp/halv.kvs"; cp "$tmp/halv.kvs" "$tmp/halv.orig"
run fmt-fejl 1 "ikke formateret" -- fmt -w "$tmp/halv.kvs"
cmp -s "$tmp/halv.kvs" "$tmp/halv.orig" && ok || bad "fmt -w changed a file with errors"

# Output side: names from the input never leave the output folder, an unwritable output
# folder and a full disk give a Danish error, and an earlier good output survives.
mkdir -p "$tmp/ud" "$tmp/a/b"
printf 'kommune: "Testby"\nydelse: "x"\når: 2024\n' > "$tmp/a/b/god.kvs"
run sti-i-navn 0 "skrev" -- render "$tmp/a/b/../b/god.kvs" --format html --ud "$tmp/ud"
[ -f "$tmp/ud/god.html" ] && [ -z "$(find "$tmp" -maxdepth 1 -name 'god.html')" ] && ok || bad "output left the output folder"
cp "$tmp/ud/god.html" "$tmp/god.orig"
if [ "$(id -u)" -ne 0 ]; then
  mkdir -p "$tmp/laast"; chmod 555 "$tmp/laast"
  run ulaeselig-ud 2 "kan ikke" -- render "$tmp/a/b/god.kvs" --format html --ud "$tmp/laast"
fi
printf 'x' > "$tmp/en-fil"
run ud-er-en-fil 2 "kan ikke" -- render "$tmp/a/b/god.kvs" --format html --ud "$tmp/en-fil/under"
# A full disk: the file-size limit makes every write past 1 KiB fail (EFBIG, with SIGXFSZ
# ignored so the process sees the error instead of being killed).
printf 'kommune: "Testby"\nydelse: "x"\når: 2024\nformål: "%s"\n' "$(head -c 4000 /dev/zero | tr '\0' a)" > "$tmp/a/b/god.kvs"
( trap '' XFSZ; ulimit -f 1; "$KVS" render "$tmp/a/b/god.kvs" --format html --ud "$tmp/ud" ) >"$tmp/fuld.out" 2>&1
code=$?
[ "$code" -eq 2 ] && grep -q "kan ikke" "$tmp/fuld.out" && ok || { bad "full disk: exit $code"; cat "$tmp/fuld.out"; }
cmp -s "$tmp/ud/god.html" "$tmp/god.orig" && ok || bad "a failed write changed the earlier output"
ls "$tmp/ud" | grep -q kvs-tmp && bad "a temporary file was left behind" || ok

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
