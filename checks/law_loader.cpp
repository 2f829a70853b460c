#include "law_loader.hpp"

#include "source_loader.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "registry.hpp"

#ifndef KVS_DATA_DIR
#define KVS_DATA_DIR "."
#endif

namespace kvs::law {

namespace fs = std::filesystem;

bool ContentRequirement::has(std::string_view token) const {
  return std::find(tokens.begin(), tokens.end(), token) != tokens.end();
}

std::string danish_date(const Date& d) {
  static const char* months[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                 "juli",   "august",  "september", "oktober", "november", "december"};
  if (d.month < 1 || d.month > 12) return d.iso();
  return std::to_string(d.day) + ". " + months[d.month - 1] + " " + std::to_string(d.year);
}

std::string AmendingAct::display() const {
  std::string s = "lov";
  if (number) s += " nr. " + std::to_string(number);
  if (date) s += " af " + danish_date(*date);
  if (!number && !bill.empty()) s += " (lovforslag " + bill + ")";
  if (!verified) s += " (nummer ikke verificeret)";
  return s;
}

std::string Repeal::display() const {
  if (act == "bekendtgørelse") return "bekendtgørelse nr. " + std::to_string(number) + "/" + std::to_string(year);
  return act + " \u00a7 " + paragraph;
}

const Provision* LawVersion::provision(std::string_view pid) const {
  for (const auto& p : provisions)
    if (p.id == pid) return &p;
  return nullptr;
}

std::string LawVersion::act_display() const {
  if (is_order()) {
    if (number) return "bekendtgørelse nr. " + std::to_string(number) + "/" + std::to_string(year);
    return "bekendtgørelsen fra " + std::to_string(in_force.year);
  }
  return act;
}

std::string LawVersion::cite(const Provision& p) const {
  std::string s;
  if (p.amending_act) {
    s = "lov nr. " + std::to_string(p.amending_act);
    for (const auto& a : amending_acts)
      if (a.number == p.amending_act && a.date) s += " af " + danish_date(*a.date);
    s += ",";
  } else {
    s = act_display();
  }
  s += " \u00a7 " + p.paragraph;
  if (p.stk) s += ", stk. " + std::to_string(*p.stk);
  return s;
}

const LawVersion* LawLibrary::find(std::string_view id) const {
  for (const auto& v : versions)
    if (v.id == id) return &v;
  return nullptr;
}

std::vector<const LawVersion*> LawLibrary::in_force_on(const Date& d) const {
  std::vector<const LawVersion*> out;
  for (const auto& v : versions)
    if (!v.is_order() && v.in_force_on(d)) out.push_back(&v);
  for (const auto& v : versions)
    if (v.is_order() && v.in_force_on(d)) out.push_back(&v);
  return out;
}

std::string LoadError::format() const {
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line);
  return s + ": " + message;
}

std::string data_dir() {
  if (const char* env = std::getenv("KVS_DATA_DIR"); env && *env) return env;
  return KVS_DATA_DIR;
}

std::string law_dir() { return data_dir() + "/checks/law"; }

