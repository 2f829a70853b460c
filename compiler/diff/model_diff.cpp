#include "model_diff.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "danish.hpp"

namespace kvs::diff {
namespace {

using namespace kvs::model;

std::string quote(const std::string& s) { return "\u2018" + s + "\u2019"; }

template <class E>
std::string labels(const std::vector<Term<E>>& terms, const char* conjunction = " og ") {
  std::string out;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (i) out += i + 1 == terms.size() ? conjunction : ", ";
    out += label_of(terms[i].value);
  }
  return out.empty() ? "ikke angivet" : out;
}

template <class E>
std::vector<E> values(const std::vector<Term<E>>& terms) {
  std::vector<E> out;
  for (auto& t : terms) out.push_back(t.value);
  return out;
}

std::string meetings_text(const std::vector<Meeting>& ms) {
  std::string out;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    if (i) out += i + 1 == ms.size() ? " og " : ", ";
    out += ms[i].label.empty() ? std::string(label_of(ms[i].kind)) : ms[i].label;
  }
  return out.empty() ? "ikke angivet" : out;
}

std::string conditions_text(const std::vector<Condition>& cs) {
  std::string out;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    if (i) out += " og ";
    out += cs[i].kind ? std::string(label_of(*cs[i].kind)) : cs[i].free_text;
  }
  return out;
}

std::string who(const TargetGroup& g) {
  std::string s = describe_ages(g.ages);
  std::string c = conditions_text(g.conditions);
  if (!c.empty()) s += (s.empty() ? "borgere, der " : ", der ") + c;
  return s.empty() ? "ingen afgrænsning" : s;
}

std::string group_name(const TargetGroup& g) { return quote(g.title.empty() ? g.id : g.title); }

bool same_ages(const std::vector<AgeRule>& a, const std::vector<AgeRule>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].kind != b[i].kind || a[i].from != b[i].from || a[i].to != b[i].to) return false;
  return true;
}

bool same_conditions(const std::vector<Condition>& a, const std::vector<Condition>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].kind != b[i].kind || a[i].free_text != b[i].free_text) return false;
  return true;
}

bool same_meetings(const std::vector<Meeting>& a, const std::vector<Meeting>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].kind != b[i].kind || a[i].label != b[i].label) return false;
  return true;
}

/// A key for matching target groups across years when their ids differ: who they cover.
std::string semantic_key(const TargetGroup& g) { return who(g); }

class Differ {
 public:
  StandardDiff run(const Standard& a, const Standard& b, const CheckSummary& ca, const CheckSummary& cb) {
    if (ca.law_versions != cb.law_versions && !ca.law_versions.empty() && !cb.law_versions.empty())
      change(Change::Kind::changed, "lov",
             "Standarden bedømmes nu efter " + cb.law_versions + " (før: " + ca.law_versions + ").", std::nullopt,
             std::nullopt);
    metadata(a, b);
    groups(a, b);
    exclusions(a, b);
    risk_groups(a, b);
    contacts(a, b);
    prose(a, b);
    findings(ca.findings, cb.findings);
    return std::move(d_);
  }

 private:
  void change(Change::Kind kind, std::string area, std::string sentence, std::optional<SourceRange> ow,
              std::optional<SourceRange> nw) {
    d_.changes.push_back({kind, std::move(area), std::move(sentence), ow, nw});
  }

