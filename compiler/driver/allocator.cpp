#include "allocator.hpp"

#include <cstdlib>  // defines __GLIBC__ where the C library is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace kvs {

// A batch run builds and frees the same shapes again and again: per standard a document
// model, a DOCX XML of ~100 KB and its ZIP, on two threads with an arena each. glibc's
// defaults hand freed memory back to the kernel as soon as the top of a heap holds 128 KB
// free, and the next standard faults the same pages in again (and in a threaded process
// every unmap is a TLB shootdown on the other core). Keeping 16 MB of slack at the top of
// each heap, and not trimming below 64 MB, lets the next standard reuse them: on the
// 98-standard corpus `compare --dokumenter` page faults 6 900 → 2 150 (perf stat) and
// wall time 100.8 → 88.9 ms (bench/ab.py, 40 alternating rounds; bench/RESULTS.md §6).
// Address space is reserved, not used: peak RSS grew 0.3 MB. Large blocks still go to
// mmap, but above 32 MB only, so that the document strings of one standard stay in the
// heap as well. Blocks of up to 1 KB (block_pool::kLargest) do not come from malloc at all:
// block_pool.cpp.
void tune_allocator() {
#if defined(__GLIBC__)
  mallopt(M_TOP_PAD, 16 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}

}  // namespace kvs
