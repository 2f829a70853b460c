// The semantic model of one kvalitetsstandard: what checks, renderers and the
// comparison work on. Produced from the AST by lower() (lower.hpp); every fact keeps the
// source range it came from so a finding can point at the line that states it.
//
// The model is not tied to § 79 a: a target group is an age rule (or none) plus
// conditions, so standards under ældreloven's outreach duty, with the municipality's own
// groups and no fixed ages, fit the same model.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "date.hpp"
#include "source_file.hpp"
#include "vocabulary.hpp"

namespace kvs::model {

/// A string or CommonMark prose from the source.
struct Text {
  std::string value;
  SourceRange where;
};

template <class E>
struct Term {
  E value;
  SourceRange where;
};

/// Who a group covers by age. `turns`: in the calendar year they turn `from`;
/// `turns_onwards`: every year from the year they turn `from`; `from_age`: from the day
/// they are `from` (open); `range`: aged `from`–`to` inclusive.
struct AgeRule {
  enum class Kind { turns, turns_onwards, from_age, range };
  Kind kind = Kind::turns;
  int from = 0;
  std::optional<int> to;
  SourceRange where;
  /// Does the rule reach everyone in the calendar year they turn `age`?
  bool covers_year_of_turning(int age) const;
  /// Does the rule reach everyone for every age in [lo, hi] (hi empty: open-ended)?
  bool covers_ages(int lo, std::optional<int> hi) const;
};

struct Condition {
  std::optional<ConditionKind> kind;  ///< empty: free text
  std::string free_text;
  SourceRange where;
};

/// A reference to a provision: `serviceloven § 79 a stk. 3`, `ældreloven kapitel 2`,
/// `bekendtgørelse nr. 716 af 2019-07-07`.
struct Citation {
  std::string act;        ///< serviceloven, ældreloven, sundhedsloven, bekendtgørelse, …
  std::string paragraph;  ///< "79 a" (without §)
  std::vector<int> stk;
  std::string chapter;    ///< "2" for kapitel 2
  int number = 0;         ///< bekendtgørelse nr.
  std::optional<Date> date;
  SourceRange where;
  /// Danish display form: "serviceloven § 79 a, stk. 3".
  std::string display() const;
};

struct AmendingAct {
  int number = 0;
  Date date;
  std::string title;
  SourceRange where;
};

struct LegalBasis {
  std::vector<Citation> citations;
  std::vector<AmendingAct> amendments;
  std::optional<Text> text;
  SourceRange where;
};

struct Approval {
  std::optional<Date> date;
  std::string body;
  SourceRange where;
};

/// A quantity with a unit: `ca. 1½ time`, `3 uger`.
struct Quantity {
  double value = 0;
  std::string unit;
  bool approximate = false;
  SourceRange where;
};

/// `6-8 uger efter dødsfald`.
struct Timing {
  int low = 0, high = 0;
  std::string unit;
  std::string after;
  SourceRange where;
};

struct Meeting {
  MeetingKind kind = MeetingKind::hjemmebesoeg;
  std::string label;
  SourceRange where;
};

struct TargetGroup {
  std::string id;
  std::string title;
  SourceRange where, id_where;
  std::vector<AgeRule> ages;
  std::vector<Condition> conditions;
  std::vector<Term<Frequency>> frequency;
  std::vector<Term<Invitation>> invitations;  ///< in the order they are used
  std::optional<Term<Enrolment>> enrolment;
  std::optional<Timing> timing;
  std::vector<Meeting> meetings;
  std::optional<Meeting> alternative;  ///< the individual visit for those who decline
  std::optional<Quantity> duration, duration_couples;
  std::vector<Citation> legal_basis;
  std::vector<Term<Detection>> detection;
  std::optional<Text> text, frequency_text;

