#!/usr/bin/env bash
# bench/prepare.sh — what run.sh does (untimed) before a repetition, so that each kind of run is
# made on purpose: kvs leaves a document that already holds its bytes alone, and does not wait
# for the disk for a file it creates, so "the same folder again" is not "a new folder".
#
#   bash bench/prepare.sh new DIR      # DIR moved into DIR's parent's .bench-trash (run.sh
#                                      # removes it at the end); the disk flushed, so the
#                                      # writeback of the previous repetition is not billed to
#                                      # this one
#
# Moved aside, not removed: on an ext4 without a journal (this host's disk) the kernel passes
# over every inode freed in the last seconds each time it allocates one (fs/ext4/ialloc.c,
# recently_deleted), so removing the previous repetition's 196 documents just before a run made
# each of its 196 new files scan them: 196 empty files took 5.5 ms after rm + sync, 2.1 ms
# after mv + sync, 0.8 ms on tmpfs (bench/RESULTS.md §6). A user's first run into a new folder
# does not come right after deleting the last one.
#   bash bench/prepare.sh change DIR   # a byte appended to every file in DIR (if any): every
#                                      # document differs and is replaced, as after an edit
set -euo pipefail
case "${1:-}" in
  new)
    if [ -e "$2" ]; then
      trash="$(dirname "$2")/.bench-trash"
      mkdir -p "$trash"
      mv "$2" "$trash/$(basename "$2").$(date +%s%N)"
    fi ;;
  change) for f in "$2"/*; do [ -f "$f" ] && printf x >> "$f"; done ;;
  *) echo "brug: $0 new|change MAPPE" >&2; exit 2 ;;
esac
sync
