// How sure must the search be, for this knowledge base? (issue 13, docs/confidence.md)
//
// A search's confidence (knowledge_base.cpp, assess_confidence) is a share of the query's
// words, but how often text that is NOT about the articles still reaches a given share
// depends on the knowledge base: on 20 short articles an unrelated question rarely shares
// a telling word; on 150 articles of every topic it often does. kbc therefore searches
// each knowledge base it builds with messages no help center answers (small talk, general
// knowledge, other people's errands: calibration/off-topic.txt, written for this, in
// every content language) and sets the threshold where a fixed share of them stays
// below it. One setting for every knowledge base is that share, not a number of words.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace ha::kb {

// The share of off-topic messages that must stay below the threshold.
inline constexpr double off_topic_flagged = 0.70;
// The threshold never leaves this range, whatever the messages give: below it an answer
// would hold a third of the words; above it, a knowledge base about everything would
// answer too little.
inline constexpr double lowest_threshold = 0.34;
inline constexpr double highest_threshold = 0.6;

// The messages as "lang<TAB>text" lines (calibration/off-topic.txt, built into kbc).
extern const std::string_view off_topic_text;

struct calibration_report {
  double threshold = 0;       // what the knowledge base's searches use
  double raw = 0;             // before it was kept within [lowest, highest]
  std::size_t messages = 0;   // off-topic messages searched
};

// Searches the knowledge base written at db_path with the off-topic messages of the
// languages it holds (sr-Latn's serve sr-Cyrl too), each language weighed alike, and
// returns the threshold that keeps off_topic_flagged of them below it. messages: the
// "lang<TAB>text" lines to use (off_topic_text unless a test gives others).
result<calibration_report> calibrate_confidence(const std::string& db_path,
                                                const std::set<std::string>& languages,
                                                std::string_view messages = off_topic_text);

}  // namespace ha::kb
