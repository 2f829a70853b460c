// raad-laesbarhed: the LIX of every citizen-facing prose section (Björnsson's
// læsbarhedsindeks: words per sentence + 100 · long words / words). Words and sentences are
// found with ICU's Danish word and sentence break iterators over the prose, with Markdown
// markers and URLs removed first. The threshold, the long-word length and the minimum text
// length come from checks/advice.xml.
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "rules.hpp"
#include "readability.hpp"

namespace kvs::checks {

namespace {

// What plain_utf16 does with each ASCII byte, in one table: the UTF-16 unit it writes
// (Markdown markers are not words a reader reads, so they become spaces), whether it is a
// letter (a-z, A-Z: the only ASCII characters of general category L), and whether it may
// start a link ('h').
struct AsciiByte {
  UChar unit = 0;
  std::uint8_t letter = 0;
  bool maybe_link = false;
};
constexpr std::array<AsciiByte, 128> kAscii = [] {
  std::array<AsciiByte, 128> table{};
  for (int c = 0; c < 128; ++c) table[c].unit = static_cast<UChar>(c);
  for (unsigned char c : {'#', '*', '_', '`', '<', '>', '[', ']'}) table[c].unit = u' ';
  for (int c = 'a'; c <= 'z'; ++c) table[c].letter = table[c - 'a' + 'A'].letter = 1;
  table['h'].maybe_link = true;
  return table;
}();

// Where a link that starts at md[i] ("http…") ends: at a space, line end, ')' or '>'.
std::size_t link_end(std::string_view md, std::size_t i) {
  while (i < md.size() && md[i] != ' ' && md[i] != '\n' && md[i] != ')' && md[i] != '>') ++i;
  return i;
}

// The word and sentence boundaries of UAX #29, as ICU's Danish break iterators find them,
// for text made only of characters whose break classes need none of the rules for
// combining marks, format characters, emoji, Hebrew or Katakana (Latin up to U+024F and
// the dashes, quotes and dots of U+2010-U+2027): that is nearly all Danish prose, and
// walking it here costs less than half of what ICU's iterators did (Hjørring's prose: 2.06 M
// -> 0.89 M instructions, the UTF-16 decoding included); they were the largest single cost
// of checking a standard and of the council appendix. Any other character sends the whole
// text to ICU. The classes come from ICU's own property data; a unit test holds the
// counts to the iterators' on random text.
namespace uax29 {

enum class W : std::uint8_t { other, letter, numeric, mid_letter, mid_num, mid_num_let, single_quote, extend_num_let,
                               space, cr, lf };
enum class S : std::uint8_t { other, lower, upper, oletter, numeric, aterm, sterm, close, sp, scontinue, cr, lf };

struct Class {
  W word = W::other;
  S sentence = S::other;
  bool fast = false;  ///< the rules below cover this character
  bool mark = false;  ///< a sentence may end here (CR, LF, ATerm, STerm): see sentence_breaks
  std::uint8_t alpha = 0;  ///< a letter (general category L), as LIX counts them
  /// Both classes in one byte, as the walk stores them per unit (word low, sentence high).
  std::uint8_t packed = 0;
};
inline W word_of(std::uint8_t packed) { return static_cast<W>(packed & 0x0F); }
inline S sentence_of(std::uint8_t packed) { return static_cast<S>(packed >> 4); }

constexpr UChar kPunctFirst = 0x2010, kPunctLast = 0x2027, kLatinEnd = 0x0250;

bool in_range(UChar c) { return c < kLatinEnd || (c >= kPunctFirst && c <= kPunctLast); }

Class classify(UChar32 c) {
  Class k;
  k.fast = true;
  // ICU's word rules (CLDR's root tailoring) differ from the property in two places: the
  // colon is not MidLetter ("a:b" is two words) and '@' is joined like a letter (e-mail
  // addresses); it is still no letter when the letters of a word are counted.
  int word_break = u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
  if (c == u':') word_break = U_WB_OTHER;
  if (c == u'@') word_break = U_WB_ALETTER;
  switch (word_break) {
    case U_WB_ALETTER: k.word = W::letter; break;
    case U_WB_NUMERIC: k.word = W::numeric; break;
    case U_WB_MIDLETTER: k.word = W::mid_letter; break;
    case U_WB_MIDNUM: k.word = W::mid_num; break;
    case U_WB_MIDNUMLET: k.word = W::mid_num_let; break;
    case U_WB_SINGLE_QUOTE: k.word = W::single_quote; break;
    case U_WB_EXTENDNUMLET: k.word = W::extend_num_let; break;
    case U_WB_WSEGSPACE: k.word = W::space; break;
    case U_WB_CR: k.word = W::cr; break;
    case U_WB_LF: k.word = W::lf; break;
    case U_WB_OTHER:
    case U_WB_DOUBLE_QUOTE: k.word = W::other; break;  // a double quote only joins Hebrew letters
    default: k.fast = false;  // Newline, Extend, Format, ZWJ, Hebrew, Katakana, …
  }
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_LOWER: k.sentence = S::lower; break;
    case U_SB_UPPER: k.sentence = S::upper; break;
    case U_SB_OLETTER: k.sentence = S::oletter; break;
    case U_SB_NUMERIC: k.sentence = S::numeric; break;
    case U_SB_ATERM: k.sentence = S::aterm; break;
    case U_SB_STERM: k.sentence = S::sterm; break;
    case U_SB_CLOSE: k.sentence = S::close; break;
    case U_SB_SP: k.sentence = S::sp; break;
    case U_SB_SCONTINUE: k.sentence = S::scontinue; break;
    case U_SB_CR: k.sentence = S::cr; break;
    case U_SB_LF: k.sentence = S::lf; break;
    case U_SB_OTHER: k.sentence = S::other; break;
    default: k.fast = false;  // Sep, Extend, Format
  }
  k.mark = k.sentence == S::cr || k.sentence == S::lf || k.sentence == S::aterm || k.sentence == S::sterm;
  k.alpha = u_isalpha(c) ? 1 : 0;
  k.packed = static_cast<std::uint8_t>(static_cast<unsigned>(k.word) | static_cast<unsigned>(k.sentence) << 4);
  return k;
}

// The classes of U+0000-U+024F, then of U+2010-U+2027.
const std::vector<Class>& class_table() {
  static const std::vector<Class> table = [] {
    std::vector<Class> t(kLatinEnd + (kPunctLast - kPunctFirst + 1));
    for (UChar32 c = 0; c < kLatinEnd; ++c) t[c] = classify(c);
    for (UChar32 c = kPunctFirst; c <= kPunctLast; ++c) t[kLatinEnd + (c - kPunctFirst)] = classify(c);
    return t;
  }();
  return table;
}

// The classes of one UTF-16 unit, or null outside the table (also check `fast`).
const Class* class_of(const Class* table, UChar c) {
  if (!in_range(c)) return nullptr;
  return &table[c < kLatinEnd ? c : kLatinEnd + (c - kPunctFirst)];
}

bool ah(W w) { return w == W::letter; }
bool mid_letter_q(W w) { return w == W::mid_letter || w == W::mid_num_let || w == W::single_quote; }
bool mid_num_q(W w) { return w == W::mid_num || w == W::mid_num_let || w == W::single_quote; }

// kJoins[prev << 4 | c]: no boundary between two characters of these word classes without
// looking further (WB5, WB8-10: letters and digits; WB13a, WB13b: ExtendNumLet). One table
// look-up per character instead of the six comparisons the rules read as.
constexpr auto kJoins = [] {
  std::array<bool, 256> t{};
  auto alnum = [](W w) { return w == W::letter || w == W::numeric; };
  for (int p = 0; p <= static_cast<int>(W::lf); ++p)
    for (int c = 0; c <= static_cast<int>(W::lf); ++c) {
      W prev = static_cast<W>(p), cur = static_cast<W>(c);
      t[p << 4 | c] = (cur == W::extend_num_let && (alnum(prev) || prev == W::extend_num_let)) ||  // WB13a
                      (prev == W::extend_num_let && alnum(cur)) ||                                // WB13b
                      (alnum(prev) && alnum(cur));                                                // WB5, WB8-10
    }
  return t;
}();

// End of the word segment that starts at i (WB3-WB13b, WB999). `letters` gets the letters
// in it (Class::alpha) if it starts with a letter, a digit or a connector, the only
// segments that can be words (it is left alone otherwise).
std::int32_t word_end(const std::uint8_t* cls, const std::uint8_t* alpha, std::int32_t n, std::int32_t i,
                      int& letters) {
  auto w = [&](std::int32_t k) { return word_of(cls[k]); };
  W first = w(i);
  if (first == W::cr) return i + 1 < n && w(i + 1) == W::lf ? i + 2 : i + 1;  // WB3, WB3a
  if (first == W::space) {                                                       // WB3d
    std::int32_t j = i + 1;
    while (j < n && w(j) == W::space) ++j;
    return j;
  }
  if (!ah(first) && first != W::numeric && first != W::extend_num_let) return i + 1;
  letters = alpha[i];
  std::int32_t j = i + 1;
  while (j < n) {
    // A run of letters, most of prose: two letters always join (WB5).
    if (w(j - 1) == W::letter) {
      while (j < n && w(j) == W::letter) letters += alpha[j++];
      if (j == n) break;
    }
    W prev = w(j - 1), c = w(j);
    if (kJoins[(cls[j - 1] & 0x0F) << 4 | (cls[j] & 0x0F)]) {
      letters += alpha[j++];
      continue;
    }
    if (j + 1 < n && ((ah(prev) && mid_letter_q(c) && ah(w(j + 1))) ||                 // WB6, WB7
                      (prev == W::numeric && mid_num_q(c) && w(j + 1) == W::numeric))) {  // WB11, WB12
      letters += alpha[j] + alpha[j + 1];
      j += 2;
      continue;
    }
    break;
  }
  return j;
}

// Sentence boundaries after position 0 (SB3-SB11, SB998), each pushed onto `out`. `marks`
// are the positions, in order, of the characters a sentence may end at (Class::mark):
// the walk jumps from one to the next instead of looking at every character between them.
void sentence_breaks(const std::uint8_t* cls, std::int32_t n, const std::vector<std::int32_t>& marks,
                     std::vector<std::int32_t>& out) {
  auto s = [&](std::int32_t k) { return sentence_of(cls[k]); };
  auto para_sep_end = [&](std::int32_t k) -> std::int32_t {  // k is CR or LF: past CR LF (SB3)
    return s(k) == S::cr && k + 1 < n && s(k + 1) == S::lf ? k + 2 : k + 1;
  };
  std::size_t next_mark = 0;
  for (std::int32_t i = 0;;) {
    while (next_mark < marks.size() && marks[next_mark] < i) ++next_mark;
    if (next_mark == marks.size()) break;
    i = marks[next_mark];
    S c = s(i);
    if (c == S::cr || c == S::lf) {  // SB4
      i = para_sep_end(i);
      out.push_back(i);
      continue;
    }
    std::int32_t j = i + 1;
    while (j < n && s(j) == S::close) ++j;  // SB9
    while (j < n && s(j) == S::sp) ++j;     // SB10
    if (j < n && (s(j) == S::cr || s(j) == S::lf)) {  // SB11 after a paragraph separator
      j = para_sep_end(j);
      out.push_back(j);
      i = j;
      continue;
    }
    if (j >= n) {  // the end of the text is a boundary anyway
      i = j;
      continue;
    }
    bool keep = false;
    if (c == S::aterm) {
      if (j == i + 1 && s(j) == S::numeric) keep = true;  // SB6
      if (j == i + 1 && s(j) == S::upper && i > 0 && (s(i - 1) == S::upper || s(i - 1) == S::lower))
        keep = true;  // SB7
      if (!keep) {    // SB8: lower case ahead, past anything but letters, separators and terms
        std::int32_t k = j;
        while (k < n) {
          S t = s(k);
          if (t == S::oletter || t == S::upper || t == S::lower || t == S::cr || t == S::lf || t == S::aterm ||
              t == S::sterm)
            break;
          ++k;
        }
        if (k < n && s(k) == S::lower) keep = true;
      }
    }
    if (s(j) == S::scontinue || s(j) == S::aterm || s(j) == S::sterm) keep = true;  // SB8a
    if (!keep) out.push_back(j);                                                       // SB11
    i = j;
  }
  if (out.empty() || out.back() != n) out.push_back(n);
}

}  // namespace uax29

// The prose as the UAX #29 walk reads it: per character (Markdown markers as spaces, links
// left out, as plain_utf16 below) its packed word and sentence classes and whether it is a
// letter, and where a sentence may end. Only for text every character of which the walk
// covers: classify() stops at the first one it does not, and the text goes to ICU instead.
struct ClassedText {
  std::vector<std::uint8_t> classes;  ///< uax29::Class::packed of each character
  std::vector<std::uint8_t> alpha;    ///< uax29::Class::alpha of each character
  std::vector<std::int32_t> sentence_marks;
  std::int32_t length = 0;
};

// What classify() needs of each ASCII byte as the walk sees it (a Markdown marker as a
// space), in one look-up: the packed classes, the letter flag, and flags for the rare cases.
struct AsciiClass {
  std::uint8_t packed = 0, alpha = 0, flags = 0;
};
constexpr std::uint8_t kMayLink = 1, kMark = 2, kUncovered = 4;
const std::array<AsciiClass, 128>& ascii_classes() {
  static const std::array<AsciiClass, 128> table = [] {
    std::array<AsciiClass, 128> t{};
    for (int c = 0; c < 128; ++c) {
      const uax29::Class& k = uax29::class_table()[kAscii[c].unit];
      t[c].packed = k.packed;
      t[c].alpha = k.alpha;
      t[c].flags = static_cast<std::uint8_t>((kAscii[c].maybe_link ? kMayLink : 0) | (k.mark ? kMark : 0) |
                                             (k.fast ? 0 : kUncovered));
    }
    return t;
  }();
  return table;
}

// Fills `out` (buffers the thread reuses, never shrunk) from the Markdown `md`; false, and
// `out` unusable, at the first character the walk does not cover (then the text goes to ICU).
// One pass with no UTF-16 and no running letter count: most prose is covered, and this is
// what its LIX costs (the 98 corpus: bench/RESULTS.md §6).
bool classify(std::string_view md, ClassedText& out) {
  if (out.classes.size() < md.size()) {
    out.classes.resize(md.size());
    out.alpha.resize(md.size());
  }
  const uax29::Class* table = uax29::class_table().data();
  const auto& ascii = ascii_classes();
  std::uint8_t* cls = out.classes.data();
  std::uint8_t* alpha = out.alpha.data();
  out.sentence_marks.clear();
  const auto* s = reinterpret_cast<const std::uint8_t*>(md.data());
  const auto n = static_cast<std::int32_t>(md.size());
  std::int32_t j = 0;
  for (std::int32_t i = 0; i < n;) {
    const std::uint8_t b = s[i];
    if (b < 0x80) {
      const AsciiClass a = ascii[b];
      if (a.flags) {
        if ((a.flags & kMayLink) && md.compare(i, 4, "http") == 0) {
          i = static_cast<std::int32_t>(link_end(md, i));
          continue;
        }
        if (a.flags & kUncovered) return false;
        if (a.flags & kMark) out.sentence_marks.push_back(j);
      }
      cls[j] = a.packed;
      alpha[j] = a.alpha;
      ++j;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT_OR_FFFD(s, i, n, c);
    if (c > 0xFFFF) return false;
    const uax29::Class* k = uax29::class_of(table, static_cast<UChar>(c));
    if (!k || !k->fast) return false;
    cls[j] = k->packed;
    alpha[j] = k->alpha;
    if (k->mark) out.sentence_marks.push_back(j);
    ++j;
  }
  out.length = j;
  return true;
}

// The prose as ICU reads it, in UTF-16, with Markdown markers as spaces and links left
// out, decoded in one pass; an invalid sequence becomes U+FFFD, as in
// UnicodeString::fromUTF8. The same pass counts letters (general category L), so the
// letters of a word are a subtraction instead of a second decoding.
struct PlainText {
  std::vector<UChar> units;
  /// letters_before[j]: letters among the characters that end at or before unit j.
  std::vector<std::int32_t> letters_before;
  std::int32_t length = 0;

  int letters(std::int32_t start, std::int32_t end) const { return letters_before[end] - letters_before[start]; }
};

// Fills `out` (buffers the thread reuses, never shrunk) from the Markdown `md`.
void plain_utf16(std::string_view md, PlainText& out) {
  // UTF-16 never needs more units than UTF-8 has bytes; letters_before has one more entry
  // (also for empty text, the first a thread sees: the fuzzer found that).
  if (out.letters_before.size() < md.size() + 1) {
    out.units.resize(md.size());
    out.letters_before.resize(md.size() + 1);
  }
  UChar* const units = out.units.data();
  UChar* unit = units;                                  // the next unit to write
  std::int32_t* before = out.letters_before.data();  // letters before `unit`
  const auto* s = reinterpret_cast<const std::uint8_t*>(md.data());
  const auto n = static_cast<std::int32_t>(md.size());
  std::int32_t letters = 0;
  *before = 0;
  for (std::int32_t i = 0; i < n;) {
    std::uint8_t b = s[i];
    if (b >= 0x80) {
      UChar32 c;
      U8_NEXT_OR_FFFD(s, i, n, c);
      std::int32_t k = 0;
      U16_APPEND_UNSAFE(unit, k, c);
      if (k == 2) *++before = letters;  // between the surrogates: never a word boundary
      unit += k;
      letters += u_isalpha(c) != 0;
      *++before = letters;
      continue;
    }
    const AsciiByte& a = kAscii[b];
    if (a.maybe_link && md.compare(i, 4, "http") == 0) {
      i = static_cast<std::int32_t>(link_end(md, i));
      continue;
    }
    *unit++ = a.unit;
    letters += a.letter;
    *++before = letters;
    ++i;
  }
  out.length = static_cast<std::int32_t>(unit - units);
}

// One set of buffers per thread (`kvs compare` runs one thread per core), reused for every
// text.
thread_local ClassedText tl_classed;
thread_local PlainText tl_text;
thread_local std::vector<int32_t> tl_word_starts;

// The counts of one text, fed by either walk (uax29's or ICU's iterators): its words in
// order, then the ends of its sentences in order. A word has letters; a sentence counts when
// a word starts in it.
class LixCount {
 public:
  explicit LixCount(int long_word_over) : long_word_over_(long_word_over) { tl_word_starts.clear(); }
  /// A word segment from `start` with `letters` letters.
  void word(std::int32_t start, int letters) {
    if (letters == 0) return;
    ++r_.words;
    if (letters > long_word_over_) ++r_.long_words;
    tl_word_starts.push_back(start);
  }
  void sentence_end(std::int32_t end) {
    bool has_word = false;
    while (next_word_ < tl_word_starts.size() && tl_word_starts[next_word_] < end) {
      has_word = true;
      ++next_word_;
    }
    if (has_word) ++r_.sentences;
  }
  Lix result() {
    r_.value = lix_value(r_.words, r_.sentences, r_.long_words);
    return r_;
  }

 private:
  int long_word_over_;
  std::size_t next_word_ = 0;
  Lix r_;
};

// lix() over text uax29 covers: the same counts as the ICU iterators give.
Lix lix_uax29(const ClassedText& text, int long_word_over) {
  thread_local std::vector<std::int32_t> sentence_ends;
  LixCount count(long_word_over);
  const std::uint8_t* cls = text.classes.data();
  const std::int32_t n = text.length;
  for (std::int32_t start = 0; start < n;) {
    int letters = 0;
    std::int32_t end = uax29::word_end(cls, text.alpha.data(), n, start, letters);
    // ICU tags a segment by its last letter or digit (underscores take the tag before
    // them): "a4" and "Ældreområdet3" are numbers, "4a" is a word.
    std::int32_t last = end - 1;
    while (last > start && uax29::word_of(cls[last]) == uax29::W::extend_num_let) --last;
    if (uax29::word_of(cls[last]) == uax29::W::letter) count.word(start, letters);
    start = end;
  }
  sentence_ends.clear();
  uax29::sentence_breaks(cls, n, text.sentence_marks, sentence_ends);
  for (std::int32_t end : sentence_ends) count.sentence_end(end);
  return count.result();
}

// lix() with ICU's iterators on the text plain_utf16 made.
Lix lix_icu(const PlainText& text, int long_word_over) {
  UErrorCode status = U_ZERO_ERROR;
  // Creating break iterators costs far more than using them (they load rule data): one
  // pair per thread, made the first time a text needs them.
  thread_local std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale("da"), status));
  thread_local std::unique_ptr<icu::BreakIterator> sentences(
      icu::BreakIterator::createSentenceInstance(icu::Locale("da"), status));
  if (!words || !sentences) return {};
  LixCount count(long_word_over);
  // The iterators read the buffer through a UText (no UnicodeString, no copy).
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, text.units.data(), text.length, &status);
  words->setText(&ut, status);
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
    int32_t tag = words->getRuleStatus();
    if (tag >= UBRK_WORD_LETTER && tag < UBRK_WORD_IDEO_LIMIT) count.word(start, text.letters(start, end));
  }
  sentences->setText(&ut, status);
  sentences->first();
  for (int32_t end = sentences->next(); end != icu::BreakIterator::DONE; end = sentences->next())
    count.sentence_end(end);
  utext_close(&ut);
  return count.result();
}

}  // namespace

Lix lix(std::string_view prose, int long_word_over) {
  if (classify(prose, tl_classed)) return lix_uax29(tl_classed, long_word_over);
  plain_utf16(prose, tl_text);
  return lix_icu(tl_text, long_word_over);
}

Lix lix_with_icu(std::string_view prose, int long_word_over) {
  plain_utf16(prose, tl_text);
  return lix_icu(tl_text, long_word_over);
}

double lix_value(int words, int sentences, int long_words) {
  if (words <= 0 || sentences <= 0) return 0;
  return static_cast<double>(words) / sentences + 100.0 * long_words / words;
}

int lix_long_word_over(const AdviceData& advice, int fallback) {
  const AdviceEntry* e = advice.find("raad-laesbarhed");
  int n = e ? e->number("langt-ord-over", 0) : 0;
  return n > 0 ? n : fallback;
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
