// kvs's own ZIP writer (compiler/render/zip_writer.cpp) read back by libzip, an independent
// implementation: stored and deflated parts, UTF-8 names, empty parts, the fixed time, and
// reproducible bytes. `unzip -t` (Info-ZIP, a third implementation) tests the archive too.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <thread>

#include "zip_reader.hpp"
#include "zip_writer.hpp"

using kvs::render::ZipEntry;

namespace {

std::vector<ZipEntry> sample_entries() {
  std::string big;
  for (int i = 0; i < 3000; ++i) big += "<w:p><w:r><w:t>Forebyggende hjemmebesøg " + std::to_string(i) + "</w:t></w:r></w:p>";
  std::mt19937 rng(7);
  std::string noise(70000, '\0');
  for (auto& c : noise) c = static_cast<char>(rng());
  return {{"[Content_Types].xml", "<Types/>"},
          {"word/document.xml", big},          // deflated (≥ 4 KB), compresses well
          {"word/media/støj.bin", noise},      // deflated, incompressible, non-ASCII name
          {"tom.txt", ""},                     // empty, stored
          {"word/footer1.xml", std::string(4095, 'x')}};  // just under the store limit
}

std::uint16_t u16(const std::string& s, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) | static_cast<unsigned char>(s[at + 1]) << 8);
}

}  // namespace

TEST_CASE("zip: libzip reads back every entry, in order, byte for byte", "[render][zip]") {
  auto entries = sample_entries();
  std::string error;
  std::string archive = kvs::render::zip_archive(entries, error);
  REQUIRE(error.empty());
  auto back = kvs::test::zip_entries(archive, error);
  REQUIRE(error.empty());
  REQUIRE(back.size() == entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    INFO(entries[i].name);
    CHECK(back[i].name == entries[i].name);
    CHECK(back[i].data == entries[i].data);
  }
  CHECK(archive.size() < entries[1].data.size());  // the document part really was compressed
}

TEST_CASE("zip: stored below 4 KB, deflated above; fixed time; UTF-8 names flagged", "[render][zip]") {
  std::string error;
  std::string archive = kvs::render::zip_archive(sample_entries(), error);
  REQUIRE(error.empty());
  // The first local header: signature, version 2.0, flag bit 11, method 0 (stored).
  REQUIRE(archive.compare(0, 4, "PK\x03\x04") == 0);
  CHECK(u16(archive, 4) == 20);
  CHECK(u16(archive, 6) == (1 << 11));
  CHECK(u16(archive, 8) == 0);
  CHECK(u16(archive, 10) == (12 << 11));                     // 12:00:00
  CHECK(u16(archive, 12) == (((2000 - 1980) << 9) | (1 << 5) | 1));  // 2000-01-01
  // The second entry (word/document.xml) follows the first's header, name and data.
  std::size_t second = 30 + std::string("[Content_Types].xml").size() + std::string("<Types/>").size();
  REQUIRE(archive.compare(second, 4, "PK\x03\x04") == 0);
  CHECK(u16(archive, second + 8) == 8);  // deflate
}

TEST_CASE("zip: the same entries give the same bytes", "[render][zip][reproducible]") {
  std::string e1, e2;
  CHECK(kvs::render::zip_archive(sample_entries(), e1) == kvs::render::zip_archive(sample_entries(), e2));
}

// The writer keeps, per thread, the last compressed form of each part name and reuses it
// when the same bytes come again (the styles of every DOCX in a batch).
TEST_CASE("zip: a part reused from the last archive is the same as one compressed anew", "[render][zip][reproducible]") {
  std::string error, cold;
  std::thread([&] { cold = kvs::render::zip_archive(sample_entries(), error); }).join();  // fresh thread: nothing kept
  REQUIRE(error.empty());
  kvs::render::zip_archive(sample_entries(), error);
  CHECK(kvs::render::zip_archive(sample_entries(), error) == cold);
}

TEST_CASE("zip: a part changed under the same name is compressed again, not taken from before", "[render][zip]") {
  std::string error;
  auto entries = sample_entries();
  kvs::render::zip_archive(entries, error);
  entries[1].data[entries[1].data.size() / 2] ^= 1;  // same name, same size, one bit differs
  std::string archive = kvs::render::zip_archive(entries, error);
  REQUIRE(error.empty());
  auto back = kvs::test::zip_entries(archive, error);
  REQUIRE(back.size() == entries.size());
  CHECK(back[1].data == entries[1].data);
  // More names than the writer keeps: every part still reads back as given.
  std::vector<ZipEntry> many;
  for (int i = 0; i < 40; ++i) many.push_back({"del" + std::to_string(i) + ".xml", std::string(5000 + i, char('a' + i % 26))});
  std::string first = kvs::render::zip_archive(many, error);
  archive = kvs::render::zip_archive(many, error);
  CHECK(archive == first);
  back = kvs::test::zip_entries(archive, error);
  REQUIRE(back.size() == many.size());
  for (std::size_t i = 0; i < many.size(); ++i) CHECK(back[i].data == many[i].data);
}

TEST_CASE("zip: no entries or a nameless entry is an error, not a broken archive", "[render][zip]") {
  std::string error;
  CHECK(kvs::render::zip_archive({}, error).empty());
  CHECK_FALSE(error.empty());
  error.clear();
  CHECK(kvs::render::zip_archive({{"", "x"}}, error).empty());
  CHECK_FALSE(error.empty());
}

TEST_CASE("zip: Info-ZIP's unzip -t accepts the archive", "[render][zip]") {
  if (std::system("command -v unzip > /dev/null 2>&1") != 0) {
    WARN("unzip is not installed; skipping the third-implementation check");
    return;
  }
  std::string error;
  std::string archive = kvs::render::zip_archive(sample_entries(), error);
  REQUIRE(error.empty());
  std::string path = std::string(KVS_BINARY_DIR) + "/zip-writer-test.zip";
  std::ofstream(path, std::ios::binary) << archive;
  CHECK(std::system(("unzip -tq " + path + " > /dev/null").c_str()) == 0);
  std::remove(path.c_str());
}
