// The law as data: every file in checks/law/*.xml loaded into typed structs, one
// LawVersion per file (the state of one legal text over the interval it was in force).
// The format is documented in docs/law-data.md; this loader implements it and refuses
// files that break its invariants (unknown elements, dangling references, overlapping
// versions), naming the file and line.
//
// Nothing legal lives in C++: ages, stk. numbers, in-force dates, the approval window and
// act numbers all come from these structs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "date.hpp"
#include "vocabulary.hpp"

namespace kvs::law {

/// `<bestemmelse>`: one provision (paragraph, optional stk.) and its text.
struct Provision {
  std::string id;         ///< globally unique, e.g. "sel79a-stk6"
  std::string paragraph;  ///< as written in the act: "79 a", "4"
  std::optional<int> stk;
  std::string chapter;      ///< kapitel (ældreloven), empty if none
  bool verbatim = false;    ///< ordlyd="ordret": `text` is the act's own wording
  bool verified = true;     ///< false when the version or the provision says verificeret="nej"
  int amending_act = 0;     ///< the provision sits in this amending act (transition rules)
  std::string text;
  int line = 0;
};

/// `<alder>` of a duty.
struct AgeSpec {
  enum class Kind { from, turns, interval };  ///< art="fra" | "fylder" | "interval"
  Kind kind = Kind::from;
  int from = 0;
  std::optional<int> to;
};

/// `<pligt>`: a target group the municipality must offer visits to.
struct Duty {
  std::string rule;        ///< rule id: mg-82-aarligt, mg-75, …
  std::string provision;   ///< id of the provision imposing it
  std::vector<std::string> jf;  ///< qualifying provisions
  AgeSpec age;
  std::vector<model::ConditionKind> conditions;
  model::Frequency frequency = model::Frequency::en_gang;
  int visits_per_year = 0;  ///< for årligt: the minimum number of visits a year
  int line = 0;
};

/// `<tilladt-undtagelse>`: an exclusion ground the act permits.
struct PermittedExclusion {
  std::string provision;
  model::ExclusionGround ground = model::ExclusionGround::andet;
  std::string reference;  ///< display text: "§ 83"
  int line = 0;
};

/// `<betinget-undtagelse>`: lawful only insofar as the people also meet `requires`.
struct ConditionalExclusion {
  std::string provision;
  model::ExclusionGround ground = model::ExclusionGround::andet;
  model::ExclusionGround needs = model::ExclusionGround::andet;
  int line = 0;
};

/// `<indholdskrav>`: content a standard must contain.
struct ContentRequirement {
  std::string rule;
  std::string provision;
  std::vector<std::string> tokens;
  std::optional<int> months;  ///< maaneder (årlig-godkendelse)
  int line = 0;
  bool has(std::string_view token) const;
};

/// `<hjemmel>`: what a standard may cite as its legal basis.
struct Basis {
  std::string act;        ///< akt
  std::string paragraph;  ///< paragraf (may be empty)
  std::string chapter;    ///< kapitel (may be empty)
  int number = 0, year = 0;  ///< nummer/aar (orders)
  std::string name;       ///< navn: the act's title, for title matching
  int line = 0;
};

/// `<aendringslov>`: an act that made this version.
struct AmendingAct {
  int number = 0;
  std::optional<Date> date;
  std::string title;
  std::string bill;  ///< lovforslag
  std::optional<Date> in_force;
  bool verified = true;
  int line = 0;
  /// "lov nr. 508 af 1. maj 2019"
  std::string display() const;
};

/// `<afloeser>`: an earlier act on the same duty that this version supersedes.
struct SupersededAct {
  int number = 0;
  Date date;
  int line = 0;
};

/// `<ophaever>`: what this version repeals (used in messages).
struct Repeal {
  std::string act;
  std::string paragraph;
  int number = 0, year = 0;
  Date date;
  std::string by;  ///< ved
  bool verified = true;
  int line = 0;
  /// "serviceloven § 79 a" or "bekendtgørelse nr. 716/2019"
  std::string display() const;
};

/// `<bemyndigelse>`: the statutory basis of an executive order (informational).
struct Authority {
  std::string act, paragraph;
  std::optional<int> stk;
};

/// One file of checks/law/.
struct LawVersion {
  std::string id;      ///< = file name without .xml
  std::string act;     ///< akt: serviceloven, hjemmebesøgsloven, bekendtgørelse, ældreloven
  std::string title;   ///< titel
  std::string source;  ///< kilde
  Date in_force;       ///< i-kraft
  std::optional<Date> ends;  ///< ophoerer: first day it no longer applies
  bool verified = true;
  int number = 0, year = 0;  ///< orders: nummer, aar
  std::string file;          ///< path it was read from
  std::vector<AmendingAct> amending_acts;
  std::vector<SupersededAct> superseded;
  std::vector<Repeal> repeals;
  std::vector<Authority> authorities;
  std::vector<Provision> provisions;
  std::vector<Duty> duties;
  std::vector<PermittedExclusion> permitted_exclusions;
  std::vector<ConditionalExclusion> conditional_exclusions;
  std::vector<ContentRequirement> content;
  std::vector<Basis> bases;

  bool is_order() const { return act == "bekendtgørelse"; }
  bool in_force_on(const Date& d) const { return in_force <= d && (!ends || d < *ends); }
  const Provision* provision(std::string_view id) const;
  /// How a provision of this version is cited: "serviceloven § 79 a, stk. 6",
  /// "bekendtgørelse nr. 716/2019 § 4, stk. 3", "lov nr. 508 af 1. maj 2019, § 2, stk. 3".
  std::string cite(const Provision& p) const;
  /// The act as a reader names it: "serviceloven", "bekendtgørelse nr. 716/2019", …
  std::string act_display() const;
};

/// Every version, sorted by chain (statutes, then orders) and in-force date.
struct LawLibrary {
  std::string dir;
  std::vector<LawVersion> versions;
  const LawVersion* find(std::string_view id) const;
  /// The versions in force on `d`: statutes first, then orders.
  std::vector<const LawVersion*> in_force_on(const Date& d) const;
};

/// A problem in the law data, with the file and line it was found at.
struct LoadError {
  std::string file;
  int line = 0;
  std::string message;
  std::string format() const;  ///< "checks/law/x.xml:12: besked"
};

/// Loads every *.xml in `dir`. On any error returns nullopt and fills `errors`.
std::optional<LawLibrary> load_law(const std::string& dir, std::vector<LoadError>& errors);

/// The folder holding checks/ (and templates/): $KVS_DATA_DIR if set, else the folder the
/// build recorded (the KVS_DATA_DIR compile definition).
std::string data_dir();
/// data_dir() + "/checks/law"
std::string law_dir();

/// "1. maj 2019"
std::string danish_date(const Date& d);

}  // namespace kvs::law
