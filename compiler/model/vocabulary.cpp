#include "vocabulary.hpp"

#include <array>

namespace kvs::model {

#define KVS_VOCABULARY(E, NAME, ...)                                  \
  namespace {                                                         \
  constexpr VocabEntry<E> k##E[] = {__VA_ARGS__};                     \
  }                                                                   \
  template <>                                                         \
  std::span<const VocabEntry<E>> vocabulary<E>() { return k##E; }     \
  template <>                                                         \
  std::string_view vocabulary_name<E>() { return NAME; }

using enum Scheme;
KVS_VOCABULARY(Scheme, "ordning",
  {forebyggende_hjemmebesoeg, "forebyggende-hjemmebesøg", "forebyggende hjemmebesøg"},
  {opsoegende_forebyggelse, "opsøgende-forebyggelse", "opsøgende forebyggende indsats"})

KVS_VOCABULARY(AddressForm, "tiltaleform",
  {AddressForm::du, "du", "du"},
  {AddressForm::borgeren, "borgeren", "borgeren"})

KVS_VOCABULARY(Layout, "layout",
  {Layout::tabel, "tabel", "tabel med overskrifter i venstre kolonne"},
  {Layout::kapitler, "kapitler", "nummererede kapitler"},
  {Layout::afsnit, "afsnit", "afsnit med overskrifter"})

KVS_VOCABULARY(ConditionKind, "betingelse",
  {ConditionKind::bor_alene, "bor-alene", "bor alene"},
  {ConditionKind::saerlig_risiko, "særlig-risiko", "er i særlig risiko for at få nedsat social, psykisk eller fysisk funktionsevne"},
  {ConditionKind::mistet_aegtefaelle, "mistet-ægtefælle", "har mistet sin ægtefælle"},
  {ConditionKind::aegtefaelle_flyttet, "ægtefælle-flyttet", "ægtefællen er flyttet i plejebolig"},
  {ConditionKind::tilflytter, "tilflytter", "er flyttet til kommunen"},
  {ConditionKind::afsluttet_forloeb, "afsluttet-forløb", "har afsluttet et forløb i kommunen"})

KVS_VOCABULARY(Frequency, "hyppighed",
  {Frequency::en_gang, "én-gang", "én gang"},
  {Frequency::aarligt, "årligt", "hvert år"},
  {Frequency::efter_behov, "efter-behov", "efter behov"},
  {Frequency::flere_efter_behov, "flere-efter-behov", "flere besøg efter behov"})

KVS_VOCABULARY(Invitation, "invitationsform",
  {Invitation::datobrev, "datobrev", "brev med fast dato og tidspunkt"},
  {Invitation::brev_uden_dato, "brev-uden-dato", "brev uden fast dato"},
  {Invitation::telefon, "telefon", "telefonopkald"},
  {Invitation::personlig_kontakt, "personlig-kontakt", "personlig kontakt"},
  {Invitation::invitation_til_arrangement, "invitation-til-arrangement", "invitation til et arrangement"},
  {Invitation::borgeren_henvender_sig, "borgeren-henvender-sig", "borgeren henvender sig selv"},
  {Invitation::bekymringshenvendelse, "bekymringshenvendelse", "efter en bekymringshenvendelse"})

KVS_VOCABULARY(Enrolment, "tilmelding",
  {Enrolment::framelding, "framelding", "borgeren skal framelde sig for at sige nej"},
  {Enrolment::tilmelding, "tilmelding", "borgeren skal selv tilmelde sig"})

KVS_VOCABULARY(MeetingKind, "mødeform",
  {MeetingKind::hjemmebesoeg, "hjemmebesøg", "individuelt besøg i hjemmet"},
  {MeetingKind::informationsmoede, "informationsmøde", "informationsmøde"},
  {MeetingKind::seniormesse, "seniormesse", "seniormesse"},
  {MeetingKind::foedselsdagsarrangement, "fødselsdagsarrangement", "fødselsdagsarrangement"},
  {MeetingKind::gruppeforloeb, "gruppeforløb", "gruppeforløb"},
  {MeetingKind::kollektivt_arrangement, "kollektivt-arrangement", "kollektivt arrangement"},
  {MeetingKind::telefonsamtale, "telefonsamtale", "telefonsamtale"},
  {MeetingKind::online, "online", "samtale online"},
  {MeetingKind::samtale_paa_center, "samtale-på-center", "samtale på et center"})

KVS_VOCABULARY(Detection, "opsporing",
  {Detection::dataudtraek, "dataudtræk", "dataudtræk fra registre"},
  {Detection::bekymringshenvendelse, "bekymringshenvendelse", "bekymringshenvendelse"},
  {Detection::samarbejdspartner, "samarbejdspartner", "henvendelse fra samarbejdspartnere"},
  {Detection::selvhenvendelse, "selvhenvendelse", "borgerens egen henvendelse"},
  {Detection::faglig_vurdering, "faglig-vurdering", "faglig vurdering"})

KVS_VOCABULARY(RiskCategory, "risikokategori",
  {RiskCategory::mistet_aegtefaelle, "mistet-ægtefælle", "har mistet ægtefælle eller samlever"},
  {RiskCategory::aegtefaelle_alvorligt_syg, "ægtefælle-alvorligt-syg", "ægtefælle eller samlever er alvorligt syg"},
  {RiskCategory::aegtefaelle_i_plejebolig, "ægtefælle-i-plejebolig", "ægtefælle eller samlever er flyttet i plejebolig"},
  {RiskCategory::paaroerende, "pårørende", "pårørende til en alvorligt syg"},
  {RiskCategory::ensomhed, "ensomhed", "ensom eller socialt isoleret"},
  {RiskCategory::udskrevet_fra_sygehus, "udskrevet-fra-sygehus", "udskrevet fra sygehus"},
  {RiskCategory::hyppige_indlaeggelser, "hyppige-indlæggelser", "hyppige indlæggelser"},
  {RiskCategory::afsluttet_rehabilitering, "afsluttet-rehabilitering", "har afsluttet et rehabiliteringsforløb"},
  {RiskCategory::afsluttet_genoptraening, "afsluttet-genoptræning", "har afsluttet en genoptræningsplan"},
  {RiskCategory::afsluttet_sygepleje, "afsluttet-sygepleje", "har afsluttet sygepleje"},
  {RiskCategory::afsluttet_livsstilsindsats, "afsluttet-livsstilsindsats", "har afsluttet en livsstilsindsats"},
  {RiskCategory::kronisk_sygdom, "kronisk-sygdom", "kronisk sygdom"},
  {RiskCategory::daarligt_helbred, "dårligt-helbred", "vurderer eget helbred som dårligt"},
  {RiskCategory::funktionstab, "funktionstab", "tab af funktioner, fald eller sansetab"},
  {RiskCategory::medicin, "medicin", "skadeligt medicinforbrug"},
  {RiskCategory::alkohol, "alkohol", "skadeligt alkoholforbrug"},
  {RiskCategory::psykisk_saarbar, "psykisk-sårbar", "psykisk sårbar"},
  {RiskCategory::sociale_problemer, "sociale-problemer", "sociale problemer"},
  {RiskCategory::etnisk_minoritet, "etnisk-minoritet", "anden etnisk baggrund end dansk"},
  {RiskCategory::flygtning, "flygtning", "ny flygtning med opholdstilladelse"},
  {RiskCategory::tilflytter, "tilflytter", "flyttet til kommunen"},
  {RiskCategory::ingen_boern, "ingen-børn", "har ingen børn"},
  {RiskCategory::forladt_arbejdsmarkedet, "forladt-arbejdsmarkedet", "har forladt arbejdsmarkedet"},
  {RiskCategory::andet, "andet", "andet"})

KVS_VOCABULARY(ExclusionGround, "undtagelsesgrund",
  {ExclusionGround::personlig_pleje_og_praktisk_hjaelp, "personlig-pleje-og-praktisk-hjælp", "modtager både personlig pleje og praktisk hjælp efter § 83"},
  {ExclusionGround::personlig_pleje_eller_praktisk_hjaelp, "personlig-pleje-eller-praktisk-hjælp", "modtager personlig pleje eller praktisk hjælp"},
  {ExclusionGround::personlig_pleje, "personlig-pleje", "modtager personlig pleje"},
  {ExclusionGround::praktisk_hjaelp, "praktisk-hjælp", "modtager praktisk hjælp"},
  {ExclusionGround::plejebolig, "plejebolig", "bor i plejebolig, på plejecenter eller ældrecenter"},
  {ExclusionGround::institution, "institution", "bor på en institution"},
  {ExclusionGround::sygepleje, "sygepleje", "modtager sygepleje"},
  {ExclusionGround::dagcenter, "dagcenter", "går i dagcenter"},
  {ExclusionGround::demensindsats, "demensindsats", "er tilknyttet den kommunale demensindsats"},
  {ExclusionGround::terminal_ordning, "terminal-ordning", "er tilknyttet en terminal ordning"},
  {ExclusionGround::andet, "andet", "anden grund"})

KVS_VOCABULARY(Profession, "faglighed",
  {Profession::sygeplejerske, "sygeplejerske", "sygeplejerske"},
  {Profession::fysioterapeut, "fysioterapeut", "fysioterapeut"},
  {Profession::ergoterapeut, "ergoterapeut", "ergoterapeut"},
  {Profession::sundhedsfaglig, "sundhedsfaglig", "sundhedsfaglig uddannelse"},
  {Profession::socialfaglig, "socialfaglig", "socialfaglig uddannelse"},
  {Profession::paedagogisk, "pædagogisk", "pædagogisk uddannelse"})

KVS_VOCABULARY(SpecialKind, "særligt forhold",
  {SpecialKind::roegfri_miljoe, "røgfri-miljø", "røgfri miljøer"},
  {SpecialKind::husdyr, "husdyr", "husdyr"},
  {SpecialKind::ingen_lukker_op, "ingen-lukker-op", "hvis borgeren ikke lukker op"},
  {SpecialKind::andet, "andet", "andet"})

#undef KVS_VOCABULARY

namespace {
// What fold makes of the second byte of a two-byte letter that starts with 0xC3, or
// nullptr for the letters it leaves alone.
const char* fold_c3(unsigned char second) {
  switch (second) {
    case 0xA6: case 0x86: return "ae";  // æ Æ
    case 0xB8: case 0x98: return "oe";  // ø Ø
    case 0xA5: case 0x85: return "aa";  // å Å
    case 0xA9: case 0x89: return "e";   // é É
    default: return nullptr;
  }
}

// fold(w) one byte at a time: the folding rules, written once; fold() collects the bytes and
// fold_equal() compares two walks without building either string.
class FoldedBytes {
 public:
  explicit FoldedBytes(std::string_view w) : w_(w) {}
  /// The next byte of fold(w), or -1 at its end.
  int next() {
    if (pending_ && *pending_) return static_cast<unsigned char>(*pending_++);
    if (i_ >= w_.size()) return -1;
    char c = w_[i_++];
    if (static_cast<unsigned char>(c) == 0xC3 && i_ < w_.size() &&
        (pending_ = fold_c3(static_cast<unsigned char>(w_[i_])))) {
      ++i_;
      return static_cast<unsigned char>(*pending_++);
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return static_cast<unsigned char>(c);
  }

 private:
  std::string_view w_;
  std::size_t i_ = 0;
  const char* pending_ = nullptr;
};
}  // namespace

bool fold_equal(std::string_view a, std::string_view b) {
  FoldedBytes x(a), y(b);
  for (;;) {
    int c = x.next();
    if (c != y.next()) return false;
    if (c < 0) return true;
  }
}

std::string fold(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  FoldedBytes bytes(w);
  for (int c; (c = bytes.next()) >= 0;) out += static_cast<char>(c);
  return out;
}

namespace {
template <class E>
std::optional<std::string_view> canonical_in(std::string_view folded) {
  auto words = vocabulary<E>();
  const auto& folded_words = folded_vocabulary<E>();
  for (std::size_t i = 0; i < words.size(); ++i)
    if (folded_words[i] == folded) return words[i].word;
  return std::nullopt;
}
}  // namespace

std::optional<std::string_view> canonical_word(std::string_view word) {
  std::string f = fold(word);
  for (auto r : {canonical_in<Scheme>(f), canonical_in<AddressForm>(f), canonical_in<Layout>(f),
                 canonical_in<ConditionKind>(f), canonical_in<Frequency>(f), canonical_in<Invitation>(f),
                 canonical_in<Enrolment>(f), canonical_in<MeetingKind>(f), canonical_in<Detection>(f),
                 canonical_in<RiskCategory>(f), canonical_in<ExclusionGround>(f),
                 canonical_in<Profession>(f), canonical_in<SpecialKind>(f)})
    if (r) return r;
  return std::nullopt;
}

bool is_collective(MeetingKind k) {
  switch (k) {
    case MeetingKind::informationsmoede:
    case MeetingKind::seniormesse:
    case MeetingKind::foedselsdagsarrangement:
    case MeetingKind::gruppeforloeb:
    case MeetingKind::kollektivt_arrangement:
      return true;
    default:
      return false;
  }
}

}  // namespace kvs::model
