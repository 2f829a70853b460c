// LIX (læsbarhedsindeks) of Danish prose, used by raad-laesbarhed.
#pragma once

#include <string_view>

#include "advice_data.hpp"

namespace kvs::checks {

struct Lix {
  int words = 0, sentences = 0, long_words = 0;
  double value = 0;  ///< words/sentences + 100 · long_words/words; 0 for empty text
};

/// Björnsson's index from the counts: words per sentence + 100 · long words / words; 0 when
/// there are no words or no sentences.
double lix_value(int words, int sentences, int long_words);

/// LIX of CommonMark prose; a long word has more than `long_word_over` letters. Words and
/// sentences are ICU's Danish word and sentence breaks; for text of Latin letters and common
/// punctuation (nearly all Danish prose) the same rules (UAX #29) are walked directly.
Lix lix(std::string_view prose, int long_word_over);

/// lix() with ICU's break iterators for every text: what lix() must equal. For the tests
/// and the fuzzer that hold the two to each other.
Lix lix_with_icu(std::string_view prose, int long_word_over);

/// LIX's long word as checks/advice.xml sets it for raad-laesbarhed (langt-ord-over), or
/// `fallback` when the data does not say; the council appendix counts with the same length.
int lix_long_word_over(const AdviceData& advice, int fallback);

}  // namespace kvs::checks
