// A knowledge-base folder for kbc's tests (native only): written file by file in a fresh
// temporary directory, compiled, and removed afterwards.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "kb/compiler.hpp"

namespace ha::test {

class kb_folder {
 public:
  kb_folder() {
    std::random_device rd;
    root_ = std::filesystem::temp_directory_path() / ("kbc-test-" + std::to_string(rd()));
    std::filesystem::create_directories(root_ / "articles");
  }
  ~kb_folder() { std::filesystem::remove_all(root_); }
  kb_folder(const kb_folder&) = delete;
  kb_folder& operator=(const kb_folder&) = delete;

  void write(const std::string& relative, const std::string& content) {
    const std::filesystem::path p = root_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }
  kb::compile_result compile() { return kb::compile(root_, output()); }
  std::filesystem::path output() const { return root_ / "kb.sqlite"; }
  std::string path(const std::string& relative) const { return (root_ / relative).string(); }

 private:
  std::filesystem::path root_;
};

// kbc's errors as it prints them ("file:line: what is wrong"), one each.
inline std::vector<std::string> messages(const kb::compile_result& r) {
  std::vector<std::string> out;
  for (const auto& d : r.errors) out.push_back(kb::format(d));
  return out;
}

}  // namespace ha::test
