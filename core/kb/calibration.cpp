#include "kb/calibration.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "kb/knowledge_base.hpp"

namespace ha::kb {

result<calibration_report> calibrate_confidence(const std::string& db_path,
                                                const std::set<std::string>& languages,
                                                std::string_view messages) {
  auto opened = knowledge_base::open_file(db_path);
  if (!opened) return opened.err();
  const knowledge_base& kb = opened.value();
  // confidence of every message, by language
  std::map<std::string, std::vector<double>> by_language;
  while (!messages.empty()) {
    const std::size_t end = std::min(messages.find('\n'), messages.size());
    const std::string_view line = messages.substr(0, end);
    messages.remove_prefix(std::min(end + 1, messages.size()));
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string lang(line.substr(0, tab));
    const std::string_view text = line.substr(tab + 1);
    const bool held = languages.count(lang) > 0 || (lang == "sr-Latn" && languages.count("sr-Cyrl") > 0);
    if (!held || text.empty()) continue;
    search_options options;
    options.lang = lang;
    options.limit = 5;
    auto found = kb.search(text, options);
    if (!found) return found.err();
    by_language[lang].push_back(found.value().hits.empty() ? 0.0 : found.value().confidence);
  }
  calibration_report report;
  // Every language weighs alike: a message weighs 1 / (its language's messages).
  std::vector<std::pair<double, double>> weighted;  // confidence, weight
  for (const auto& [lang, values] : by_language) {
    for (const double c : values) weighted.emplace_back(c, 1.0 / static_cast<double>(values.size()));
    report.messages += values.size();
  }
  if (weighted.empty()) {
    report.raw = report.threshold = default_confidence_threshold;
    return report;
  }
  std::sort(weighted.begin(), weighted.end());
  const double total = static_cast<double>(by_language.size());
  // The lowest threshold that leaves off_topic_flagged of the weight below it: just
  // above the confidence where the running weight first reaches that share.
  double below = 0;
  report.raw = weighted.back().first + 1e-6;
  for (std::size_t i = 0; i < weighted.size(); ++i) {
    below += weighted[i].second / total;
    if (below >= off_topic_flagged - 1e-9) {
      report.raw = weighted[i].first + 1e-6;
      break;
    }
  }
  report.threshold = std::clamp(report.raw, lowest_threshold, highest_threshold);
  return report;
}

}  // namespace ha::kb
