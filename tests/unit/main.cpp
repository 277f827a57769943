#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char* argv[]) {
  // The knowledge bases the tests compile look up no dictionaries (kbc's real-word list,
  // core/kb/real_words.hpp, takes seconds for each new set of words): only the product
  // names. The test that checks the list with the dictionaries names them itself; the demo
  // knowledge base (tools/build.sh) is built with them.
  setenv("HA_DICTIONARIES", "", 0);
  return Catch::Session().run(argc, argv);
}
