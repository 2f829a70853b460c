#include "model_dump.hpp"

#include <cstdio>

#include "json_writer.hpp"

namespace kvs::model {
namespace {

class Dumper {
 public:
  explicit Dumper(const SourceFile* file) : file_(file) {}

  std::string run(const Standard& s) {
    w_.begin_object();
    w_.key("municipality").value(s.municipality);
    w_.key("service").value(s.service);
    w_.key("scheme").value(word_of(s.scheme));
    if (s.year) w_.key("year").value(*s.year);
    if (s.valid_from) w_.key("valid_from").value(s.valid_from->iso());
    if (s.valid_to) w_.key("valid_to").value(s.valid_to->iso());
    if (s.approval) {
      w_.key("approval").begin_object();
      if (s.approval->date) w_.key("date").value(s.approval->date->iso());
      w_.key("body").value(s.approval->body);
      w_.end_object();
    }
    if (s.address_form) w_.key("address_form").value(word_of(*s.address_form));
    if (s.layout) w_.key("layout").value(word_of(*s.layout));
    if (!s.number.empty()) w_.key("number").value(s.number);
    if (s.legal_basis) legal_basis(*s.legal_basis);
    w_.key("target_groups").begin_array();
    for (auto& g : s.groups) group(g);
    w_.end_array();
    w_.key("risk_groups").begin_array();
    for (auto& r : s.risk_groups) {
      w_.begin_object();
      line(r.where);
      w_.key("title").value(r.title);
      if (!r.group.empty()) w_.key("target_group").value(r.group);
      w_.key("category").value(word_of(r.category.value));
      words("detection", r.detection);
      if (r.timing) timing(*r.timing);
      if (!r.ages.empty()) ages(r.ages);
      text("text", r.text);
      w_.end_object();
    }
    w_.end_array();
    w_.key("exclusions").begin_array();
    for (auto& e : s.exclusions) {
      w_.begin_object();
      line(e.where);
      words("grounds", e.grounds);
      if (!e.narrowing.empty()) w_.key("narrowing").value(e.narrowing);
      w_.key("applies_to").begin_array();
      for (auto& r : e.applies_to) w_.value(r.id);
      w_.end_array();
      text("case_by_case", e.case_by_case);
      text("text", e.text);
      w_.end_object();
    }
    w_.end_array();
    if (s.staff) {
      w_.key("staff").begin_object();
      w_.key("title").value(s.staff->title);
      words("professions", s.staff->professions);
      texts("other_professions", s.staff->other_professions);
      text("competences", s.staff->competences);
      text("text", s.staff->text);
      w_.end_object();
    }
    w_.key("contacts").begin_array();
    for (auto& c : s.contacts) {
      w_.begin_object();
      w_.key("name").value(c.name);
      w_.key("address").begin_array();
      for (auto& a : c.address) w_.value(a);
      w_.end_array();
      w_.key("phones").begin_array();
      for (auto& p : c.phones) w_.begin_object().key("number").value(p.number).key("hours").value(p.hours).end_object();
      w_.end_array();
      if (!c.phone_hours.empty()) w_.key("phone_hours").value(c.phone_hours);
      if (!c.email.empty()) w_.key("email").value(c.email);
      if (!c.web.empty()) w_.key("web").value(c.web);
      if (!c.person.empty()) w_.key("person").value(c.person);
      text("text", c.text);
      w_.end_object();
    }
    w_.end_array();
    w_.key("sections").begin_array();
    for (auto& sec : s.sections)
      w_.begin_object().key("heading").value(sec.heading).key("text").value(sec.text.value).end_object();
    w_.end_array();
    w_.key("special_conditions").begin_array();
    for (auto& sc : s.specials)
      w_.begin_object().key("heading").value(sc.heading).key("kind").value(word_of(sc.kind.value))
          .key("text").value(sc.text.value).end_object();
    w_.end_array();
    if (!s.headings.empty()) {
      w_.key("headings").begin_object();
      for (auto& [k, t] : s.headings) w_.key(k).value(t.value);
      w_.end_object();
    }
    w_.key("prose").begin_object();
    for (auto& [k, t] : s.prose) w_.key(k).value(t.value);
    w_.end_object();
    texts("themes", s.themes);
    texts("partners", s.partners);
    if (s.case_deadline) quantity("case_deadline", *s.case_deadline);
    w_.key("releases").begin_array();
    for (auto& r : s.releases)
      w_.begin_object().key("id").value(r.id).key("basis").value(r.basis).key("scope").value(r.scope).end_object();
    w_.end_array();
    w_.key("acknowledgements").begin_array();
    for (auto& a : s.acknowledgements)
      w_.begin_object().key("rule").value(a.rule).key("reason").value(a.reason).key("release").value(a.release).end_object();
    w_.end_array();
    w_.key("order").begin_array();
    for (auto& p : s.order) w_.value(part_name(s, p));
    w_.end_array();
    w_.end_object();
    return w_.str() + '\n';
  }

