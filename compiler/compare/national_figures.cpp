#include "national_figures.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>

namespace kvs::compare {

const StatutoryGroup* NationalFigures::find_group(std::string_view id) const {
  for (const auto& g : groups)
    if (g.id == id) return &g;
  return nullptr;
}

bool known_metric(std::string_view m) {
  static const std::set<std::string_view> plain = {
      "moedeform:individuel",    "moedeform:kollektiv",   "risikokategori",
      "selvhenvendelse",         "beskriver:formaal",     "beskriver:opfoelgning",
      "beskriver:risikogrupper", "beskriver:kompetencer", "formaal:lokalt"};
  if (plain.count(m)) return true;
  for (std::string_view prefix : {"invitation:", "bruger:"})
    if (m.starts_with(prefix)) return model::lookup<model::Invitation>(m.substr(prefix.size())).has_value();
  return false;
}

std::string national_figures_path() { return law::data_dir() + "/checks/national_figures.xml"; }

namespace {

bool metric_needs_group(std::string_view m) { return m.starts_with("invitation:") || m.starts_with("moedeform:"); }

class Loader {
 public:
  Loader(std::string path, std::vector<law::LoadError>& errors) : path_(std::move(path)), errors_(errors) {}

  int line_of(const pugi::xml_node& n) {
    std::ptrdiff_t off = n.offset_debug();
    if (off < 0) return 0;
    return 1 + static_cast<int>(
                   std::count(text_.begin(), text_.begin() + std::min<std::ptrdiff_t>(off, text_.size()), '\n'));
  }
  void error(const pugi::xml_node& n, std::string message) {
    errors_.push_back({path_, n ? line_of(n) : 0, std::move(message)});
  }

  std::string need(const pugi::xml_node& n, const char* attr) {
    auto a = n.attribute(attr);
    if (!a || !*a.value()) error(n, std::string("<") + n.name() + "> mangler attributten " + attr);
    return a.value();
  }
  std::optional<int> integer(const pugi::xml_node& n, const char* attr, bool required) {
    auto a = n.attribute(attr);
    if (!a) {
      if (required) error(n, std::string("<") + n.name() + "> mangler attributten " + attr);
      return std::nullopt;
    }
    std::string v = a.value();
    if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos) {
      error(n, std::string("attributten ") + attr + " skal være et helt tal, ikke '" + v + "'");
      return std::nullopt;
    }
    return std::stoi(v);
  }

