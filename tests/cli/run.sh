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

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