namespace {

// What each element may carry: its attributes (required ones marked) and child elements.
struct ElementSpec {
  std::vector<std::string> required, optional;
  std::vector<std::string> children;
  bool text = false;  ///< may hold character data
};

// std::less<> so that an element's name is looked up without a std::string made of it.
const std::map<std::string, ElementSpec, std::less<>>& schema() {
  static const std::map<std::string, ElementSpec, std::less<>> s = {
      {"lovversion",
       {{"id", "akt", "i-kraft", "titel", "kilde", "verificeret"},
        {"ophoerer", "nummer", "aar"},
        {"aendringslov", "afloeser", "ophaever", "bemyndigelse", "bestemmelse", "pligt",
         "tilladt-undtagelse", "betinget-undtagelse", "indholdskrav", "hjemmel"}}},
      {"aendringslov", {{"titel"}, {"nr", "dato", "lovforslag", "i-kraft", "verificeret"}, {}}},
      {"afloeser", {{"nr", "dato"}, {}, {}}},
      {"ophaever", {{"akt", "dato", "ved"}, {"paragraf", "nummer", "aar", "verificeret"}, {}}},
      {"bemyndigelse", {{"akt", "paragraf"}, {"stk"}, {}}},
      {"bestemmelse", {{"id", "paragraf", "ordlyd"}, {"stk", "verificeret", "kapitel", "aendringslov"}, {"tekst"}}},
      {"tekst", {{}, {}, {}, true}},
      {"pligt", {{"regel", "bestemmelse"}, {"jf"}, {"alder", "betingelse", "hyppighed"}}},
      {"alder", {{"art", "fra"}, {"til"}, {}}},
      {"betingelse", {{}, {}, {}, true}},
      {"hyppighed", {{}, {"besoeg"}, {}, true}},
      {"tilladt-undtagelse", {{"bestemmelse", "grund", "henvisning"}, {}, {}}},
      {"betinget-undtagelse", {{"bestemmelse", "grund", "kraever"}, {}, {}}},
      {"indholdskrav", {{"regel", "bestemmelse", "krav"}, {"maaneder"}, {}}},
      {"hjemmel", {{"akt"}, {"paragraf", "kapitel", "nummer", "aar", "navn"}, {}}},
  };
  return s;
}

// The content tokens of <indholdskrav krav="…"> (docs/law-data.md §2.6).
const std::set<std::string>& known_tokens() {
  static const std::set<std::string> t = {
      "formål", "indhold", "invitation", "mødeform", "risikogrupper", "årlig-godkendelse",
      "individuelt-alternativ", "sammentænkning", "generel-forebyggelse", "opsøgende-målgrupper",
      "opsporing"};
  return t;
}

class FileLoader {
 public:
  FileLoader(std::string path, std::vector<LoadError>& errors) : path_(std::move(path)), errors_(errors) {}

  std::optional<LawVersion> load() {
    std::ifstream in(path_, std::ios::binary);
    if (!in) return fail(0, "kan ikke læses");
    std::stringstream ss;
    ss << in.rdbuf();
    text_ = ss.str();
    for (std::size_t i = text_.find('\n'); i != std::string::npos; i = text_.find('\n', i + 1)) newlines_.push_back(i);
    check_nfc();
    pugi::xml_document doc;
    auto res = doc.load_buffer(text_.data(), text_.size(),
                               pugi::parse_default | pugi::parse_comments, pugi::encoding_utf8);
    if (!res) return fail(line_of(res.offset), std::string("ugyldig XML: ") + res.description());
    pugi::xml_node root = doc.document_element();
    if (std::string(root.name()) != "lovversion")
      return fail(line_of(root), "rodelementet skal være <lovversion>, ikke <" + std::string(root.name()) + ">");
    for (auto c : doc.children())
      if (c.type() == pugi::node_comment) comments_ += c.value();
    validate(root);
    LawVersion v;
    read_version(root, v);
    if (errors_.size() != errors_before_) return std::nullopt;
    return v;
  }

 private:
  std::optional<LawVersion> fail(int line, std::string message) {
    errors_.push_back({path_, line, std::move(message)});
    return std::nullopt;
  }
  void error(pugi::xml_node n, std::string message) { errors_.push_back({path_, line_of(n), std::move(message)}); }

  // Every element of the file gets its line (for messages about it later), so lines are
  // found by binary search over the newline offsets rather than by counting from the start.
  int line_of(std::ptrdiff_t offset) const {
    if (offset < 0) return 0;
    auto before = std::lower_bound(newlines_.begin(), newlines_.end(), static_cast<std::size_t>(offset));
    return 1 + static_cast<int>(before - newlines_.begin());
  }
  int line_of(pugi::xml_node n) const { return line_of(n.offset_debug()); }

  void check_nfc() {
    if (!is_nfc_utf8(text_)) errors_.push_back({path_, 0, "teksten er ikke NFC-normaliseret"});
  }

