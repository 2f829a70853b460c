// raad-laesbarhed: the LIX of every citizen-facing prose section (Björnsson's
// læsbarhedsindeks: words per sentence + 100 · long words / words). Words and sentences are
// found with ICU's Danish word and sentence break iterators over the prose, with Markdown
// markers and URLs removed first. The threshold, the long-word length and the minimum text
// length come from checks/advice.xml.
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "rules.hpp"
#include "readability.hpp"

namespace kvs::checks {

namespace {

// Markdown and links are not words a reader reads.
std::string plain(std::string_view md) {
  std::string out;
  out.reserve(md.size());
  for (std::size_t i = 0; i < md.size();) {
    if (md.compare(i, 4, "http") == 0) {
      while (i < md.size() && md[i] != ' ' && md[i] != '\n' && md[i] != ')' && md[i] != '>') ++i;
      continue;
    }
    char c = md[i];
    if (c == '#' || c == '*' || c == '_' || c == '`' || c == '<' || c == '>' || c == '[' || c == ']') c = ' ';
    out += c;
    ++i;
  }
  return out;
}

}  // namespace

Lix lix(std::string_view prose, int long_word_over) {
  Lix r;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(plain(prose));
  UErrorCode status = U_ZERO_ERROR;
  // Creating break iterators costs far more than using them (they load rule data):
  // one pair per thread, reused for every text (`kvs compare` runs one thread per core).
  thread_local std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale("da"), status));
  thread_local std::unique_ptr<icu::BreakIterator> sentences(
      icu::BreakIterator::createSentenceInstance(icu::Locale("da"), status));
  if (!words || !sentences) return r;
  words->setText(text);
  std::vector<int32_t> word_starts;
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
    int32_t tag = words->getRuleStatus();
    if (tag < UBRK_WORD_LETTER || tag >= UBRK_WORD_IDEO_LIMIT) continue;
    int letters = 0;
    for (int32_t i = start; i < end;) {
      UChar32 c = text.char32At(i);
      if (u_isalpha(c)) ++letters;
      i += U16_LENGTH(c);
    }
    if (letters == 0) continue;
    ++r.words;
    if (letters > long_word_over) ++r.long_words;
    word_starts.push_back(start);
  }
  sentences->setText(text);
  std::size_t w = 0;
  start = sentences->first();
  for (int32_t end = sentences->next(); end != icu::BreakIterator::DONE; start = end, end = sentences->next()) {
    bool has_word = false;
    while (w < word_starts.size() && word_starts[w] < end) {
      has_word = true;
      ++w;
    }
    if (has_word) ++r.sentences;
  }
  if (r.words > 0 && r.sentences > 0)
    r.value = static_cast<double>(r.words) / r.sentences + 100.0 * r.long_words / r.words;
  return r;
}

namespace rules {

void raad_laesbarhed(const CheckContext& cx, Reporter& r) {
  const AdviceEntry* e = cx.advice.find(r.rule().id);
  if (!e) return;
  int threshold = e->number("lix-graense", 0);
  int long_over = e->number("langt-ord-over", 0);
  int min_words = e->number("min-ord", 0);
  if (threshold <= 0 || long_over <= 0) return;
  const auto& s = cx.standard;
  auto check = [&](const std::string& name, const model::Text& t) {
    Lix l = lix(t.value, long_over);
    if (l.words < min_words || l.value <= threshold) return;
    int rounded = static_cast<int>(l.value + 0.5);
    auto& f = r.report(t.where, name + " har LIX " + std::to_string(rounded) + " (over " + std::to_string(threshold) +
                                    "): " + std::to_string(l.words) + " ord i " + std::to_string(l.sentences) +
                                    (l.sentences == 1 ? " periode, " : " perioder, ") + std::to_string(l.long_words) + " lange ord");
    Provision p;
    p.citation = (e->source.empty() ? cx.advice.source : e->source) + ": LIX over " + std::to_string(threshold) +
                 " er svær tekst";
    f.provision = p;
    f.suggestion = "skriv kortere sætninger og brug kortere ord";
  };
  for (const auto& part : s.order) {
    using K = model::Part::Kind;
    switch (part.kind) {
      case K::prose:
        if (auto* t = s.prose_field(part.key)) check("feltet " + part.key, *t);
        break;
      case K::section: check("afsnittet '" + s.sections[part.index].heading + "'", s.sections[part.index].text); break;
      case K::target_group: {
        const auto& g = s.groups[part.index];
        if (g.text) check("målgruppen '" + (g.title.empty() ? g.id : g.title) + "'", *g.text);
        break;
      }
      case K::risk_group: {
        const auto& g = s.risk_groups[part.index];
        if (g.text) check("risikogruppen '" + g.title + "'", *g.text);
        break;
      }
      case K::exclusion: {
        const auto& x = s.exclusions[part.index];
        if (x.text) check("undtagelsen", *x.text);
        if (x.case_by_case) check("undtagelsen (undtagelsesvis)", *x.case_by_case);
        break;
      }
      case K::staff:
        if (s.staff) {
          if (s.staff->text) check("personale-afsnittet", *s.staff->text);
          if (s.staff->competences) check("personalets kompetencer", *s.staff->competences);
        }
        break;
      case K::contact:
        if (s.contacts[part.index].text) check("kontakt '" + s.contacts[part.index].name + "'", *s.contacts[part.index].text);
        break;
      case K::special: check("særligt forhold '" + s.specials[part.index].heading + "'", s.specials[part.index].text); break;
      default: break;
    }
  }
}

}  // namespace rules
}  // namespace kvs::checks
