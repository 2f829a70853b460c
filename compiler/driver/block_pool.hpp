#pragma once

#include <cstddef>

// A pool of small memory blocks with a free list per size and thread: what operator new
// hands out for requests up to kLargest bytes (allocator.cpp says why and what it measured).
namespace kvs::block_pool {

/// The largest request the pool serves; larger ones go to malloc.
inline constexpr std::size_t kLargest = 1024;
/// Free blocks of one size a thread keeps; past that, half go to the lists all threads share.
inline constexpr std::size_t kKeepPerSize = 4096;

/// A block of at least n bytes (n <= kLargest), aligned for any type. When the pool has no
/// address space or memory left, the block comes from malloc (null if that fails too).
void* allocate(std::size_t n) noexcept;

/// Gives back a block from allocate(), or anything from malloc (passed to free), or null.
/// Any thread may give back a block any thread allocated.
void release(void* p) noexcept;

/// Whether p lies in the pool's address space (false for malloc's blocks and null).
bool owns(const void* p) noexcept;

/// malloc, calloc and realloc over the pool, for the C libraries that take an allocator
/// (cmark, SQLite): blocks up to kLargest from the pool, larger ones from malloc; release()
/// frees either. Null when memory is exhausted, as malloc's.
void* allocate_any(std::size_t n) noexcept;
void* allocate_zeroed(std::size_t count, std::size_t size) noexcept;
/// A pool block that still holds n bytes stays where it is; a larger request moves it.
void* reallocate(void* p, std::size_t n) noexcept;
/// The bytes p can hold (at least what was asked for): its block's size, or malloc's
/// usable size; 0 for null.
std::size_t usable_size(const void* p) noexcept;

/// Free blocks of the size that serves n bytes: held by this thread, and on the shared lists
/// (for the tests).
std::size_t cached_blocks(std::size_t n) noexcept;
std::size_t shared_blocks(std::size_t n) noexcept;

/// Whether operator new and delete are this pool's in this build (not under the sanitizers).
bool serves_operator_new() noexcept;

}  // namespace kvs::block_pool
