#include "common/result.hpp"

namespace ha {

std::string_view to_string(errc code) noexcept {
  switch (code) {
    case errc::invalid_argument: return "invalid_argument";
    case errc::corrupt_database: return "corrupt_database";
    case errc::version_mismatch: return "version_mismatch";
    case errc::not_found: return "not_found";
    case errc::io_error: return "io_error";
    case errc::invalid_knowledge_base: return "invalid_knowledge_base";
    case errc::internal: return "internal";
    case errc::pages_missing: return "pages_missing";
  }
  return "internal";
}

}  // namespace ha
