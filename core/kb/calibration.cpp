#include "kb/calibration.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "common/languages.hpp"
#include "kb/knowledge_base.hpp"

namespace ha::kb {

result<calibration_report> calibrate_confidence(const std::string& db_path,
                                                const std::set<std::string>& languages,
                                                std::string_view messages) {
  auto opened = knowledge_base::open_file(db_path);
  if (!opened) return opened.err();
  const knowledge_base& kb = opened.value();
  calibration_report report;
  // the best score of every message that found something, by language
  std::map<std::string, std::vector<double>> by_language;
  while (!messages.empty()) {
    const std::size_t end = std::min(messages.find('\n'), messages.size());
    const std::string_view line = messages.substr(0, end);
    messages.remove_prefix(std::min(end + 1, messages.size()));
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string lang(line.substr(0, tab));
    const std::string_view text = line.substr(tab + 1);
    const std::string_view made = derived_language(lang);
    const bool held =
        languages.count(lang) > 0 || (!made.empty() && languages.count(std::string(made)) > 0);
    if (!held || text.empty()) continue;
    search_options options;
    options.lang = lang;
    options.limit = 1;
    auto found = kb.search(text, options);
    if (!found) return found.err();
    ++report.messages;
    if (found.value().hits.empty()) continue;
    by_language[lang].push_back(found.value().hits.front().score);
    ++report.matched;
  }
  // The median, every language weighing alike: a message weighs 1 / (its language's
  // matched messages).
  std::vector<std::pair<double, double>> weighted;  // score, weight
  for (const auto& [lang, scores] : by_language) {
    for (const double s : scores) weighted.emplace_back(s, 1.0 / static_cast<double>(scores.size()));
  }
  // Too few to tell a typical stray match (a knowledge base of an article or two): no
  // scale, and the engine reads the share of words alone.
  if (report.matched < min_matched) return report;
  std::sort(weighted.begin(), weighted.end());
  const double total = static_cast<double>(by_language.size());
  double below = 0;
  for (const auto& [score, weight] : weighted) {
    below += weight / total;
    report.scale = score;
    if (below >= 0.5 - 1e-9) break;
  }
  return report;
}

}  // namespace ha::kb
