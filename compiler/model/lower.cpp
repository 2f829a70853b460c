#include "lower.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "spellcheck.hpp"
#include "value_readers.hpp"

namespace kvs::model {

const std::vector<std::string_view>& prose_field_keys() {
  static const std::vector<std::string_view> keys = {
      "forord", "formål", "indhold", "indgår-ikke", "omfang", "opfølgning", "dokumentation",
      "tavshedspligt", "bevilling", "klageadgang", "sagsbehandlingstid", "brugerbetaling",
      "kvalitetsmål", "sammentænkning", "supplerende-tilbud", "selvhenvendelse", "ansøgning",
      "generel-forebyggelse"};
  return keys;
}

namespace {

using Kind = ast::Item::Kind;

class Lowerer {
 public:
  Lowerer(const SourceFile& file, DiagnosticSink& sink, bool partial) : cx_{file, sink, partial} {}

  Standard run(const ast::Document& doc) {
    std::vector<FieldSpec> fields = {
        {"kommune"}, {"ydelse"}, {"ordning"}, {"år"}, {"periode"}, {"godkendt"},
        {"tiltaleform"}, {"layout"}, {"nummer"}, {"temaer"}, {"samarbejdspartnere"},
        {"sagsbehandlingstid-frist"}};
    for (auto k : prose_field_keys()) fields.push_back({k});
    NameChecker names(cx_, "standarden", fields,
                      {"lovgrundlag", "målgruppe", "risikogruppe", "undtagelse", "personale", "kontakt",
                       "afsnit", "særligt-forhold", "anerkendelse", "frisættelse", "overskrifter"});
    SourceRange first{0, 0};
    for (const auto& item : doc.items) {
      if (item.kind == Kind::field && names.accept(item.field)) top_field(item.field);
      if (item.kind == Kind::block && names.accept(item.block)) top_block(item.block, names);
      if (first.end == 0 && (item.kind == Kind::field || item.kind == Kind::block))
        first = item.kind == Kind::field ? item.field.key_where : item.block.kind_where;
    }
    names.require("kommune", first, "kommune: \"Hjørring Kommune\"");
    names.require("ydelse", first, "ydelse: \"Forebyggende hjemmebesøg\"");
    check_period();
    resolve_references();
    return std::move(s_);
  }

 private:
  void part(Part::Kind kind, std::size_t index, std::string key = {}) {
    s_.order.push_back({kind, std::move(key), index});
  }

  void top_field(const ast::Field& f) {
    const std::string& k = f.key;
    if (k == "kommune") { if (auto t = read_text(cx_, f)) s_.municipality = t->value; }
    else if (k == "ydelse") { if (auto t = read_text(cx_, f)) s_.service = t->value; }
    else if (k == "ordning") { if (auto t = read_one_word<Scheme>(cx_, f)) s_.scheme = t->value; }
    else if (k == "år") { s_.year = read_int(cx_, f, 1990, 2100, 2025); year_where_ = f.where; }
    else if (k == "periode") read_period(f);
    else if (k == "godkendt") s_.approval = read_approval(cx_, f);
    else if (k == "tiltaleform") { if (auto t = read_one_word<AddressForm>(cx_, f)) s_.address_form = t->value; }
    else if (k == "layout") { if (auto t = read_one_word<Layout>(cx_, f)) s_.layout = t->value; }
    else if (k == "nummer") { if (auto t = read_text(cx_, f)) s_.number = t->value; }
    else if (k == "temaer") { s_.themes = read_text_list(cx_, f); part(Part::Kind::themes, 0); }
    else if (k == "samarbejdspartnere") { s_.partners = read_text_list(cx_, f); part(Part::Kind::partners, 0); }
    else if (k == "sagsbehandlingstid-frist") s_.case_deadline = read_quantity(cx_, f);
    else if (auto t = read_text(cx_, f)) {  // one of the prose fields
      s_.prose[k] = *t;
      part(Part::Kind::prose, 0, k);
    }
  }

  void read_period(const ast::Field& f) {
    const ast::Value* v = single_value(cx_, f);
    if (!v) return;
    const std::string hint = "fx  periode: 2025-01-01 til 2025-12-31";
    if (v->atoms.size() != 3 || v->atoms[1].kind != ast::Atom::Kind::word || !fold_equal(v->atoms[1].text, "til")) {
      cx_.error(v->where, "KVS-S003", "perioden skrives 'DATO til DATO'").suggestion = hint;
      return;
    }
    auto from = date_of(cx_, v->atoms[0]);
    auto to = date_of(cx_, v->atoms[2]);
    if (!from || !to) return;
    if (*to < *from) {
      cx_.error(v->where, "KVS-S008", "perioden slutter, før den begynder").suggestion = hint;
      return;
    }
    s_.valid_from = from;
    s_.valid_to = to;
    s_.period_where = v->where;
  }

