// kvs::block_pool (compiler/driver/block_pool.hpp): blocks are aligned, distinct and reused by
// size; malloc's blocks pass through; memory one thread allocates and another frees comes
// back to the first through the shared lists, also when a thread exits; and in this build
// operator new is the pool's unless the sanitizers bring their own.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <set>
#include <thread>
#include <vector>

#include "block_pool.hpp"

namespace bp = kvs::block_pool;

namespace {

bool aligned16(const void* p) { return reinterpret_cast<std::uintptr_t>(p) % 16 == 0; }

}  // namespace

TEST_CASE("block pool: every size up to the largest gets its own aligned, writable block") {
  std::vector<std::pair<unsigned char*, std::size_t>> blocks;
  for (std::size_t n = 0; n <= bp::kLargest; ++n) {
    auto* p = static_cast<unsigned char*>(bp::allocate(n));
    REQUIRE(p);
    CHECK(aligned16(p));
    CHECK(bp::owns(p));
    std::memset(p, static_cast<int>(n & 0xFF), n);
    blocks.emplace_back(p, n);
  }
  // No block overlaps another: every one still holds its own pattern.
  for (auto [p, n] : blocks)
    for (std::size_t i = 0; i < n; ++i) REQUIRE(p[i] == static_cast<unsigned char>(n & 0xFF));
  for (auto [p, n] : blocks) bp::release(p);
}

TEST_CASE("block pool: a freed block is the next one of its size, and only of its size") {
  void* a = bp::allocate(1);
  bp::release(a);
  CHECK(bp::allocate(16) == a);  // 1 and 16 bytes share the 16-byte size
  void* b = bp::allocate(17);
  CHECK(b != a);
  bp::release(b);
  CHECK(bp::allocate(32) == b);
  bp::release(a);
  bp::release(b);
}

TEST_CASE("block pool: malloc's blocks and null pass through release") {
  void* m = std::malloc(64);
  REQUIRE(m);
  CHECK_FALSE(bp::owns(m));
  bp::release(m);  // freed with free(): a leak or a double free would show under the sanitizers
  CHECK_FALSE(bp::owns(nullptr));
  bp::release(nullptr);
}

TEST_CASE("block pool: malloc, calloc and realloc over the pool, as cmark and SQLite use them") {
  // Small requests from the pool, large ones from malloc; release frees both.
  void* small = bp::allocate_any(100);
  void* large = bp::allocate_any(bp::kLargest + 1);
  CHECK(bp::owns(small));
  CHECK_FALSE(bp::owns(large));
  CHECK(bp::usable_size(small) >= 100);
  CHECK(bp::usable_size(small) < 100 + 16);  // its block: the size rounded up to 16
  CHECK(bp::usable_size(large) >= bp::kLargest + 1);
  CHECK(bp::usable_size(nullptr) == 0);
  bp::release(small);
  bp::release(large);

  // Zeroed, whatever the block held before; an overflowing count is refused.
  auto* dirty = static_cast<unsigned char*>(bp::allocate(48));
  std::memset(dirty, 0xAB, 48);
  bp::release(dirty);
  auto* zero = static_cast<unsigned char*>(bp::allocate_zeroed(3, 16));
  REQUIRE(zero);
  for (int i = 0; i < 48; ++i) REQUIRE(zero[i] == 0);
  auto* zero_large = static_cast<unsigned char*>(bp::allocate_zeroed(2, bp::kLargest));
  REQUIRE(zero_large);
  for (std::size_t i = 0; i < 2 * bp::kLargest; ++i) REQUIRE(zero_large[i] == 0);
  CHECK(bp::allocate_zeroed(SIZE_MAX / 2, 3) == nullptr);
  bp::release(zero_large);

  // Growing keeps the bytes: within the block in place, past it into a bigger block, past the
  // pool's largest into malloc; and realloc of null allocates.
  std::memcpy(zero, "kvalitetsstandard", 18);
  CHECK(bp::reallocate(zero, 40) == zero);  // the 48-byte block still holds 40
  auto* grown = static_cast<char*>(bp::reallocate(zero, 300));
  REQUIRE(grown);
  CHECK(std::strcmp(grown, "kvalitetsstandard") == 0);
  CHECK(bp::usable_size(grown) >= 300);
  auto* huge = static_cast<char*>(bp::reallocate(grown, 5000));
  REQUIRE(huge);
  CHECK_FALSE(bp::owns(huge));
  CHECK(std::strcmp(huge, "kvalitetsstandard") == 0);
  huge = static_cast<char*>(bp::reallocate(huge, 20000));  // malloc's block, through realloc
  CHECK(std::strcmp(huge, "kvalitetsstandard") == 0);
  bp::release(huge);
  void* fresh = bp::reallocate(nullptr, 64);
  CHECK(bp::owns(fresh));
  bp::release(fresh);
}

