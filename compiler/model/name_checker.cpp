#include "lower_context.hpp"

#include <algorithm>

#include "spellcheck.hpp"
#include "vocabulary.hpp"

namespace kvs::model {

NameChecker::NameChecker(LowerContext& cx, std::string owner, std::vector<FieldSpec> fields,
                         std::vector<std::string_view> blocks)
    : cx_(cx), owner_(std::move(owner)), fields_(std::move(fields)), blocks_(std::move(blocks)) {}

std::vector<std::string> NameChecker::candidates() const {
  std::vector<std::string> out;
  for (auto& f : fields_) out.emplace_back(f.key);
  for (auto b : blocks_) out.emplace_back(b);
  return out;
}

std::optional<std::string> NameChecker::suggestion(const std::string& name) const {
  // The same name written with ae/oe/aa first, then the closest by edit distance.
  auto all = candidates();
  for (auto& c : all)
    if (fold(c) == fold(name)) return c;
  return closest_word(name, all);
}

bool NameChecker::seen(std::string_view key) const {
  return std::any_of(seen_.begin(), seen_.end(), [&](auto& s) { return s.first == key; });
}

bool NameChecker::accept(const ast::Field& f) {
  auto spec = std::find_if(fields_.begin(), fields_.end(), [&](auto& s) { return s.key == f.key; });
  if (spec == fields_.end()) {
    bool is_block = std::find(blocks_.begin(), blocks_.end(), f.key) != blocks_.end();
    if (is_block) {
      auto& d = cx_.error(f.key_where, "KVS-S001", "'" + f.key + "' er en blok, ikke et felt");
      d.suggestion = "skriv  " + f.key + " {  og felterne på de følgende linjer, afsluttet med  }";
      return false;
    }
    auto& d = cx_.error(f.key_where, "KVS-S001", "ukendt felt '" + f.key + "' i " + owner_);
    auto guess = suggestion(f.key);
    if (guess) d.suggestion = "mente du '" + *guess + "'?";
    else d.suggestion = "se docs/language.md for de felter, " + owner_ + " kan have";
    return false;
  }
  if (!spec->repeatable) {
    auto prev = std::find_if(seen_.begin(), seen_.end(), [&](auto& s) { return s.first == f.key; });
    if (prev != seen_.end()) {
      auto& d = cx_.error(f.key_where, "KVS-S002", "feltet '" + f.key + "' står to gange i " + owner_);
      d.notes.push_back({"første gang her", DiagnosticSink::share(cx_.file), prev->second});
      d.suggestion = "slet den ene, eller saml værdierne i ét felt adskilt af komma";
      return false;
    }
  }
  seen_.emplace_back(f.key, f.key_where);
  return true;
}

bool NameChecker::accept(const ast::Block& b) {
  if (b.recovered) return false;
  if (std::find(blocks_.begin(), blocks_.end(), b.kind) != blocks_.end()) return true;
  bool is_field = std::any_of(fields_.begin(), fields_.end(), [&](auto& s) { return s.key == b.kind; });
  if (is_field) {
    auto& d = cx_.error(b.kind_where, "KVS-S001", "'" + b.kind + "' er et felt, ikke en blok");
    d.suggestion = "skriv  " + b.kind + ": værdi";
    return false;
  }
  auto& d = cx_.error(b.kind_where, "KVS-S001", "ukendt blok '" + b.kind + "' i " + owner_);
  auto guess = suggestion(b.kind);
  if (guess) d.suggestion = "mente du '" + *guess + "'?";
  return false;
}

void NameChecker::require(std::string_view key, SourceRange where, std::string example) {
  if (seen(key) || cx_.partial) return;
  auto& d = cx_.error(where, "KVS-S005", owner_ + " mangler feltet '" + std::string(key) + "'");
  d.suggestion = "tilføj fx  " + example;
}

}  // namespace kvs::model