  void check_period() {
    if (s_.year && s_.valid_from) {
      if (s_.valid_from->year != *s_.year && !(s_.valid_to && s_.valid_to->year == *s_.year)) {
        auto& d = cx_.error(s_.period_where, "KVS-S013",
                            "perioden passer ikke med året " + std::to_string(*s_.year));
        d.notes.push_back({"året står her", DiagnosticSink::share(cx_.file), year_where_});
      }
    }
    if (!s_.valid_from && s_.year) s_.period_where = year_where_;
  }

  void top_block(const ast::Block& b, NameChecker&) {
    const std::string& k = b.kind;
    if (k == "lovgrundlag") {
      if (s_.legal_basis) {
        duplicate_block(b, "lovgrundlag");
        return;
      }
      s_.legal_basis = legal_basis(b);
      part(Part::Kind::legal_basis, 0);
    } else if (k == "målgruppe") {
      s_.groups.push_back(group(b));
      part(Part::Kind::target_group, s_.groups.size() - 1);
    } else if (k == "risikogruppe") {
      s_.risk_groups.push_back(risk_group(b));
      part(Part::Kind::risk_group, s_.risk_groups.size() - 1);
    } else if (k == "undtagelse") {
      s_.exclusions.push_back(exclusion(b));
      part(Part::Kind::exclusion, s_.exclusions.size() - 1);
    } else if (k == "personale") {
      if (s_.staff) {
        duplicate_block(b, "personale");
        return;
      }
      s_.staff = staff(b);
      part(Part::Kind::staff, 0);
    } else if (k == "kontakt") {
      s_.contacts.push_back(contact(b));
      part(Part::Kind::contact, s_.contacts.size() - 1);
    } else if (k == "afsnit") {
      Section sec;
      sec.where = b.where;
      sec.heading = require_title(b, "afsnit \"Overskrift\" {");
      NameChecker names(cx_, "afsnittet", {{"tekst"}}, {});
      for_fields(b, names, [&](const ast::Field& f) {
        if (auto t = read_text(cx_, f)) sec.text = *t;
      });
      // A section without text is a heading for the sections after it (a chapter).
      s_.sections.push_back(std::move(sec));
      part(Part::Kind::section, s_.sections.size() - 1);
    } else if (k == "særligt-forhold") {
      SpecialCondition sc;
      sc.where = b.where;
      sc.heading = require_title(b, "særligt-forhold \"Husdyr\" {");
      NameChecker names(cx_, "det særlige forhold", {{"art"}, {"tekst"}}, {});
      for_fields(b, names, [&](const ast::Field& f) {
        if (f.key == "art") { if (auto t = read_one_word<SpecialKind>(cx_, f)) sc.kind = *t; }
        else if (auto t = read_text(cx_, f)) sc.text = *t;
      });
      names.require("tekst", b.header_where, "tekst: \"…\"");
      s_.specials.push_back(std::move(sc));
      part(Part::Kind::special, s_.specials.size() - 1);
    } else if (k == "overskrifter") {
      headings(b);
    } else if (k == "anerkendelse") {
      acknowledgement(b);
    } else if (k == "frisættelse") {
      release(b);
    }
  }

  void duplicate_block(const ast::Block& b, const std::string& kind) {
    cx_.error(b.kind_where, "KVS-S002", "blokken '" + kind + "' må kun stå én gang").suggestion =
        "saml indholdet i den første '" + kind + "'-blok";
  }

  template <class F>
  void for_fields(const ast::Block& b, NameChecker& names, F&& f) {
    for (const auto& item : b.items) {
      if (item.kind == Kind::field && names.accept(item.field)) f(item.field);
      if (item.kind == Kind::block) names.accept(item.block);  // reports: no nested blocks here
    }
  }

  std::string require_title(const ast::Block& b, const std::string& example) {
    if (b.title) return b.title->text;
    cx_.error(b.header_where, "KVS-S012", "blokken '" + b.kind + "' skal have en overskrift i anførselstegn")
        .suggestion = "skriv fx  " + example;
    return {};
  }

  void no_id(const ast::Block& b) {
    if (b.id)
      cx_.error(b.id->where, "KVS-S012", "blokken '" + b.kind + "' har ikke et navn før overskriften")
          .suggestion = "fjern '" + b.id->text + "', eller skriv det i anførselstegn som overskrift";
  }

