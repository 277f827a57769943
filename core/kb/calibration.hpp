// How strong is a stray match, on this knowledge base? (issue 13, docs/confidence.md)
//
// A search's confidence (knowledge_base.cpp, assess_confidence) weighs two things: how
// much of the query the best hit holds together (a share of its words, scale-free), and
// how strongly it matches (its bm25 score). A score means nothing on its own: it grows
// with the number of articles and with their length. So kbc searches each knowledge base
// it builds with messages no help center answers (small talk, general knowledge, other
// people's errands: calibration/off-topic.txt, written for this, in every content
// language) and keeps the score a stray match typically reaches there: the median best
// score of the messages that find anything, each language weighed alike. A search's
// score is read against that scale, so one threshold serves every knowledge base.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace ha::kb {

// Fewer off-topic messages than this finding anything tell no typical score: no scale.
inline constexpr std::size_t min_matched = 10;

// The messages as "lang<TAB>text" lines (calibration/off-topic.txt, built into kbc).
extern const std::string_view off_topic_text;

struct calibration_report {
  double scale = 0;           // the typical best score of a stray match (0: none matched)
  std::size_t messages = 0;   // off-topic messages searched
  std::size_t matched = 0;    // of them, those that found an article
};

// Searches the knowledge base written at db_path with the off-topic messages of the
// languages it holds (sr-Latn's serve sr-Cyrl too) and returns the scale. messages: the
// "lang<TAB>text" lines to use (off_topic_text unless a test gives others).
result<calibration_report> calibrate_confidence(const std::string& db_path,
                                                const std::set<std::string>& languages,
                                                std::string_view messages = off_topic_text);

}  // namespace ha::kb
