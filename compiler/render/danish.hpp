// Danish typography and language services, as ICU writes locale "da":
// dates ("6. februar 2024"), ordinals ("75."), numbers ("1½"), ranges with an en dash
// ("65–81"), "§ 79 a" with no-break spaces, upper case, collation for sorted lists, and
// the LIX readability index used in the council appendix.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "date.hpp"

namespace kvs::render {

inline constexpr std::string_view kNbsp = "\u00a0";
inline constexpr std::string_view kEnDash = "\u2013";

/// "6. februar 2024".
std::string danish_date(const Date& d);
/// "75." (as ICU's Danish ordinal rules write it).
std::string danish_ordinal(int n);
/// 75 → "75", 1.5 → "1½", 2.25 → "2,25".
std::string danish_number(double v);
/// "65–81" (en dash, no spaces).
std::string danish_range(int from, int to);
/// Upper case with Danish rules ("målgruppe" → "MÅLGRUPPE").
std::string danish_upper(std::string_view s);
/// First letter in upper case.
std::string capitalize_first(std::string_view s);
/// Lower case (for comparisons).
std::string danish_lower(std::string_view s);

/// Danish collation order (æ, ø, å last; "aa" sorts as "å").
bool danish_less(std::string_view a, std::string_view b);
void danish_sort(std::vector<std::string>& items);

/// "a", "a og b", "a, b og c" (`word` is "og" or "eller").
std::string join_list(const std::vector<std::string>& items, std::string_view word = "og");

/// Danish typography on running text: an en dash without spaces between the numbers of a
/// range ("65-81" and "65 - 81" → "65–81"; ISO dates are left alone), and no-break spaces
/// in "§ 79 a", "stk. 3" and "nr. 716" (also repairs "§79a").
std::string typeset(std::string_view text);

/// Whitespace collapsed, case folded and typography normalised: for "is this text
/// already in the document" comparisons.
std::string comparable(std::string_view text);

/// The longest runs of a–z in a comparable() text (at most `count`, longest first, no
/// repeats): words any text holding it must spell in plain ASCII letters.
std::vector<std::string> comparable_probes(std::string_view comparable_text, std::size_t count = 6);

/// A cheap necessary test before comparable(text).find(needle): may_contain(probes) is
/// false only if that find cannot succeed, where `probes` are comparable_probes(needle).
/// comparable() never adds, drops or moves a letter between two letters, and on Latin-1
/// text its lower-casing makes a–z only of A–Z and a–z; so every probe must be in `text`,
/// ASCII case aside. Text with other characters (which ICU lower-cases) always passes.
class ComparableFilter {
 public:
  explicit ComparableFilter(std::string_view text);
  bool may_contain(const std::vector<std::string>& probes) const;

 private:
  bool checkable_ = false;
  std::string lower_;
};

/// LIX (Björnsson): words per sentence plus the percentage of words longer than
/// `long_word_over` letters, counted per string exactly as the advice rule raad-laesbarhed
/// counts prose (checks::lix: ICU's Danish word and sentence breaks, words with letters), so
/// the council appendix and the finding never show two LIX for the same text. Each string
/// with words counts as at least one sentence (list items, headings).
/// Björnsson's long word: more than six letters (LIX's own definition; the advice data may set
/// another, checks/advice.xml langt-ord-over).
inline constexpr int kLixLongWordOver = 6;

struct Readability {
  int words = 0;
  int sentences = 0;
  int long_words = 0;
  double lix() const;
};
Readability readability(const std::vector<std::string>& blocks, int long_word_over);
/// "let", "middel", "svær", … for a LIX value.
std::string lix_label(double lix);

}  // namespace kvs::render
