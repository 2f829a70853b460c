// OutputBatch (compiler/driver/output_batch.hpp): nothing replaces a target before commit(),
// a target already right is not touched, nothing is left behind, every staged file lands
// with its bytes and mode, from any thread;
// and parallel_for hands out every item exactly once.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "output_batch.hpp"
#include "parallel.hpp"

namespace fs = std::filesystem;
using kvs::OutputBatch;

namespace {

fs::path fresh_folder(const std::string& name) {
  fs::path dir = fs::path(KVS_BINARY_DIR) / "output-batch-test" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t temporaries_in(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().filename().string().find(".kvs-tmp-") != std::string::npos) ++n;
  return n;
}

}  // namespace

TEST_CASE("output batch: targets change only at commit, with their bytes and mode 0644", "[driver][output]") {
  fs::path dir = fresh_folder("commit");
  std::ofstream(dir / "a.html") << "old";
  OutputBatch batch;
  REQUIRE(batch.stage((dir / "a.html").string(), "new a").empty());
  REQUIRE(batch.stage((dir / "b.docx").string(), std::string("PK\0\1", 4)).empty());
  CHECK(read(dir / "a.html") == "old");  // staged, not yet visible
  CHECK_FALSE(fs::exists(dir / "b.docx"));
  CHECK(batch.commit().empty());
  CHECK(batch.committed() == 2);
  CHECK(read(dir / "a.html") == "new a");
  CHECK(read(dir / "b.docx") == std::string("PK\0\1", 4));
  struct stat st {};
  REQUIRE(::stat((dir / "b.docx").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0644);
  CHECK(temporaries_in(dir) == 0);
}

TEST_CASE("output batch: a target that already holds the bytes is left alone, its time kept", "[driver][output]") {
  fs::path dir = fresh_folder("unchanged");
  std::ofstream(dir / "same.html") << "same bytes";
  std::ofstream(dir / "other.html") << "old bytes!";  // same size as the new bytes: compared, not just sized
  std::ofstream(dir / "longer.html") << "old";
  const struct timespec long_ago[2] = {{1000000000, 0}, {1000000000, 0}};
  for (const char* name : {"same.html", "other.html", "longer.html"})
    REQUIRE(::utimensat(AT_FDCWD, (dir / name).c_str(), long_ago, 0) == 0);

  OutputBatch batch;
  REQUIRE(batch.stage((dir / "same.html").string(), "same bytes").empty());
  REQUIRE(batch.stage((dir / "other.html").string(), "new bytes!").empty());
  REQUIRE(batch.stage((dir / "longer.html").string(), "new and longer").empty());
  REQUIRE(batch.stage((dir / "fresh.html").string(), "fresh").empty());
  CHECK(temporaries_in(dir) == 3);  // none for the file that is already right
  CHECK(batch.commit().empty());

  CHECK(batch.unchanged() == 1);
  CHECK(batch.committed() == 3);
  CHECK(batch.left_unchanged((dir / "same.html").string()));
  CHECK_FALSE(batch.left_unchanged((dir / "other.html").string()));
  CHECK(read(dir / "same.html") == "same bytes");
  CHECK(read(dir / "other.html") == "new bytes!");
  CHECK(read(dir / "longer.html") == "new and longer");
  CHECK(read(dir / "fresh.html") == "fresh");
  struct stat st {};
  REQUIRE(::stat((dir / "same.html").c_str(), &st) == 0);
  CHECK(st.st_mtim.tv_sec == 1000000000);
  REQUIRE(::stat((dir / "other.html").c_str(), &st) == 0);
  CHECK(st.st_mtim.tv_sec != 1000000000);
  CHECK(temporaries_in(dir) == 0);
}

TEST_CASE("output batch: a file of more than one read block is compared whole", "[driver][output]") {
  fs::path dir = fresh_folder("large");
  std::string big(3 * (1 << 20) + 17, 'a');  // three 1 MB blocks and a bit
  std::ofstream(dir / "big.bin", std::ios::binary) << big;
  std::string changed = big;
  changed[changed.size() - 2] = 'b';  // a difference in the last block only
  OutputBatch batch;
  REQUIRE(batch.stage((dir / "big.bin").string(), big).empty());
  CHECK(batch.unchanged() == 1);
  REQUIRE(batch.stage((dir / "big.bin").string(), changed).empty());
  CHECK(batch.unchanged() == 1);
  CHECK(batch.commit().empty());
  CHECK(read(dir / "big.bin") == changed);
}

TEST_CASE("output batch: a batch given up leaves the earlier outputs and no temporary files", "[driver][output]") {
  fs::path dir = fresh_folder("abandon");
  std::ofstream(dir / "a.html") << "good";
  {
    OutputBatch batch;
    REQUIRE(batch.stage((dir / "a.html").string(), "half").empty());
    REQUIRE(temporaries_in(dir) == 1);
  }  // destroyed without commit: the run failed
  CHECK(read(dir / "a.html") == "good");
  CHECK(temporaries_in(dir) == 0);
}

TEST_CASE("output batch: a folder that does not exist is an error, and nothing is left", "[driver][output]") {
  fs::path dir = fresh_folder("missing");
  OutputBatch batch;
  std::string e = batch.stage((dir / "nej" / "a.html").string(), "x");
  CHECK(e.find("kan ikke oprette en midlertidig fil") != std::string::npos);
  CHECK(batch.commit().empty());
  CHECK(batch.committed() == 0);
}

TEST_CASE("output batch: a target that cannot be replaced is reported; the others land", "[driver][output]") {
  fs::path dir = fresh_folder("blocked");
  fs::create_directories(dir / "a.html" / "inside");  // a non-empty folder where the file should go
  OutputBatch batch;
  REQUIRE(batch.stage((dir / "a.html").string(), "x").empty());
  REQUIRE(batch.stage((dir / "b.html").string(), "y").empty());
  auto errors = batch.commit();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == (dir / "a.html").string());
  CHECK(errors[0].message.find("kan ikke erstatte") != std::string::npos);
  CHECK(fs::is_directory(dir / "a.html"));
  CHECK(read(dir / "b.html") == "y");
  CHECK(temporaries_in(dir) == 0);
}

