#include "law_source.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <filesystem>

#include "danish.hpp"
#include "law_loader.hpp"
#include "split_words.hpp"

namespace kvs::render::law {
namespace {

std::optional<Date> date_attr(const pugi::xml_node& n, const char* name) {
  auto a = n.attribute(name);
  if (!a) return std::nullopt;
  return Date::parse(a.value());
}

}  // namespace

const Provision* Version::provision(std::string_view id) const {
  for (const auto& p : provisions)
    if (p.id == id) return &p;
  return nullptr;
}

std::string Version::cite(const Provision& p) const {
  std::string s = "§" + std::string(kNbsp);
  for (char c : p.paragraph) s += c == ' ' ? std::string(kNbsp) : std::string(1, c);
  if (p.stk) s += ", stk." + std::string(kNbsp) + std::to_string(*p.stk);
  return s;
}

Library::Library(std::vector<Version> versions)
    : versions_(std::move(versions)), prepared_(std::make_unique<std::once_flag[]>(versions_.size())) {}

const Version* Library::prepared(const Version& v) const {
  const auto i = static_cast<std::size_t>(&v - versions_.data());
  std::call_once(prepared_[i], [&] {
    for (Provision& p : versions_[i].provisions) {
      p.typeset_text = typeset(p.text);
      p.comparable_text = comparable(p.text);
      p.comparable_probes = comparable_probes(p.comparable_text);
    }
  });
  return &v;
}

std::vector<const Version*> Library::in_force_on(const Date& d) const {
  std::vector<const Version*> out;
  for (int orders = 0; orders < 2; ++orders)
    for (const auto& v : versions_)
      if (v.is_order() == (orders == 1) && v.in_force_on(d)) out.push_back(prepared(v));
  return out;
}

std::vector<const Version*> Library::successors(const Version& v) const {
  std::vector<const Version*> out;
  if (!v.ends) return out;
  for (const auto& o : versions_)
    if (o.in_force == *v.ends) out.push_back(prepared(o));
  return out;
}

std::shared_ptr<const Library> load_law_xml(const std::string& dir, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".xml") files.push_back(it->path());
  if (ec || files.empty()) {
    error = "lovdata kan ikke læses fra " + dir;
    return nullptr;
  }
  std::sort(files.begin(), files.end());
  std::vector<Version> versions;
  for (const auto& path : files) {
    pugi::xml_document doc;
    auto result = doc.load_file(path.c_str());
    if (!result) {
      error = path.string() + ": " + result.description();
      return nullptr;
    }
    pugi::xml_node root = doc.child("lovversion");
    if (!root) {
      error = path.string() + ": mangler <lovversion>";
      return nullptr;
    }
    Version v;
    v.id = root.attribute("id").value();
    v.act = root.attribute("akt").value();
    v.title = root.attribute("titel").value();
    v.source = root.attribute("kilde").value();
    auto in_force = date_attr(root, "i-kraft");
    if (!in_force) {
      error = path.string() + ": i-kraft mangler eller er ugyldig";
      return nullptr;
    }
    v.in_force = *in_force;
    v.ends = date_attr(root, "ophoerer");
    v.verified = std::string_view(root.attribute("verificeret").value()) != "nej";
    v.number = root.attribute("nummer").as_int();
    v.year = root.attribute("aar").as_int();
    for (auto n : root.children()) {
      std::string_view name = n.name();
      if (name == "aendringslov") {
        v.amending_acts.push_back({n.attribute("nr").as_int(), date_attr(n, "dato"), n.attribute("titel").value(),
                                   std::string_view(n.attribute("verificeret").value()) != "nej"});
      } else if (name == "afloeser") {
        v.superseded.push_back(n.attribute("nr").as_int());
      } else if (name == "bestemmelse") {
        Provision p;
        p.id = n.attribute("id").value();
        p.paragraph = n.attribute("paragraf").value();
        if (n.attribute("stk")) p.stk = n.attribute("stk").as_int();
        p.chapter = n.attribute("kapitel").value();
        p.amending_act = n.attribute("aendringslov").as_int();
        p.verbatim = std::string_view(n.attribute("ordlyd").value()) == "ordret";
        p.verified = v.verified && std::string_view(n.attribute("verificeret").value()) != "nej";
        p.text = n.child("tekst").text().get();
        v.provisions.push_back(std::move(p));
      } else if (name == "pligt") {
        Duty d;
        d.rule = n.attribute("regel").value();
        d.provision = n.attribute("bestemmelse").value();
        auto age = n.child("alder");
        std::string_view art = age.attribute("art").value();
        d.age = art == "fylder" ? Duty::Age::turns : art == "interval" ? Duty::Age::interval : Duty::Age::from;
        d.from = age.attribute("fra").as_int();
        if (age.attribute("til")) d.to = age.attribute("til").as_int();
        for (auto c : n.children("betingelse")) d.conditions.emplace_back(c.text().get());
        d.frequency = n.child("hyppighed").text().get();
        d.visits = n.child("hyppighed").attribute("besoeg").as_int();
        v.duties.push_back(std::move(d));
      } else if (name == "tilladt-undtagelse" || name == "betinget-undtagelse") {
        v.exclusions.push_back({n.attribute("bestemmelse").value(), n.attribute("grund").value(),
                                n.attribute("henvisning").value(), name == "betinget-undtagelse",
                                n.attribute("kraever").value()});
      } else if (name == "indholdskrav") {
        v.content.push_back({n.attribute("regel").value(), n.attribute("bestemmelse").value(),
                             split_words(n.attribute("krav").value())});
      } else if (name == "ophaever") {
        v.repeals.push_back({n.attribute("akt").value(), n.attribute("paragraf").value(), n.attribute("nummer").as_int(),
                             n.attribute("aar").as_int(), date_attr(n, "dato"), n.attribute("ved").value(),
                             std::string_view(n.attribute("verificeret").value()) != "nej"});
      }
    }
    versions.push_back(std::move(v));
  }
  std::sort(versions.begin(), versions.end(), [](const Version& a, const Version& b) {
    if (a.is_order() != b.is_order()) return !a.is_order();
    return a.in_force < b.in_force;
  });
  return std::make_shared<const Library>(std::move(versions));
}

