#!/usr/bin/env bash
# bench/prepare.sh — what run.sh does (untimed) before a repetition, so that each kind of run is
# made on purpose: kvs leaves a document that already holds its bytes alone, and does not wait
# for the disk for a file it creates, so "the same folder again" is not "a new folder".
#
#   bash bench/prepare.sh new DIR      # DIR removed; the disk flushed, so the writeback of the
#                                      # previous repetition is not billed to this one
#   bash bench/prepare.sh change DIR   # a byte appended to every file in DIR (if any): every
#                                      # document differs and is replaced, as after an edit
set -euo pipefail
case "${1:-}" in
  new) rm -rf "$2" ;;
  change) for f in "$2"/*; do [ -f "$f" ] && printf x >> "$f"; done ;;
  *) echo "brug: $0 new|change MAPPE" >&2; exit 2 ;;
esac
sync