  LegalBasis legal_basis(const ast::Block& b) {
    LegalBasis lb;
    lb.where = b.where;
    no_id(b);
    NameChecker names(cx_, "lovgrundlaget", {{"henvisning", true}, {"ændringslov", true}, {"tekst"}}, {});
    for_fields(b, names, [&](const ast::Field& f) {
      if (f.key == "henvisning") {
        for (auto& v : f.values)
          if (auto c = read_citation(cx_, v)) lb.citations.push_back(*c);
      } else if (f.key == "ændringslov") {
        for (auto& v : f.values)
          if (auto a = read_amending_act(cx_, v)) lb.amendments.push_back(*a);
      } else {
        lb.text = read_text(cx_, f);
      }
    });
    names.require("henvisning", b.header_where, "henvisning: serviceloven § 79 a");
    return lb;
  }

  TargetGroup group(const ast::Block& b) {
    TargetGroup g;
    g.where = b.where;
    if (b.id) {
      g.id = b.id->text;
      g.id_where = b.id->where;
      // A map, not a search: a standard may (in tests of hostile input) have 100 000 groups.
      if (auto [prev, fresh] = group_ids_.emplace(g.id, b.id->where); !fresh) {
        auto& d = cx_.error(b.id->where, "KVS-S006", "målgruppen '" + g.id + "' er defineret to gange");
        d.notes.push_back({"første definition her", DiagnosticSink::share(cx_.file), prev->second});
        d.suggestion = "giv hver målgruppe sit eget navn";
      }
    } else {
      cx_.error(b.header_where, "KVS-S012", "målgruppen skal have et navn, så andre dele kan henvise til den")
          .suggestion = "skriv fx  målgruppe mg1 \"Målgruppe 1\" {";
    }
    if (b.title) g.title = b.title->text;
    NameChecker names(cx_, "målgruppen '" + g.id + "'",
                      {{"alder"}, {"betingelse"}, {"hyppighed"}, {"invitation"}, {"tilmelding"},
                       {"tidspunkt"}, {"mødeform"}, {"alternativ"}, {"varighed"}, {"varighed-par"},
                       {"lovhjemmel"}, {"findes-via"}, {"tekst"}, {"hyppighed-tekst"}},
                      {});
    for_fields(b, names, [&](const ast::Field& f) {
      const std::string& k = f.key;
      if (k == "alder") g.ages = read_age_rules(cx_, f);
      else if (k == "betingelse") g.conditions = read_conditions(cx_, f);
      else if (k == "hyppighed") g.frequency = read_word_list<Frequency>(cx_, f);
      else if (k == "invitation") g.invitations = read_word_list<Invitation>(cx_, f);
      else if (k == "tilmelding") { if (auto t = read_one_word<Enrolment>(cx_, f)) g.enrolment = *t; }
      else if (k == "tidspunkt") g.timing = read_timing(cx_, f);
      else if (k == "mødeform") {
        for (auto& v : f.values)
          if (auto m = read_meeting(cx_, v)) g.meetings.push_back(*m);
      } else if (k == "alternativ") {
        if (const ast::Value* v = single_value(cx_, f)) g.alternative = read_meeting(cx_, *v);
      } else if (k == "varighed") g.duration = read_quantity(cx_, f);
      else if (k == "varighed-par") g.duration_couples = read_quantity(cx_, f);
      else if (k == "lovhjemmel") {
        for (auto& v : f.values)
          if (auto c = read_citation(cx_, v)) g.legal_basis.push_back(*c);
      } else if (k == "findes-via") g.detection = read_word_list<Detection>(cx_, f);
      else if (k == "tekst") g.text = read_text(cx_, f);
      else if (k == "hyppighed-tekst") g.frequency_text = read_text(cx_, f);
    });
    if (!names.seen("alder") && !names.seen("betingelse") && !cx_.partial) {
      auto& d = cx_.error(b.header_where, "KVS-S016",
                          "målgruppen '" + g.id + "' siger ikke, hvem den omfatter");
      d.suggestion = "tilføj en aldersregel (alder: fylder 75) og/eller en betingelse (betingelse: bor-alene)";
    }
    return g;
  }

