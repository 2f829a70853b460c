// model::Standard → Document, in the layout the standard names (templates/layouts/*.xml).
//
// The parts of the .kvs file keep their order. Consecutive parts are gathered into the
// layout's sections (a free `afsnit` block is a section of its own and may take the
// target groups, exclusions or risk groups that follow it); the facts the model knows
// (offers per target group, the law quoted, what goes beyond the law) are generated as
// sentences in the standard's address form.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "danish.hpp"
#include "document.hpp"
#include "facts.hpp"
#include "law_source.hpp"
#include "standard.hpp"
#include "templates.hpp"

namespace kvs::render {

struct RenderOptions {
  bool council = false;               ///< --byraad: add the council appendix
  std::vector<Diagnostic> findings;   ///< the checker's findings, acknowledged ones included
  bool checks_ran = false;            ///< the findings come from the compliance checker
  Date reference_date = Date::today();  ///< for a standard that states no period
  std::string source_name;            ///< file name shown in the metadata
  std::string source_sha256;
  std::string generator;              ///< "kvs 0.1.0"
  /// LIX's long word, in letters (checks/advice.xml, raad-laesbarhed langt-ord-over); Björnsson's
  /// own definition when the advice data was not loaded.
  int lix_long_word_over = kLixLongWordOver;
};

/// Where a part of the model landed: for the traceability table.
struct Placement {
  std::string section_id;
  std::string heading;  ///< as shown, with its number
};

/// Everything the council appendix needs to know about a built document.
struct Built {
  Document doc;
  LawContext law;
  std::map<std::string, Placement> where;  ///< part id ("målgruppe:0", "prosa:formål", …) → section
};

Built build_document(const model::Standard& s, const Templates& t, const law::Library* lib,
                     const RenderOptions& options);

/// The id of a part in `Built::where`: "målgruppe:2", "prosa:formål", "lovgrundlag", …
std::string part_id(const model::Part& p);

/// The council appendix (bilag til byrådet): findings, traceability, LIX per section.
std::vector<Section> council_appendix(const model::Standard& s, const Templates& t, const Built& built,
                                      const RenderOptions& options);

/// Plain text of the blocks (for LIX).
std::vector<std::string> text_of(const Blocks& blocks);

}  // namespace kvs::render