std::shared_ptr<const Library> from_law_library(const ::kvs::law::LawLibrary& library) {
  using model::word_of;
  std::vector<Version> versions;
  versions.reserve(library.versions.size());
  for (const auto& lv : library.versions) {
    Version v;
    v.id = lv.id;
    v.act = lv.act;
    v.title = lv.title;
    v.source = lv.source;
    v.in_force = lv.in_force;
    v.ends = lv.ends;
    v.verified = lv.verified;
    v.number = lv.number;
    v.year = lv.year;
    for (const auto& a : lv.amending_acts) v.amending_acts.push_back({a.number, a.date, a.title, a.verified});
    for (const auto& a : lv.superseded) v.superseded.push_back(a.number);
    v.provisions.reserve(lv.provisions.size());
    for (const auto& lp : lv.provisions) {
      Provision p;
      p.id = lp.id;
      p.paragraph = lp.paragraph;
      p.stk = lp.stk;
      p.chapter = lp.chapter;
      p.amending_act = lp.amending_act;
      p.verbatim = lp.verbatim;
      p.verified = lp.verified;
      p.text = lp.text;
      v.provisions.push_back(std::move(p));
    }
    for (const auto& ld : lv.duties) {
      Duty d;
      d.rule = ld.rule;
      d.provision = ld.provision;
      using Kind = ::kvs::law::AgeSpec::Kind;
      d.age = ld.age.kind == Kind::turns ? Duty::Age::turns : ld.age.kind == Kind::interval ? Duty::Age::interval
                                                                                             : Duty::Age::from;
      d.from = ld.age.from;
      d.to = ld.age.to;
      for (auto c : ld.conditions) d.conditions.emplace_back(word_of(c));
      d.frequency = std::string(word_of(ld.frequency));
      d.visits = ld.visits_per_year;
      v.duties.push_back(std::move(d));
    }
    for (const auto& e : lv.permitted_exclusions)
      v.exclusions.push_back({e.provision, std::string(word_of(e.ground)), e.reference, false, {}});
    for (const auto& e : lv.conditional_exclusions)
      v.exclusions.push_back({e.provision, std::string(word_of(e.ground)), {}, true, std::string(word_of(e.needs))});
    for (const auto& c : lv.content) v.content.push_back({c.rule, c.provision, c.tokens});
    for (const auto& r : lv.repeals)
      v.repeals.push_back({r.act, r.paragraph, r.number, r.year, r.date, r.by, r.verified});
    versions.push_back(std::move(v));
  }
  return std::make_shared<const Library>(std::move(versions));
}

}  // namespace kvs::render::law