  RiskGroup risk_group(const ast::Block& b) {
    RiskGroup r;
    r.where = b.where;
    no_id(b);
    r.title = require_title(b, "risikogruppe \"Borgere, der har mistet en ægtefælle\" {");
    NameChecker names(cx_, "risikogruppen",
                      {{"kategori"}, {"findes-via"}, {"tidspunkt"}, {"alder"}, {"målgruppe"}, {"tekst"}}, {});
    for_fields(b, names, [&](const ast::Field& f) {
      const std::string& k = f.key;
      if (k == "kategori") { if (auto t = read_one_word<RiskCategory>(cx_, f)) r.category = *t; }
      else if (k == "findes-via") r.detection = read_word_list<Detection>(cx_, f);
      else if (k == "tidspunkt") r.timing = read_timing(cx_, f);
      else if (k == "alder") r.ages = read_age_rules(cx_, f);
      else if (k == "målgruppe") {
        auto refs = read_refs(cx_, f);
        if (!refs.empty()) {
          r.group = refs[0].id;
          r.group_where = refs[0].where;
        }
      } else r.text = read_text(cx_, f);
    });
    names.require("kategori", b.header_where, "kategori: mistet-ægtefælle");
    return r;
  }

  Exclusion exclusion(const ast::Block& b) {
    Exclusion e;
    e.where = b.where;
    no_id(b);
    NameChecker names(cx_, "undtagelsen",
                      {{"grund"}, {"indsnævring"}, {"gælder"}, {"undtagelsesvis"}, {"tekst"}}, {});
    for_fields(b, names, [&](const ast::Field& f) {
      const std::string& k = f.key;
      if (k == "grund") e.grounds = read_word_list<ExclusionGround>(cx_, f);
      else if (k == "indsnævring") { if (auto t = read_text(cx_, f)) e.narrowing = t->value; }
      else if (k == "gælder") e.applies_to = read_refs(cx_, f);
      else if (k == "undtagelsesvis") e.case_by_case = read_text(cx_, f);
      else e.text = read_text(cx_, f);
    });
    names.require("grund", b.header_where, "grund: personlig-pleje-og-praktisk-hjælp");
    return e;
  }

  Staff staff(const ast::Block& b) {
    Staff st;
    st.where = b.where;
    no_id(b);
    NameChecker names(cx_, "personale-blokken", {{"titel"}, {"fagligheder"}, {"kompetencer"}, {"tekst"}}, {});
    for_fields(b, names, [&](const ast::Field& f) {
      const std::string& k = f.key;
      if (k == "titel") { if (auto t = read_text(cx_, f)) st.title = t->value; }
      else if (k == "fagligheder") {
        for (auto& v : f.values) {
          if (v.atoms.size() == 1 && v.atoms[0].kind == ast::Atom::Kind::string)
            st.other_professions.push_back({v.atoms[0].text, v.atoms[0].where});
          else if (auto t = read_word<Profession>(cx_, v, f.key))
            st.professions.push_back(*t);
        }
      } else if (k == "kompetencer") st.competences = read_text(cx_, f);
      else st.text = read_text(cx_, f);
    });
    return st;
  }

  Contact contact(const ast::Block& b) {
    Contact c;
    c.where = b.where;
    no_id(b);
    c.name = require_title(b, "kontakt \"Forebyggende hjemmebesøg\" {");
    NameChecker names(cx_, "kontakt-blokken",
                      {{"adresse"}, {"telefon", true}, {"telefontid"}, {"email"}, {"web", false},
                       {"person"}, {"tekst"}},
                      {});
    for_fields(b, names, [&](const ast::Field& f) {
      const std::string& k = f.key;
      if (k == "adresse") { for (auto& t : read_text_list(cx_, f)) c.address.push_back(t.value); }
      else if (k == "telefon") { if (auto p = read_phone(cx_, f)) c.phones.push_back(*p); }
      else if (k == "telefontid") { if (auto t = read_text(cx_, f)) c.phone_hours = t->value; }
      else if (k == "email") {
        if (auto t = read_text(cx_, f)) {
          if (t->value.find('@') == std::string::npos)
            cx_.error(t->where, "KVS-S003", "'" + t->value + "' er ikke en e-mailadresse").suggestion =
                "fx  email: \"sundhedscenter@soroe.dk\"";
          c.email = t->value;
        }
      } else if (k == "web") { if (auto t = read_text(cx_, f)) c.web = t->value; }
      else if (k == "person") { if (auto t = read_text(cx_, f)) c.person = t->value; }
      else c.text = read_text(cx_, f);
    });
    return c;
  }

