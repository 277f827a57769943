// The handoff package: everything a person needs to take a case over without asking the
// customer to repeat anything (P8, P9). Built from the conversation (session::state)
// and the knowledge base, in the customer's language, with sensitive data taken out of
// every free text (redact.hpp). The format is a versioned JSON document described by
// docs/handoff.schema.json and explained in docs/handoff.md.
//
//   package_request r{.now = ms, .lang = "sr-Latn", .page = "/internet", .seed = random};
//   auto pkg = build_package(state, kb, r);   // JSON text, or an error
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "common/languages.hpp"
#include "common/result.hpp"

namespace ha::kb {
class knowledge_base;
}
namespace ha::session {
struct state;
}

namespace ha::handoff {

inline constexpr int package_version = 1;

struct package_request {
  long long now = 0;              // ms since 1970, when the customer asks to send
  std::string lang{base_language};  // the page's language (a stored code, languages.hpp)
  std::string page;               // where the customer was (a path on the site)
  std::string name;               // only what the customer chose to give
  std::string contact;            // e-mail or phone, only if given
  std::string message;            // anything the customer added to the case (redacted)
  // What the case's team asks for (site.yaml teams.<id>.fields): field id → value.
  std::map<std::string, std::string, std::less<>> fields;
  std::string channel = "local";  // the channel whose reply target is promised
  std::uint64_t seed = 0;         // random bits for the case code (from the page's crypto)
};

// A case code a person can read over the phone: 8 characters in two groups, from an
// alphabet without look-alikes (no 0/O, 1/I/L, U), the last one a check character that
// catches one wrong character or two swapped neighbours: "K7PM-Q9XD".
std::string case_code(std::uint64_t seed);
bool valid_case_code(std::string_view code);

// {"now": ms, "lang", "page", "name", "contact", "message", "fields": {id: value},
//  "channel", "seed": "hex"}
// (the seed as hex text: JavaScript numbers hold only 53 bits). Errors: invalid_argument.
result<package_request> request_from_json(std::string_view json);

// Errors: invalid_argument when the conversation is not at a handoff.
result<std::string> build_package(const session::state& s, const kb::knowledge_base& kb,
                                  const package_request& request);

// More from the customer about a case already sent (P13, P17): it goes out on its own,
// with the same case code, and the team reads it beside the case.
struct update_request {
  long long now = 0;        // ms since 1970
  std::string lang{base_language};  // the customer's language, as package_request's
  std::string case_code;    // of the case sent before
  std::string message;      // what the customer adds (redacted, at most 4,000 characters)
  std::uint64_t seed = 0;   // random bits for the update's id
};

// {"now": ms, "lang", "case_code", "message", "seed": "hex"}. Errors: invalid_argument.
result<update_request> update_request_from_json(std::string_view json);

// {"version": 1, "kind": "update", "case_code", "update_id" (16 hex digits), "created_at",
//  "language", "script", "message", "redacted": [...], "summary"} (docs/handoff.md).
// Errors: invalid_argument for a case code that is not one, or nothing to add.
result<std::string> build_update(const update_request& request);

// "2026-12-07T08:30:00.000Z" for ms since 1970.
std::string utc_iso(long long ms);

}  // namespace ha::handoff
