// The national survey figures of the evaluation (seed 000) as data: checks/national_figures.xml,
// read once per run. Every figure carries its denominator (N), year and source lines, so the
// report can show a municipality where it stands without a number written in C++.
//
// The file also names the statutory target groups the evaluation reports by; each points at a
// <pligt> of the law data (checks/law/*.xml), so the comparison judges "who is offered what"
// over the same ages, conditions and frequencies as the checker.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "law_loader.hpp"

namespace kvs::compare {

/// `<grundlag>`: a data basis (a denominator and the year it was collected).
struct Basis {
  std::string id;
  std::string name;
  int n = 0;
  int year = 0;
  std::string lines;  ///< "L2864"
};

/// `<maalgruppe>`: a statutory target group, with the duty that defines it.
struct StatutoryGroup {
  std::string id;          ///< "82+"
  std::string name;        ///< "82 år og derover"
  std::string short_name;  ///< "82+"
  std::string rule;        ///< "mg-82-aarligt"
  law::Duty duty;          ///< copied from the law version named by <maalgrupper lovversion>
};

/// Which of the compared standards a figure's local share is counted among.
enum class LocalBase {
  all,             ///< every compared standard (each municipality once: its latest standard)
  datobrev_users,  ///< only those that use datobrev for at least one group (as the survey's N=72)
};

/// `<tal>`: one national figure.
struct FigureValue {
  std::string metric;             ///< "invitation:datobrev", "risikokategori", … (docs/compare.md §5)
  std::string group;              ///< statutory group id, when the metric is per group
  std::string category;           ///< risk category word, for metric "risikokategori"
  std::string label;              ///< row label (navn, else the group's name)
  std::optional<double> percent;  ///< procent, or antal / N
  std::optional<int> count;       ///< antal, when the source gives a count
  bool approximate = false;       ///< omtrent="ja"
  std::string text;               ///< the source's own words ("under halvdelen")
  std::string lines;              ///< "L2853-2854"
};

struct Figure {
  std::string id, title, question;
  const Basis* basis = nullptr;
  LocalBase local_base = LocalBase::all;
  std::vector<FigureValue> values;
};

struct NationalFigures {
  std::string source;  ///< kilde
  std::string seed;
  std::string law_version;  ///< the version the statutory groups are taken from
  std::string file;
  std::vector<Basis> bases;  ///< stable addresses: Figure::basis points into it
  std::vector<StatutoryGroup> groups;
  std::vector<Figure> figures;
  std::vector<std::string> local_focus_terms;  ///< formål heuristic (lower case)
  std::string purpose_lines;

  const StatutoryGroup* find_group(std::string_view id) const;
};

/// The metrics a <tal maal="…"> may name (prefixes ending in ':' take a vocabulary word).
bool known_metric(std::string_view metric);

/// data_dir() + "/checks/national_figures.xml"
std::string national_figures_path();

/// Loads and validates the file (unknown elements, metrics, groups, bases, duties missing from
/// `law`); on any problem returns nullopt with `errors` filled (file:line: message).
std::optional<NationalFigures> load_national_figures(const std::string& path, const law::LawLibrary& law,
                                                     std::vector<law::LoadError>& errors);

}  // namespace kvs::compare
