#!/usr/bin/env bash
# SARIF 2.1.0 validation of `kvs check --format sarif`, registered with CTest (sarif_schema).
# Installs the validator from the npm registry (package-lock.json: ajv, ajv-formats and
# @microsoft/sarif-multitool, which ships the SARIF 2.1.0 JSON schema and its own validator),
# produces SARIF for the seed standards and every rule case, and validates every file.
# Skips (exit 77) only when node is not installed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
KVS=${KVS:-$root/build/kvs}

if ! command -v node >/dev/null 2>&1; then
  echo "SKIP: node is not installed, so the SARIF output cannot be validated here (CI has node and npm)"
  exit 77
fi
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || { echo "FAIL: npm ci in tests/sarif"; exit 1; }
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
fail=0
run() {  # out-file kvs-arguments...
  local out=$1; shift
  "$KVS" check --format sarif "$@" > "$tmp/$out"
  local code=$?
  if [ "$code" -gt 1 ]; then echo "FAIL: kvs check --format sarif $* exited $code"; fail=1; fi
}
run seeds.sarif standards/*.kvs
run soroe-2024.sarif --dato 2024-06-01 standards/soroe.kvs
run soroe-2026.sarif --dato 2026-01-01 standards/soroe.kvs
run cases-fejl.sarif tests/checks/*/fejl.kvs
run cases-ok.sarif tests/checks/*/ok.kvs
printf 'kommune: "Testby\nydelse: "x"\n' > "$tmp/brudt.kvs"
run broken.sarif "$tmp/brudt.kvs"

node "$here/validate.mjs" "$tmp"/*.sarif || fail=1

# What the SARIF must carry besides being valid: the catalogue as rules with help text, the
# provisions as a taxonomy referenced by results, acknowledged findings as suppressions with
# their justification, the law applied to each file, and the unverified ældrelov findings.
node - "$tmp" <<'JS' || fail=1
const fs = require('fs');
const dir = process.argv[2];
const load = (f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8')).runs[0];
const assert = (ok, what) => { if (!ok) { console.log(`FAIL: ${what}`); process.exitCode = 1; } else console.log(`ok: ${what}`); };
const seeds = load('seeds.sarif');
const rules = seeds.tool.driver.rules;
assert(rules.some((r) => r.id === 'undtagelse-hjemmel' && r.help.text && r.help.markdown), 'rules carry help text');
assert(seeds.taxonomies[0].taxa.some((t) => t.id === 'serviceloven-2019/sel79a-stk6'), 'the provisions form a taxonomy');
const hj = seeds.results.filter((r) => r.ruleId === 'undtagelse-hjemmel' && r.level === 'error');
assert(hj.length === 3 && hj.every((r) => r.taxa[0].id === 'serviceloven-2019/sel79a-stk6'), 'fejl results reference § 79 a, stk. 6');
assert(seeds.properties.law.length === 4 && seeds.properties.law[0].versions.length === 2, 'the law applied to each file');
const cases = load('cases-ok.sarif');
const suppressed = cases.results.filter((r) => r.suppressions);
assert(suppressed.some((r) => r.ruleId === 'undtagelse-hjemmel' &&
  r.suppressions[0].kind === 'inSource' && /frisættelse/.test(r.suppressions[0].justification)), 'acknowledged findings are suppressions with their justification');
const s2026 = load('soroe-2026.sarif');
assert(s2026.results.some((r) => r.ruleId === 'lovhenvisning' && r.level === 'error'), 'Sorø after 2025-07-01: fejl lovhenvisning');
assert(s2026.results.filter((r) => r.properties.kilde && r.properties.kilde.version === 'aeldreloven-2025')
  .every((r) => /ikke verificeret/.test(r.message.text)), 'findings resting on ældreloven say they are unverified');
JS

# The JSON form carries the same law header (docs/findings-json.md).
"$KVS" check --format json standards/*.kvs > "$tmp/seeds.json"
node - "$tmp/seeds.json" <<'JS' || fail=1
const d = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const ok = d.version === 1 && d.law.length === 4 && d.law.every((l) => l.checked && l.summary && l.versions.length) &&
  d.diagnostics.some((x) => x.code === 'undtagelse-hjemmel' && x.provision && x.provision.version === 'serviceloven-2019');
console.log(ok ? 'ok: JSON names the law applied to each file' : 'FAIL: JSON law header');
process.exitCode = ok ? 0 : 1;
JS

if [ "$fail" = 0 ]; then echo "sarif: 1 passed, 0 failed"; else echo "sarif: 0 passed, 1 failed"; fi
exit "$fail"
