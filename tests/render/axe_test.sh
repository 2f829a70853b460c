#!/bin/bash
# Accessibility test: renders every bundled standard (citizen and council edition) and two
# change reports to HTML
# and runs axe-core in headless Debian Chromium (/usr/bin/chromium; never a downloaded
# browser). Passes only with zero violations.
#   bash tests/render/axe_test.sh KVS OUTDIR
# Exit 77 (CTest: skipped) only when chromium or node is not installed.
set -euo pipefail
kvs=${1:?brug: axe_test.sh KVS UDMAPPE}
out=${2:?brug: axe_test.sh KVS UDMAPPE}
here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "SPRUNGET OVER: $chromium findes ikke (installér med: apt-get install -y chromium)"
  exit 77
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "SPRUNGET OVER: node/npm findes ikke (installér Node.js 18 eller nyere)"
  exit 77
fi
if [ ! -d "$here/axe/node_modules/axe-core" ] || [ ! -d "$here/axe/node_modules/puppeteer-core" ]; then
  echo "installerer axe-core og puppeteer-core fra package-lock.json (npm ci)"
  (cd "$here/axe" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
rm -rf "$out"
mkdir -p "$out/borger" "$out/byraad"
"$kvs" render standards/*.kvs --ud "$out/borger" --format html --dato 2025-09-01 >/dev/null
"$kvs" render standards/*.kvs --ud "$out/byraad" --format html --byraad --dato 2025-09-01 >/dev/null
# The change report (kvs diff) goes through the same renderer and must be as accessible.
mkdir -p "$out/diff"
"$kvs" diff standards/glostrup-2025.kvs tests/diff/glostrup-2026.kvs --format html --ud "$out/diff" >/dev/null
"$kvs" diff standards/hjoerring-2024.kvs tests/diff/hjoerring-2025.kvs --format html --ud "$out/diff" >/dev/null
CHROMIUM="$chromium" node "$here/axe/axe_check.mjs" "$out"/borger/*.html "$out"/byraad/*.html "$out"/diff/*.html
