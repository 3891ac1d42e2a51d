#include "harness/cli/command.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace tcs::cli {

int fail(const core::Error& error) {
  std::cerr << "tcsprove: error: " << error.message << '\n';
  switch (error.code) {
    case core::ErrorCode::bad_input:
    case core::ErrorCode::not_found: return kBadInput;
    default: return kFailure;
  }
}

core::Expected<std::string> read_text(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::bad_input(path + ": cannot open for reading");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

core::Status write_text(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::cout << text << std::flush;
    return {};
  }
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) return core::Error{core::ErrorCode::io, temp + ": cannot write"};
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0)
    return core::Error{core::ErrorCode::io, path + ": cannot rename " + temp + " into place"};
  return {};
}

const char* git_describe() { return TCSPROVE_GIT_DESCRIBE; }

}  // namespace tcs::cli
