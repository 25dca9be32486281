#include "output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <fmt/format.h>

namespace rlt::cli {

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {};
  struct stat sb {};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

std::optional<std::string> output_is_input(const std::string& output,
                                           std::span<const std::string> inputs) {
  for (const auto& in : inputs)
    if (!in.empty() && same_file(output, in)) return in;
  return std::nullopt;
}

namespace {

std::string errno_text(int e) {
  // strerror_r (GNU variant) is thread-safe, unlike strerror.
  std::vector<char> buf(256);
  return ::strerror_r(e, buf.data(), buf.size());
}

std::string folder_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

mode_t file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return static_cast<mode_t>(0666U & ~static_cast<unsigned>(mask));
}

}  // namespace

std::optional<std::string> write_file_atomic(const std::string& path, std::string_view content) {
  if (path.empty()) return std::string("empty output path");
  const std::string folder = folder_of(path);
  std::string tmpl = folder + "/.rltguide-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0)
    return fmt::format("cannot write '{}': cannot create a file in '{}': {}", path, folder,
                       errno_text(errno));
  const std::string tmp(name.data());
  auto fail = [&](const char* what) {
    const int e = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    return fmt::format("cannot write '{}': {}: {}", path, what, errno_text(e));
  };
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write failed");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, file_mode()) != 0) return fail("chmod failed");
  if (::fsync(fd) != 0) return fail("fsync failed");
  if (::close(fd) != 0) {
    const int e = errno;
    ::unlink(tmp.c_str());
    return fmt::format("cannot write '{}': close failed: {}", path, errno_text(e));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int e = errno;
    ::unlink(tmp.c_str());
    return fmt::format("cannot write '{}': {}", path, errno_text(e));
  }
  // Make the rename itself durable.
  const int dfd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return std::nullopt;
}

}  // namespace rlt::cli
