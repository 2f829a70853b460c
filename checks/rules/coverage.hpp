// Semantic coverage of a duty (<pligt>) by a standard's target groups: over age rules,
// conditions and frequencies, never over the words of the prose. Shared by the duty rules
// (coverage.cpp) and undtagelse-hjemmel (an exclusion matters only where it touches a
// group that serves a duty).
#pragma once

#include <climits>
#include <optional>
#include <string>
#include <vector>

#include "law_loader.hpp"
#include "standard.hpp"

namespace kvs::checks::coverage {

inline constexpr int kOpen = INT_MAX;  ///< upper end of an open age span

/// An inclusive span of ages [lo, hi]; hi == kOpen for no upper bound.
struct Span {
  int lo = 0, hi = kOpen;
};

/// The age spans a group reaches for every age in them (from, fylder-og-frem, ranges).
/// A `fylder N` rule reaches one calendar year only, so it gives no span.
std::vector<Span> spans_of(const model::TargetGroup& g);
/// Do `spans` together reach every age in [lo, hi]?
bool covers(std::vector<Span> spans, int lo, int hi);
/// The duty's ages as a span (fra: [N, open]; interval: [A, B]; fylder: [N, N]).
Span duty_span(const law::AgeSpec& a);

/// Every condition of the group is one the duty has (a free-text condition never is):
/// the group reaches everyone the duty is about, not a narrower set.
bool conditions_within(const model::TargetGroup& g, const law::Duty& d);
/// Does the group reach some of the duty's ages?
bool touches(const model::TargetGroup& g, const law::Duty& d);

enum class FrequencyFit { ok, unknown, insufficient };
FrequencyFit frequency_fit(const model::TargetGroup& g, const law::Duty& d);

/// "alle borgere på 82 år og derover", "alle, der bor alene, i det år de fylder 70", …
std::string who(const law::Duty& d);
/// "mindst ét besøg om året", "et besøg", "besøg efter behov"
std::string how_often(const law::Duty& d);
/// A .kvs snippet that would meet the duty: "alder: fra 82 · hyppighed: årligt".
std::string snippet(const law::Duty& d);

}  // namespace kvs::checks::coverage
