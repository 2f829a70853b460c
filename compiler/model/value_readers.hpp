// Reading typed values out of a field's atoms. Each reader reports what is wrong in
// plain Danish, at the atom that is wrong, and returns nothing (or what it could read).
#pragma once

#include <optional>
#include <vector>

#include "lower_context.hpp"
#include "spellcheck.hpp"
#include "standard.hpp"

namespace kvs::model {

std::optional<Text> read_text(LowerContext& cx, const ast::Field& f);
std::vector<Text> read_text_list(LowerContext& cx, const ast::Field& f);
std::optional<int> read_int(LowerContext& cx, const ast::Field& f, int min, int max, int example);
std::optional<Date> read_date(LowerContext& cx, const ast::Field& f);
std::optional<Date> date_of(LowerContext& cx, const ast::Atom& a);
std::vector<AgeRule> read_age_rules(LowerContext& cx, const ast::Field& f);
std::optional<Citation> read_citation(LowerContext& cx, const ast::Value& v);
std::optional<AmendingAct> read_amending_act(LowerContext& cx, const ast::Value& v);
std::optional<Quantity> read_quantity(LowerContext& cx, const ast::Field& f);
std::optional<Timing> read_timing(LowerContext& cx, const ast::Field& f);
std::optional<Approval> read_approval(LowerContext& cx, const ast::Field& f);
std::optional<Meeting> read_meeting(LowerContext& cx, const ast::Value& v);
std::vector<Condition> read_conditions(LowerContext& cx, const ast::Field& f);
std::optional<Phone> read_phone(LowerContext& cx, const ast::Field& f);
std::vector<GroupRef> read_refs(LowerContext& cx, const ast::Field& f);

/// The field must have exactly one value (no comma list); reports otherwise.
const ast::Value* single_value(LowerContext& cx, const ast::Field& f);

/// One word from a vocabulary, with "mente du …?" when it is misspelt.
template <class E>
std::optional<Term<E>> read_word(LowerContext& cx, const ast::Value& v, std::string_view field) {
  if (v.atoms.size() != 1 || v.atoms[0].kind != ast::Atom::Kind::word) {
    auto& d = cx.error(v.where, "KVS-S003",
                       "feltet '" + std::string(field) + "' skal være et af ordene for " +
                           std::string(vocabulary_name<E>()));
    std::string list;
    for (auto& w : all_words<E>()) list += (list.empty() ? "" : ", ") + w;
    d.suggestion = "mulige værdier: " + list;
    return std::nullopt;
  }
  const ast::Atom& a = v.atoms[0];
  if (auto e = lookup<E>(a.text)) return Term<E>{*e, a.where};
  auto& d = cx.error(a.where, "KVS-S004",
                     "ukendt " + std::string(vocabulary_name<E>()) + " '" + a.text + "'");
  auto words = all_words<E>();
  if (auto guess = closest_word(a.text, words)) {
    d.suggestion = "mente du '" + *guess + "'?";
  } else {
    std::string list;
    for (auto& w : words) list += (list.empty() ? "" : ", ") + w;
    d.suggestion = "mulige værdier: " + list;
  }
  return std::nullopt;
}

template <class E>
std::optional<Term<E>> read_one_word(LowerContext& cx, const ast::Field& f) {
  const ast::Value* v = single_value(cx, f);
  return v ? read_word<E>(cx, *v, f.key) : std::nullopt;
}

template <class E>
std::vector<Term<E>> read_word_list(LowerContext& cx, const ast::Field& f) {
  std::vector<Term<E>> out;
  for (const auto& v : f.values)
    if (auto t = read_word<E>(cx, v, f.key)) out.push_back(*t);
  return out;
}

}  // namespace kvs::model
