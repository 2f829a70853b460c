#include "atomic_file.hpp"

#include "output_batch.hpp"

namespace kvs {

// One file is a batch of one: the same temporary file, sync and rename as every other output
// (a batch of eight files or fewer fsyncs each file), so there is one way to write safely.
std::string write_file_atomically(const std::string& path, std::string_view bytes, bool* unchanged) {
  OutputBatch batch(0);
  if (std::string e = batch.stage(path, bytes); !e.empty()) return e;
  if (unchanged) *unchanged = batch.unchanged() != 0;
  std::vector<OutputError> errors = batch.commit();
  return errors.empty() ? std::string() : errors.front().message;
}

}  // namespace kvs
