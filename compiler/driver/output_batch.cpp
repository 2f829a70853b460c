#include "output_batch.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace kvs {
namespace {

constexpr std::size_t kFsyncEachUpTo = 8;

std::string folder_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

/// The whole file system of `folder` flushed to disk; false if that could not be done (then
/// each file is synced on its own, which also tells which file failed).
bool sync_file_system(const std::string& folder) {
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::syncfs(fd) == 0;
  ::close(fd);
  return ok;
}

/// Whether the file at `path`, `size` bytes by its stat, holds exactly `bytes`. Read in
/// blocks of up to 1 MB into a buffer kept by the thread — one read for a document — and
/// compared as it goes. No end-of-file probe: the stat gave the size, and a file another
/// program changes meanwhile is that program's race.
bool holds_exactly(const std::string& path, std::size_t size, std::string_view bytes) {
  if (size != bytes.size()) return false;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  constexpr std::size_t kBlock = 1 << 20;
  thread_local std::string buffer;
  if (buffer.size() < std::min(size, kBlock)) buffer.resize(std::min(size, kBlock));
  std::size_t at = 0;
  bool same = true;
  while (same && at < size) {
    ssize_t n = ::read(fd, buffer.data(), std::min(size - at, kBlock));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    auto got = static_cast<std::size_t>(n);
    same = std::memcmp(buffer.data(), bytes.data() + at, got) == 0;
    at += got;
  }
  ::close(fd);
  return same && at == size;
}

/// Writes `bytes` to `fd`, the file just made at `at`, gives it mode 0644 whatever the umask,
/// and closes it. "" or the problem, told of `target`; then nothing is left at `at`.
/// `start_writeback`: the file is to be synced by commit() (it replaces an earlier version).
std::string write_and_close(int fd, const std::string& at, const std::string& target, std::string_view bytes,
                            bool start_writeback) {
  auto fail = [&](const char* what, bool still_open) {
    std::string err = std::strerror(errno);
    if (still_open) ::close(fd);
    ::unlink(at.c_str());
    return std::string(what) + target + ": " + err;
  };
  for (const char* p = bytes.data(), *end = p + bytes.size(); p < end;) {
    ssize_t n = ::write(fd, p, static_cast<std::size_t>(end - p));
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("kan ikke skrive ", true);
    }
    p += n;
  }
  if (::fchmod(fd, 0644) != 0) return fail("kan ikke gemme ", true);
#ifdef SYNC_FILE_RANGE_WRITE
  // Start writing the bytes to disk now, without waiting: by the time commit() syncs the
  // file, the other outputs have been made and most of the wait is over. Advice only, and
  // only where commit() will wait for it.
  if (start_writeback) (void)::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
  if (::close(fd) != 0) return fail("kan ikke gemme ", false);
  return {};
}

std::string without_trailing_slashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

bool sync_path(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

OutputBatch::~OutputBatch() {
  for (const auto& s : staged_) ::unlink(s.temporary.c_str());
  if (!new_folder_.target.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(new_folder_.staging, ec);
  }
}

std::string OutputBatch::NewFolder::staged_path(const std::string& path) const {
  if (target.empty() || path.compare(0, target.size(), target) != 0) return {};
  if (path.size() == target.size()) return staging;
  if (path[target.size()] != '/') return {};
  return staging + path.substr(target.size());
}

bool OutputBatch::stage_in_new_folder(const std::string& folder_given) {
  std::string folder = without_trailing_slashes(folder_given);
  std::lock_guard lock(mutex_);
  if (!new_folder_.target.empty() || folder.empty() || folder == "/") return false;
  struct stat st {};
  if (::lstat(folder.c_str(), &st) == 0 || errno != ENOENT) return false;
  std::error_code ec;
  std::filesystem::path parent = std::filesystem::path(folder).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) return false;
  // mkdir, not mkdtemp: the folder gets the mode (0777 less the umask) any new folder gets.
  for (int i = 0; i < 100; ++i) {
    std::string staging = folder + ".kvs-tmp-" + std::to_string(::getpid()) + "-" + std::to_string(i);
    if (::mkdir(staging.c_str(), 0777) == 0) {
      new_folder_.target = folder;
      new_folder_.staging = staging;
      return true;
    }
    if (errno != EEXIST) return false;
  }
  return false;
}

std::string OutputBatch::make_folder(const std::string& folder) {
  std::string where;
  {
    std::lock_guard lock(mutex_);
    where = new_folder_.staged_path(without_trailing_slashes(folder));
  }
  std::error_code ec;
  std::filesystem::create_directories(where.empty() ? folder : where, ec);
  return ec ? "kan ikke oprette mappen " + folder + ": " + ec.message() : std::string();
}

