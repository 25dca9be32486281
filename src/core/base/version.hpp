// Program version and the git commit the binary was built from (generated at build time).
#pragma once

#include <string_view>

namespace rlt {
std::string_view program_version() noexcept;
std::string_view git_commit() noexcept;
}  // namespace rlt
