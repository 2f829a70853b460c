#include "danish.hpp"

#include "readability.hpp"  // checks::lix, shared with the advice rule raad-laesbarhed

#include <unicode/brkiter.h>
#include <unicode/coll.h>
#include <unicode/numfmt.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <memory>

namespace kvs::render {
namespace {

const icu::Locale& danish() {
  static const icu::Locale da("da", "DK");
  return da;
}

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

icu::UnicodeString ustr(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// Danish month names as CLDR (and so ICU's "d. MMMM y" in locale "da") writes them.
/// Dates and ordinals are written here rather than through ICU's SimpleDateFormat and
/// RuleBasedNumberFormat: building those loads calendar and rule data that cost more than
/// the rest of a one-standard render's text (0.9 M of 12.8 M instructions). The unit test
/// holds both to ICU's output for every month and for ordinals from INT_MIN to INT_MAX.
constexpr std::array<std::string_view, 12> kMonths = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                                      "juli",   "august",  "september", "oktober", "november", "december"};

}  // namespace

std::string danish_date(const Date& d) {
  if (d.month < 1 || d.month > 12) return d.iso();
  std::string out = std::to_string(d.day);
  out += ". ";
  out += kMonths[static_cast<std::size_t>(d.month - 1)];
  out += ' ';
  out += std::to_string(d.year);
  return out;
}

// A Danish ordinal is the numeral and a full stop: "75.", "1.000." (groups of three
// digits separated by full stops), "−3." (U+2212 MINUS SIGN), as ICU writes them.
std::string danish_ordinal(int n) {
  std::string digits = std::to_string(n < 0 ? -static_cast<long long>(n) : static_cast<long long>(n));
  std::string out = n < 0 ? "\u2212" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  out += '.';
  return out;
}

std::string danish_number(double v) {
  double whole = std::floor(v);
  if (v == whole) return std::to_string(static_cast<long long>(whole));
  if (v - whole == 0.5) return (whole == 0 ? std::string() : std::to_string(static_cast<long long>(whole))) + "½";
  thread_local std::unique_ptr<icu::NumberFormat> fmt = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> f(icu::NumberFormat::createInstance(danish(), status));
    if (U_FAILURE(status)) f.reset();
    return f;
  }();
  if (!fmt) return std::to_string(v);
  icu::UnicodeString out;
  fmt->format(v, out);
  return utf8(out);
}

std::string danish_range(int from, int to) {
  return std::to_string(from) + std::string(kEnDash) + std::to_string(to);
}

std::string danish_upper(std::string_view s) { return utf8(ustr(s).toUpper(danish())); }
namespace {

/// Lower case without ICU for text of ASCII and Latin-1 letters (nearly all Danish
/// text): A–Z and U+00C0–U+00DE except × map to the code point 0x20 higher; every other
/// character there is unchanged by toLower (the "da" locale has no special casing).
/// Anything else (other scripts, invalid UTF-8, which ICU would replace) goes to ICU.
bool latin1_only(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) continue;
    if ((c != 0xC2 && c != 0xC3) || i + 1 >= s.size()) return false;
    auto d = static_cast<unsigned char>(s[i + 1]);
    if (d < 0x80 || d > 0xBF) return false;
    ++i;
  }
  return true;
}

/// In place, on text latin1_only() accepted.
void lower_latin1(std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') s[i] = static_cast<char>(c + 0x20);
      continue;
    }
    auto d = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xC3 && d <= 0x9E && d != 0x97) s[i + 1] = static_cast<char>(d + 0x20);
    ++i;
  }
}

/// Lower case of a string we own, in place where possible.
void lower_in_place(std::string& s) {
  if (latin1_only(s)) lower_latin1(s);
  else s = utf8(ustr(s).toLower(danish()));
}

}  // namespace

std::string danish_lower(std::string_view s) {
  std::string out(s);
  lower_in_place(out);
  return out;
}

std::string capitalize_first(std::string_view s) {
  icu::UnicodeString u = ustr(s);
  if (u.isEmpty()) return {};
  int32_t first = u.moveIndex32(0, 1);
  icu::UnicodeString head(u, 0, first), rest(u, first);
  return utf8(head.toUpper(danish()) + rest);
}

bool danish_less(std::string_view a, std::string_view b) {
  thread_local std::unique_ptr<icu::Collator> coll = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(danish(), status));
    if (U_FAILURE(status)) c.reset();
    return c;
  }();
  if (!coll) return a < b;
  UErrorCode status = U_ZERO_ERROR;
  return coll->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                           icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status) == UCOL_LESS;
}

void danish_sort(std::vector<std::string>& items) {
  std::stable_sort(items.begin(), items.end(),
                   [](const std::string& a, const std::string& b) { return danish_less(a, b); });
}

std::string join_list(const std::vector<std::string>& items, std::string_view word) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? " " + std::string(word) + " " : ", ";
    out += items[i];
  }
  return out;
}

