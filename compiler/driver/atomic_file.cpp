#include "atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kvs {

std::string write_file_atomically(const std::string& path, std::string_view bytes) {
  std::string tmp = path + ".kvs-tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) return "kan ikke oprette en midlertidig fil ved " + path + ": " + std::strerror(errno);
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string err = std::strerror(errno);
      ::close(fd);
      ::unlink(tmp.c_str());
      return "kan ikke skrive " + path + ": " + err;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::fchmod(fd, 0644) != 0) {
    std::string err = std::strerror(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    return "kan ikke gemme " + path + ": " + err;
  }
  if (::close(fd) != 0) {
    std::string err = std::strerror(errno);
    ::unlink(tmp.c_str());
    return "kan ikke gemme " + path + ": " + err;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string err = std::strerror(errno);
    ::unlink(tmp.c_str());
    return "kan ikke erstatte " + path + ": " + err;
  }
  return {};
}

}  // namespace kvs