std::string OutputBatch::stage(const std::string& path, std::string_view bytes) {
  {
    std::unique_lock lock(mutex_);
    if (std::string staged = new_folder_.staged_path(path); !staged.empty()) {
      // Written with its own name into the staging folder, which nobody else knows of: no
      // temporary name, no earlier version to look at or to wait for.
      ++new_folder_.writing;
      lock.unlock();
      int fd = ::open(staged.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
      std::string err = fd < 0 ? "kan ikke oprette " + path + ": " + std::strerror(errno)
                               : write_and_close(fd, staged, path, bytes, false);
      lock.lock();
      if (err.empty()) new_folder_.files.push_back(path);
      if (--new_folder_.writing == 0) new_folder_idle_.notify_all();
      return err;
    }
  }
  struct stat existing {};
  bool found = ::stat(path.c_str(), &existing) == 0;
  // Only a target known not to exist is new: one that cannot be looked at may exist.
  bool replaces = found || errno != ENOENT;
  if (found && S_ISREG(existing.st_mode) &&
      holds_exactly(path, static_cast<std::size_t>(existing.st_size), bytes)) {
    std::lock_guard lock(mutex_);
    unchanged_.insert(path);
    return {};
  }
  std::string tmp = path + ".kvs-tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) return "kan ikke oprette en midlertidig fil ved " + path + ": " + std::strerror(errno);
  if (std::string e = write_and_close(fd, tmp, path, bytes, replaces); !e.empty()) return e;
  std::lock_guard lock(mutex_);
  staged_.push_back({path, std::move(tmp), replaces});
  if (flush_every_ && staged_.size() >= flush_every_) {
    auto errors = commit_locked();
    deferred_errors_.insert(deferred_errors_.end(), errors.begin(), errors.end());
  }
  return {};
}

std::size_t OutputBatch::unchanged() {
  std::lock_guard lock(mutex_);
  return unchanged_.size();
}

bool OutputBatch::left_unchanged(const std::string& path) {
  std::lock_guard lock(mutex_);
  return unchanged_.count(path) != 0;
}

std::vector<OutputError> OutputBatch::commit() {
  std::unique_lock lock(mutex_);
  std::vector<OutputError> errors = std::move(deferred_errors_);
  deferred_errors_.clear();
  auto more = commit_locked();
  errors.insert(errors.end(), more.begin(), more.end());
  more = commit_new_folder(lock);
  errors.insert(errors.end(), more.begin(), more.end());
  return errors;
}

// Only commit() puts the staged folder in place (the automatic commits every flush_every_
// files leave it staged): once it is there, files still being written into the staging
// folder would appear half-written, so those are waited for.
std::vector<OutputError> OutputBatch::commit_new_folder(std::unique_lock<std::mutex>& lock) {
  std::vector<OutputError> errors;
  if (new_folder_.target.empty()) return errors;
  new_folder_idle_.wait(lock, [&] { return new_folder_.writing == 0; });
  NewFolder folder = std::move(new_folder_);
  new_folder_ = NewFolder{};
  if (folder.files.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(folder.staging, ec);
    return errors;
  }
  // Not synced, as for any file that replaces nothing (see the header): a crash before the
  // disk has the rename leaves no folder, or the folder with files that may be empty.
  if (std::rename(folder.staging.c_str(), folder.target.c_str()) != 0) {
    std::string why = std::strerror(errno);
    for (const auto& f : folder.files)
      errors.push_back({f, "kan ikke lægge mappen " + folder.target + " på plads: " + why});
    std::error_code ec;
    std::filesystem::remove_all(folder.staging, ec);
    return errors;
  }
  committed_ += folder.files.size();
  return errors;
}

std::vector<OutputError> OutputBatch::commit_locked() {
  std::vector<OutputError> errors;
  if (staged_.empty()) return errors;
  std::set<std::string> folders;
  std::size_t replacing = 0;
  for (const auto& s : staged_) {
    if (!s.replaces) continue;
    folders.insert(folder_of(s.target));
    ++replacing;
  }

  // Durable before visible: every temporary file reaches the disk before any target is
  // replaced. Many files: one syncfs per file system (told apart by st_dev), one journal
  // commit instead of one per file. A few files (a writer rendering one standard): an fsync
  // each, because syncfs also waits for every other program's unwritten data on that disk.
  // Files that replace nothing are not waited for (see the header).
  std::set<dev_t> synced;
  bool all_synced = replacing > kFsyncEachUpTo;
  for (const auto& folder : folders) {
    if (!all_synced) break;
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0) {
      all_synced = false;
      continue;
    }
    if (synced.count(st.st_dev)) continue;
    if (sync_file_system(folder)) synced.insert(st.st_dev);
    else all_synced = false;
  }
  // Where the file systems were not synced as a whole, each replacing file on its own, all of
  // them before the first rename (a file whose sync fails keeps its earlier version).
  std::vector<bool> durable(staged_.size(), true);
  for (std::size_t i = 0; i < staged_.size(); ++i) {
    const Staged& s = staged_[i];
    if (!s.replaces || all_synced || sync_path(s.temporary, O_RDONLY)) continue;
    errors.push_back({s.target, "kan ikke gemme " + s.target + ": " + std::strerror(errno)});
    ::unlink(s.temporary.c_str());
    durable[i] = false;
  }
  // The folders are not synced after the renames: until the journal commits them a crash
  // brings back the earlier version, which is complete too — nothing is lost either way.
  for (std::size_t i = 0; i < staged_.size(); ++i) {
    if (!durable[i]) continue;
    const Staged& s = staged_[i];
    if (std::rename(s.temporary.c_str(), s.target.c_str()) != 0) {
      errors.push_back({s.target, "kan ikke erstatte " + s.target + ": " + std::strerror(errno)});
      ::unlink(s.temporary.c_str());
      continue;
    }
    ++committed_;
  }
  staged_.clear();
  return errors;
}

}  // namespace kvs