namespace {

// The first ASCII digit at or after `from`, or t.size(): 16 bytes at a time with no branch
// inside a block, which the compiler turns into vector compares.
std::size_t next_digit(std::string_view t, std::size_t from) {
  std::size_t i = from;
  for (; i + 16 <= t.size(); i += 16) {
    unsigned any = 0;
    for (std::size_t j = 0; j < 16; ++j) any |= static_cast<unsigned char>(t[i + j] - '0') < 10;
    if (any) break;
  }
  while (i < t.size() && !is_digit(t[i])) ++i;
  return i;
}

}  // namespace

std::string typeset(std::string_view t) {
  // Every rule below ends at a number ("§ 79", "stk. 3", "65-81"), so text without a digit
  // comes out as it went in: most generated phrases and prose paragraphs.
  std::size_t digit = next_digit(t, 0);
  if (digit == t.size()) return std::string(t);
  std::string out;
  out.reserve(t.size() + 16);
  const std::string dash(kEnDash), nbsp(kNbsp);
  std::size_t i = 0, n = t.size();
  auto digits_at = [&](std::size_t at) {
    std::size_t e = at;
    while (e < n && is_digit(t[e])) ++e;
    return e;
  };
  // Can a pattern below start at `k`? Only a digit, "§", "stk. " or "nr. " can; every
  // other byte is copied unchanged, so runs of them are appended in one go (this loop
  // runs over every generated word and every prose text of every document).
  // The first test is one table look-up, false for nearly every byte.
  static constexpr auto kFirst = [] {
    std::array<bool, 256> f{};
    for (int d = '0'; d <= '9'; ++d) f[d] = true;
    f[0xC2] = f['s'] = f['n'] = true;
    return f;
  }();
  auto may_start = [&](std::size_t k) {
    const unsigned char b = static_cast<unsigned char>(t[k]);
    if (!kFirst[b]) return false;
    if (is_digit(t[k])) return true;
    if (b == 0xC2) return k + 1 < n && static_cast<unsigned char>(t[k + 1]) == 0xA7;
    if (b == 's') return k + 4 < n && t[k + 1] == 't' && t[k + 2] == 'k' && t[k + 3] == '.' && t[k + 4] == ' ';
    return k + 3 < n && t[k + 1] == 'r' && t[k + 2] == '.' && t[k + 3] == ' ';  // 'n'
  };
  // Where a rule that reaches the next digit could start: "§", "§§", "stk. " or "nr. " before
  // it, the § with spaces and a no-break space between. Text before that is copied in one go.
  auto rule_start = [&](std::size_t from) -> std::size_t {
    if (digit == n) return n;
    std::size_t k = digit;
    if (k >= from + nbsp.size() && t.compare(k - nbsp.size(), nbsp.size(), nbsp) == 0) k -= nbsp.size();
    while (k > from && t[k - 1] == ' ') --k;
    return k >= from + 6 ? k - 6 : from;
  };
  std::size_t skip_to = rule_start(0);
  while (i < n) {
    if (i > digit) {
      digit = next_digit(t, i);
      skip_to = rule_start(i);
    }
    if (i < skip_to) {
      out.append(t.data() + i, skip_to - i);
      i = skip_to;
      continue;
    }
    if (!may_start(i)) {
      std::size_t run = i + 1;
      while (run < n && !may_start(run)) ++run;
      out.append(t.data() + i, run - i);
      i = run;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(t[i]);
    // "§ 79 a", "§79a", "§ 83a": no-break spaces, a space before the letter.
    if (c == 0xC2 && t.compare(i, 2, "§") == 0) {
      std::size_t j = i + 2;
      bool double_sign = t.compare(j, 2, "§") == 0;
      if (double_sign) j += 2;
      std::size_t k = j;
      while (k < n && t[k] == ' ') ++k;
      if (t.compare(k, nbsp.size(), nbsp) == 0) k += nbsp.size();
      std::size_t e = digits_at(k);
      if (e > k) {
        out += double_sign ? "§§" : "§";
        out += nbsp;
        out.append(t.substr(k, e - k));
        std::size_t l = e;
        if (l < n && t[l] == ' ') ++l;
        else if (t.compare(l, nbsp.size(), nbsp) == 0) l += nbsp.size();
        if (l < n && t[l] >= 'a' && t[l] <= 'g' && (l + 1 >= n || !(is_ascii_letter(t[l + 1]) || is_digit(t[l + 1]) ||
                                                               static_cast<unsigned char>(t[l + 1]) >= 0x80))) {
          out += nbsp;
          out += t[l];
          i = l + 1;
        } else {
          i = e;
        }
        continue;
      }
    }
    // "stk. 3", "nr. 716": keep the number with its label.
    for (std::string_view label : {std::string_view("stk. "), std::string_view("nr. ")}) {
      if (t[i] != label[0]) continue;
      if (t.compare(i, label.size(), label) == 0 && i + label.size() < n && is_digit(t[i + label.size()]) &&
          (i == 0 || !is_ascii_letter(t[i - 1]))) {
        out.append(label.substr(0, label.size() - 1));
        out += nbsp;
        i += label.size();
        goto next;
      }
    }
    // Number ranges: 65-81, 65 - 81, 65 – 81, 8.00 – 8.30 → 65–81, 8.00–8.30
    // (not ISO dates or other chains of numbers).
    if (is_digit(t[i]) && (i == 0 || !(is_digit(t[i - 1]) || t[i - 1] == '-' || t[i - 1] == '.' || t[i - 1] == ','))) {
      auto number_end = [&](std::size_t at) {
        std::size_t e = digits_at(at);
        while (e + 1 < n && (t[e] == '.' || t[e] == ',') && is_digit(t[e + 1])) e = digits_at(e + 1);
        return e;
      };
      std::size_t e = number_end(i);
      std::size_t j = e, sep_end = 0;
      bool spaced = j < n && t[j] == ' ';
      if (spaced) ++j;
      if (j < n && t[j] == '-') sep_end = j + 1;
      else if (t.compare(j, dash.size(), dash) == 0) sep_end = j + dash.size();
      if (sep_end) {
        std::size_t k = sep_end;
        if (spaced && k < n && t[k] == ' ') ++k;
        else if (spaced) k = n;  // "65 -81": not a range we recognise
        std::size_t e2 = k < n && is_digit(t[k]) ? number_end(k) : k;
        bool chain = e2 + 1 < n && t[e2] == '-' && is_digit(t[e2 + 1]);
        if (e2 > k && !chain && (e - i) <= 5 && (e2 - k) <= 5) {
          out.append(t.substr(i, e - i));
          out += dash;
          out.append(t.substr(k, e2 - k));
          i = e2;
          continue;
        }
      }
      out.append(t.substr(i, e - i));
      i = e;
      continue;
    }
    out += t[i++];
  next:;
  }
  return out;
}

std::string comparable(std::string_view text) {
  std::string t = typeset(text);
  lower_in_place(t);
  // Runs of whitespace (space, tab, CR, LF, no-break space) become one space; leading
  // and trailing whitespace goes. Done in place: the text only shrinks, so the write
  // position never passes the read position; runs without whitespace move in one go.
  std::size_t w = 0;
  bool space = false;
  const std::size_t n = t.size();
  auto ws_len = [&](std::size_t i) -> std::size_t {
    char c = t[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') return 1;
    if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < n && static_cast<unsigned char>(t[i + 1]) == 0xA0) return 2;
    return 0;
  };
  for (std::size_t i = 0; i < n;) {
    if (std::size_t len = ws_len(i)) {
      space = true;
      i += len;
      continue;
    }
    std::size_t j = i + 1;
    while (j < n && ws_len(j) == 0) ++j;
    if (space && w > 0) t[w++] = ' ';
    space = false;
    if (w != i) std::memmove(&t[w], &t[i], j - i);
    w += j - i;
    i = j;
  }
  t.resize(w);
  return t;
}

std::vector<std::string> comparable_probes(std::string_view c, std::size_t count) {
  std::vector<std::string_view> runs;
  for (std::size_t i = 0; i < c.size();) {
    if (c[i] < 'a' || c[i] > 'z') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < c.size() && c[j] >= 'a' && c[j] <= 'z') ++j;
    runs.push_back(c.substr(i, j - i));
    i = j;
  }
  std::stable_sort(runs.begin(), runs.end(), [](std::string_view x, std::string_view y) { return x.size() > y.size(); });
  std::vector<std::string> out;
  for (std::string_view r : runs) {
    if (out.size() == count) break;
    if (std::find(out.begin(), out.end(), r) == out.end()) out.emplace_back(r);
  }
  return out;
}

ComparableFilter::ComparableFilter(std::string_view text) : checkable_(latin1_only(text)) {
  if (!checkable_) return;
  lower_.assign(text);
  lower_latin1(lower_);  // comparable()'s own lower-casing of Latin-1 text
}

bool ComparableFilter::may_contain(const std::vector<std::string>& probes) const {
  if (!checkable_) return true;
  return std::all_of(probes.begin(), probes.end(),
                     [&](const std::string& p) { return lower_.find(p) != std::string::npos; });
}

double Readability::lix() const { return checks::lix_value(words, sentences, long_words); }

Readability readability(const std::vector<std::string>& blocks, int long_word_over) {
  Readability r;
  for (const auto& block : blocks) {
    checks::Lix l = checks::lix(block, long_word_over);
    if (l.words == 0) continue;
    r.words += l.words;
    r.long_words += l.long_words;
    r.sentences += std::max(l.sentences, 1);
  }
  return r;
}

std::string lix_label(double lix) {
  if (lix < 25) return "meget let";
  if (lix < 35) return "let";
  if (lix < 45) return "middel";
  if (lix < 55) return "svær";
  return "meget svær";
}

}  // namespace kvs::render
