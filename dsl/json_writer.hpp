// A minimal streaming JSON writer: enough for diagnostics, findings and model dumps,
// with correct string escaping (control characters, quotes, backslashes). Output is
// deterministic: keys appear in the order they are written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kvs {

/// Append `s` to `out` as a JSON string literal (with the quotes).
void append_json_string(std::string& out, std::string_view s);

class JsonWriter {
 public:
  explicit JsonWriter(bool pretty = true) : pretty_(pretty) {}
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(long long n);
  JsonWriter& value(int n) { return value(static_cast<long long>(n)); }
  JsonWriter& value(bool b);
  JsonWriter& null();
  const std::string& str() const { return out_; }

 private:
  void before_value();
  void newline();
  std::string out_;
  bool pretty_;
  struct Level { bool first = true; bool is_object = false; };
  std::vector<Level> stack_;
  bool after_key_ = false;
};

}  // namespace kvs
