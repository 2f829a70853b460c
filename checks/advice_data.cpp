#include "advice_data.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "registry.hpp"

namespace kvs::checks {

namespace {

bool reaches(const model::AgeRule& r, int age) {
  using K = model::AgeRule::Kind;
  switch (r.kind) {
    case K::turns: return r.from >= age;
    case K::turns_onwards:
    case K::from_age: return true;
    case K::range: return !r.to || *r.to >= age;
  }
  return false;
}

}  // namespace

bool GroupSelector::matches(const model::TargetGroup& g) const {
  if (condition) return g.has_condition(*condition);
  if (!g.conditions.empty()) return false;  // an age selector means the general offer at that age
  for (const auto& r : g.ages) {
    if (turns && r.covers_year_of_turning(*turns)) return true;
    if (from && reaches(r, *from)) return true;
  }
  return false;
}

std::string GroupSelector::describe() const {
  if (condition) return "borgere, der " + std::string(model::label_of(*condition));
  if (turns) return "borgere i det år, de fylder " + std::to_string(*turns);
  if (from) return "borgere på " + std::to_string(*from) + " år og derover";
  return "";
}

int AdviceEntry::number(const std::string& key, int dflt) const {
  auto it = numbers.find(key);
  return it == numbers.end() ? dflt : it->second;
}

bool AdviceEntry::selects(const model::TargetGroup& g) const {
  for (const auto& s : groups)
    if (s.matches(g)) return true;
  return false;
}

const AdviceEntry* AdviceData::find(std::string_view rule) const {
  for (const auto& e : entries)
    if (e.rule == rule) return &e;
  return nullptr;
}

std::string advice_path() { return law::data_dir() + "/checks/advice.xml"; }

std::optional<AdviceData> load_advice(const std::string& path, std::vector<law::LoadError>& errors) {
  std::size_t before = errors.size();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors.push_back({path, 0, "kan ikke læses"});
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  auto line_of = [&](pugi::xml_node n) {
    std::ptrdiff_t off = n.offset_debug();
    if (off < 0) return 0;
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + std::min<std::size_t>(off, text.size()), '\n'));
  };
  auto error = [&](pugi::xml_node n, std::string m) { errors.push_back({path, line_of(n), std::move(m)}); };
  pugi::xml_document doc;
  auto res = doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!res) {
    errors.push_back({path, 0, std::string("ugyldig XML: ") + res.description()});
    return std::nullopt;
  }
  auto root = doc.document_element();
  if (std::string(root.name()) != "raad-data") error(root, "rodelementet skal være <raad-data>");
  AdviceData data;
  data.source = root.attribute("kilde").value();
  if (data.source.empty()) error(root, "<raad-data> mangler 'kilde'");
  static const std::set<std::string> number_keys = {"lix-graense", "langt-ord-over", "min-ord"};
  for (auto n : root.children()) {
    if (n.type() != pugi::node_element) continue;
    if (std::string(n.name()) != "raad") {
      error(n, "ukendt element <" + std::string(n.name()) + ">");
      continue;
    }
    AdviceEntry e;
    for (auto a : n.attributes()) {
      std::string k = a.name();
      if (k == "regel") e.rule = a.value();
      else if (k == "evidens") e.evidence = a.value();
      else if (k == "kilde") e.source = a.value();
      else if (number_keys.count(k)) {
        try {
          e.numbers[k] = std::stoi(a.value());
        } catch (...) {
          error(n, "'" + k + "' skal være et tal");
        }
      } else error(n, "ukendt attribut '" + k + "' på <raad>");
    }
    const Rule* rule = find_rule(e.rule);
    if (!rule) error(n, "ukendt regel '" + e.rule + "'");
    if (e.evidence.empty()) error(n, "<raad regel=\"" + e.rule + "\"> mangler 'evidens'");
    for (auto c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      std::string k = c.name();
      std::string v = c.child_value();
      if (k == "maalgruppe") {
        GroupSelector s;
        for (auto a : c.attributes()) {
          std::string an = a.name();
          if (an == "fylder") s.turns = a.as_int();
          else if (an == "fra") s.from = a.as_int();
          else if (an == "betingelse") {
            s.condition = model::lookup<model::ConditionKind>(a.value());
            if (!s.condition) error(c, "ukendt betingelse '" + std::string(a.value()) + "'");
          } else error(c, "ukendt attribut '" + an + "' på <maalgruppe>");
        }
        if ((s.turns.has_value() + s.from.has_value() + s.condition.has_value()) != 1)
          error(c, "<maalgruppe> skal have præcis én af fylder, fra og betingelse");
        e.groups.push_back(s);
      } else if (k == "god-invitation" || k == "aaben-invitation") {
        auto inv = model::lookup<model::Invitation>(v);
        if (!inv) error(c, "ukendt invitationsform '" + v + "'");
        else (k == "god-invitation" ? e.good_invitations : e.open_invitations).push_back(*inv);
      } else if (k == "smal-kategori") {
        auto cat = model::lookup<model::RiskCategory>(v);
        if (!cat) error(c, "ukendt risikokategori '" + v + "'");
        else e.narrow_categories.push_back(*cat);
      } else {
        error(c, "ukendt element <" + k + "> i <raad>");
      }
    }
    data.entries.push_back(std::move(e));
  }
  for (const auto& r : rule_table())
    if (r.kind == RuleKind::advice && !data.find(r.id))
      errors.push_back({path, 0, "rådet '" + std::string(r.id) + "' har ingen <raad> (evidens mangler)"});
  if (errors.size() != before) return std::nullopt;
  return data;
}

}  // namespace kvs::checks
