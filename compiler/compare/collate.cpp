#include "collate.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace kvs::compare {

struct DanishCollator::Impl {
  std::unique_ptr<icu::Collator> collator;
};

DanishCollator::DanishCollator() : impl_(new Impl) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->collator.reset(icu::Collator::createInstance(icu::Locale("da", "DK"), status));
  if (U_FAILURE(status) || !impl_->collator) {
    delete impl_;
    throw std::runtime_error("ICU: ingen dansk sortering (locale da_DK)");
  }
}

DanishCollator::~DanishCollator() { delete impl_; }

int DanishCollator::compare(const std::string& a, const std::string& b) const {
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r = impl_->collator->compareUTF8(a, b, status);
  if (U_FAILURE(status)) return a.compare(b);
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

std::vector<std::string> sorted_danish(std::vector<std::string> names) {
  DanishCollator c;
  std::stable_sort(names.begin(), names.end(),
                   [&](const std::string& a, const std::string& b) { return c.less(a, b); });
  return names;
}

}  // namespace kvs::compare