  void metadata(const Standard& a, const Standard& b) {
    auto period = [](const Standard& s) {
      if (s.valid_from && s.valid_to)
        return render::danish_date(*s.valid_from) + " til " + render::danish_date(*s.valid_to);
      if (s.year) return "året " + std::to_string(*s.year);
      return std::string("ingen angivet periode");
    };
    if (period(a) != period(b))
      change(Change::Kind::changed, "periode",
             "Standarden gælder nu for " + period(b) + " (før: " + period(a) + ").", a.period_where, b.period_where);
    if (a.scheme != b.scheme)
      change(Change::Kind::changed, "ordning",
             "Tilbuddet er ændret fra " + std::string(label_of(a.scheme)) + " til " + std::string(label_of(b.scheme)) + ".",
             std::nullopt, std::nullopt);
    auto approval = [](const Standard& s) {
      if (!s.approval) return std::string("ingen godkendelse angivet");
      std::string t = s.approval->body.empty() ? "godkendt" : "godkendt af " + s.approval->body;
      if (s.approval->date) t += " den " + render::danish_date(*s.approval->date);
      return t;
    };
    if (approval(a) != approval(b))
      change(Change::Kind::changed, "godkendelse", "Godkendelsen er nu: " + approval(b) + " (før: " + approval(a) + ").",
             a.approval ? std::optional(a.approval->where) : std::nullopt,
             b.approval ? std::optional(b.approval->where) : std::nullopt);
    auto citations = [](const Standard& s) {
      std::vector<std::string> out;
      if (s.legal_basis)
        for (auto& c : s.legal_basis->citations) out.push_back(c.display());
      return out;
    };
    auto amendments = [](const Standard& s) {
      std::vector<std::string> out;
      if (s.legal_basis)
        for (auto& m : s.legal_basis->amendments)
          out.push_back("lov nr. " + std::to_string(m.number) + " af " + render::danish_date(m.date));
      return out;
    };
    for (auto& m : amendments(b))
      if (auto old = amendments(a); std::find(old.begin(), old.end(), m) == old.end())
        change(Change::Kind::added, "lovgrundlag", "Lovgrundlaget nævner nu ændringsloven " + m + ".", std::nullopt,
               b.legal_basis ? std::optional(b.legal_basis->where) : std::nullopt);
    for (auto& m : amendments(a))
      if (auto now = amendments(b); std::find(now.begin(), now.end(), m) == now.end())
        change(Change::Kind::removed, "lovgrundlag", "Lovgrundlaget nævner ikke længere ændringsloven " + m + ".",
               a.legal_basis ? std::optional(a.legal_basis->where) : std::nullopt, std::nullopt);
    auto deadline = [](const Standard& s) {
      if (!s.case_deadline) return std::string("ingen frist angivet");
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", s.case_deadline->value);
      return std::string(buf) + " " + s.case_deadline->unit;
    };
    if (deadline(a) != deadline(b))
      change(Change::Kind::changed, "sagsbehandlingstid",
             "Sagsbehandlingstiden er ændret fra " + deadline(a) + " til " + deadline(b) + ".",
             a.case_deadline ? std::optional(a.case_deadline->where) : std::nullopt,
             b.case_deadline ? std::optional(b.case_deadline->where) : std::nullopt);
    auto ca = citations(a), cb = citations(b);
    for (auto& c : cb)
      if (std::find(ca.begin(), ca.end(), c) == ca.end())
        change(Change::Kind::added, "lovgrundlag", "Lovgrundlaget henviser nu også til " + c + ".",
               std::nullopt, b.legal_basis ? std::optional(b.legal_basis->where) : std::nullopt);
    for (auto& c : ca)
      if (std::find(cb.begin(), cb.end(), c) == cb.end())
        change(Change::Kind::removed, "lovgrundlag", "Lovgrundlaget henviser ikke længere til " + c + ".",
               a.legal_basis ? std::optional(a.legal_basis->where) : std::nullopt,
               b.legal_basis ? std::optional(b.legal_basis->where) : std::nullopt);
  }

  void groups(const Standard& a, const Standard& b) {
    std::set<std::size_t> matched_b;
    auto find_match = [&](const TargetGroup& g) -> const TargetGroup* {
      for (std::size_t i = 0; i < b.groups.size(); ++i)
        if (!matched_b.count(i) && b.groups[i].id == g.id) return matched_b.insert(i), &b.groups[i];
      for (std::size_t i = 0; i < b.groups.size(); ++i)
        if (!matched_b.count(i) && semantic_key(b.groups[i]) == semantic_key(g)) return matched_b.insert(i), &b.groups[i];
      return nullptr;
    };
    for (const auto& g : a.groups) {
      const TargetGroup* h = find_match(g);
      if (!h) {
        change(Change::Kind::removed, "målgruppe",
               "Målgruppen " + group_name(g) + " (" + who(g) + ") er fjernet.", g.where, std::nullopt);
        continue;
      }
      group_changes(g, *h);
    }
    for (std::size_t i = 0; i < b.groups.size(); ++i) {
      if (matched_b.count(i)) continue;
      const TargetGroup& g = b.groups[i];
      std::string s = "Ny målgruppe " + group_name(g) + ": " + who(g);
      if (!g.invitations.empty()) s += "; invitation: " + labels(g.invitations);
      if (!g.meetings.empty()) s += "; mødeform: " + meetings_text(g.meetings);
      change(Change::Kind::added, "målgruppe", s + ".", std::nullopt, g.where);
    }
  }

