// SQLite's operating-system layer for the WebAssembly build (SQLITE_OS_OTHER).
//
// The browser engine never reads or writes a file: the knowledge base is deserialized
// into memory and temporary tables stay in memory (SQLITE_TEMP_STORE=3). SQLite still
// asks its OS layer for randomness, the time and sleeping; this layer provides those and
// refuses to open files. Without it, SQLite's Unix layer would try to open /dev/urandom
// through Emscripten's stubbed file calls, and its retry loop for low descriptors never
// ends.
#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <cstring>

namespace {

int refuse_open(sqlite3_vfs*, const char*, sqlite3_file*, int, int*) {
  return SQLITE_CANTOPEN;
}
int refuse_delete(sqlite3_vfs*, const char*, int) {
  return SQLITE_IOERR_DELETE;
}
int no_access(sqlite3_vfs*, const char*, int, int* result) {
  *result = 0;
  return SQLITE_OK;
}
int full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
  sqlite3_snprintf(size, out, "%s", name);
  return SQLITE_OK;
}

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// Not for secrets: SQLite uses it for temporary names and random().
int randomness(sqlite3_vfs*, int size, char* out) {
  static std::uint64_t state = static_cast<std::uint64_t>(now_ms()) | 1;
  for (int i = 0; i < size; ++i) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    out[i] = static_cast<char>(state & 0xFF);
  }
  return size;
}

int sleep(sqlite3_vfs*, int microseconds) {
  return microseconds;
}

// Julian day numbers, as SQLite's date functions expect.
constexpr std::int64_t unix_epoch_julian_ms = 210866760000000LL;
int current_time_int64(sqlite3_vfs*, sqlite3_int64* out) {
  *out = unix_epoch_julian_ms + now_ms();
  return SQLITE_OK;
}
int current_time(sqlite3_vfs* vfs, double* out) {
  sqlite3_int64 ms = 0;
  current_time_int64(vfs, &ms);
  *out = static_cast<double>(ms) / 86400000.0;
  return SQLITE_OK;
}
int last_error(sqlite3_vfs*, int, char*) {
  return 0;
}

sqlite3_vfs memory_only = {
    2,                     // iVersion
    sizeof(sqlite3_file),  // szOsFile
    512,                   // mxPathname
    nullptr,               // pNext
    "memory-only",         // zName
    nullptr,               // pAppData
    refuse_open,
    refuse_delete,
    no_access,
    full_pathname,
    nullptr,
    nullptr,
    nullptr,
    nullptr,  // no loadable extensions
    randomness,
    sleep,
    current_time,
    last_error,
    current_time_int64,
    nullptr,
    nullptr,
    nullptr,
};

}  // namespace

extern "C" int sqlite3_os_init(void) {
  return sqlite3_vfs_register(&memory_only, 1);
}
extern "C" int sqlite3_os_end(void) {
  return SQLITE_OK;
}
