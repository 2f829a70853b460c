#include "block_pool.hpp"

#include <malloc.h>
#include <sys/mman.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>

// Layout: one range of address space, reserved inaccessible at the first allocation and made
// readable and writable 2 MB at a time as it is used (so neither overcommit nor RSS count
// what is not used). It is cut into 64 KB spans; each span holds blocks of one size (a
// multiple of 16 bytes) and starts with a header naming that size, so a block's size is found
// from its address alone (operator delete is not always told the size). Each thread keeps a
// free list per size; a thread that holds more than kKeep free blocks of one size moves half
// of them to a shared list, where any thread that runs out takes them from, so memory that
// one thread allocates and another frees is reused instead of growing. Spans are never given
// back to the kernel: a run builds the same shapes again and again and reuses them.
namespace kvs::block_pool {
namespace {

constexpr std::size_t kGranule = 16;                       // alignof(std::max_align_t)
constexpr std::size_t kClasses = kLargest / kGranule + 1;  // index = size / 16, rounded up; 0 unused
constexpr std::size_t kSpan = std::size_t{64} << 10;
constexpr std::size_t kCommitStep = std::size_t{2} << 20;
constexpr std::size_t kReserve = std::size_t{64} << 30;  // address space only
constexpr std::size_t kReserveAtLeast = std::size_t{256} << 20;
constexpr auto kKeep = static_cast<std::uint32_t>(kKeepPerSize);

struct Block {
  Block* next;
};

struct alignas(kGranule) SpanHeader {
  std::size_t size_class;
};

std::size_t class_of(std::size_t n) { return n == 0 ? 1 : (n + kGranule - 1) / kGranule; }

SpanHeader* span_of(const void* p) {
  return reinterpret_cast<SpanHeader*>(reinterpret_cast<std::uintptr_t>(p) & ~(kSpan - 1));
}

// Read on every release without a lock: set once, before any block from the range exists.
std::atomic<std::uintptr_t> g_base{0};
std::atomic<std::uintptr_t> g_size{0};

// Everything below is guarded by g_mutex (the slow paths only).
std::mutex g_mutex;
bool g_reserved = false, g_unavailable = false;  // the range exists; mmap refused it
char* g_next_span = nullptr;
char* g_committed = nullptr;
char* g_end = nullptr;
struct Shared {
  Block* head = nullptr;
  std::uint32_t count = 0;
};
Shared g_shared[kClasses];

// Per thread: trivially constructed and destroyed, so reaching it costs no guard.
struct Cache {
  Block* head[kClasses];
  Block* tail[kClasses];  ///< the last block of head's list, while that list is not empty
  std::uint32_t count[kClasses];
  char* bump[kClasses];  ///< the unused rest of this thread's newest span of each size
  char* bump_end[kClasses];
};
constinit thread_local Cache t_cache{};

// Cuts up to `most` blocks off the front of `list` in one walk that writes no block: returns
// the first of them (null if the list is empty), their last in `last`, how many in `count`.
// `last->next` still points into what is left of the list; the caller links it on.
Block* cut_front(Block*& list, std::uint32_t most, Block*& last, std::uint32_t& count) {
  Block* first = list;
  last = first;
  count = first ? 1 : 0;
  if (!first) return nullptr;
  while (count < most && last->next) {
    last = last->next;
    ++count;
  }
  list = last->next;
  return first;
}

// Under g_mutex: puts the chain first..last of `count` blocks on top of class c's shared list.
void share_locked(std::size_t c, Block* first, Block* last, std::uint32_t count) {
  last->next = g_shared[c].head;
  g_shared[c].head = first;
  g_shared[c].count += count;
}

// At thread exit the thread's free blocks go to the shared lists, each list spliced whole
// (walking them cost half a millisecond at the end of a batch, on its critical path: the
// database's thread is joined); the rest of the thread's spans is left unused, at most one
// span per size.
struct GiveBackAtExit {
  ~GiveBackAtExit() {
    std::lock_guard lock(g_mutex);
    Cache& t = t_cache;
    for (std::size_t c = 1; c < kClasses; ++c) {
      if (!t.head[c]) continue;
      share_locked(c, t.head[c], t.tail[c], t.count[c]);
      t.head[c] = nullptr;
      t.count[c] = 0;
    }
  }
};
thread_local GiveBackAtExit t_give_back;

// Under g_mutex: reserve the range the first time: 64 GB of address space, or as much as the
// process may have (ulimit -v, valgrind), halving down to 256 MB.
bool reserve_locked() {
  if (g_reserved) return true;
  if (g_unavailable) return false;
  for (std::size_t size = kReserve; size >= kReserveAtLeast; size /= 2) {
    void* m = mmap(nullptr, size + kSpan, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED) continue;
    auto start = (reinterpret_cast<std::uintptr_t>(m) + kSpan - 1) & ~(kSpan - 1);
    g_next_span = g_committed = reinterpret_cast<char*>(start);
    g_end = g_next_span + size;
    g_base.store(start, std::memory_order_relaxed);
    g_size.store(size, std::memory_order_relaxed);
    g_reserved = true;
    return true;
  }
  g_unavailable = true;
  return false;
}

// Under g_mutex: a fresh span for size class c, or null when the range is used up or the
// kernel refuses to commit more.
char* new_span_locked(std::size_t c) {
  if (!reserve_locked() || g_next_span == g_end) return nullptr;
  if (g_next_span == g_committed) {
    if (mprotect(g_committed, kCommitStep, PROT_READ | PROT_WRITE) != 0) return nullptr;
    g_committed += kCommitStep;
  }
  char* span = g_next_span;
  g_next_span += kSpan;
  reinterpret_cast<SpanHeader*>(span)->size_class = c;
  return span;
}

// The allocation when this thread's free list of class c is empty.
[[gnu::noinline]] void* refill(std::size_t c, std::size_t n) {
  Cache& t = t_cache;
  const std::size_t size = c * kGranule;
  if (t.bump[c] && t.bump_end[c] - t.bump[c] >= static_cast<std::ptrdiff_t>(size)) {
    void* p = t.bump[c];
    t.bump[c] += size;
    return p;
  }
  (void)&t_give_back;  // registers the hand-back at this thread's exit
  char* span = nullptr;
  {
    std::lock_guard lock(g_mutex);
    if (g_shared[c].head) {  // this thread's list is empty: it becomes the cut-off chain
      std::uint32_t moved = 0;
      t.head[c] = cut_front(g_shared[c].head, kKeep / 2, t.tail[c], moved);
      t.tail[c]->next = nullptr;
      g_shared[c].count -= moved;
      t.count[c] = moved;
    } else {
      span = new_span_locked(c);
    }
  }
  if (Block* b = t.head[c]) {
    t.head[c] = b->next;
    --t.count[c];
    return b;
  }
  if (!span) return std::malloc(n);  // no address space or no memory left for the pool
  t.bump[c] = span + sizeof(SpanHeader);
  t.bump_end[c] = span + kSpan;
  void* p = t.bump[c];
  t.bump[c] += size;
  return p;
}

// Moves half of this thread's free blocks of class c (it holds more than kKeep) to the shared
// list: the front half, cut off and spliced in one piece.
[[gnu::noinline]] void give_back_half(std::size_t c) {
  Cache& t = t_cache;
  Block* last = nullptr;
  std::uint32_t moved = 0;
  Block* first = cut_front(t.head[c], kKeep / 2, last, moved);
  t.count[c] -= moved;
  std::lock_guard lock(g_mutex);
  share_locked(c, first, last, moved);
}

}  // namespace

bool owns(const void* p) noexcept {
  return reinterpret_cast<std::uintptr_t>(p) - g_base.load(std::memory_order_relaxed) <
         g_size.load(std::memory_order_relaxed);
}

void* allocate(std::size_t n) noexcept {
  const std::size_t c = class_of(n);
  Cache& t = t_cache;
  if (Block* b = t.head[c]) {
    t.head[c] = b->next;
    --t.count[c];
    return b;
  }
  return refill(c, n);
}

void release(void* p) noexcept {
  if (!owns(p)) {
    std::free(p);
    return;
  }
  const std::size_t c = span_of(p)->size_class;
  Cache& t = t_cache;
  auto* b = static_cast<Block*>(p);
  if (!t.head[c]) t.tail[c] = b;
  b->next = t.head[c];
  t.head[c] = b;
  if (++t.count[c] > kKeep) give_back_half(c);
}

void* allocate_any(std::size_t n) noexcept { return n <= kLargest ? allocate(n) : std::malloc(n); }

void* allocate_zeroed(std::size_t count, std::size_t size) noexcept {
  std::size_t n = 0;
  if (__builtin_mul_overflow(count, size, &n)) return nullptr;
  if (n > kLargest) return std::calloc(1, n);  // calloc knows when fresh pages are zero already
  void* p = allocate(n);
  if (p) std::memset(p, 0, n);
  return p;
}

void* reallocate(void* p, std::size_t n) noexcept {
  if (!p) return allocate_any(n);
  if (!owns(p)) return std::realloc(p, n);
  const std::size_t have = span_of(p)->size_class * kGranule;
  if (n <= have) return p;
  void* q = allocate_any(n);
  if (!q) return nullptr;
  std::memcpy(q, p, have);
  release(p);
  return q;
}

std::size_t usable_size(const void* p) noexcept {
  if (!p) return 0;
  if (owns(p)) return span_of(p)->size_class * kGranule;
  return malloc_usable_size(const_cast<void*>(p));
}

std::size_t cached_blocks(std::size_t n) noexcept { return t_cache.count[class_of(n)]; }

std::size_t shared_blocks(std::size_t n) noexcept {
  std::lock_guard lock(g_mutex);
  return g_shared[class_of(n)].count;
}

bool serves_operator_new() noexcept {
#if defined(KVS_BLOCK_POOL)
  return true;
#else
  return false;
#endif
}

}  // namespace kvs::block_pool