TEST_CASE("block pool: blocks one thread allocates and another frees are reused, not grown") {
  constexpr std::size_t kCount = 5 * bp::kKeepPerSize;
  std::vector<void*> made(kCount);
  // 400 bytes: a size no container in this test allocates, so nothing else takes them.
  constexpr std::size_t kSize = 400;
  std::thread maker([&] {
    for (auto& p : made) {
      p = bp::allocate(kSize);
      std::memset(p, 0xAB, kSize);
    }
  });
  maker.join();
  const std::set<void*> freed(made.begin(), made.end());
  const std::size_t shared_before = bp::shared_blocks(kSize);
  for (void* p : made) bp::release(p);
  // This thread kept at most its share; the rest went to the shared lists.
  CHECK(bp::cached_blocks(kSize) <= bp::kKeepPerSize);
  CHECK(bp::shared_blocks(kSize) >= shared_before + kCount - bp::kKeepPerSize);
  // Another thread allocating as many gets the same memory back.
  std::size_t reused = 0;
  std::thread taker([&] {
    std::vector<void*> got(kCount);
    for (auto& p : got) p = bp::allocate(kSize);
    for (void* p : got) reused += freed.count(p);
    for (void* p : got) bp::release(p);
  });
  taker.join();
  CHECK(reused >= kCount - 2 * bp::kKeepPerSize);
}

TEST_CASE("block pool: a thread's free blocks go to the shared lists when it exits") {
  const std::size_t before = bp::shared_blocks(200);
  std::thread t([] {
    std::vector<void*> v(100);
    for (auto& p : v) p = bp::allocate(200);
    for (void* p : v) bp::release(p);
  });
  t.join();
  CHECK(bp::shared_blocks(200) >= before + 100);
}

TEST_CASE("block pool: two threads allocating and freeing at random keep their bytes") {
  auto work = [](unsigned seed, bool& ok) {
    std::mt19937 rng(seed);
    std::vector<std::pair<unsigned char*, std::size_t>> live;
    for (int step = 0; step < 200000; ++step) {
      if (live.empty() || rng() % 3 != 0) {
        std::size_t n = rng() % (bp::kLargest + 1);
        auto* p = static_cast<unsigned char*>(bp::allocate(n));
        std::memset(p, static_cast<int>(seed), n);
        live.emplace_back(p, n);
      } else {
        std::size_t i = rng() % live.size();
        auto [p, n] = live[i];
        for (std::size_t k = 0; k < n; ++k) ok = ok && p[k] == static_cast<unsigned char>(seed);
        bp::release(p);
        live[i] = live.back();
        live.pop_back();
      }
      if (live.size() > 3000) {  // hand a batch to the shared lists by freeing many at once
        for (auto [p, n] : live) bp::release(p);
        live.clear();
      }
    }
    for (auto [p, n] : live) bp::release(p);
  };
  bool ok1 = true, ok2 = true;
  std::thread a(work, 1u, std::ref(ok1)), b(work, 2u, std::ref(ok2));
  a.join();
  b.join();
  CHECK(ok1);
  CHECK(ok2);
}

TEST_CASE("block pool: operator new serves small objects from the pool in this build") {
  auto small = std::make_unique<int>(7);
  auto large = std::make_unique<char[]>(bp::kLargest + 1);
  if (bp::serves_operator_new()) {
    CHECK(bp::owns(small.get()));
  } else {
    CHECK_FALSE(bp::owns(small.get()));  // the sanitizers' operator new
  }
  CHECK_FALSE(bp::owns(large.get()));  // large blocks are malloc's in any build
}
