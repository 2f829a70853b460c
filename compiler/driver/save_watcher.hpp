// For `kvs check --foelg`: waits for the writer to save one of the standards being followed.
//
// inotify on each file's folder, not on the file: editors that save by writing a new file
// and renaming it over the old one (gedit, vim with backups, most IDEs when the folder
// allows it) replace the inode, and a watch on the old inode would never fire again. A save
// is IN_CLOSE_WRITE (written in place and closed) or IN_MOVED_TO (renamed into place) on
// the file's name; a change that is still being written (IN_MODIFY) is not one.
//
// SIGINT and SIGTERM are blocked and read from a signalfd next to the inotify descriptor,
// so Ctrl+C ends the watch between two rounds: a round's documents are always put in place
// as a whole (OutputBatch), never left half-written by the interrupt.
#pragma once

#include <signal.h>

#include <string>
#include <vector>

namespace kvs {

class SaveWatcher {
 public:
  SaveWatcher() = default;
  SaveWatcher(const SaveWatcher&) = delete;
  SaveWatcher& operator=(const SaveWatcher&) = delete;
  ~SaveWatcher();  ///< closes the descriptors and gives the signals back their earlier mask

  /// Starts watching the folders of `files`; false with a Danish `error` if one cannot be.
  bool open(const std::vector<std::string>& files, std::string& error);

  /// Blocks until at least one followed file has been saved, then returns every followed
  /// file saved meanwhile, in the order they were given. Empty when the process was asked
  /// to stop (SIGINT, SIGTERM: stopped()), watching failed (`error()` says why) or, with a
  /// `timeout_ms` of 0 or more, nothing was saved in that time (the tests use it).
  std::vector<std::string> wait(int timeout_ms = -1);

  bool stopped() const { return stopped_; }
  const std::string& error() const { return error_; }

 private:
  struct Followed {
    int watch = -1;        ///< inotify watch descriptor of its folder
    std::string name;      ///< file name within the folder
    std::string path;      ///< as given on the command line (what the round is run on)
  };
  /// Reads the events queued now; marks the followed files they name in `saved`.
  bool drain(std::vector<bool>& saved);

  int inotify_ = -1;
  int signals_ = -1;
  bool masked_ = false;
  bool stopped_ = false;
  sigset_t earlier_mask_{};
  std::vector<Followed> followed_;
  std::string error_;
};

}  // namespace kvs
