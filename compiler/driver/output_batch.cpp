#include "output_batch.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
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
}

std::string OutputBatch::stage(const std::string& path, std::string_view bytes) {
  std::string tmp = path + ".kvs-tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) return "kan ikke oprette en midlertidig fil ved " + path + ": " + std::strerror(errno);
  auto fail = [&](const char* what) {
    std::string err = std::strerror(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    return std::string(what) + path + ": " + err;
  };
  for (const char* p = bytes.data(), *end = p + bytes.size(); p < end;) {
    ssize_t n = ::write(fd, p, static_cast<std::size_t>(end - p));
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("kan ikke skrive ");
    }
    p += n;
  }
  if (::fchmod(fd, 0644) != 0) return fail("kan ikke gemme ");
#ifdef SYNC_FILE_RANGE_WRITE
  // Start writing the bytes to disk now, without waiting: by the time commit() syncs the
  // file, the other outputs have been made and most of the wait is over. Advice only.
  (void)::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
  if (::close(fd) != 0) {
    std::string err = std::strerror(errno);
    ::unlink(tmp.c_str());
    return "kan ikke gemme " + path + ": " + err;
  }
  std::lock_guard lock(mutex_);
  staged_.push_back({path, std::move(tmp)});
  if (flush_every_ && staged_.size() >= flush_every_) {
    auto errors = commit_locked();
    deferred_errors_.insert(deferred_errors_.end(), errors.begin(), errors.end());
  }
  return {};
}

std::vector<OutputError> OutputBatch::commit() {
  std::lock_guard lock(mutex_);
  std::vector<OutputError> errors = std::move(deferred_errors_);
  deferred_errors_.clear();
  auto more = commit_locked();
  errors.insert(errors.end(), more.begin(), more.end());
  return errors;
}

std::vector<OutputError> OutputBatch::commit_locked() {
  std::vector<OutputError> errors;
  if (staged_.empty()) return errors;
  std::set<std::string> folders;
  for (const auto& s : staged_) folders.insert(folder_of(s.target));

  // Durable before visible: every temporary file reaches the disk before any target is
  // replaced. Many files: one syncfs per file system (told apart by st_dev), one journal
  // commit instead of one per file. A few files (a writer rendering one standard): an fsync
  // each, because syncfs also waits for every other program's unwritten data on that disk.
  std::set<dev_t> synced;
  bool all_synced = staged_.size() > kFsyncEachUpTo;
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
  for (const auto& s : staged_) {
    if (!all_synced && !sync_path(s.temporary, O_RDONLY)) {
      errors.push_back({s.target, "kan ikke gemme " + s.target + ": " + std::strerror(errno)});
      ::unlink(s.temporary.c_str());
      continue;
    }
    if (std::rename(s.temporary.c_str(), s.target.c_str()) != 0) {
      errors.push_back({s.target, "kan ikke erstatte " + s.target + ": " + std::strerror(errno)});
      ::unlink(s.temporary.c_str());
      continue;
    }
    ++committed_;
  }
  // The renames themselves survive a crash once their folders are synced.
  for (const auto& folder : folders) sync_path(folder, O_RDONLY | O_DIRECTORY);
  staged_.clear();
  return errors;
}

}  // namespace kvs
