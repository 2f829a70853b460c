// Facts generated from the model, never typed twice: the offer to each target group as a
// Danish sentence in the standard's address form, how the citizen is contacted, where the
// municipality offers more than the law requires, exclusions without their own wording,
// and the legal basis as the law data states it. Every sentence comes from a phrase in
// templates/phrases.xml; this file only chooses and fills them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "law_source.hpp"
#include "standard.hpp"
#include "templates.hpp"

namespace kvs::render {

/// The law that applies to a standard (docs/law-data.md §1).
struct LawContext {
  Date reference;                   ///< the period's first day, else the given date
  bool reference_from_period = false;
  const law::Version* statute = nullptr;
  const law::Version* order = nullptr;
  /// A statute version that ends during the standard's period, and what follows it.
  const law::Version* ending = nullptr;
  const law::Version* successor = nullptr;
};

LawContext law_context(const model::Standard& s, const law::Library* lib, const Date& fallback);

class Facts {
 public:
  Facts(const model::Standard& s, const Phrases& p, const LawContext& law);

  model::AddressForm form() const { return form_; }
  /// "Du tilbydes et forebyggende hjemmebesøg i det år, du fylder 70 år, hvis du bor alene."
  std::string offer(const model::TargetGroup& g) const;
  /// Extra sentences: more visits on need, timing, duration, the individual alternative.
  std::vector<std::string> offer_details(const model::TargetGroup& g) const;
  /// "Du får et brev med dato og tidspunkt for besøget. Du skal give besked, …"
  std::vector<std::string> contact(const model::TargetGroup& g) const;
  /// "Loven kræver et årligt besøg fra 82 år. Vi tilbyder det fra 80 år." and, after a
  /// change of law, the fixed-age visits as the municipality's own choice.
  std::vector<std::string> beyond_law() const;
  /// An exclusion in words (for exclusions without their own text).
  std::string exclusion(const model::Exclusion& e) const;
  /// The duty in words: "et årligt besøg fra 82 år".
  std::string duty(const law::Duty& d) const;
  /// Does the group reach everyone the duty covers?
  static bool meets(const model::TargetGroup& g, const law::Duty& d);
  /// "ca. 1½ time", "45 minutter".
  std::string quantity(const model::Quantity& q) const;
  /// "6–8 uger efter dødsfald".
  std::string timing(const model::Timing& t) const;
  /// The phrase in the standard's address form.
  std::string phrase(std::string_view id, const Phrases::Vars& vars = {}) const;
  /// "Vi" or the municipality's name, as the subject of "tilbyder".
  std::string we() const;

 private:
  std::string ages(const model::TargetGroup& g) const;
  std::string conditions(const model::TargetGroup& g) const;
  std::string meeting_noun(const model::Meeting& m) const;

  const model::Standard& s_;
  const Phrases& p_;
  const LawContext& law_;
  model::AddressForm form_;
  Phrases::Vars municipality_;  ///< {kommune} and {kommunes}, offered to every phrase
};

}  // namespace kvs::render