  /// `overskrifter { indhold: "Indsats" … }`: the municipality's own headings.
  void headings(const ast::Block& b) {
    no_id(b);
    std::vector<FieldSpec> keys;
    for (auto k : prose_field_keys()) keys.push_back({k});
    for (auto k : {"målgrupper", "undtagelser", "risikogrupper", "personale", "kontakt", "lovgrundlag",
                   "temaer", "samarbejdspartnere"})
      keys.push_back({k});
    NameChecker names(cx_, "overskrifterne", keys, {});
    for_fields(b, names, [&](const ast::Field& f) {
      if (auto t = read_text(cx_, f)) s_.headings[f.key] = *t;
    });
  }

  void acknowledgement(const ast::Block& b) {
    Acknowledgement a;
    a.where = b.where;
    if (!b.id) {
      cx_.error(b.header_where, "KVS-S012", "en anerkendelse skal nævne reglen, den anerkender")
          .suggestion = "skriv fx  anerkendelse raad-datobrev {";
      return;
    }
    a.rule = b.id->text;
    a.rule_where = b.id->where;
    NameChecker names(cx_, "anerkendelsen", {{"begrundelse"}, {"frisættelse"}}, {});
    for_fields(b, names, [&](const ast::Field& f) {
      if (f.key == "begrundelse") { if (auto t = read_text(cx_, f)) a.reason = t->value; }
      else if (auto v = single_value(cx_, f); v && v->atoms.size() == 1 && v->atoms[0].kind == ast::Atom::Kind::word) {
        a.release = v->atoms[0].text;
        release_refs_.push_back({a.release, v->atoms[0].where});
      } else if (v) {
        cx_.error(v->where, "KVS-S003", "forventede navnet på en frisættelse").suggestion = "fx  frisættelse: viborg";
      }
    });
    if (!names.seen("begrundelse") || a.reason.empty()) {
      auto& d = cx_.error(b.header_where, "KVS-S014", "anerkendelsen af '" + a.rule + "' mangler en begrundelse");
      d.suggestion = "en anerkendelse skal altid begrundes:  begrundelse: \"…\"";
    }
    s_.acknowledgements.push_back(std::move(a));
  }

  void release(const ast::Block& b) {
    Release r;
    r.where = b.where;
    if (!b.id) {
      cx_.error(b.header_where, "KVS-S012", "en frisættelse skal have et navn").suggestion =
          "skriv fx  frisættelse viborg {";
      return;
    }
    r.id = b.id->text;
    NameChecker names(cx_, "frisættelsen", {{"grundlag"}, {"omfang"}}, {});
    for_fields(b, names, [&](const ast::Field& f) {
      if (auto t = read_text(cx_, f)) (f.key == "grundlag" ? r.basis : r.scope) = t->value;
    });
    names.require("grundlag", b.header_where, "grundlag: \"Velfærdsaftale mellem … og … Kommune\"");
    s_.releases.push_back(std::move(r));
  }

  void resolve_references() {
    std::vector<std::string> ids;
    for (auto& g : s_.groups) ids.push_back(g.id);
    for (auto& e : s_.exclusions)
      for (auto& ref : e.applies_to)
        if (!s_.find_group(ref.id)) {
          auto& d = cx_.error(ref.where, "KVS-S009", "der er ingen målgruppe ved navn '" + ref.id + "'");
          if (auto guess = closest_word(ref.id, ids)) d.suggestion = "mente du '" + *guess + "'?";
        }
    for (auto& r : s_.risk_groups)
      if (!r.group.empty() && !s_.find_group(r.group)) {
        auto& d = cx_.error(r.group_where, "KVS-S009", "der er ingen målgruppe ved navn '" + r.group + "'");
        if (auto guess = closest_word(r.group, ids)) d.suggestion = "mente du '" + *guess + "'?";
      }
    std::vector<std::string> releases;
    for (auto& r : s_.releases) releases.push_back(r.id);
    for (auto& [id, where] : release_refs_)
      if (std::find(releases.begin(), releases.end(), id) == releases.end()) {
        auto& d = cx_.error(where, "KVS-S015", "der er ingen frisættelse ved navn '" + id + "'");
        if (auto guess = closest_word(id, releases)) d.suggestion = "mente du '" + *guess + "'?";
        else d.suggestion = "beskriv frisættelsen i en blok:  frisættelse " + id + " { grundlag: \"…\" }";
      }
  }

  LowerContext cx_;
  Standard s_;
  SourceRange year_where_;
  std::vector<std::pair<std::string, SourceRange>> release_refs_;
  std::unordered_map<std::string, SourceRange> group_ids_;
};

}  // namespace

Standard lower(const SourceFile& file, const ast::Document& doc, DiagnosticSink& sink, bool partial) {
  Standard s = Lowerer(file, sink, partial).run(doc);
  s.path = file.name();
  return s;
}

}  // namespace kvs::model
