// The controlled vocabularies of the language: every enum value a writer can use, its
// canonical Danish word, and its label in running Danish text. Words match exactly or
// after folding æ/ø/å to ae/oe/aa (so `bor-alene`, `maaltid` … work on any keyboard);
// `kvs fmt` rewrites folded spellings to the canonical word.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kvs::model {

enum class Scheme { forebyggende_hjemmebesoeg, opsoegende_forebyggelse };
enum class AddressForm { du, borgeren };
enum class Layout { tabel, kapitler, afsnit };
enum class ConditionKind { bor_alene, saerlig_risiko, mistet_aegtefaelle, aegtefaelle_flyttet, tilflytter, afsluttet_forloeb };
enum class Frequency { en_gang, aarligt, efter_behov, flere_efter_behov };
enum class Invitation { datobrev, brev_uden_dato, telefon, personlig_kontakt, invitation_til_arrangement, borgeren_henvender_sig, bekymringshenvendelse };
enum class Enrolment { framelding, tilmelding };
enum class MeetingKind { hjemmebesoeg, informationsmoede, seniormesse, foedselsdagsarrangement, gruppeforloeb, kollektivt_arrangement, telefonsamtale, online, samtale_paa_center };
enum class Detection { dataudtraek, bekymringshenvendelse, samarbejdspartner, selvhenvendelse, faglig_vurdering };
enum class RiskCategory {
  mistet_aegtefaelle, aegtefaelle_alvorligt_syg, aegtefaelle_i_plejebolig, paaroerende, ensomhed,
  udskrevet_fra_sygehus, hyppige_indlaeggelser, afsluttet_rehabilitering, afsluttet_genoptraening,
  afsluttet_sygepleje, afsluttet_livsstilsindsats, kronisk_sygdom, daarligt_helbred, funktionstab,
  medicin, alkohol, psykisk_saarbar, sociale_problemer, etnisk_minoritet, flygtning, tilflytter,
  ingen_boern, forladt_arbejdsmarkedet, andet
};
enum class ExclusionGround {
  personlig_pleje_og_praktisk_hjaelp, personlig_pleje_eller_praktisk_hjaelp, personlig_pleje,
  praktisk_hjaelp, plejebolig, institution, sygepleje, dagcenter, demensindsats, terminal_ordning, andet
};
enum class Profession { sygeplejerske, fysioterapeut, ergoterapeut, sundhedsfaglig, socialfaglig, paedagogisk };
enum class SpecialKind { roegfri_miljoe, husdyr, ingen_lukker_op, andet };

template <class E>
struct VocabEntry {
  E value;
  std::string_view word;   ///< canonical spelling in .kvs
  std::string_view label;  ///< in running Danish text
};

/// The table of one vocabulary (specialised in vocabulary.cpp for each enum above).
template <class E>
std::span<const VocabEntry<E>> vocabulary();
/// Name of the vocabulary for messages, e.g. "invitationsform".
template <class E>
std::string_view vocabulary_name();

/// æ→ae, ø→oe, å→aa, é→e and ASCII lower case: the spelling-insensitive key.
std::string fold(std::string_view word);
/// fold(a) == fold(b), without building either.
bool fold_equal(std::string_view a, std::string_view b);

/// fold() of every word of a vocabulary, in table order: computed once (the tables are
/// constant, and a function-local static is initialised thread-safely), so a lookup
/// folds only the word looked up.
template <class E>
const std::vector<std::string>& folded_vocabulary() {
  static const std::vector<std::string> folded = [] {
    std::vector<std::string> out;
    for (const auto& e : vocabulary<E>()) out.push_back(fold(e.word));
    return out;
  }();
  return folded;
}

template <class E>
std::optional<E> lookup(std::string_view word) {
  std::string folded = fold(word);
  auto words = vocabulary<E>();
  const auto& folded_words = folded_vocabulary<E>();
  for (std::size_t i = 0; i < words.size(); ++i)
    if (words[i].word == word || folded_words[i] == folded) return words[i].value;
  return std::nullopt;
}

template <class E>
const VocabEntry<E>& entry(E value) {
  for (const auto& e : vocabulary<E>())
    if (e.value == value) return e;
  return vocabulary<E>()[0];
}
template <class E>
std::string_view word_of(E value) { return entry(value).word; }
template <class E>
std::string_view label_of(E value) { return entry(value).label; }

template <class E>
std::vector<std::string> all_words() {
  std::vector<std::string> out;
  for (const auto& e : vocabulary<E>()) out.emplace_back(e.word);
  return out;
}

/// The canonical spelling of a word from any vocabulary that folds to the same key
/// (used by `kvs fmt`); nullopt for words that belong to no vocabulary.
std::optional<std::string_view> canonical_word(std::string_view word);

bool is_collective(MeetingKind k);

}  // namespace kvs::model
