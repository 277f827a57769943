// Reading JSON without exceptions: the WebAssembly build has them off, and nlohmann's
// get<T>() and value() throw on a type mismatch. These return a default instead, so a
// damaged or hand-edited document can never abort the engine.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

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

}  // namespace ha::detail