TEST_CASE("output batch: many files from two threads, flushed in rounds", "[driver][output]") {
  fs::path dir = fresh_folder("many");
  OutputBatch batch(50);  // commits by itself every 50 files: the syncfs path, several times
  std::atomic<int> failures{0};
  auto writer = [&](int first) {
    for (int i = first; i < 300; i += 2)
      if (!batch.stage((dir / (std::to_string(i) + ".html")).string(), "fil " + std::to_string(i)).empty())
        ++failures;
  };
  std::thread t(writer, 1);
  writer(0);
  t.join();
  CHECK(failures == 0);
  CHECK(batch.commit().empty());
  CHECK(batch.committed() == 300);
  for (int i = 0; i < 300; i += 37) CHECK(read(dir / (std::to_string(i) + ".html")) == "fil " + std::to_string(i));
  CHECK(temporaries_in(dir) == 0);
}

TEST_CASE("output batch: a new folder is staged whole and appears only at commit", "[driver][output]") {
  fs::path base = fresh_folder("new-folder");
  fs::path dir = base / "ud" / "dokumenter";  // neither exists yet
  OutputBatch batch(2);  // the automatic commits leave a staged folder alone
  REQUIRE(batch.stage_in_new_folder(dir.string() + "/"));
  CHECK_FALSE(batch.stage_in_new_folder(dir.string()));  // one at a time
  CHECK(fs::is_directory(base / "ud"));                 // its parent is made
  CHECK(batch.make_folder((dir / "2024").string()).empty());
  std::atomic<int> failures{0};
  auto writer = [&](int first) {
    for (int i = first; i < 40; i += 2)
      if (!batch.stage((dir / "2024" / (std::to_string(i) + ".html")).string(), "fil " + std::to_string(i)).empty())
        ++failures;
  };
  std::thread t(writer, 1);
  writer(0);
  t.join();
  REQUIRE(batch.stage((dir / "a.docx").string(), std::string("PK\0\1", 4)).empty());
  CHECK(failures == 0);
  CHECK_FALSE(fs::exists(dir));  // nothing visible before commit, not even the folder
  CHECK(temporaries_in(base) == 1);  // the staging folder beside it
  CHECK(batch.commit().empty());
  CHECK(batch.committed() == 41);
  CHECK(read(dir / "a.docx") == std::string("PK\0\1", 4));
  for (int i = 0; i < 40; i += 7) CHECK(read(dir / "2024" / (std::to_string(i) + ".html")) == "fil " + std::to_string(i));
  struct stat st {};
  REQUIRE(::stat((dir / "a.docx").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0644);
  CHECK(temporaries_in(base) == 0);
  // Now it exists: a second batch stages file by file, and leaves a file already right alone.
  OutputBatch again;
  CHECK_FALSE(again.stage_in_new_folder(dir.string()));
  REQUIRE(again.stage((dir / "a.docx").string(), std::string("PK\0\1", 4)).empty());
  REQUIRE(again.stage((dir / "b.html").string(), "b").empty());
  CHECK(again.commit().empty());
  CHECK(again.unchanged() == 1);
  CHECK(read(dir / "b.html") == "b");
}

TEST_CASE("output batch: a staged new folder given up leaves nothing", "[driver][output]") {
  fs::path base = fresh_folder("new-folder-abandon");
  fs::path dir = base / "dokumenter";
  {
    OutputBatch batch;
    REQUIRE(batch.stage_in_new_folder(dir.string()));
    REQUIRE(batch.stage((dir / "a.html").string(), "half").empty());
    CHECK(temporaries_in(base) == 1);
  }  // destroyed without commit: the run failed
  CHECK_FALSE(fs::exists(dir));
  CHECK(fs::is_empty(base));
  // A staged folder that got no file is not put in place either.
  OutputBatch empty;
  REQUIRE(empty.stage_in_new_folder(dir.string()));
  CHECK(empty.commit().empty());
  CHECK_FALSE(fs::exists(dir));
  CHECK(fs::is_empty(base));
}

TEST_CASE("output batch: a file that cannot be written into a staged folder is reported", "[driver][output]") {
  fs::path base = fresh_folder("new-folder-lost");
  fs::path dir = base / "dokumenter";
  OutputBatch batch;
  REQUIRE(batch.stage_in_new_folder(dir.string()));
  for (const auto& e : fs::directory_iterator(base)) fs::remove_all(e.path());  // the staging folder gone
  std::string e = batch.stage((dir / "a.html").string(), "x");
  CHECK(e.find("kan ikke oprette " + (dir / "a.html").string() + ": ") == 0);  // and why (strerror)
  CHECK(e.size() > ("kan ikke oprette " + (dir / "a.html").string() + ": ").size());
  CHECK(batch.commit().empty());  // nothing staged: nothing to put in place
  CHECK(batch.committed() == 0);
  CHECK_FALSE(fs::exists(dir));
}

TEST_CASE("output batch: a folder made meanwhile where the new one should go is reported", "[driver][output]") {
  fs::path base = fresh_folder("new-folder-taken");
  fs::path dir = base / "dokumenter";
  OutputBatch batch;
  REQUIRE(batch.stage_in_new_folder(dir.string()));
  REQUIRE(batch.stage((dir / "a.html").string(), "new").empty());
  fs::create_directories(dir);
  std::ofstream(dir / "other.html") << "someone else's";  // another program got there first
  auto errors = batch.commit();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == (dir / "a.html").string());
  CHECK(errors[0].message.find("kan ikke lægge mappen") != std::string::npos);
  CHECK(read(dir / "other.html") == "someone else's");
  CHECK_FALSE(fs::exists(dir / "a.html"));
  CHECK(temporaries_in(base) == 0);
  CHECK(batch.committed() == 0);
}

