// Danish collation (ICU, locale "da"): Æ, Ø, Å after Z, and "Aa" as Å — so Aabenraa, Aalborg
// and Aarhus come after Ærø and Ørsted, as in any Danish list of municipalities.
#pragma once

#include <string>
#include <vector>

namespace kvs::compare {

class DanishCollator {
 public:
  DanishCollator();
  ~DanishCollator();
  DanishCollator(const DanishCollator&) = delete;
  DanishCollator& operator=(const DanishCollator&) = delete;
  /// <0, 0, >0 as a sorts before, equal to, after b.
  int compare(const std::string& a, const std::string& b) const;
  bool less(const std::string& a, const std::string& b) const { return compare(a, b) < 0; }

 private:
  struct Impl;
  Impl* impl_;
};

/// `names` sorted in Danish order (a stable sort; for tests and small lists).
std::vector<std::string> sorted_danish(std::vector<std::string> names);

}  // namespace kvs::compare