  bool has_condition(ConditionKind k) const;
  bool has_frequency(Frequency f) const;
};

struct RiskGroup {
  std::string title;
  std::string group;  ///< id of the target group that offers it, when the document makes it one
  SourceRange group_where;
  Term<RiskCategory> category{RiskCategory::andet, {}};
  std::vector<Term<Detection>> detection;
  std::optional<Timing> timing;
  std::vector<AgeRule> ages;
  std::optional<Text> text;
  SourceRange where;
};

struct GroupRef {
  std::string id;
  SourceRange where;
};

/// One exclusion as the document states it. A sentence may name several grounds
/// ("bor på ældrecenter eller institution"): they are one exclusion with several grounds.
struct Exclusion {
  std::vector<Term<ExclusionGround>> grounds;
  std::string narrowing;
  std::vector<GroupRef> applies_to;  ///< empty: every group
  std::optional<Text> case_by_case;
  std::optional<Text> text;
  SourceRange where;
};

struct Staff {
  std::string title;
  std::vector<Term<Profession>> professions;
  std::vector<Text> other_professions;
  std::optional<Text> competences, text;
  SourceRange where;
};

struct Phone {
  std::string number;
  std::string hours;
  SourceRange where;
};

struct Contact {
  std::string name;
  std::vector<std::string> address;
  std::vector<Phone> phones;
  std::string phone_hours;
  std::string email, web, person;
  std::optional<Text> text;
  SourceRange where;
};

/// A free prose section (`afsnit`), placed in the document where it stands in the file.
struct Section {
  std::string heading;
  Text text;
  SourceRange where;
};

struct SpecialCondition {
  std::string heading;
  Term<SpecialKind> kind{SpecialKind::andet, {}};
  Text text;
  SourceRange where;
};

struct Release {
  std::string id;
  std::string basis;
  std::string scope;
  SourceRange where;
};

struct Acknowledgement {
  std::string rule;
  SourceRange rule_where;
  std::string reason;
  std::string release;  ///< id of a Release, when given
  SourceRange where;
};

/// One top-level part of the document in source order, so renderers can keep the
/// municipality's own order of sections.
struct Part {
  enum class Kind {
    prose, section, legal_basis, target_group, risk_group, exclusion, staff, contact,
    special, themes, partners
  };
  Kind kind;
  std::string key;        ///< prose field key (Kind::prose)
  std::size_t index = 0;  ///< index into the matching vector
};

struct Standard {
  std::string path;
  std::string municipality;
  std::string service;
  Scheme scheme = Scheme::forebyggende_hjemmebesoeg;
  std::optional<int> year;
  std::optional<Date> valid_from, valid_to;
  SourceRange period_where;
  std::optional<Approval> approval;
  std::optional<AddressForm> address_form;
  std::optional<Layout> layout;
  std::string number;
  std::optional<LegalBasis> legal_basis;
  std::vector<TargetGroup> groups;
  std::vector<RiskGroup> risk_groups;
  std::vector<Exclusion> exclusions;
  std::optional<Staff> staff;
  std::vector<Contact> contacts;
  std::vector<Section> sections;
  std::vector<SpecialCondition> specials;
  std::map<std::string, Text> prose;  ///< the fixed prose fields by key (formål, indhold, …)
  /// The municipality's own headings for the parts the template names (key: a prose
  /// field such as "indhold", or a part: "målgrupper", "undtagelser", "risikogrupper",
  /// "personale", "kontakt", "lovgrundlag", "temaer", "samarbejdspartnere").
  std::map<std::string, Text> headings;
  std::vector<Text> themes;
  std::vector<Text> partners;
  std::optional<Quantity> case_deadline;
  std::vector<Release> releases;
  std::vector<Acknowledgement> acknowledgements;
  std::vector<Part> order;

  /// First day of the period the standard covers, if it states one (periode or år).
  std::optional<Date> period_start() const;
  /// Last day of that period.
  std::optional<Date> period_end() const;
  const TargetGroup* find_group(std::string_view id) const;
  const Text* prose_field(const std::string& key) const;
};

}  // namespace kvs::model
