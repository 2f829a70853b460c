// Golden-file comparison for tests. On a mismatch the test fails with a line diff;
// with KVS_BLESS=1 in the environment the expected file is rewritten instead (review
// the change with `git diff` before committing it).
#pragma once

#include <string>

namespace kvs::test {

/// Absolute path of a file in the source tree (KVS_SOURCE_DIR + "/" + relative).
std::string source_path(const std::string& relative);
std::string read_file(const std::string& path);
/// Compares `actual` with the golden file at `relative` (from the source root).
/// Returns an empty string when they match (or after blessing), else a diff.
std::string compare_golden(const std::string& relative, const std::string& actual);

}  // namespace kvs::test

/// Catch2 assertion: the golden file at `relative` equals `actual`.
#define KVS_CHECK_GOLDEN(relative, actual)                                    \
  do {                                                                        \
    std::string kvs_diff_ = ::kvs::test::compare_golden((relative), (actual)); \
    INFO(kvs_diff_);                                                          \
    CHECK(kvs_diff_.empty());                                                 \
  } while (0)
