#include "golden.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace kvs::test {
namespace {

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

std::string source_path(const std::string& relative) { return std::string(KVS_SOURCE_DIR) + "/" + relative; }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string compare_golden(const std::string& relative, const std::string& actual) {
  std::string path = source_path(relative);
  const char* bless = std::getenv("KVS_BLESS");
  if (bless && std::string(bless) == "1") {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return {};
  }
  if (!std::filesystem::exists(path))
    return "golden file " + relative + " is missing; run the tests with KVS_BLESS=1 to create it";
  std::string expected = read_file(path);
  if (expected == actual) return {};
  // A small line diff: the first differing lines with context.
  auto e = lines_of(expected), a = lines_of(actual);
  std::string diff = "golden file " + relative + " differs (KVS_BLESS=1 rewrites it):\n";
  std::size_t i = 0;
  while (i < e.size() && i < a.size() && e[i] == a[i]) ++i;
  std::size_t from = i >= 3 ? i - 3 : 0;
  for (std::size_t k = from; k < i; ++k) diff += "  " + e[k] + "\n";
  for (std::size_t k = i; k < std::min(e.size(), i + 8); ++k) diff += "- " + e[k] + "\n";
  for (std::size_t k = i; k < std::min(a.size(), i + 8); ++k) diff += "+ " + a[k] + "\n";
  return diff;
}

}  // namespace kvs::test
