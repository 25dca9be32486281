// Small text helpers shared by the renderers.
#pragma once

#include <string>
#include <string_view>

namespace rlt {

/// Escape text for XML/HTML content and attribute values (&, <, >, ", ').
std::string xml_escape(std::string_view s);

}  // namespace rlt
