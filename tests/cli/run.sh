#!/usr/bin/env bash
# End-to-end tests of the kvs command line on the bundled standards: exit codes, output
# formats, fmt's promises, and that a failed run never replaces a good file.
set -u
KVS=${KVS:-build/kvs}
pass=0; fail=0
ok() { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL: $*"; }
expect_exit() {  # expected-code description command...
  local want=$1 what=$2; shift 2
  "$@" >/tmp/kvs-cli-out.$$ 2>&1; local got=$?
  if [ "$got" = "$want" ]; then ok; else bad "$what: exit $got, expected $want"; cat /tmp/kvs-cli-out.$$; fi
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp" /tmp/kvs-cli-out.$$' EXIT

# Haderslev's exclusions are unlawful (fejl), so the set exits 1; Hjørring has no fejl.
expect_exit 1 "check on the bundled standards" "$KVS" check standards/hjoerring-2024.kvs standards/glostrup-2025.kvs standards/haderslev-2024.kvs standards/soroe.kvs
expect_exit 0 "check on a standard without fejl" "$KVS" check standards/hjoerring-2024.kvs
expect_exit 1 "check --strict fails on advarsel" "$KVS" check --strict standards/hjoerring-2024.kvs
expect_exit 1 "check on a file with errors" "$KVS" check tests/diagnostics/stavefejl-felt.kvs
expect_exit 2 "check on a missing file" "$KVS" check "$tmp/findes-ikke.kvs"
expect_exit 2 "unknown command" "$KVS" chek standards/soroe.kvs
expect_exit 0 "the Danish alias tjek" "$KVS" tjek standards/hjoerring-2024.kvs
expect_exit 2 "unknown option" "$KVS" check --strikt standards/soroe.kvs
expect_exit 0 "--version" "$KVS" --version
expect_exit 0 "--help" "$KVS" --help
expect_exit 2 "no arguments" "$KVS"

"$KVS" --help | grep -q "Brug: kvs KOMMANDO" && ok || bad "--help is in Danish"
"$KVS" chek x 2>&1 | grep -q "mente du 'check'" && ok || bad "unknown command suggests 'check'"
"$KVS" check tests/diagnostics/stavefejl-felt.kvs | grep -q "^tests/diagnostics/stavefejl-felt.kvs:5:3: fejl\[KVS-S001\]" && ok || bad "file:line:col form"

# JSON output parses and names the code and position.
"$KVS" check --format json tests/diagnostics/ukendt-ord.kvs > "$tmp/d.json"
python3 -c "
import json,sys
d=json.load(open('$tmp/d.json'))['diagnostics'][0]
assert d['code']=='KVS-S004' and d['range']['start']=={'line':5,'column':15}, d
" && ok || bad "check --format json"

# fmt: canonical standards are unchanged; --tjek flags a messy file; -w rewrites it.
for f in standards/*.kvs; do "$KVS" fmt "$f" | cmp -s - "$f" && ok || bad "fmt changes $f"; done
printf 'kommune:   "Testby"\nydelse: "x"\n' > "$tmp/messy.kvs"
expect_exit 1 "fmt --tjek on a messy file" "$KVS" fmt --tjek "$tmp/messy.kvs"
expect_exit 0 "fmt -w" "$KVS" fmt -w "$tmp/messy.kvs"
expect_exit 0 "fmt --tjek after -w" "$KVS" fmt --tjek "$tmp/messy.kvs"

# Nothing lost: fmt -w on a file with syntax errors leaves it byte for byte as it was.
printf 'kommune: "Testby\nydelse: "x"\n' > "$tmp/broken.kvs"
cp "$tmp/broken.kvs" "$tmp/broken.orig"
expect_exit 1 "fmt -w on a broken file" "$KVS" fmt -w "$tmp/broken.kvs"
cmp -s "$tmp/broken.kvs" "$tmp/broken.orig" && ok || bad "fmt -w changed a broken file"
ls "$tmp" | grep -q kvs-tmp && bad "a temporary file was left behind" || ok

# model: JSON of the model.
"$KVS" model standards/soroe.kvs | python3 -c "import json,sys; m=json.load(sys.stdin); assert len(m['risk_groups'])==18" && ok || bad "model dump"

# render on several threads: the same bytes as on one, messages in the order given.
"$KVS" render standards/*.kvs --ud "$tmp/r1" --jobs 1 --dato 2024-06-01 > "$tmp/r1.out" && ok || bad "render --jobs 1"
"$KVS" render standards/*.kvs --ud "$tmp/r2" -j 2 --dato 2024-06-01 > "$tmp/r2.out" && ok || bad "render -j 2"
diff -r "$tmp/r1" "$tmp/r2" > /dev/null && ok || bad "render gives other bytes on 2 threads"
diff <(sed "s|$tmp/r1|X|" "$tmp/r1.out") <(sed "s|$tmp/r2|X|" "$tmp/r2.out") > /dev/null && ok || bad "render prints in another order on 2 threads"
[ "$(grep -c '^skrev ' "$tmp/r2.out")" = 8 ] && ok || bad "render names the 8 files it wrote"
# A second run over the same folder leaves documents that are already right alone (same
# bytes, same modification time) and says so; a changed standard's documents are rewritten.
touch -d 2001-01-01 "$tmp/r2"/*
"$KVS" render standards/*.kvs --ud "$tmp/r2" -j 2 --dato 2024-06-01 > "$tmp/r2b.out" && ok || bad "render again"
[ "$(grep -c '^uændret ' "$tmp/r2b.out")" = 8 ] && ok || bad "render again says the 8 files are unchanged"
[ -z "$(find "$tmp/r2" -type f -newermt 2002-01-01)" ] && ok || bad "render again touched files that were already right"
diff -r "$tmp/r1" "$tmp/r2" > /dev/null && ok || bad "render again changed bytes"
sed 's/^kommune: "Sorø Kommune"/kommune: "Sorø Kommune (ændret)"/' standards/soroe.kvs > "$tmp/soroe.kvs"
"$KVS" render "$tmp/soroe.kvs" --ud "$tmp/r2" --dato 2024-06-01 > "$tmp/r2c.out" && ok || bad "render a changed standard"
[ "$(grep -c '^skrev ' "$tmp/r2c.out")" = 2 ] && grep -q 'ændret)' "$tmp/r2/soroe.html" && ok || bad "a changed standard is rewritten"
expect_exit 2 "render --jobs 0" "$KVS" render standards/soroe.kvs --ud "$tmp/r3" --jobs 0
expect_exit 2 "render --jobs without a number" "$KVS" render standards/soroe.kvs --ud "$tmp/r3" --jobs mange
# A broken file among good ones: exit 1, the good ones are written, nothing half-written.
expect_exit 1 "render with one broken file" "$KVS" render standards/soroe.kvs "$tmp/broken.kvs" --ud "$tmp/r4"
[ -s "$tmp/r4/soroe.html" ] && [ ! -e "$tmp/r4/broken.html" ] && ok || bad "render writes the good file only"
ls "$tmp/r4" | grep -q kvs-tmp && bad "render left a temporary file" || ok

# compare --dokumenter: the comparison and every standard's documents in one pass — the same
# documents kvs render makes (byte for byte), and the same comparison as without them.
expect_exit 0 "compare --dokumenter" "$KVS" compare standards/ --dokumenter --ud "$tmp/c1" --dato 2024-06-01
expect_exit 0 "compare without documents" "$KVS" compare standards/ --ud "$tmp/c2" --dato 2024-06-01
for f in standarder.csv fund.csv; do cmp -s "$tmp/c1/$f" "$tmp/c2/$f" && ok || bad "compare --dokumenter changes $f"; done
diff -r "$tmp/c1/dokumenter" "$tmp/r1" > /dev/null && ok || bad "compare --dokumenter renders other documents than kvs render"
"$KVS" compare standards/ --dokumenter --ud "$tmp/c1" --dato 2024-06-01 > "$tmp/c1b.out" 2>&1
grep -q '(8 dokumenter, HTML og DOCX pr. standard; alle uændrede)' "$tmp/c1b.out" && ok || bad "compare --dokumenter again says the documents are unchanged"
"$KVS" compare standards/ --dokumenter --byraad --ud "$tmp/c3" --dato 2024-06-01 > /dev/null 2>&1
"$KVS" render standards/*.kvs --byraad --ud "$tmp/r5" --dato 2024-06-01 > /dev/null 2>&1
diff -r "$tmp/c3/dokumenter" "$tmp/r5" > /dev/null && ok || bad "compare --dokumenter --byraad differs from render --byraad"
# check --ud: the findings and the documents in one run — the same documents as kvs render
# (citizen edition and, with --byraad, the council edition), and stdout still the findings.
expect_exit 1 "check --ud (Haderslev has fejl)" "$KVS" check standards/*.kvs --ud "$tmp/k1" --dato 2024-06-01
diff -r "$tmp/k1" "$tmp/r1" > /dev/null && ok || bad "check --ud renders other documents than kvs render"
"$KVS" check standards/*.kvs --ud "$tmp/k2" --byraad --dato 2024-06-01 > "$tmp/k2.out" 2>&1
diff -r "$tmp/k2" "$tmp/r5" > /dev/null && ok || bad "check --ud --byraad renders other documents than render --byraad"
grep -q 'filer kontrolleret' "$tmp/k2.out" && [ "$(grep -c '^skrev ' "$tmp/k2.out")" = 8 ] && ok || bad "check --ud prints the findings, then the files it wrote"
"$KVS" check standards/soroe.kvs --ud "$tmp/k3" --format json --dato 2024-06-01 2> "$tmp/k3.err" \
  | python3 -c "import json,sys; json.load(sys.stdin)" && grep -q '^skrev ' "$tmp/k3.err" && ok || bad "check --ud --format json: JSON on stdout, the listing on stderr"
"$KVS" check "$tmp/broken.kvs" standards/soroe.kvs --ud "$tmp/k4" > "$tmp/k4.out" 2>&1
grep -q 'broken.kvs: ikke dannet, fordi filen har fejl' "$tmp/k4.out" && [ -s "$tmp/k4/soroe.html" ] && [ ! -e "$tmp/k4/broken.html" ] && ok || bad "check --ud renders the files without errors only"
# diff --format html writes the change overview; a second run finds it already right.
"$KVS" diff standards/hjoerring-2024.kvs tests/diff/hjoerring-2025.kvs --format html --ud "$tmp/d1" > "$tmp/d1.out" 2>&1
"$KVS" diff standards/hjoerring-2024.kvs tests/diff/hjoerring-2025.kvs --format html --ud "$tmp/d1" > "$tmp/d2.out" 2>&1
grep -q '^skrev .*ændringsoversigt-hjoerring-2025.html' "$tmp/d1.out" && grep -q '^uændret .*ændringsoversigt-hjoerring-2025.html' "$tmp/d2.out" \
  && ok || bad "diff --format html: written, then unchanged"
expect_exit 2 "check --byraad without --ud" "$KVS" check standards/soroe.kvs --byraad
expect_exit 2 "check --format html: findings are tekst, json or sarif" "$KVS" check standards/soroe.kvs --format html
expect_exit 2 "compare --byraad without --dokumenter" "$KVS" compare standards/ --byraad --ud "$tmp/c4"
# Folders are kept below dokumenter/, so two years with the same file name do not collide.
mkdir -p "$tmp/aar/2024" "$tmp/aar/2025"
cp standards/soroe.kvs "$tmp/aar/2024/"; cp standards/soroe.kvs "$tmp/aar/2025/"
expect_exit 0 "compare --dokumenter over year folders" "$KVS" compare "$tmp/aar" --dokumenter --ud "$tmp/c5"
[ -s "$tmp/c5/dokumenter/2024/soroe.docx" ] && [ -s "$tmp/c5/dokumenter/2025/soroe.docx" ] && ok || bad "year folders kept"
# Two files given directly with the same name: the first keeps it, the second is reported.
expect_exit 2 "compare --dokumenter with a name used twice" "$KVS" compare "$tmp/aar/2024/soroe.kvs" "$tmp/aar/2025/soroe.kvs" --dokumenter --ud "$tmp/c6"
"$KVS" compare "$tmp/aar/2024/soroe.kvs" "$tmp/aar/2025/soroe.kvs" --dokumenter --ud "$tmp/c6" 2>&1 | grep -q "bruges allerede" && ok || bad "duplicate document name reported"

# check --foelg: the process stays, and every save of the file (written in place, or written
# beside it and renamed over it, as many editors do) is checked and rendered again at once;
# a save with errors keeps the last good documents; Ctrl+C ends it with exit 0.
mkdir -p "$tmp/f"
cp standards/hjoerring-2024.kvs "$tmp/f/h.kvs"
"$KVS" check --foelg "$tmp/f/h.kvs" --ud "$tmp/f/ud" --dato 2024-06-01 > "$tmp/f/log" 2> "$tmp/f/err" &
follower=$!
rounds_seen() {  # pattern count: waits up to 10 s until the log has `count` lines matching `pattern`
  for _ in $(seq 100); do [ "$(grep -c "$1" "$tmp/f/log")" -ge "$2" ] && return 0; sleep 0.1; done
  return 1
}
rounds_seen '^skrev .*h.docx' 1 && ok || bad "check --foelg: the first round"
grep -q 'følger 1 fil' "$tmp/f/err" && ok || bad "check --foelg says what it follows"
echo '# gemt på stedet' >> "$tmp/f/h.kvs"
rounds_seen '^skrev .*h.docx' 2 && ok || bad "check --foelg: a save in place"
grep -q 'gemt på stedet' "$tmp/f/h.kvs" && grep -q "$(sha256sum "$tmp/f/h.kvs" | cut -d' ' -f1)" "$tmp/f/ud/h.html" \
  && ok || bad "check --foelg: the documents are those of the saved file"
{ cat "$tmp/f/h.kvs"; echo '# gemt ved omdøbning'; } > "$tmp/f/.h.kvs.ny" && mv "$tmp/f/.h.kvs.ny" "$tmp/f/h.kvs"
rounds_seen '^skrev .*h.docx' 3 && ok || bad "check --foelg: a save by rename"
cp "$tmp/f/ud/h.html" "$tmp/f/good.html"
printf 'kommune: "Testby\n' > "$tmp/f/h.kvs"
rounds_seen 'h.kvs: ikke dannet, fordi filen har fejl' 1 && ok || bad "check --foelg: a save with errors"
cmp -s "$tmp/f/ud/h.html" "$tmp/f/good.html" && ok || bad "check --foelg: a save with errors kept the last good document"
[ "$(grep -c '^\[[0-9:]*\] gemt: ' "$tmp/f/log")" = 3 ] && ok || bad "check --foelg: one round per save"
kill -INT "$follower"
wait "$follower"
[ $? = 0 ] && ok || bad "check --foelg: Ctrl+C ends it with exit 0"
ls "$tmp/f/ud" | grep -q kvs-tmp && bad "check --foelg left a temporary file" || ok
expect_exit 2 "check --foelg --format json" "$KVS" check --foelg standards/soroe.kvs --format json
expect_exit 2 "check --foelg on a file in a folder that does not exist" "$KVS" check --foelg "$tmp/ingen/mappe.kvs"

# The fingerprint in a document is the SHA-256 of the file as saved: for a file the loader
# takes as it is, and for one it changes (a BOM and CRLF line ends, as Windows editors save).
sed 's/$/\r/' standards/soroe.kvs | { printf '\357\273\277'; cat; } > "$tmp/soroe-crlf.kvs"
for f in standards/soroe.kvs "$tmp/soroe-crlf.kvs"; do
  "$KVS" render "$f" --ud "$tmp/fp" --format html --dato 2024-06-01 > /dev/null 2>&1
  sum=$(sha256sum "$f" | cut -d' ' -f1)
  grep -q "kvs.kilde-sha256\" content=\"$sum\"" "$tmp/fp/$(basename "${f%.kvs}").html" && ok || bad "fingerprint of $f"
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
