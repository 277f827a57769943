// A handoff package from any request (the page's JSON), for a conversation at the offer
// of a person, and an update to a sent case from the same bytes: an error value or valid
// JSON in valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "demo_flow.hpp"
#include "handoff/package.hpp"
#include "session/session.hpp"
#include "text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ha::session::state asked = [] {
    ha::session::state s;
    ha::session::action a;
    a.type = ha::session::action_type::ask_person;
    a.at = 1'796'409'000'000;
    if (!ha::session::apply(s, a, ha::test::demo()).ok()) std::abort();
    return s;
  }();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // The same bytes as an update to a sent case: an error value or valid JSON in UTF-8.
  if (auto update = ha::handoff::update_request_from_json(input); update.ok()) {
    auto built = ha::handoff::build_update(update.value());
    if (built.ok() &&
        (!nlohmann::json::accept(built.value()) || !ha::text::is_valid_utf8(built.value()))) {
      std::abort();
    }
  }
  auto request = ha::handoff::request_from_json(input);
  if (!request.ok()) return 0;
  auto pkg = ha::handoff::build_package(asked, ha::test::demo(), request.value());
  if (pkg.ok() && (!nlohmann::json::accept(pkg.value()) || !ha::text::is_valid_utf8(pkg.value()))) {
    std::abort();
  }
  return 0;
}