TEST_CASE("parallel_for: every item exactly once, on the threads asked for", "[driver][parallel]") {
  for (unsigned jobs : {1u, 2u, 7u}) {
    std::vector<std::atomic<int>> seen(1000);
    kvs::parallel_for(seen.size(), jobs, [&](std::size_t i) { ++seen[i]; });
    for (const auto& s : seen) REQUIRE(s == 1);
  }
  CHECK(kvs::worker_count(4, 2) == 2);  // never more threads than items
  CHECK(kvs::worker_count(3, 0) == 1);
  CHECK(kvs::worker_count(0, 100) >= 1);
}

TEST_CASE("parallel_for: an exception stops the hand-out and reaches the caller", "[driver][parallel]") {
  // One thread: exactly the items up to the failing one ran.
  std::atomic<int> ran{0};
  auto work = [&](std::size_t i) {
    ++ran;
    if (i == 10) throw std::runtime_error("stop");
  };
  CHECK_THROWS_WITH(kvs::parallel_for(10000, 1, work), "stop");
  CHECK(ran == 11);
  // Two threads: items already handed out finish, no new ones are. Each item takes 100 µs, so
  // the 10 000 would take half a second per thread; the first throw of a process (it loads the
  // unwind tables) is far quicker than that, but slower than 10 000 empty items, which is why
  // the items are not empty (with empty items the other thread sometimes finished them all).
  ran = 0;
  CHECK_THROWS_WITH(kvs::parallel_for(10000, 2,
                                      [&](std::size_t i) {
                                        ++ran;
                                        if (i == 10) throw std::runtime_error("stop");
                                        std::this_thread::sleep_for(std::chrono::microseconds(100));
                                      }),
                    "stop");
  CHECK(ran < 1000);
}
