// Layouts and Danish phrases, read from templates/ at run time (data, no logic):
// * templates/layouts/*.xml: per layout, the sections in the document, their headings and
//   which parts of a .kvs file each holds (see docs/rendering.md);
// * templates/phrases.xml: fixed phrases and generated sentences in both address forms;
// * templates/html/style.css: the stylesheet inlined into each HTML file;
// * templates/docx/**: the skeleton parts of a Word document.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vocabulary.hpp"

namespace kvs::render {

/// One `<afsnit>` of a layout.
struct SectionDef {
  std::string id;
  std::string heading;
  std::string heading_du, heading_borgeren;  ///< overskrift-du / overskrift-borgeren
  std::vector<std::string> aliases;  ///< other headings a free `afsnit` may use for it
  std::vector<std::string> starts;   ///< part kinds that open this section
  std::vector<std::string> holds;    ///< part kinds that join it when it is open
  std::string chapter;               ///< numbered-chapter layout: the chapter it belongs to
  bool textless_last = false;        ///< uden-tekst="slut": without prose it goes last
  std::string generated;             ///< dannes="hyppighed": a generated section
  /// comparable() of heading, heading_du, heading_borgeren and each alias, and of
  /// chapter: computed once when the layout is loaded, since every heading lookup of
  /// every standard compares against them.
  std::vector<std::string> match_keys;
  std::string chapter_key;
  bool accepts(std::string_view kind) const;
  /// The heading in the standard's address form.
  const std::string& heading_for(model::AddressForm form) const;
};

struct LayoutDef {
  std::string id;
  std::string form;           ///< tabel | kapitler | afsnit
  bool numbered = false;      ///< sections are numbered (1., 1.1.)
  bool cover_page = false;    ///< forside="side"
  bool numbered_groups = false;  ///< målgrupper="nummererede-titler"
  bool overview = true;       ///< oversigt="ja": the generated table of target groups
  std::vector<SectionDef> sections;
  const SectionDef* find(std::string_view id) const;
  const SectionDef* starting(std::string_view kind) const;
  const SectionDef* by_heading(std::string_view heading) const;
  const SectionDef* generated(std::string_view what) const;
};

class Phrases {
 public:
  using Vars = std::vector<std::pair<std::string, std::string>>;
  /// The phrase `id` in `form`, with {slot}s filled from `vars`. A missing phrase gives
  /// "[id]" so the gap is visible in the output and in tests.
  std::string get(std::string_view id, model::AddressForm form, const Vars& vars = {}) const {
    return get(id, form, vars, {});
  }
  /// As above; a slot not in `vars` is looked up in `more`.
  std::string get(std::string_view id, model::AddressForm form, const Vars& vars, const Vars& more) const;
  std::string get(std::string_view id, const Vars& vars = {}) const {
    return get(id, model::AddressForm::borgeren, vars);
  }
  bool has(std::string_view id) const;
  /// Attribute `attr` of phrase `id` (e.g. ental/flertal of a unit), "" if absent.
  std::string attr(std::string_view id, std::string_view attr) const;

  struct Entry {
    std::map<std::string, std::string> attrs;
  };
  std::map<std::string, Entry, std::less<>> entries;
};

struct Templates {
  std::string dir;
  std::map<std::string, LayoutDef, std::less<>> layouts;
  Phrases phrases;
  std::string css;
  /// The DOCX skeleton: path inside the package → bytes.
  std::map<std::string, std::string> docx_parts;
  const LayoutDef* layout(std::string_view id) const;
};

/// Reads the templates folder; on failure returns null and sets `error` (Danish).
std::shared_ptr<const Templates> load_templates(const std::string& dir, std::string& error);

/// $KVS_DATA_DIR if set, else the source folder recorded at build time.
std::string data_dir();

}  // namespace kvs::render
