// The words of a handoff summary in each content language, as data: one catalogue per
// language in core/handoff/words/<code>.json, built into the engine by CMakeLists.txt.
// A catalogue may inherit from another ("inherits": "hr") and then lists only the words
// it says differently. A language kbc makes from another (languages.hpp: Serbian
// Cyrillic from Serbian Latin) has no catalogue: its words are made the same way.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ha::handoff {

struct summary_words {
  std::string case_word, priority_high, problem, customer_wrote, tried, nothing_tried, read,
      helped_yes, helped_no, searched, rating, contact, no_contact, message, update_of, reply_by,
      no_reply_promise, asked, unknown_team, quote_open, quote_close;
  std::array<std::string, 3> answers;  // "did this solve it?": yes, partly, no
  // Each frustration signal (session::signal kinds, in signal_kinds' order), as the
  // customer reads it in the preview: it describes, it does not judge.
  std::array<std::string, 7> signals;
  std::array<std::string, 7> weekdays;  // Sunday first
  std::array<std::string, 12> months;   // only where `date` names them
  // How a date and time is written: {weekday} {day} {month} (a number) {month_name}
  // {year} {hh} (two digits) {h} {mm}.
  std::string date;
};

// The frustration signals' kinds, in the order of summary_words::signals.
inline constexpr std::array<std::string_view, 7> signal_kinds = {
    "repeated_no", "repeat_contact", "insult", "angry_words", "shouting", "exclamations",
    "long_time"};

// The words for a stored language code; English for a language without a catalogue.
const summary_words& summary_words_for(std::string_view lang);

// (code, the catalogue's text), made by CMakeLists.txt from core/handoff/words/*.json.
using word_files = std::vector<std::pair<std::string_view, std::string_view>>;
extern const word_files summary_word_files;

// What is wrong with the catalogues as written, one message each ("bs.json: 'read'
// repeats hr.json"): a word missing after inheritance, a word that repeats the catalogue
// it inherits from, an unknown key, a catalogue of no content language. Empty when sound.
std::vector<std::string> summary_catalogue_problems(const word_files& files = summary_word_files);

}  // namespace ha::handoff
