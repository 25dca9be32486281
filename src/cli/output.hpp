// Output files and standard output. Every file the CLI writes (-o, --svg) goes through
// write_file_atomic: the content is written to a temporary file in the target's folder, flushed,
// fsync'ed and renamed over the target, so a failed or killed run never leaves a fragment and
// never destroys the previous file. An output path that is one of the input files is refused.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace rlt::cli {

/// Whether two paths name the same existing file (same device and inode).
bool same_file(const std::string& a, const std::string& b);

/// The first input that `output` would overwrite, if any.
std::optional<std::string> output_is_input(const std::string& output,
                                           std::span<const std::string> inputs);

/// Write `content` to `path` atomically. Returns an error message, or nothing on success.
std::optional<std::string> write_file_atomic(const std::string& path, std::string_view content);

}  // namespace rlt::cli
