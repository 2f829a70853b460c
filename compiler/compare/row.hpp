// One comparison row per standard: the dimensions of the national evaluation, extracted from
// the semantic model and the checker's findings (never from the prose, except the documented
// heuristic for `formål`). Rows are plain data: the model and the source are dropped after
// extraction, so a run over hundreds of files keeps only what the outputs need.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "check.hpp"
#include "national_figures.hpp"
#include "standard.hpp"

namespace kvs::compare {

/// How completely the standard's own groups reach a statutory group.
enum class Offer {
  ja,      ///< the groups together reach everyone the duty is about (ages, conditions, frequency)
  delvis,  ///< some groups reach part of it (a narrower condition, one age year of an open span, …)
  nej,     ///< no group reaches it
};
const char* offer_word(Offer o);

/// A statutory group as the standard offers it.
struct GroupOffer {
  std::string statutory;  ///< StatutoryGroup::id
  Offer offer = Offer::nej;
  std::vector<std::string> groups;             ///< ids of the standard's groups that serve it
  std::vector<model::Invitation> invitations;  ///< union over those groups, in first-use order
  std::vector<model::MeetingKind> meetings;
  bool needs_alternative = false;  ///< a serving group meets other than by a home visit only
  bool alternative = false;        ///< … and every such group states the individual alternative
};

/// One of the standard's own target groups.
struct OwnGroup {
  std::string id, title;
  std::string ages;        ///< "fylder 75 og 80", "fra 82", "65-81"
  std::string conditions;  ///< vocabulary words or quoted free text, comma-separated
  std::vector<model::Frequency> frequency;
  std::vector<model::Invitation> invitations;
  std::vector<model::Meeting> meetings;
  std::optional<model::Enrolment> enrolment;
  bool has_alternative = false;
  bool needs_alternative = false;
  std::vector<std::string> statutory;  ///< statutory group ids it serves
  int line = 0;
};

struct RiskRow {
  std::string title;
  model::RiskCategory category = model::RiskCategory::andet;
  std::string group;  ///< target group that offers it, if any
  int line = 0;
};

/// A risk category the standard names, and where it comes from.
struct CategoryRow {
  model::RiskCategory category;
  std::string source;  ///< "risikogruppe" or "betingelse" (a target group's condition)
};

/// How an exclusion stands against the law applied (from undtagelse-hjemmel findings).
enum class Legality {
  lovlig,         ///< the checker found nothing
  betinget,       ///< advarsel: lawful only insofar as … (plejebolig, institution)
  uden_hjemmel,   ///< fejl: no basis in the act
  ikke_vurderet,  ///< the law applied has no statutory groups (ældreloven), so no check
};
const char* legality_word(Legality l);

struct ExclusionRow {
  std::vector<model::ExclusionGround> grounds;
  std::string narrowing;
  Legality legality = Legality::lovlig;
  bool acknowledged = false;  ///< the municipality acknowledged the finding in the source
  bool case_by_case = false;
  int line = 0;
};

enum class Described { ja, delvis, nej };
const char* described_word(Described d);

/// The purpose column: a documented heuristic (docs/compare.md §2), the only one over prose.
enum class Purpose { lokalt, som_loven, mangler };
const char* purpose_word(Purpose p);

struct Finding {
  std::string rule;  ///< rule id or KVS-code
  Severity severity = Severity::fejl;
  int line = 0, column = 0;
  std::string message;
  std::string citation;     ///< the provision's citation, if any
  std::string law_version;  ///< the version it was judged by
  bool acknowledged = false;
  std::string acknowledgement;
};

struct StandardRow {
  std::string path;          ///< as given (or found under a folder)
  std::string display_path;  ///< relative to the folder it was found in
  std::string municipality;
  std::string service;
  model::Scheme scheme = model::Scheme::forebyggende_hjemmebesoeg;
  std::optional<int> year;  ///< år:, else the first year of periode:
  std::optional<Date> period_start, period_end;
  std::optional<Date> approved;
  std::string approved_by;
  std::vector<std::string> law_versions;  ///< ids of the versions applied
  std::string law_reason;                 ///< why those (AppliedLaw::reason)
  std::string law_basis;                  ///< periode | år | kontroldato | i dag
  bool statutory_duties = false;          ///< the law applied has statutory groups (not ældreloven)
  std::vector<GroupOffer> offers;         ///< one per statutory group, in NationalFigures order
  std::vector<OwnGroup> groups;
  std::vector<RiskRow> risks;
  std::vector<CategoryRow> categories;  ///< normalised, vocabulary order, unique
  std::vector<ExclusionRow> exclusions;
  std::string individual_alternative;  ///< "ja", "nej", "ikke relevant"
  bool follow_up = false;
  Described competences = Described::nej;
  bool self_referral = false;
  Purpose purpose = Purpose::mangler;
  std::vector<std::string> purpose_terms;                  ///< what made it "lokalt"
  std::vector<Finding> findings;                           ///< sorted by position
  int fejl = 0, advarsel = 0, raad = 0, acknowledged = 0;  ///< unacknowledged counts; acknowledged apart

  const GroupOffer* offer(std::string_view statutory) const;
  bool has_category(model::RiskCategory c) const;
  bool uses(model::Invitation i) const;
  /// "2024", "2025-07-01–2026-06-30", or "uden år"
  std::string period_label() const;
  /// Unacknowledged findings per rule, the most serious rule first, then by id.
  std::vector<std::pair<std::string, int>> rule_counts() const;
};

/// Extracts the row of a standard that passed the front end and was checked.
StandardRow extract_row(const model::Standard& s, const SourceFile& file, const checks::AppliedLaw& applied,
                        const std::vector<Diagnostic>& diagnostics, const NationalFigures& figures);

/// A diagnostic as a finding row (line and column from its file, 0 when it has none).
Finding finding_of(const Diagnostic& d, const std::string& law_version);

/// The purpose heuristic on its own (for tests): `terms` receives the local terms found.
Purpose classify_purpose(const std::string& purpose, const std::string& municipality,
                         const std::vector<std::string>& focus_terms, std::vector<std::string>& terms);

}  // namespace kvs::compare