  void group_changes(const TargetGroup& g, const TargetGroup& h) {
    std::string name = "Målgruppen " + group_name(h);
    auto changed = [&](std::string what, std::string from, std::string to) {
      change(Change::Kind::changed, "målgruppe", name + ": " + what + " er ændret fra " + from + " til " + to + ".",
             g.where, h.where);
    };
    if (!same_ages(g.ages, h.ages)) changed("alderen", describe_ages(g.ages), describe_ages(h.ages));
    if (!same_conditions(g.conditions, h.conditions))
      changed("betingelsen", conditions_text(g.conditions).empty() ? "ingen" : conditions_text(g.conditions),
              conditions_text(h.conditions).empty() ? "ingen" : conditions_text(h.conditions));
    if (values(g.frequency) != values(h.frequency)) changed("hyppigheden", labels(g.frequency), labels(h.frequency));
    if (values(g.invitations) != values(h.invitations))
      changed("invitationen", labels(g.invitations), labels(h.invitations));
    if (!same_meetings(g.meetings, h.meetings)) changed("mødeformen", meetings_text(g.meetings), meetings_text(h.meetings));
    if (g.alternative.has_value() != h.alternative.has_value())
      change(h.alternative ? Change::Kind::added : Change::Kind::removed, "målgruppe",
             name + (h.alternative ? ": de, der ikke ønsker det fælles arrangement, får nu tilbud om et individuelt hjemmebesøg."
                                   : ": tilbuddet om et individuelt hjemmebesøg i stedet for det fælles arrangement er fjernet."),
             g.where, h.where);
    auto enrol = [](const TargetGroup& t) { return t.enrolment ? std::string(label_of(t.enrolment->value)) : "ikke angivet"; };
    if (enrol(g) != enrol(h)) changed("tilmeldingen", enrol(g), enrol(h));
    if (g.text && h.text && g.text->value != h.text->value)
      d_.prose.push_back({"målgruppen " + group_name(h), redline(g.text->value, h.text->value), g.text->where, h.text->where});
  }

  static std::string grounds_text(const Exclusion& e) {
    std::string out = labels(e.grounds, " eller ");
    if (!e.narrowing.empty()) out += " (" + e.narrowing + ")";
    return out;
  }

  void exclusions(const Standard& a, const Standard& b) {
    auto key = [](const Exclusion& e) {
      std::vector<int> k;
      for (auto& g : e.grounds) k.push_back(static_cast<int>(g.value));
      std::sort(k.begin(), k.end());
      return k;
    };
    std::set<std::size_t> matched;
    for (const auto& e : a.exclusions) {
      bool found = false;
      for (std::size_t i = 0; i < b.exclusions.size(); ++i)
        if (!matched.count(i) && key(b.exclusions[i]) == key(e)) {
          matched.insert(i);
          found = true;
          if (b.exclusions[i].narrowing != e.narrowing)
            change(Change::Kind::changed, "undtagelse",
                   "Undtagelsen af borgere, der " + grounds_text(e) + ", lyder nu: " + grounds_text(b.exclusions[i]) + ".",
                   e.where, b.exclusions[i].where);
          break;
        }
      if (!found)
        change(Change::Kind::removed, "undtagelse",
               "Borgere, der " + grounds_text(e) + ", er ikke længere undtaget.", e.where, std::nullopt);
    }
    for (std::size_t i = 0; i < b.exclusions.size(); ++i)
      if (!matched.count(i))
        change(Change::Kind::added, "undtagelse",
               "Ny undtagelse: borgere, der " + grounds_text(b.exclusions[i]) + ", får ikke tilbuddet.", std::nullopt,
               b.exclusions[i].where);
  }

  void risk_groups(const Standard& a, const Standard& b) {
    auto key = [](const RiskGroup& r) { return std::string(word_of(r.category.value)) + "|" + r.title; };
    std::multiset<std::string> ka, kb;
    for (auto& r : a.risk_groups) ka.insert(key(r));
    for (auto& r : b.risk_groups) kb.insert(key(r));
    for (auto& r : a.risk_groups)
      if (!kb.count(key(r)))
        change(Change::Kind::removed, "risikogruppe", "Risikogruppen " + quote(r.title) + " er fjernet.", r.where, std::nullopt);
    for (auto& r : b.risk_groups)
      if (!ka.count(key(r)))
        change(Change::Kind::added, "risikogruppe",
               "Ny risikogruppe: " + quote(r.title) + " (" + std::string(label_of(r.category.value)) + ").", std::nullopt, r.where);
  }

