#!/bin/bash
# LibreOffice test: renders every bundled standard (citizen and council edition) to DOCX
# and converts each to PDF with headless LibreOffice (Debian libreoffice-writer). Fails if a
# conversion fails or yields an empty PDF.
#   bash tests/render/libreoffice_test.sh KVS OUTDIR
# Exit 77 (CTest: skipped) only when soffice is not installed.
set -euo pipefail
kvs=${1:?brug: libreoffice_test.sh KVS UDMAPPE}
out=${2:?brug: libreoffice_test.sh KVS UDMAPPE}
soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice" ]; then
  echo "SPRUNGET OVER: soffice findes ikke (installér med: apt-get install -y libreoffice-writer)"
  exit 77
fi
rm -rf "$out"
mkdir -p "$out/borger" "$out/byraad" "$out/pdf" "$out/profil"
"$kvs" render standards/*.kvs --ud "$out/borger" --format docx --dato 2025-09-01 >/dev/null
"$kvs" render standards/*.kvs --ud "$out/byraad" --format docx --byraad --dato 2025-09-01 >/dev/null
for f in "$out"/byraad/*.docx; do mv "$f" "${f%.docx}.byraad.docx"; done
status=0
for docx in "$out"/borger/*.docx "$out"/byraad/*.docx; do
  name=$(basename "${docx%.docx}")
  # Headless LibreOffice now and then exits early on a fresh profile; one retry, reported.
  rc=0
  for attempt in 1 2; do
    rc=0
    timeout 180 "$soffice" --headless --norestore "-env:UserInstallation=file://$out/profil" \
      --convert-to pdf --outdir "$out/pdf" "$docx" >"$out/$name.log" 2>&1 || rc=$?
    [ $rc -eq 0 ] && [ -s "$out/pdf/$name.pdf" ] && break
    echo "advarsel: forsøg $attempt på $name.docx gav afslutningskode $rc"
  done
  if [ $rc -ne 0 ]; then
    echo "FEJL: LibreOffice kunne ikke konvertere $docx (afslutningskode $rc)"; cat "$out/$name.log"; status=1; continue
  fi
  pdf="$out/pdf/$name.pdf"
  if [ ! -s "$pdf" ]; then
    echo "FEJL: $pdf blev ikke dannet"; cat "$out/$name.log"; status=1; continue
  fi
  pages=""
  if command -v pdfinfo >/dev/null; then pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}'); fi
  echo "ok: $name.docx → $name.pdf${pages:+ ($pages sider)}"
done
exit $status
