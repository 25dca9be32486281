// rltguide case upgrade IN [-o OUT]: write a case as rltguide-case/2.
#include <filesystem>
#include <fstream>
#include <ostream>
#include <random>
#include <system_error>

#include <fmt/format.h>

#include "cli.hpp"
#include "model/case_upgrade.hpp"

namespace rlt::cli {

namespace {

namespace fs = std::filesystem;

// Whether two paths name the same file (also through links or different spellings).
bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

// Write `content` to `path` atomically: a temporary file in the same folder, then rename, so a
// reader never sees a half-written case and a failure leaves any old file as it was.
bool write_atomically(const fs::path& path, const std::string& content, std::string& error) {
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  std::random_device rd;
  fs::path tmp =
      dir / fmt::format(".{}.tmp-{:08x}", path.filename().string(), static_cast<unsigned>(rd()));
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) {
      error = fmt::format("cannot create a temporary file in '{}'", dir.string());
      return false;
    }
    f << content;
    f.flush();
    if (!f) {
      error = fmt::format("cannot write '{}'", tmp.string());
      f.close();
      std::error_code ignored;
      fs::remove(tmp, ignored);
      return false;
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    error = fmt::format("cannot replace '{}': {}", path.string(), ec.message());
    std::error_code ignored;
    fs::remove(tmp, ignored);
    return false;
  }
  return true;
}

}  // namespace

void add_case(CLI::App& app, Io& io) {
  auto* cmd = app.add_subcommand("case", "Case files: upgrade to the current format");
  cmd->require_subcommand(1);
  auto* up = cmd->add_subcommand(
      "upgrade", fmt::format("Write a case (rltguide-case/1 or /2) as {}. Exit codes: 0 ok, 1 "
                             "usage, 2 invalid input or unwritable output",
                             model::kCaseFormat));
  auto in = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>("-");
  up->add_option("IN", *in, "The case, a JSON file")->required();
  up->add_option("-o,--output", *out,
                 "Where to write the upgraded case ('-' or absent: standard output); never the "
                 "input file");
  up->callback([&io, in, out] {
    if (*out != "-" && same_file(*in, *out)) {
      io.err << "rltguide: case upgrade: -o names the input file '" << *in
             << "'; write to another file (the input is kept as it is)\n";
      io.exit_code = kUsage;
      return;
    }
    JsonLimits limits;
    auto text = read_text_file(*in, limits.max_bytes);
    if (!text.ok()) {
      io.err << "rltguide: " << text.error().message << '\n';
      io.exit_code = kInvalidInput;
      return;
    }
    auto result = model::upgrade_case(text.value(), limits);
    if (!result.ok()) {
      report_problems(io, *in, result.diagnostics, false);
      return;
    }
    if (*out == "-") {
      io.out << result.text;
      return;
    }
    std::string error;
    if (!write_atomically(*out, result.text, error)) {
      io.err << "rltguide: " << error << '\n';
      io.exit_code = kInvalidInput;
      return;
    }
    io.err << "rltguide: wrote " << *out
           << (result.was_current
                   ? fmt::format(" (the input was already {})", model::kCaseFormat)
                   : fmt::format(" ({} from {})", model::kCaseFormat, model::kCaseFormatV1))
           << '\n';
  });
}

}  // namespace rlt::cli