  void contacts(const Standard& a, const Standard& b) {
    auto flat = [](const Standard& s) {
      std::map<std::string, std::string> out;
      for (auto& c : s.contacts) {
        std::string v;
        for (auto& l : c.address) v += l + ", ";
        for (auto& p : c.phones) v += "tlf. " + p.number + (p.hours.empty() ? "" : " (" + p.hours + ")") + ", ";
        if (!c.email.empty()) v += c.email + ", ";
        if (!c.web.empty()) v += c.web + ", ";
        if (v.size() >= 2) v.resize(v.size() - 2);
        out[c.name] = v;
      }
      return out;
    };
    auto fa = flat(a), fb = flat(b);
    for (auto& [name, v] : fb) {
      auto it = fa.find(name);
      if (it == fa.end())
        change(Change::Kind::added, "kontakt", "Ny kontakt: " + name + " — " + v + ".", std::nullopt, std::nullopt);
      else if (it->second != v)
        change(Change::Kind::changed, "kontakt", "Kontaktoplysningerne for " + name + " er nu: " + v + " (før: " + it->second + ").",
               std::nullopt, std::nullopt);
    }
    for (auto& [name, v] : fa)
      if (!fb.count(name)) change(Change::Kind::removed, "kontakt", "Kontakten " + name + " er fjernet.", std::nullopt, std::nullopt);
  }

  void prose(const Standard& a, const Standard& b) {
    std::set<std::string> keys;
    for (auto& [k, t] : a.prose) keys.insert(k);
    for (auto& [k, t] : b.prose) keys.insert(k);
    for (auto& k : keys) {
      const Text* ta = a.prose_field(k);
      const Text* tb = b.prose_field(k);
      if (ta && tb && ta->value == tb->value) continue;
      d_.prose.push_back({"afsnittet " + quote(k), redline(ta ? ta->value : "", tb ? tb->value : ""),
                          ta ? std::optional(ta->where) : std::nullopt, tb ? std::optional(tb->where) : std::nullopt});
    }
    std::map<std::string, const Section*> sa, sb;
    for (auto& s : a.sections) sa[s.heading] = &s;
    for (auto& s : b.sections) sb[s.heading] = &s;
    for (auto& [h, s] : sb) {
      auto it = sa.find(h);
      if (it == sa.end()) {
        change(Change::Kind::added, "afsnit", "Nyt afsnit: " + quote(h) + ".", std::nullopt, s->where);
      } else if (it->second->text.value != s->text.value) {
        d_.prose.push_back({"afsnittet " + quote(h), redline(it->second->text.value, s->text.value),
                            it->second->text.where, s->text.where});
      }
    }
    for (auto& [h, s] : sa)
      if (!sb.count(h)) change(Change::Kind::removed, "afsnit", "Afsnittet " + quote(h) + " er fjernet.", s->where, std::nullopt);
  }

  void findings(const std::vector<Diagnostic>& fa, const std::vector<Diagnostic>& fb) {
    // A finding is "the same" across years when its rule and message agree: line numbers move.
    auto key = [](const Diagnostic& d) { return d.code + "|" + d.message; };
    std::multiset<std::string> ka, kb;
    for (auto& d : fa) ka.insert(key(d));
    for (auto& d : fb) kb.insert(key(d));
    for (auto& d : fb)
      if (!ka.count(key(d))) d_.findings.push_back({true, d.code, d.severity, d.message, d.where});
    for (auto& d : fa)
      if (!kb.count(key(d))) d_.findings.push_back({false, d.code, d.severity, d.message, d.where});
  }

  StandardDiff d_;
};

}  // namespace

std::string describe_ages(const std::vector<AgeRule>& ages) {
  std::string out;
  for (std::size_t i = 0; i < ages.size(); ++i) {
    if (i) out += i + 1 == ages.size() ? " og " : ", ";
    const AgeRule& r = ages[i];
    switch (r.kind) {
      case AgeRule::Kind::turns: out += "i det år, de fylder " + std::to_string(r.from); break;
      case AgeRule::Kind::turns_onwards: out += "hvert år fra det år, de fylder " + std::to_string(r.from); break;
      case AgeRule::Kind::from_age: out += "fra " + std::to_string(r.from) + " år"; break;
      case AgeRule::Kind::range:
        out += std::to_string(r.from) + "\u2013" + (r.to ? std::to_string(*r.to) : "") + " år";
        break;
    }
  }
  return out;
}

StandardDiff compare(const Standard& old_s, const Standard& new_s, const CheckSummary& old_check,
                     const CheckSummary& new_check) {
  return Differ().run(old_s, new_s, old_check, new_check);
}

}  // namespace kvs::diff
