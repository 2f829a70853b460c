// SaveWatcher (check --foelg): a save in place and a save by rename are both seen, on the
// followed names only; several saves before a wait come back as one; SIGTERM ends the wait
// (and is not left pending afterwards); a folder that does not exist is a Danish error.
#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "save_watcher.hpp"

namespace fs = std::filesystem;
using kvs::SaveWatcher;

namespace {

constexpr int kPatience = 5000;  // ms: a save not seen fails the test instead of hanging it

struct Folder {
  fs::path dir = fs::temp_directory_path() / ("kvs-watch-" + std::to_string(::getpid()));
  Folder() {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Folder() { fs::remove_all(dir); }
  std::string file(const std::string& name, const std::string& text = "kommune: \"Testby\"\n") const {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  }
};

}  // namespace

TEST_CASE("SaveWatcher sees saves in place and by rename of the followed files only") {
  Folder f;
  std::string a = f.file("a.kvs"), b = f.file("b.kvs");
  SaveWatcher w;
  std::string error;
  REQUIRE(w.open({a, b}, error));

  f.file("a.kvs", "kommune: \"Andet\"\n");  // written in place and closed
  CHECK(w.wait(kPatience) == std::vector<std::string>{a});

  f.file("ikke-fulgt.kvs");  // a file nobody follows, in the same folder: no round
  f.file(".b.kvs.ny", "kommune: \"Ny\"\n");
  fs::rename(f.dir / ".b.kvs.ny", b);  // how many editors save
  CHECK(w.wait(kPatience) == std::vector<std::string>{b});

  f.file("b.kvs");
  f.file("a.kvs");
  f.file("b.kvs");  // three saves of two files before the next wait: one round, in the given order
  CHECK(w.wait(kPatience) == std::vector<std::string>{a, b});
  CHECK(w.wait(50).empty());  // nothing saved since
  CHECK_FALSE(w.stopped());
  CHECK(w.error().empty());
}

TEST_CASE("SaveWatcher stops waiting on SIGTERM and gives the signal mask back") {
  Folder f;
  std::string a = f.file("a.kvs");
  {
    SaveWatcher w;
    std::string error;
    REQUIRE(w.open({a}, error));
    REQUIRE(::kill(::getpid(), SIGTERM) == 0);  // blocked now: delivered to the watcher's signalfd
    CHECK(w.wait(kPatience).empty());
    CHECK(w.stopped());
    CHECK(w.error().empty());
  }
  sigset_t now;
  REQUIRE(::sigprocmask(SIG_BLOCK, nullptr, &now) == 0);
  CHECK_FALSE(sigismember(&now, SIGTERM));
  sigset_t pending;
  REQUIRE(::sigpending(&pending) == 0);
  CHECK_FALSE(sigismember(&pending, SIGTERM));
}

TEST_CASE("SaveWatcher names a folder it cannot follow") {
  SaveWatcher w;
  std::string error;
  CHECK_FALSE(w.open({(fs::temp_directory_path() / "kvs-findes-ikke" / "x.kvs").string()}, error));
  CHECK(error.find("kan ikke følge mappen") != std::string::npos);
}
