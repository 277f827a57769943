// Reads the YAML of one troubleshooting flow (knowledge-base/flows/<id>.yaml, format in
// knowledge-base/README.md) into a flow::flow with the source line of every node, option
// and alternative. Native only (yaml-cpp). Malformed YAML, unknown fields, wrong types
// and unknown languages become problems with their line; the graph rules are checked
// afterwards by flow::validate().
#pragma once

#include <string_view>
#include <vector>

#include "flow/flow.hpp"
#include "flow/validate.hpp"

namespace ha::kb {

// Returns false when the file is too malformed to validate further.
bool read_flow_yaml(std::string_view content, flow::flow& out,
                    std::vector<flow::problem>& problems);

}  // namespace ha::kb