  // Unknown elements and attributes, missing required attributes, stray text.
  void validate(pugi::xml_node n) {
    auto it = schema().find(std::string_view(n.name()));
    if (it == schema().end()) {
      error(n, "ukendt element <" + std::string(n.name()) + ">");
      return;
    }
    const ElementSpec& spec = it->second;
    for (auto a : n.attributes()) {
      std::string_view name = a.name();
      if (std::find(spec.required.begin(), spec.required.end(), name) == spec.required.end() &&
          std::find(spec.optional.begin(), spec.optional.end(), name) == spec.optional.end())
        error(n, "ukendt attribut '" + std::string(name) + "' på <" + std::string(n.name()) + ">");
    }
    for (const auto& r : spec.required)
      if (!n.attribute(r.c_str())) error(n, "<" + std::string(n.name()) + "> mangler attributten '" + r + "'");
    for (auto c : n.children()) {
      if (c.type() == pugi::node_element) {
        if (std::find(spec.children.begin(), spec.children.end(), c.name()) == spec.children.end()) {
          error(c, "ukendt element <" + std::string(c.name()) + "> i <" + std::string(n.name()) + ">");
          continue;
        }
        validate(c);
      } else if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) && !spec.text) {
        error(c, "tekst er ikke tilladt direkte i <" + std::string(n.name()) + ">");
      }
    }
  }

  std::optional<Date> date_attr(pugi::xml_node n, const char* name, bool required = true) {
    auto a = n.attribute(name);
    if (!a) {
      if (required) error(n, "<" + std::string(n.name()) + "> mangler datoen '" + name + "'");
      return std::nullopt;
    }
    auto d = Date::parse(a.value());
    if (!d) error(n, std::string("'") + name + "' skal være en ISO-dato (ÅÅÅÅ-MM-DD), ikke '" + a.value() + "'");
    return d;
  }

  std::optional<int> int_attr(pugi::xml_node n, const char* name) {
    auto a = n.attribute(name);
    if (!a) return std::nullopt;
    std::string s = a.value();
    if (s.empty() || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      error(n, std::string("'") + name + "' skal være et helt tal, ikke '" + s + "'");
      return std::nullopt;
    }
    return std::stoi(s);
  }

  bool yes_no(pugi::xml_node n, const char* name, bool dflt) {
    auto a = n.attribute(name);
    if (!a) return dflt;
    std::string v = a.value();
    if (v == "ja") return true;
    if (v == "nej") return false;
    error(n, std::string("'") + name + "' skal være 'ja' eller 'nej', ikke '" + v + "'");
    return dflt;
  }

  template <class E>
  std::optional<E> word(pugi::xml_node n, const std::string& value, const char* what) {
    if (auto e = model::lookup<E>(value)) return e;
    error(n, std::string("ukendt ") + what + " '" + value + "'");
    return std::nullopt;
  }

  std::string text_of(pugi::xml_node n) {
    std::string s = n.child_value();
    auto b = s.find_first_not_of(" \t\r\n");
    auto e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  }

  void read_version(pugi::xml_node root, LawVersion& v) {
    v.file = path_;
    v.id = root.attribute("id").value();
    v.act = root.attribute("akt").value();
    v.title = root.attribute("titel").value();
    v.source = root.attribute("kilde").value();
    if (auto d = date_attr(root, "i-kraft")) v.in_force = *d;
    v.ends = date_attr(root, "ophoerer", false);
    v.verified = yes_no(root, "verificeret", true);
    v.number = int_attr(root, "nummer").value_or(0);
    v.year = int_attr(root, "aar").value_or(0);
    std::string stem = fs::path(path_).stem().string();
    if (v.id != stem) error(root, "id '" + v.id + "' skal være lig filnavnet '" + stem + "'");
    if (v.ends && !(v.in_force < *v.ends)) error(root, "i-kraft skal ligge før ophoerer");
    if (!v.is_order() && (root.attribute("nummer") || root.attribute("aar")))
      error(root, "nummer og aar bruges kun på bekendtgørelser");

    for (auto n : root.children("aendringslov")) {
      AmendingAct a;
      a.line = line_of(n);
      a.verified = yes_no(n, "verificeret", true);
      a.title = n.attribute("titel").value();
      a.bill = n.attribute("lovforslag").value();
      if (n.attribute("nr") || a.verified) a.number = int_attr(n, "nr").value_or(0);
      if (n.attribute("dato") || a.verified) a.date = date_attr(n, "dato");
      if (a.verified && !n.attribute("nr")) error(n, "<aendringslov> mangler 'nr' (kun tilladt med verificeret=\"nej\")");
      a.in_force = date_attr(n, "i-kraft", false);
      v.amending_acts.push_back(std::move(a));
    }
    for (auto n : root.children("afloeser")) {
      SupersededAct a;
      a.line = line_of(n);
      a.number = int_attr(n, "nr").value_or(0);
      if (auto d = date_attr(n, "dato")) a.date = *d;
      v.superseded.push_back(a);
    }
    for (auto n : root.children("ophaever")) {
      Repeal r;
      r.line = line_of(n);
      r.act = n.attribute("akt").value();
      r.paragraph = n.attribute("paragraf").value();
      r.number = int_attr(n, "nummer").value_or(0);
      r.year = int_attr(n, "aar").value_or(0);
      if (auto d = date_attr(n, "dato")) r.date = *d;
      r.by = n.attribute("ved").value();
      r.verified = yes_no(n, "verificeret", true);
      bool order = r.act == "bekendtgørelse";
      if (order ? !(r.number && r.year) : r.paragraph.empty())
        error(n, order ? "<ophaever akt=\"bekendtgørelse\"> kræver 'nummer' og 'aar'" : "<ophaever> kræver 'paragraf'");
      v.repeals.push_back(std::move(r));
    }
    for (auto n : root.children("bemyndigelse")) {
      if (!v.is_order()) error(n, "<bemyndigelse> bruges kun i bekendtgørelser");
      v.authorities.push_back({n.attribute("akt").value(), n.attribute("paragraf").value(), int_attr(n, "stk")});
    }
    bool any_verbatim = false;
    for (auto n : root.children("bestemmelse")) {
      Provision p;
      p.line = line_of(n);
      p.id = n.attribute("id").value();
      p.paragraph = n.attribute("paragraf").value();
      p.stk = int_attr(n, "stk");
      p.chapter = n.attribute("kapitel").value();
      p.amending_act = int_attr(n, "aendringslov").value_or(0);
      std::string wording = n.attribute("ordlyd").value();
      if (wording == "ordret") p.verbatim = any_verbatim = true;
      else if (wording != "parafrase") error(n, "ordlyd skal være 'ordret' eller 'parafrase', ikke '" + wording + "'");
      p.verified = v.verified && yes_no(n, "verificeret", true);
      int texts = 0;
      for (auto t : n.children("tekst")) {
        ++texts;
        p.text = text_of(t);
      }
      if (texts != 1) error(n, "<bestemmelse id=\"" + p.id + "\"> skal have præcis én <tekst>");
      if (p.amending_act &&
          std::none_of(v.amending_acts.begin(), v.amending_acts.end(),
                       [&](const AmendingAct& a) { return a.number == p.amending_act; }))
        error(n, "aendringslov=\"" + std::to_string(p.amending_act) + "\" svarer ikke til nogen <aendringslov nr>");
      if (v.provision(p.id)) error(n, "bestemmelsen '" + p.id + "' findes to gange");
      v.provisions.push_back(std::move(p));
    }
    if (any_verbatim) {
      std::string lower;
      for (char c : comments_) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      if (lower.find("ordret") == std::string::npos)
        error(root, "ordlyd=\"ordret\" kræver, at kildekommentaren nævner den ordrette kilde");
    }
    auto resolve = [&](pugi::xml_node n, const std::string& id) {
      if (!v.provision(id)) error(n, "henvisning til bestemmelsen '" + id + "', som ikke findes i filen");
    };
    auto known_rule = [&](pugi::xml_node n, const std::string& rule) {
      if (!checks::find_rule(rule)) error(n, "ukendt regel '" + rule + "'");
    };
    for (auto n : root.children("pligt")) {
      Duty d;
      d.line = line_of(n);
      d.rule = n.attribute("regel").value();
      known_rule(n, d.rule);
      d.provision = n.attribute("bestemmelse").value();
      resolve(n, d.provision);
      std::istringstream jf(n.attribute("jf").value());
      for (std::string id; jf >> id;) {
        resolve(n, id);
        d.jf.push_back(id);
      }
      int ages = 0, freqs = 0;
      for (auto a : n.children("alder")) {
        ++ages;
        std::string art = a.attribute("art").value();
        if (art == "fra") d.age.kind = AgeSpec::Kind::from;
        else if (art == "fylder") d.age.kind = AgeSpec::Kind::turns;
        else if (art == "interval") d.age.kind = AgeSpec::Kind::interval;
        else error(a, "art skal være 'fra', 'fylder' eller 'interval', ikke '" + art + "'");
        d.age.from = int_attr(a, "fra").value_or(0);
        d.age.to = int_attr(a, "til");
        if ((d.age.kind == AgeSpec::Kind::interval) != d.age.to.has_value())
          error(a, "'til' bruges med (og kun med) art=\"interval\"");
        if (d.age.to && *d.age.to < d.age.from) error(a, "'til' ligger før 'fra'");
      }
      if (ages != 1) error(n, "<pligt> skal have præcis én <alder>");
      for (auto c : n.children("betingelse"))
        if (auto k = word<model::ConditionKind>(c, text_of(c), "betingelse")) d.conditions.push_back(*k);
      for (auto h : n.children("hyppighed")) {
        ++freqs;
        if (auto f = word<model::Frequency>(h, text_of(h), "hyppighed")) d.frequency = *f;
        auto visits = int_attr(h, "besoeg");
        if ((d.frequency == model::Frequency::aarligt) != visits.has_value())
          error(h, "'besoeg' angives for (og kun for) hyppighed årligt");
        d.visits_per_year = visits.value_or(0);
      }
      if (freqs != 1) error(n, "<pligt> skal have præcis én <hyppighed>");
      v.duties.push_back(std::move(d));
    }
    for (auto n : root.children("tilladt-undtagelse")) {
      PermittedExclusion e;
      e.line = line_of(n);
      e.provision = n.attribute("bestemmelse").value();
      resolve(n, e.provision);
      if (auto g = word<model::ExclusionGround>(n, n.attribute("grund").value(), "undtagelsesgrund")) e.ground = *g;
      e.reference = n.attribute("henvisning").value();
      v.permitted_exclusions.push_back(std::move(e));
    }
    for (auto n : root.children("betinget-undtagelse")) {
      ConditionalExclusion e;
      e.line = line_of(n);
      e.provision = n.attribute("bestemmelse").value();
      resolve(n, e.provision);
      if (auto g = word<model::ExclusionGround>(n, n.attribute("grund").value(), "undtagelsesgrund")) e.ground = *g;
      if (auto g = word<model::ExclusionGround>(n, n.attribute("kraever").value(), "undtagelsesgrund")) e.needs = *g;
      v.conditional_exclusions.push_back(std::move(e));
    }
    for (auto n : root.children("indholdskrav")) {
      ContentRequirement c;
      c.line = line_of(n);
      c.rule = n.attribute("regel").value();
      known_rule(n, c.rule);
      c.provision = n.attribute("bestemmelse").value();
      resolve(n, c.provision);
      std::istringstream krav(n.attribute("krav").value());
      for (std::string t; krav >> t;) {
        if (!known_tokens().count(t)) error(n, "ukendt indholdskrav '" + t + "'");
        c.tokens.push_back(t);
      }
      if (c.tokens.empty()) error(n, "<indholdskrav> har intet krav");
      c.months = int_attr(n, "maaneder");
      if (c.has("årlig-godkendelse") != c.months.has_value())
        error(n, "'maaneder' angives for (og kun for) kravet årlig-godkendelse");
      v.content.push_back(std::move(c));
    }
    for (auto n : root.children("hjemmel")) {
      Basis b;
      b.line = line_of(n);
      b.act = n.attribute("akt").value();
      b.paragraph = n.attribute("paragraf").value();
      b.chapter = n.attribute("kapitel").value();
      b.number = int_attr(n, "nummer").value_or(0);
      b.year = int_attr(n, "aar").value_or(0);
      b.name = n.attribute("navn").value();
      bool numbered = b.number || b.year;
      bool by_name = !b.name.empty() && b.paragraph.empty() && b.chapter.empty() && !numbered;
      bool form_ok = (!b.paragraph.empty() && !numbered) || (!b.chapter.empty() && !numbered) ||
                     (b.act == "bekendtgørelse" && b.number && b.year && b.paragraph.empty()) || by_name;
      if (!form_ok) error(n, "<hjemmel> skal have akt med paragraf, kapitel, nummer og aar, eller navn");
      v.bases.push_back(std::move(b));
    }
  }

  std::string path_;
  std::vector<LoadError>& errors_;
  std::size_t errors_before_ = errors_.size();
  std::string text_;
  std::vector<std::size_t> newlines_;  ///< offsets of '\n' in text_, ascending
  std::string comments_;
};

