// The numbers of the ranking, shared by the full search (the rank function in
// fts_tokenizer.cpp, run by FTS5) and the first-answer search (quick_index.cpp), so that
// the two order hits alike.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace ha::kb {

// bm25 as FTS5's bm25() has it.
inline constexpr double bm25_k1 = 1.2;
inline constexpr double bm25_b = 0.75;

// A word found in the title counts most, then in the tags, then in the body.
inline constexpr std::array<double, 3> column_weights = {10.0, 4.0, 1.0};

// A pair token counts half a word: one of its two words is a query word that scores on
// its own, so a full weight would count that word twice. (Measured, MRR@10 at weights
// 1 / 0.7 / 0.5 / 0.3: banking77 0.891 / 0.895 / 0.898 / 0.898, clinc150 0.925 / 0.927 /
// 0.925 / 0.918, South Slavic 0.884 / 0.891 / 0.904 / 0.910.)
inline constexpr double pair_weight = 0.5;

// The most rows the full index lists a term in (index_builder.hpp): a term in more is
// listed in those it weighs most in. Above common_term_rows (vocabulary.hpp), so that
// every such term's true count is in common_terms. (The first-answer index has its own
// bound, quick_max_postings.)
inline constexpr long long bounded_term_rows = 2000;

// bm25's share of one term found `frequency` times (weighted by column) in a row whose
// length is length_ratio times the average.
inline double term_score(double idf, double frequency, double length_ratio) {
  return idf * frequency * (bm25_k1 + 1) /
         (frequency + bm25_k1 * (1 - bm25_b + bm25_b * length_ratio));
}

// A row's length in words as one byte: 24 times its natural logarithm (within 2 %, which
// bm25 does not feel), and back. The first-answer index stores it beside each row it
// lists; the full index numbers its rows in the order of this code (row_lengths.hpp).
inline std::uint8_t length_code(std::uint32_t words) {
  return static_cast<std::uint8_t>(std::min(255.0, std::round(std::log1p(words) * 24)));
}
inline double length_of(std::uint8_t code) { return std::expm1(code / 24.0); }

}  // namespace ha::kb