#if defined(KVS_BLOCK_POOL)
// operator new and delete, replaced (C++20 [new.delete]) so that small blocks come from the
// pool; defined here so that its fast paths are inlined into them. A standard's AST, model,
// document tree and findings are some 3 500 small allocations, made and freed on two
// threads, and glibc's malloc spent about 100 instructions on each pair: its per-thread
// cache holds 7 blocks of a size, so freeing a whole tree went through the arena's bins and
// their consolidation. The pool's fast path is a free-list pop or push. Measured on the
// 98-standard corpus: bench/RESULTS.md §6. Off under the sanitizers and the fuzzers
// (compiler/driver/CMakeLists.txt), whose own operator new finds the use-after-free and
// overflow bugs this one would hide. malloc itself, ICU and the aligned forms of new are left
// as they are; cmark and SQLite take their allocator from here where the pool serves
// operator new (allocate_any and the others: render/prose.cpp, compare/database.cpp).
namespace {

using kvs::block_pool::allocate_any;  // one try: small blocks from the pool, the rest from malloc
using kvs::block_pool::release;

[[gnu::noinline]] void* allocate_or_handle(std::size_t n, bool may_throw) {
  for (;;) {
    if (void* p = allocate_any(n)) return p;
    std::new_handler handler = std::get_new_handler();
    if (!handler) {
      if (may_throw) throw std::bad_alloc();
      return nullptr;
    }
    handler();
  }
}

inline void* allocate_or_throw(std::size_t n) {
  void* p = allocate_any(n);
  return p ? p : allocate_or_handle(n, true);
}

inline void* allocate_nothrow(std::size_t n) noexcept {
  try {
    return allocate_or_handle(n, false);
  } catch (...) {  // a new_handler may throw bad_alloc
    return nullptr;
  }
}

}  // namespace

void* operator new(std::size_t n) { return allocate_or_throw(n); }
void* operator new[](std::size_t n) { return allocate_or_throw(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate_nothrow(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate_nothrow(n); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
#endif