  std::optional<NationalFigures> load(const law::LawLibrary& law) {
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
      errors_.push_back({path_, 0, "filen kan ikke læses"});
      return std::nullopt;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    text_ = ss.str();
    pugi::xml_document doc;
    auto parsed = doc.load_buffer(text_.data(), text_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
      std::size_t off = static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0));
      int line = 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + std::min(off, text_.size()), '\n'));
      errors_.push_back({path_, line, std::string("ugyldig XML: ") + parsed.description()});
      return std::nullopt;
    }
    auto root = doc.child("landstal");
    if (!root) {
      errors_.push_back({path_, 1, "rodelementet skal være <landstal>"});
      return std::nullopt;
    }
    NationalFigures f;
    f.file = path_;
    f.source = need(root, "kilde");
    f.seed = root.attribute("seed").value();

    std::size_t basis_count = 0;
    for (auto n : root.children("grundlag")) (void)n, ++basis_count;
    f.bases.reserve(basis_count);  // Figure::basis points into this vector

    for (auto n : root.children()) {
      std::string name = n.name();
      if (n.type() != pugi::node_element) continue;
      if (name == "grundlag") {
        Basis b;
        b.id = need(n, "id");
        b.name = need(n, "navn");
        b.n = integer(n, "N", true).value_or(0);
        b.year = integer(n, "aar", true).value_or(0);
        b.lines = need(n, "linje");
        if (b.n <= 0) error(n, "N skal være større end 0");
        for (const auto& o : f.bases)
          if (o.id == b.id) error(n, "grundlaget '" + b.id + "' findes to gange");
        f.bases.push_back(std::move(b));
      } else if (name == "maalgrupper") {
        f.law_version = need(n, "lovversion");
        const law::LawVersion* version = law.find(f.law_version);
        if (!version) error(n, "lovversionen '" + f.law_version + "' findes ikke i checks/law/");
        for (auto g : n.children()) {
          if (g.type() != pugi::node_element) continue;
          if (std::string(g.name()) != "maalgruppe") {
            error(g, std::string("ukendt element <") + g.name() + "> i <maalgrupper>");
            continue;
          }
          StatutoryGroup sg;
          sg.id = need(g, "id");
          sg.name = need(g, "navn");
          sg.short_name = g.attribute("kort") ? g.attribute("kort").value() : sg.id;
          sg.rule = need(g, "regel");
          bool found = false;
          if (version)
            for (const auto& d : version->duties)
              if (d.rule == sg.rule) {
                sg.duty = d;
                found = true;
              }
          if (version && !found)
            error(g, "lovversionen " + f.law_version + " har ingen <pligt regel=\"" + sg.rule + "\">");
          for (const auto& o : f.groups)
            if (o.id == sg.id) error(g, "målgruppen '" + sg.id + "' findes to gange");
          f.groups.push_back(std::move(sg));
        }
      } else if (name == "figur") {
        figures_.push_back(n);
      } else if (name == "formaal-heuristik") {
        f.purpose_lines = n.attribute("linje").value();
        for (auto t : n.children()) {
          if (t.type() != pugi::node_element) continue;
          if (std::string(t.name()) != "lokalt-fokus") {
            error(t, std::string("ukendt element <") + t.name() + "> i <formaal-heuristik>");
            continue;
          }
          std::string term = t.child_value();
          if (term.empty())
            error(t, "<lokalt-fokus> er tom");
          else
            f.local_focus_terms.push_back(term);
        }
      } else {
        error(n, "ukendt element <" + name + ">");
      }
    }

    for (auto n : figures_) {
      Figure fig;
      fig.id = need(n, "id");
      fig.title = need(n, "titel");
      fig.question = n.attribute("spoergsmaal").value();
      std::string basis = need(n, "grundlag");
      for (const auto& b : f.bases)
        if (b.id == basis) fig.basis = &b;
      if (!fig.basis && !basis.empty()) error(n, "ukendt grundlag '" + basis + "'");
      std::string base = n.attribute("lokal-naevner") ? n.attribute("lokal-naevner").value() : "alle";
      if (base == "alle")
        fig.local_base = LocalBase::all;
      else if (base == "datobrev-brugere")
        fig.local_base = LocalBase::datobrev_users;
      else
        error(n, "lokal-naevner skal være 'alle' eller 'datobrev-brugere', ikke '" + base + "'");
      for (auto t : n.children()) {
        if (t.type() != pugi::node_element) continue;
        if (std::string(t.name()) != "tal") {
          error(t, std::string("ukendt element <") + t.name() + "> i <figur>");
          continue;
        }
        FigureValue v;
        v.metric = need(t, "maal");
        v.group = t.attribute("maalgruppe").value();
        v.category = t.attribute("kategori").value();
        v.label = t.attribute("navn").value();
        v.text = t.attribute("tekst").value();
        v.lines = need(t, "linje");
        v.approximate = std::string(t.attribute("omtrent").value()) == "ja";
        if (!v.metric.empty() && !known_metric(v.metric))
          error(t, "ukendt mål '" + v.metric + "' (se docs/compare.md §5)");
        if (metric_needs_group(v.metric)) {
          const StatutoryGroup* g = f.find_group(v.group);
          if (!g)
            error(t, "målet '" + v.metric + "' kræver maalgruppe= med en af <maalgrupper>");
          else if (v.label.empty())
            v.label = g->name;
        } else if (!v.group.empty()) {
          error(t, "målet '" + v.metric + "' gælder ikke pr. målgruppe");
        }
        if (v.metric == "risikokategori") {
          auto c = model::lookup<model::RiskCategory>(v.category);
          if (!c)
            error(t, "ukendt risikokategori '" + v.category + "'");
          else {
            v.category = std::string(model::word_of(*c));
            if (v.label.empty()) v.label = std::string(model::label_of(*c));
          }
        }
        if (v.label.empty()) error(t, "<tal> mangler navn=");
        if (t.attribute("procent")) {
          std::string p = t.attribute("procent").value();
          try {
            v.percent = std::stod(p);
          } catch (...) {
            error(t, "procent skal være et tal, ikke '" + p + "'");
          }
          if (v.percent && (*v.percent < 0 || *v.percent > 100)) error(t, "procent skal ligge mellem 0 og 100");
        }
        if (auto c = integer(t, "antal", false)) {
          v.count = c;
          if (fig.basis) {
            if (*c > fig.basis->n) error(t, "antal er større end grundlagets N");
            v.percent = 100.0 * *c / fig.basis->n;
          }
        }
        if (!v.percent && v.text.empty()) error(t, "<tal> skal have procent=, antal= eller tekst=");
        fig.values.push_back(std::move(v));
      }
      f.figures.push_back(std::move(fig));
    }
    if (f.groups.empty()) errors_.push_back({path_, 0, "filen nævner ingen <maalgrupper>"});
    if (!errors_.empty()) return std::nullopt;
    return f;
  }

 private:
  std::string path_;
  std::vector<law::LoadError>& errors_;
  std::string text_;
  std::vector<pugi::xml_node> figures_;
};

}  // namespace

std::optional<NationalFigures> load_national_figures(const std::string& path, const law::LawLibrary& law,
                                                     std::vector<law::LoadError>& errors) {
  std::size_t before = errors.size();
  std::vector<law::LoadError> own;
  Loader loader(path, own);
  auto f = loader.load(law);
  errors.insert(errors.end(), own.begin(), own.end());
  if (errors.size() != before) return std::nullopt;
  return f;
}

}  // namespace kvs::compare
