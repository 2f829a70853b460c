// Many output files written so that nothing is lost, with one flush to disk for all of them.
//
// An fsync per file would make a run that writes two documents for each of 98 or 9 800
// standards wait for 196 or 19 600 journal commits. A batch keeps the same promise for every
// file (write_file_atomically in atomic_file.hpp is a batch of one) — the target is replaced
// only by complete, durable bytes, and a failed run leaves earlier outputs untouched — but
// pays for durability once: stage() writes each file's bytes to a temporary file beside its
// target; commit() flushes the file systems holding them (one syncfs() each), then renames
// every temporary file over its target and syncs the folders. A file whose staging failed is
// never renamed; a batch destroyed without commit() removes its temporary files.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kvs {

/// A file that could not be put in place, and why (Danish).
struct OutputError {
  std::string path;
  std::string message;
};

class OutputBatch {
 public:
  /// `flush_every`: commit by itself once this many files are staged, so a long run does not
  /// leave thousands of temporary files behind if it is killed (0: only on commit()).
  explicit OutputBatch(std::size_t flush_every = 1024) : flush_every_(flush_every) {}
  OutputBatch(const OutputBatch&) = delete;
  OutputBatch& operator=(const OutputBatch&) = delete;
  ~OutputBatch();

  /// Writes `bytes` to a temporary file beside `path` (thread-safe). Returns "" or a Danish
  /// description of the problem (then nothing of this file is left on disk).
  std::string stage(const std::string& path, std::string_view bytes);

  /// Makes every staged file durable and renames it into place. Returns the files that could
  /// not be put in place (their earlier versions, if any, are untouched).
  std::vector<OutputError> commit();

  /// Files renamed into place so far.
  std::size_t committed() const { return committed_; }

 private:
  struct Staged {
    std::string target, temporary;
  };
  std::vector<OutputError> commit_locked();

  std::mutex mutex_;
  std::vector<Staged> staged_;
  std::vector<OutputError> deferred_errors_;  ///< from automatic commits, reported by commit()
  std::size_t flush_every_;
  std::size_t committed_ = 0;
};

}  // namespace kvs