 private:
  static std::string part_name(const Standard& s, const Part& p) {
    switch (p.kind) {
      case Part::Kind::prose: return "prose:" + p.key;
      case Part::Kind::section: return "section:" + s.sections[p.index].heading;
      case Part::Kind::legal_basis: return "legal_basis";
      case Part::Kind::target_group: return "target_group:" + s.groups[p.index].id;
      case Part::Kind::risk_group: return "risk_group:" + std::to_string(p.index);
      case Part::Kind::exclusion: return "exclusion:" + std::to_string(p.index);
      case Part::Kind::staff: return "staff";
      case Part::Kind::contact: return "contact:" + std::to_string(p.index);
      case Part::Kind::special: return "special:" + std::to_string(p.index);
      case Part::Kind::themes: return "themes";
      case Part::Kind::partners: return "partners";
    }
    return "?";
  }

  void line(SourceRange r) {
    if (file_) w_.key("line").value(file_->position(r.begin).line);
  }

  void text(const char* key, const std::optional<Text>& t) {
    if (t) w_.key(key).value(t->value);
  }

  void texts(const char* key, const std::vector<Text>& ts) {
    w_.key(key).begin_array();
    for (auto& t : ts) w_.value(t.value);
    w_.end_array();
  }

  template <class E>
  void words(const char* key, const std::vector<Term<E>>& ts) {
    w_.key(key).begin_array();
    for (auto& t : ts) w_.value(word_of(t.value));
    w_.end_array();
  }

  static std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
  }

  void quantity(const char* key, const Quantity& q) {
    w_.key(key).begin_object().key("value").value(number(q.value)).key("unit").value(q.unit)
        .key("approximate").value(q.approximate).end_object();
  }

  void timing(const Timing& t) {
    w_.key("timing").begin_object().key("low").value(t.low).key("high").value(t.high)
        .key("unit").value(t.unit).key("after").value(t.after).end_object();
  }

  void ages(const std::vector<AgeRule>& rules) {
    static const char* kinds[] = {"turns", "turns_onwards", "from_age", "range"};
    w_.key("ages").begin_array();
    for (auto& a : rules) {
      w_.begin_object().key("kind").value(kinds[static_cast<int>(a.kind)]).key("from").value(a.from);
      if (a.to) w_.key("to").value(*a.to);
      w_.end_object();
    }
    w_.end_array();
  }

  void citations(const char* key, const std::vector<Citation>& cs) {
    w_.key(key).begin_array();
    for (auto& c : cs) w_.value(c.display());
    w_.end_array();
  }

  void meeting(const Meeting& m) {
    w_.begin_object().key("kind").value(word_of(m.kind));
    if (!m.label.empty()) w_.key("label").value(m.label);
    w_.end_object();
  }

  void legal_basis(const LegalBasis& lb) {
    w_.key("legal_basis").begin_object();
    citations("citations", lb.citations);
    w_.key("amendments").begin_array();
    for (auto& a : lb.amendments)
      w_.begin_object().key("number").value(a.number).key("date").value(a.date.iso()).key("title").value(a.title).end_object();
    w_.end_array();
    text("text", lb.text);
    w_.end_object();
  }

  void group(const TargetGroup& g) {
    w_.begin_object();
    line(g.where);
    w_.key("id").value(g.id);
    w_.key("title").value(g.title);
    ages(g.ages);
    w_.key("conditions").begin_array();
    for (auto& c : g.conditions) w_.value(c.kind ? std::string(word_of(*c.kind)) : "\"" + c.free_text + "\"");
    w_.end_array();
    words("frequency", g.frequency);
    words("invitations", g.invitations);
    if (g.enrolment) w_.key("enrolment").value(word_of(g.enrolment->value));
    if (g.timing) timing(*g.timing);
    w_.key("meetings").begin_array();
    for (auto& m : g.meetings) meeting(m);
    w_.end_array();
    if (g.alternative) {
      w_.key("alternative");
      meeting(*g.alternative);
    }
    if (g.duration) quantity("duration", *g.duration);
    if (g.duration_couples) quantity("duration_couples", *g.duration_couples);
    citations("legal_basis", g.legal_basis);
    words("detection", g.detection);
    text("text", g.text);
    text("frequency_text", g.frequency_text);
    w_.end_object();
  }

  const SourceFile* file_;
  JsonWriter w_;
};

}  // namespace

std::string dump_json(const Standard& s, const SourceFile* file) { return Dumper(file).run(s); }

}  // namespace kvs::model
