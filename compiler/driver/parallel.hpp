// Independent work items on all cores: each standard is compiled, checked and rendered on
// its own, so files are handed out one at a time to a few worker threads (the calling
// thread is one of them). Results go into per-item slots owned by the caller, so the output
// order never depends on which thread finished first.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace kvs {

/// Worker threads for `items` items when `requested` were asked for (0: one per core).
inline unsigned worker_count(unsigned requested, std::size_t items) {
  unsigned jobs = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, items)));
}

/// Calls fn(i) once for every i in [0, n), on `worker_count(jobs, n)` threads. An exception
/// thrown by fn stops the hand-out of new items and is rethrown here after every thread joined.
template <class Fn>
void parallel_for(std::size_t n, unsigned jobs, Fn&& fn) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      try {
        fn(i);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = n;
      }
    }
  };
  unsigned threads_wanted = worker_count(jobs, n);
  std::vector<std::thread> threads;
  threads.reserve(threads_wanted - 1);
  for (unsigned t = 1; t < threads_wanted; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace kvs
