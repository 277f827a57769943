// The project's own helpers around nlohmann-json (Debian's nlohmann-json3-dev, included
// below, never copied here).
// Reading and writing JSON without exceptions: the WebAssembly build has them off, and
// nlohmann's get<T>() and value() throw on a type mismatch, dump() on invalid UTF-8.
// These return a default or a replacement instead, so a damaged or hand-edited document,
// or text cut in the middle of a character, can never abort the engine.
#pragma once

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace ha::detail {

inline std::string read_string(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline long long read_integer(const nlohmann::json& j, const char* key, long long fallback = 0) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<long long>() : fallback;
}

inline bool read_bool(const nlohmann::json& j, const char* key, bool fallback = false) {
  const auto it = j.find(key);
  return it != j.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

// The strings of an array (other items skipped); empty when j is not an array.
inline std::vector<std::string> read_strings(const nlohmann::json& j) {
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& item : j) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

inline std::vector<std::string> read_strings(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it == j.end() ? std::vector<std::string>() : read_strings(*it);
}

// Times in ms since 1970 that core accepts: from 1970 to the end of the year 9999. A
// time outside (negative, NaN, 1e300) is refused where it enters, so no arithmetic on
// times can overflow.
inline constexpr long long max_time_ms = 253402300799999LL;
inline bool valid_time(double ms) {
  return std::isfinite(ms) && ms >= 0 && ms <= static_cast<double>(max_time_ms);
}
inline bool valid_time(long long ms) {
  return ms >= 0 && ms <= max_time_ms;
}

// The text of a JSON value; invalid UTF-8 in its strings becomes U+FFFD instead of
// throwing. indent < 0 writes it on one line.
inline std::string write(const nlohmann::json& j, int indent = -1) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ha::detail
