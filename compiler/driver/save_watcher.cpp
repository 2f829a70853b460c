#include "save_watcher.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace kvs {

SaveWatcher::~SaveWatcher() {
  if (inotify_ >= 0) ::close(inotify_);
  if (signals_ >= 0) ::close(signals_);
  if (masked_) ::sigprocmask(SIG_SETMASK, &earlier_mask_, nullptr);
}

bool SaveWatcher::open(const std::vector<std::string>& files, std::string& error) {
  namespace fs = std::filesystem;
  inotify_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_ < 0) {
    error = std::string("kan ikke følge filerne: ") + std::strerror(errno);
    return false;
  }
  for (const auto& path : files) {
    fs::path p(path);
    fs::path folder = p.parent_path().empty() ? fs::path(".") : p.parent_path();
    // The same folder twice gives the same watch descriptor: one watch, several names.
    int wd = ::inotify_add_watch(inotify_, folder.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_ONLYDIR);
    if (wd < 0) {
      error = "kan ikke følge mappen " + folder.string() + ": " + std::strerror(errno);
      return false;
    }
    followed_.push_back({wd, p.filename().string(), path});
  }
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  masked_ = ::sigprocmask(SIG_BLOCK, &stop, &earlier_mask_) == 0;
  if (!masked_ || (signals_ = ::signalfd(-1, &stop, SFD_CLOEXEC)) < 0) {
    error = std::string("kan ikke vente på Ctrl+C: ") + std::strerror(errno);
    return false;
  }
  return true;
}

bool SaveWatcher::drain(std::vector<bool>& saved) {
  alignas(inotify_event) char buffer[16 * 1024];
  for (;;) {
    ssize_t n = ::read(inotify_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return true;
    if (n <= 0) {
      error_ = std::string("kan ikke læse ændringer: ") + (n < 0 ? std::strerror(errno) : "ingen data");
      return false;
    }
    for (char* at = buffer; at < buffer + n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(at);
      at += sizeof(inotify_event) + e->len;
      if (e->mask & IN_Q_OVERFLOW) {  // events were lost: treat every file as saved
        saved.assign(saved.size(), true);
        continue;
      }
      if (e->len == 0) continue;
      for (std::size_t i = 0; i < followed_.size(); ++i)
        if (followed_[i].watch == e->wd && followed_[i].name == e->name) saved[i] = true;
    }
  }
}

std::vector<std::string> SaveWatcher::wait(int timeout_ms) {
  std::vector<bool> saved(followed_.size(), false);
  for (;;) {
    pollfd fds[2] = {{inotify_, POLLIN, 0}, {signals_, POLLIN, 0}};
    int ready = ::poll(fds, 2, timeout_ms);
    if (ready == 0) return {};
    if (ready < 0) {
      if (errno == EINTR) continue;
      error_ = std::string("kan ikke vente på ændringer: ") + std::strerror(errno);
      return {};
    }
    if (fds[1].revents & POLLIN) {  // Ctrl+C or SIGTERM: stop between rounds
      signalfd_siginfo taken;  // read, so it is not delivered when the mask is given back
      while (::read(signals_, &taken, sizeof taken) < 0 && errno == EINTR) {
      }
      stopped_ = true;
      return {};
    }
    if (!drain(saved)) return {};
    std::vector<std::string> out;
    for (std::size_t i = 0; i < followed_.size(); ++i)
      if (saved[i]) out.push_back(followed_[i].path);
    if (!out.empty()) return out;
  }
}

}  // namespace kvs
