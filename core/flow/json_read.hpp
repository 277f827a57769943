// Reading JSON without exceptions: the WebAssembly build has them off, and nlohmann's
// get<T>() and value() throw on a type mismatch. These return a default instead, so a
// damaged or hand-edited document can never abort the engine.
#pragma once

#include <nlohmann/json.hpp>

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

}  // namespace ha::detail