void check_library(LawLibrary& lib, std::vector<LoadError>& errors) {
  std::map<std::string, std::string> provision_files;
  for (const auto& v : lib.versions)
    for (const auto& p : v.provisions) {
      auto [it, fresh] = provision_files.emplace(p.id, v.file);
      if (!fresh)
        errors.push_back({v.file, p.line, "bestemmelsen '" + p.id + "' findes også i " + it->second});
    }
  for (bool orders : {false, true}) {
    std::vector<const LawVersion*> chain;
    for (const auto& v : lib.versions)
      if (v.is_order() == orders) chain.push_back(&v);
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
      const LawVersion& a = *chain[i];
      const LawVersion& b = *chain[i + 1];
      if (!a.ends)
        errors.push_back({a.file, 0, "'" + a.id + "' har ingen ophoerer, men '" + b.id + "' træder i kraft " + b.in_force.iso()});
      else if (*a.ends < b.in_force)
        errors.push_back({b.file, 0, "hul i kæden: '" + a.id + "' ophører " + a.ends->iso() + ", men '" + b.id +
                                         "' træder først i kraft " + b.in_force.iso()});
      else if (b.in_force < *a.ends)
        errors.push_back({b.file, 0, "'" + b.id + "' overlapper '" + a.id + "' (" + b.in_force.iso() + " < " +
                                         a.ends->iso() + ")"});
    }
  }
}

}  // namespace

std::optional<LawLibrary> load_law(const std::string& dir, std::vector<LoadError>& errors) {
  std::size_t before = errors.size();
  LawLibrary lib;
  lib.dir = dir;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    errors.push_back({dir, 0, "lovdata-mappen findes ikke (sæt KVS_DATA_DIR til mappen med checks/)"});
    return std::nullopt;
  }
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".xml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  if (files.empty()) errors.push_back({dir, 0, "ingen lovversioner (*.xml) i mappen"});
  for (const auto& f : files)
    if (auto v = FileLoader(f, errors).load()) lib.versions.push_back(std::move(*v));
  std::stable_sort(lib.versions.begin(), lib.versions.end(), [](const LawVersion& a, const LawVersion& b) {
    if (a.is_order() != b.is_order()) return !a.is_order();
    return a.in_force < b.in_force;
  });
  if (errors.size() == before) check_library(lib, errors);
  if (errors.size() != before) return std::nullopt;
  return lib;
}

}  // namespace kvs::law
