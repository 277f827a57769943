// A conversation restored from any JSON, then any actions (one JSON object a line), then
// its view in any language and, at a handoff, its package: errors are values, never a
// crash, and what comes out is valid JSON in valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "demo_flow.hpp"
#include "handoff/package.hpp"
#include "session/session.hpp"
#include "text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto& kb = ha::test::demo();
  std::size_t at = input.find('\n');
  const std::string_view saved = input.substr(0, at);
  auto restored = ha::session::from_json(saved);
  ha::session::state s = restored.ok() ? restored.value() : ha::session::state{};
  std::string lang = "en";
  while (at != std::string_view::npos) {
    const std::size_t next = input.find('\n', at + 1);
    const std::string_view line = input.substr(at + 1, next == std::string_view::npos ? next : next - at - 1);
    at = next;
    if (line.size() < 8 && !line.empty()) {
      lang = std::string(line);  // a short line is the language the page asks in
      continue;
    }
    auto action = ha::session::action_from_json(line);
    if (action.ok()) (void)ha::session::apply(s, action.value(), kb);
  }
  const std::string view = ha::session::view(s, kb, lang);
  const std::string state = ha::session::to_json(s);
  if (!nlohmann::json::accept(view) || !nlohmann::json::accept(state)) std::abort();
  if (!ha::session::from_json(state).ok()) std::abort();  // what it writes, it reads
  if (s.current == ha::session::phase::handoff) {
    ha::handoff::package_request r;
    r.now = 1'796'409'000'000;
    r.lang = lang;
    r.message = std::string(input.substr(0, 5000));
    r.name = std::string(input.substr(0, 300));
    r.seed = size;
    auto pkg = ha::handoff::build_package(s, kb, r);
    if (pkg.ok() && (!nlohmann::json::accept(pkg.value()) || !ha::text::is_valid_utf8(pkg.value()))) {
      std::abort();
    }
  }
  return 0;
}
