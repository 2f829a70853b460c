// Many output files written so that nothing is lost, with one flush to disk for all of them.
//
// An fsync per file would make a run that writes two documents for each of 98 or 9 800
// standards wait for 196 or 19 600 journal commits. A batch keeps the same promise for every
// file (write_file_atomically in atomic_file.hpp is a batch of one) — the target is replaced
// only by complete, durable bytes, and a failed run leaves earlier outputs untouched — but
// pays for durability once: stage() writes each file's bytes to a temporary file beside its
// target; commit() flushes the file systems holding them (one syncfs() each), then renames
// every temporary file over its target. A file whose staging failed is never renamed; a batch
// destroyed without commit() removes its temporary files. The folders are not synced after the
// renames: a crash before the journal has them brings back the earlier version, whole.
//
// Two kinds of file need less, and get less. A target that already holds exactly the new
// bytes is left alone — not rewritten, its modification time kept (like ninja's restat and
// `install -C`): re-running a batch where little changed costs reading, not writing, and a
// publishing step that copies changed files sees only the changed ones. A target that does
// not exist yet has no earlier version to lose, so it is renamed into place without waiting
// for the disk: a power cut in the next seconds can leave it empty, never a good file broken.
// Only a batch that replaces an existing file with different bytes pays for the sync.
//
// A folder that does not exist yet can be staged whole (stage_in_new_folder): its files are
// written with their own names into a new folder beside it, which commit() renames into
// place — one rename instead of one per file (a batch's 196 documents were 196 renames on
// its serial tail, and a temporary name, a stat and a chmod each). The promise is the same:
// before commit() the folder does not exist; a batch given up removes the staging folder.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <set>
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

  /// Writes `bytes` to a temporary file beside `path` (thread-safe), unless `path` already
  /// holds exactly these bytes: then it is left as it is (see unchanged()). Returns "" or a
  /// Danish description of the problem (then nothing of this file is left on disk).
  std::string stage(const std::string& path, std::string_view bytes);

  /// If `folder` does not exist, stages every file under it (see stage()) in a new folder
  /// beside it, `folder`.kvs-tmp-…, which the next commit renames to `folder`; makes
  /// `folder`'s parent if it is missing. False, and nothing changed, if `folder` exists, is
  /// already staged, or the staging folder cannot be made: then files are staged one by one.
  bool stage_in_new_folder(const std::string& folder);

  /// Makes `folder` and its missing parents where staged files will be written: inside the
  /// staging folder if `folder` is in a folder being staged, else in place. "" or a Danish
  /// description of the problem.
  std::string make_folder(const std::string& folder);

  /// Makes every staged file durable and renames it into place. Returns the files that could
  /// not be put in place (their earlier versions, if any, are untouched).
  std::vector<OutputError> commit();

  /// Files renamed into place so far.
  std::size_t committed() const { return committed_; }

  /// Files staged so far that already held their bytes and were left untouched (thread-safe).
  std::size_t unchanged();

  /// Whether `path` was one of those (thread-safe).
  bool left_unchanged(const std::string& path);

 private:
  struct Staged {
    std::string target, temporary;
    bool replaces;  ///< an earlier version exists: it must not be replaced before the bytes are durable
  };
  /// The folder being staged whole, while it is (target empty: none).
  struct NewFolder {
    std::string target, staging;
    std::vector<std::string> files;  ///< the targets staged in it
    std::size_t writing = 0;         ///< files being written into it now (stage() on other threads)
    /// `path` inside the staging folder if it is `target` or inside it, else "".
    std::string staged_path(const std::string& path) const;
  };
  std::vector<OutputError> commit_locked();
  std::vector<OutputError> commit_new_folder(std::unique_lock<std::mutex>& lock);

  std::mutex mutex_;
  std::vector<Staged> staged_;
  std::vector<OutputError> deferred_errors_;  ///< from automatic commits, reported by commit()
  std::set<std::string> unchanged_;
  NewFolder new_folder_;
  std::condition_variable new_folder_idle_;  ///< signalled when new_folder_.writing drops
  std::size_t flush_every_;
  std::size_t committed_ = 0;
};

}  // namespace kvs
