#include "value_readers.hpp"

#include <cmath>

namespace kvs::model {
namespace {

using K = ast::Atom::Kind;

/// A cursor over the atoms of one value, for the small phrase grammars below.
class Cursor {
 public:
  explicit Cursor(const ast::Value& v) : v_(v) {}
  const ast::Atom* peek() const { return i_ < v_.atoms.size() ? &v_.atoms[i_] : nullptr; }
  const ast::Atom* next() { return i_ < v_.atoms.size() ? &v_.atoms[i_++] : nullptr; }
  bool word(std::string_view w) {
    auto a = peek();
    if (a && a->kind == K::word && fold_equal(a->text, w)) { ++i_; return true; }
    return false;
  }
  bool at_end() const { return i_ >= v_.atoms.size(); }
  SourceRange here() const { return peek() ? peek()->where : SourceRange{v_.where.end, v_.where.end}; }
 private:
  const ast::Value& v_;
  std::size_t i_ = 0;
};

std::string describe(const ast::Atom* a) {
  if (!a) return "ingenting";
  switch (a->kind) {
    case K::word: return "'" + a->text + "'";
    case K::string: return "teksten \"" + a->text + "\"";
    case K::prose: return "en tekstblok";
    case K::number: return "tallet " + a->text;
    case K::range: return "intervallet " + a->text;
    case K::date: return "datoen " + a->text;
  }
  return "?";
}

bool is_whole(const ast::Atom& a) { return a.kind == K::number && a.number == std::floor(a.number); }

constexpr int kMaxAge = 120;

std::optional<int> age_number(LowerContext& cx, const ast::Atom* a) {
  if (!a || !is_whole(*a)) {
    auto& d = cx.error(a ? a->where : SourceRange{}, "KVS-S003",
                       "forventede en alder (et helt tal), men fandt " + describe(a));
    d.suggestion = "fx  alder: fylder 75";
    return std::nullopt;
  }
  int n = static_cast<int>(a->number);
  if (n > kMaxAge) {
    auto& d = cx.error(a->where, "KVS-S007", "alderen " + a->text + " år er ikke mulig");
    d.suggestion = "en alder ligger mellem 0 og " + std::to_string(kMaxAge) + " år";
    return std::nullopt;
  }
  return n;
}

void expect_end(LowerContext& cx, Cursor& c, std::string_view what, std::string hint) {
  if (c.at_end()) return;
  auto& d = cx.error(c.here(), "KVS-S003",
                     "uventet " + describe(c.peek()) + " i " + std::string(what));
  d.suggestion = std::move(hint);
}

}  // namespace

const ast::Value* single_value(LowerContext& cx, const ast::Field& f) {
  if (f.values.size() == 1) return &f.values[0];
  auto& d = cx.error(f.values[1].where, "KVS-S003", "feltet '" + f.key + "' har én værdi, ikke en liste");
  d.suggestion = "skriv teksten i anførselstegn, hvis den indeholder komma";
  return nullptr;
}

std::optional<Text> read_text(LowerContext& cx, const ast::Field& f) {
  const ast::Value* v = single_value(cx, f);
  if (!v) return std::nullopt;
  if (v->atoms.size() == 1 && (v->atoms[0].kind == K::string || v->atoms[0].kind == K::prose))
    return Text{v->atoms[0].text, v->atoms[0].where};
  auto& d = cx.error(v->where, "KVS-S003",
                     "feltet '" + f.key + "' skal være en tekst i anførselstegn, men er " +
                         describe(&v->atoms[0]));
  d.suggestion = "skriv  " + f.key + ": \"…\"  (eller \"\"\" … \"\"\" over flere linjer)";
  return std::nullopt;
}

std::vector<Text> read_text_list(LowerContext& cx, const ast::Field& f) {
  std::vector<Text> out;
  for (const auto& v : f.values) {
    if (v.atoms.size() == 1 && (v.atoms[0].kind == K::string || v.atoms[0].kind == K::prose)) {
      out.push_back({v.atoms[0].text, v.atoms[0].where});
      continue;
    }
    auto& d = cx.error(v.where, "KVS-S003",
                       "hvert punkt i '" + f.key + "' skal være en tekst i anførselstegn");
    d.suggestion = "skriv  " + f.key + ": \"første\", \"anden\"";
  }
  return out;
}

std::optional<int> read_int(LowerContext& cx, const ast::Field& f, int min, int max, int example) {
  const ast::Value* v = single_value(cx, f);
  if (!v) return std::nullopt;
  if (v->atoms.size() != 1 || !is_whole(v->atoms[0])) {
    auto& d = cx.error(v->where, "KVS-S003",
                       "feltet '" + f.key + "' skal være et helt tal, men er " + describe(&v->atoms[0]));
    d.suggestion = "fx  " + f.key + ": " + std::to_string(example);
    return std::nullopt;
  }
  int n = static_cast<int>(v->atoms[0].number);
  if (n < min || n > max) {
    auto& d = cx.error(v->atoms[0].where, "KVS-S003",
                       "værdien " + v->atoms[0].text + " i '" + f.key + "' er ikke mulig");
    d.suggestion = "tallet skal ligge mellem " + std::to_string(min) + " og " + std::to_string(max);
    return std::nullopt;
  }
  return n;
}

std::optional<Date> date_of(LowerContext& cx, const ast::Atom& a) {
  if (a.kind != K::date) {
    auto& d = cx.error(a.where, "KVS-S003", "forventede en dato, men fandt " + describe(&a));
    d.suggestion = "skriv datoen som år-måned-dag, fx 2024-02-06";
    return std::nullopt;
  }
  Date date{a.year, a.month, a.day};
  if (!date.valid()) {
    auto& d = cx.error(a.where, "KVS-S010", "datoen " + a.text + " findes ikke i kalenderen");
    d.suggestion = "skriv datoen som år-måned-dag, fx 2024-02-06";
    return std::nullopt;
  }
  return date;
}

std::optional<Date> read_date(LowerContext& cx, const ast::Field& f) {
  const ast::Value* v = single_value(cx, f);
  if (!v) return std::nullopt;
  if (v->atoms.size() != 1) {
    cx.error(v->where, "KVS-S003", "feltet '" + f.key + "' skal være én dato").suggestion =
        "fx  " + f.key + ": 2024-02-06";
    return std::nullopt;
  }
  return date_of(cx, v->atoms[0]);
}

std::vector<AgeRule> read_age_rules(LowerContext& cx, const ast::Field& f) {
  std::vector<AgeRule> out;
  const std::string hint = "fx  alder: fylder 75  ·  fylder 82 og frem  ·  fra 82  ·  65-81  ·  fra 65";
  for (const auto& v : f.values) {
    Cursor c(v);
    auto skip_years = [&] { c.word("år"); };
    if (c.word("fylder")) {
      // fylder N [år] {og N [år]} [og frem]
      std::vector<AgeRule> turns;
      bool ok = true;
      while (true) {
        const ast::Atom* a = c.next();
        auto n = age_number(cx, a);
        if (!n) { ok = false; break; }
        turns.push_back({AgeRule::Kind::turns, *n, std::nullopt, a->where});
        skip_years();
        if (!c.word("og")) break;
        if (c.word("frem")) { turns.back().kind = AgeRule::Kind::turns_onwards; break; }
      }
      if (!ok) continue;
      expect_end(cx, c, "aldersreglen", hint);
      out.insert(out.end(), turns.begin(), turns.end());
    } else if (c.word("fra")) {
      const ast::Atom* a = c.next();
      auto n = age_number(cx, a);
      if (!n) continue;
      skip_years();
      expect_end(cx, c, "aldersreglen", hint);
      out.push_back({AgeRule::Kind::from_age, *n, std::nullopt, {v.where.begin, a->where.end}});
    } else if (c.peek() && c.peek()->kind == K::range) {
      const ast::Atom* a = c.next();
      skip_years();
      if (a->low > kMaxAge || a->high > kMaxAge) {
        cx.error(a->where, "KVS-S007", "aldersintervallet " + a->text + " indeholder en umulig alder")
            .suggestion = "en alder ligger mellem 0 og " + std::to_string(kMaxAge) + " år";
        continue;
      }
      if (a->low > a->high) {
        auto& d = cx.error(a->where, "KVS-S008", "aldersintervallet " + a->text + " er omvendt");
        d.suggestion = "skriv den laveste alder først: " + std::to_string(a->high) + "-" + std::to_string(a->low);
        continue;
      }
      expect_end(cx, c, "aldersreglen", hint);
      out.push_back({AgeRule::Kind::range, a->low, a->high, a->where});
    } else if (c.peek() && c.peek()->kind == K::number) {
      const ast::Atom* a = c.next();
      auto n = age_number(cx, a);
      skip_years();
      if (n && c.word("og") && c.word("derover")) {
        expect_end(cx, c, "aldersreglen", hint);
        out.push_back({AgeRule::Kind::from_age, *n, std::nullopt, {a->where.begin, v.where.end}});
        continue;
      }
      auto& d = cx.error(a->where, "KVS-S003",
                         "det fremgår ikke, om alderen " + a->text + " gælder året, man fylder " +
                             a->text + ", eller alle fra " + a->text + " år");
      d.suggestion = "skriv  fylder " + a->text + "  eller  fra " + a->text;
    } else {
      auto& d = cx.error(c.here(), "KVS-S003", "forventede en aldersregel, men fandt " + describe(c.peek()));
      d.suggestion = hint;
    }
  }
  return out;
}

std::optional<Citation> read_citation(LowerContext& cx, const ast::Value& v) {
  Cursor c(v);
  Citation cit;
  cit.where = v.where;
  const ast::Atom* act = c.next();
  if (!act || act->kind != K::word || act->text == "§") {
    auto& d = cx.error(act ? act->where : v.where, "KVS-S011",
                       "en lovhenvisning begynder med lovens navn, men fandt " + describe(act));
    d.suggestion = "fx  serviceloven § 79 a stk. 3";
    return std::nullopt;
  }
  cit.act = act->text;
  while (!c.at_end()) {
    const ast::Atom* a = c.peek();
    if (a->kind == K::word && a->text.rfind("§", 0) == 0) {
      c.next();
      std::string p = a->text.substr(std::string_view("§").size());
      if (p.empty()) {
        const ast::Atom* n = c.next();
        if (!n || !is_whole(*n)) {
          cx.error(n ? n->where : a->where, "KVS-S011", "forventede et paragrafnummer efter §")
              .suggestion = "fx  § 79 a";
          return std::nullopt;
        }
        p = n->text;
        // A single lower-case letter after the number belongs to it: § 79 a.
        const ast::Atom* letter = c.peek();
        if (letter && letter->kind == K::word && letter->text.size() == 1 && letter->text[0] >= 'a' &&
            letter->text[0] <= 'z') {
          p += " " + letter->text;
          c.next();
        }
      } else {
        // §79a → "79 a"
        std::size_t digits = 0;
        while (digits < p.size() && p[digits] >= '0' && p[digits] <= '9') ++digits;
        if (digits > 0 && digits < p.size()) p = p.substr(0, digits) + " " + p.substr(digits);
      }
      cit.paragraph = p;
    } else if (c.word("stk.") || c.word("stk")) {
      do {
        const ast::Atom* n = c.next();
        if (!n || !is_whole(*n)) {
          cx.error(n ? n->where : v.where, "KVS-S011", "forventede et stykkenummer efter 'stk.'")
              .suggestion = "fx  stk. 3  eller  stk. 1 og 2";
          return std::nullopt;
        }
        cit.stk.push_back(static_cast<int>(n->number));
      } while (c.word("og"));
    } else if (c.word("kapitel")) {
      const ast::Atom* n = c.next();
      if (!n || !is_whole(*n)) {
        cx.error(n ? n->where : v.where, "KVS-S011", "forventede et kapitelnummer").suggestion = "fx  kapitel 2";
        return std::nullopt;
      }
      cit.chapter = n->text;
    } else if (c.word("nr.") || c.word("nr")) {
      const ast::Atom* n = c.next();
      if (!n || !is_whole(*n)) {
        cx.error(n ? n->where : v.where, "KVS-S011", "forventede et nummer efter 'nr.'").suggestion =
            "fx  bekendtgørelse nr. 716 af 2019-07-07";
        return std::nullopt;
      }
      cit.number = static_cast<int>(n->number);
      if (c.word("af")) {
        const ast::Atom* d = c.next();
        if (!d) return std::nullopt;
        cit.date = date_of(cx, *d);
        if (!cit.date) return std::nullopt;
      }
    } else {
      auto& d = cx.error(a->where, "KVS-S011", "uventet " + describe(a) + " i lovhenvisningen");
      d.suggestion = "fx  serviceloven § 79 a stk. 3  ·  ældreloven kapitel 2  ·  bekendtgørelse nr. 716 af 2019-07-07";
      return std::nullopt;
    }
  }
  if (cit.paragraph.empty() && cit.chapter.empty() && cit.number == 0) {
    auto& d = cx.error(v.where, "KVS-S011", "lovhenvisningen nævner ingen paragraf, intet kapitel og intet nummer");
    d.suggestion = "fx  " + cit.act + " § 79 a";
    return std::nullopt;
  }
  return cit;
}

std::optional<AmendingAct> read_amending_act(LowerContext& cx, const ast::Value& v) {
  Cursor c(v);
  const std::string hint = "fx  ændringslov: lov nr. 508 af 2019-05-01 \"Lov om ændring af lov om social service\"";
  if (!c.word("lov") || !(c.word("nr.") || c.word("nr"))) {
    cx.error(c.here(), "KVS-S011", "en ændringslov skrives 'lov nr. NUMMER af DATO'").suggestion = hint;
    return std::nullopt;
  }
  const ast::Atom* n = c.next();
  if (!n || !is_whole(*n)) {
    cx.error(n ? n->where : v.where, "KVS-S011", "forventede lovens nummer efter 'lov nr.'").suggestion = hint;
    return std::nullopt;
  }
  AmendingAct act;
  act.number = static_cast<int>(n->number);
  act.where = v.where;
  if (!c.word("af")) {
    cx.error(c.here(), "KVS-S011", "forventede 'af' og lovens dato").suggestion = hint;
    return std::nullopt;
  }
  const ast::Atom* d = c.next();
  if (!d) {
    cx.error(v.where, "KVS-S011", "forventede lovens dato").suggestion = hint;
    return std::nullopt;
  }
  auto date = date_of(cx, *d);
  if (!date) return std::nullopt;
  act.date = *date;
  if (const ast::Atom* t = c.peek(); t && t->kind == K::string) {
    act.title = t->text;
    c.next();
  }
  expect_end(cx, c, "ændringsloven", hint);
  return act;
}

namespace {
std::optional<std::string> unit_word(std::string_view w) {
  static const std::pair<std::string_view, std::string_view> units[] = {
      {"minut", "minutter"}, {"minutter", "minutter"}, {"time", "timer"},  {"timer", "timer"},
      {"dag", "dage"},       {"dage", "dage"},         {"uge", "uger"},    {"uger", "uger"},
      {"måned", "måneder"},  {"måneder", "måneder"},   {"år", "år"}};
  for (auto& [spelling, unit] : units)
    if (fold_equal(spelling, w)) return std::string(unit);
  return std::nullopt;
}
}  // namespace

std::optional<Quantity> read_quantity(LowerContext& cx, const ast::Field& f) {
  const ast::Value* v = single_value(cx, f);
  if (!v) return std::nullopt;
  Cursor c(*v);
  Quantity q;
  q.where = v->where;
  q.approximate = c.word("ca.") || c.word("ca");
  const ast::Atom* n = c.next();
  const ast::Atom* u = c.next();
  std::optional<std::string> unit = u && u->kind == K::word ? unit_word(u->text) : std::nullopt;
  if (!n || n->kind != K::number || !unit) {
    auto& d = cx.error(v->where, "KVS-S003", "feltet '" + f.key + "' skal være et tal og en enhed");
    d.suggestion = "fx  " + f.key + ": ca. 1 time  ·  45 minutter  ·  3 uger";
    return std::nullopt;
  }
  q.value = n->number;
  q.unit = *unit;
  expect_end(cx, c, "feltet '" + f.key + "'", "fx  ca. 1½ time");
  return q;
}

std::optional<Timing> read_timing(LowerContext& cx, const ast::Field& f) {
  const ast::Value* v = single_value(cx, f);
  if (!v) return std::nullopt;
  Cursor c(*v);
  Timing t;
  t.where = v->where;
  const ast::Atom* n = c.next();
  const ast::Atom* u = c.next();
  std::optional<std::string> unit = u && u->kind == K::word ? unit_word(u->text) : std::nullopt;
  const std::string hint = "fx  tidspunkt: 6-8 uger efter dødsfald";
  if (!n || !(n->kind == K::range || is_whole(*n)) || !unit) {
    cx.error(v->where, "KVS-S003", "feltet 'tidspunkt' skal være et tidsrum og en begivenhed").suggestion = hint;
    return std::nullopt;
  }
  if (n->kind == K::range) {
    t.low = n->low;
    t.high = n->high;
    if (t.low > t.high) {
      cx.error(n->where, "KVS-S008", "tidsrummet " + n->text + " er omvendt").suggestion =
          "skriv det korteste tidsrum først";
      return std::nullopt;
    }
  } else {
    t.low = t.high = static_cast<int>(n->number);
  }
  t.unit = *unit;
  if (!c.word("efter")) {
    cx.error(c.here(), "KVS-S003", "forventede 'efter' og den begivenhed, tidsrummet regnes fra").suggestion = hint;
    return std::nullopt;
  }
  std::string after;
  while (const ast::Atom* a = c.next()) after += (after.empty() ? "" : " ") + a->text;
  if (after.empty()) {
    cx.error(v->where, "KVS-S003", "forventede en begivenhed efter 'efter'").suggestion = hint;
    return std::nullopt;
  }
  t.after = after;
  return t;
}

std::optional<Approval> read_approval(LowerContext& cx, const ast::Field& f) {
  const ast::Value* v = single_value(cx, f);
  if (!v) return std::nullopt;
  Cursor c(*v);
  Approval a;
  a.where = v->where;
  const std::string hint = "fx  godkendt: 2024-02-06 af \"Sundheds- og Ældreudvalget\"";
  if (const ast::Atom* d = c.peek(); d && d->kind == K::date) {
    c.next();
    a.date = date_of(cx, *d);
    if (!a.date) return std::nullopt;
  }
  if (c.word("af")) {
    const ast::Atom* body = c.next();
    if (!body || body->kind != K::string) {
      cx.error(body ? body->where : v->where, "KVS-S003",
               "forventede navnet på det godkendende organ i anførselstegn efter 'af'").suggestion = hint;
      return std::nullopt;
    }
    a.body = body->text;
  }
  if (!a.date && a.body.empty()) {
    cx.error(v->where, "KVS-S003", "'godkendt' skal angive dato og/eller organ").suggestion = hint;
    return std::nullopt;
  }
  expect_end(cx, c, "godkendelsen", hint);
  return a;
}

std::optional<Meeting> read_meeting(LowerContext& cx, const ast::Value& v) {
  Meeting m;
  m.where = v.where;
  ast::Value head = v;
  if (head.atoms.size() == 2 && head.atoms[1].kind == K::string) {
    m.label = head.atoms[1].text;
    head.atoms.pop_back();
  }
  auto kind = read_word<MeetingKind>(cx, head, "mødeform");
  if (!kind) return std::nullopt;
  m.kind = kind->value;
  return m;
}

std::vector<Condition> read_conditions(LowerContext& cx, const ast::Field& f) {
  std::vector<Condition> out;
  for (const auto& v : f.values) {
    if (v.atoms.size() == 1 && v.atoms[0].kind == K::string) {
      out.push_back({std::nullopt, v.atoms[0].text, v.atoms[0].where});
      continue;
    }
    if (auto t = read_word<ConditionKind>(cx, v, f.key)) out.push_back({t->value, "", t->where});
  }
  return out;
}

std::optional<Phone> read_phone(LowerContext& cx, const ast::Field& f) {
  const ast::Value* v = single_value(cx, f);
  if (!v) return std::nullopt;
  if (v->atoms.empty() || v->atoms.size() > 2 || v->atoms[0].kind != K::string ||
      (v->atoms.size() == 2 && v->atoms[1].kind != K::string)) {
    cx.error(v->where, "KVS-S003", "telefon skrives som nummer og evt. telefontid i anførselstegn")
        .suggestion = "fx  telefon: \"57 87 62 61\" \"mandag-torsdag kl. 8.00-8.30\"";
    return std::nullopt;
  }
  Phone p{v->atoms[0].text, v->atoms.size() == 2 ? v->atoms[1].text : "", v->where};
  return p;
}

std::vector<GroupRef> read_refs(LowerContext& cx, const ast::Field& f) {
  std::vector<GroupRef> out;
  for (const auto& v : f.values) {
    if (v.atoms.size() == 1 && v.atoms[0].kind == K::word) {
      out.push_back({v.atoms[0].text, v.atoms[0].where});
      continue;
    }
    cx.error(v.where, "KVS-S003", "forventede en målgruppes navn (fx mg1)").suggestion =
        "skriv navnene adskilt af komma:  gælder: mg2, mg3";
  }
  return out;
}

}  // namespace kvs::model
