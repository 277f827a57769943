#include "kb/paged.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <string>

namespace ha::kb {

std::size_t page_layout::chunk_count() const {
  return chunk_pages == 0 ? 0 : (std::size_t{page_count} + chunk_pages - 1) / chunk_pages;
}

std::size_t page_layout::chunk_bytes(std::size_t i) const {
  const std::uint64_t first = std::uint64_t{i} * chunk_pages;
  if (first >= page_count) return 0;
  const std::uint64_t pages = std::min<std::uint64_t>(chunk_pages, page_count - first);
  return static_cast<std::size_t>(pages * page_size);
}

page_store::page_store(page_layout layout) : layout_(layout), chunks_(layout.chunk_count()) {}

result<page_layout> page_store::check(page_layout layout) {
  const bool power_of_two =
      layout.page_size != 0 && (layout.page_size & (layout.page_size - 1)) == 0;
  if (!power_of_two || layout.page_size < 512 || layout.page_size > 65536) {
    return {errc::invalid_argument, "the page size must be a power of two from 512 to 65536"};
  }
  // Far more than any help center (100,000 articles are about 150,000 pages).
  constexpr std::uint32_t max_pages = 1u << 24;
  if (layout.page_count == 0 || layout.page_count > max_pages) {
    return {errc::invalid_argument, "the page count is out of range"};
  }
  if (layout.chunk_pages == 0 || layout.chunk_pages > 1024) {
    return {errc::invalid_argument, "a chunk holds 1 to 1,024 pages"};
  }
  return layout;
}

status page_store::add_chunk(std::size_t index, std::string bytes) {
  if (index >= chunks_.size()) return {errc::invalid_argument, "no such chunk"};
  if (bytes.size() != layout_.chunk_bytes(index)) {
    return {errc::invalid_argument, "chunk " + std::to_string(index) + " has " +
                                        std::to_string(bytes.size()) + " bytes, not " +
                                        std::to_string(layout_.chunk_bytes(index))};
  }
  if (chunks_[index].empty()) ++held_;
  chunks_[index] = std::move(bytes);
  missing_.erase(index);
  return ok_status();
}

bool page_store::has(std::size_t index) const {
  return index < chunks_.size() && !chunks_[index].empty();
}

bool page_store::holds(std::uint32_t page) {
  return has(page / layout_.chunk_pages) || pages_.count(page) != 0 || fill(page);
}

status page_store::add_pages(const std::vector<std::uint32_t>& pages, std::string_view bytes) {
  if (bytes.size() != pages.size() * std::size_t{layout_.page_size}) {
    return {errc::invalid_argument, "the hot pages are not whole pages"};
  }
  for (std::size_t k = 0; k < pages.size(); ++k) {
    if (pages[k] >= layout_.page_count) return {errc::invalid_argument, "no such page"};
    pages_[pages[k]] = std::string(bytes.substr(k * layout_.page_size, layout_.page_size));
  }
  return ok_status();
}

bool page_store::read(void* out, std::size_t n, std::uint64_t offset) {
  if (n == 0) return true;
  const std::uint64_t page_size = layout_.page_size;
  const std::uint64_t end = offset + n;
  auto* to = static_cast<unsigned char*>(out);
  bool complete = true;
  // Page by page: from its chunk when that is here, else from the single pages.
  for (std::uint64_t page = offset / page_size; page * page_size < end; ++page) {
    const std::uint64_t from = std::max(offset, page * page_size);
    const std::uint64_t to_end = std::min(end, (page + 1) * page_size);
    const auto p = static_cast<std::uint32_t>(page);
    if (counts_ && p < counts_->size()) ++(*counts_)[p];
    const std::size_t chunk = p / layout_.chunk_pages;
    const char* source = nullptr;
    if (has(chunk)) {
      source =
          chunks_[chunk].data() + (page - std::uint64_t{chunk} * layout_.chunk_pages) * page_size;
    } else if (const auto single = pages_.find(p); single != pages_.end()) {
      source = single->second.data();
    } else if (fill(p)) {
      source = pages_.find(p)->second.data();
    } else {
      complete = false;
      if (chunk < chunks_.size()) missing_.insert(chunk);
      continue;
    }
    if (complete) {
      std::memcpy(to + (from - offset), source + (from - page * page_size),
                  static_cast<std::size_t>(to_end - from));
    }
  }
  if (!complete) ++misses_;
  return complete;
}

bool page_store::fill(std::uint32_t page) {
  if (!filler_ || page >= layout_.page_count) return false;
  std::string bytes;
  if (!filler_(page, bytes) || bytes.size() != layout_.page_size) return false;
  pages_[page] = std::move(bytes);
  return true;
}

void page_store::want(std::uint32_t page) {
  if (page >= layout_.page_count) return;
  const std::size_t chunk = page / layout_.chunk_pages;
  if (has(chunk) || pages_.count(page) != 0 || fill(page)) return;
  missing_.insert(chunk);
  ++misses_;
}

std::vector<std::size_t> page_store::take_missing() {
  std::vector<std::size_t> out(missing_.begin(), missing_.end());
  missing_.clear();
  return out;
}

// --- the VFS ---------------------------------------------------------------------------
// One VFS for every store; a store is found by the file name the connection opens.
namespace {

struct paged_file {
  sqlite3_file base;
  page_store* store;
};

std::map<std::string, page_store*>& open_stores() {
  static std::map<std::string, page_store*> stores;
  return stores;
}

int file_close(sqlite3_file*) {
  return SQLITE_OK;
}
int file_read(sqlite3_file* f, void* out, int n, sqlite3_int64 offset) {
  page_store& store = *reinterpret_cast<paged_file*>(f)->store;
  if (n < 0 || offset < 0) return SQLITE_IOERR_READ;
  const auto end = static_cast<std::uint64_t>(offset) + static_cast<std::uint64_t>(n);
  const std::uint64_t size = store.layout().file_bytes();
  if (end > size) {
    // Past the end (SQLite reads ahead of a file's header this way): zeros, as a short read.
    std::memset(out, 0, static_cast<std::size_t>(n));
    if (static_cast<std::uint64_t>(offset) >= size) return SQLITE_IOERR_SHORT_READ;
    return store.read(out, static_cast<std::size_t>(size - static_cast<std::uint64_t>(offset)),
                      static_cast<std::uint64_t>(offset))
               ? SQLITE_IOERR_SHORT_READ
               : SQLITE_IOERR_READ;
  }
  return store.read(out, static_cast<std::size_t>(n), static_cast<std::uint64_t>(offset))
             ? SQLITE_OK
             : SQLITE_IOERR_READ;
}
int file_write(sqlite3_file*, const void*, int, sqlite3_int64) {
  return SQLITE_READONLY;
}
int file_truncate(sqlite3_file*, sqlite3_int64) {
  return SQLITE_READONLY;
}
int file_sync(sqlite3_file*, int) {
  return SQLITE_OK;
}
int file_size(sqlite3_file* f, sqlite3_int64* size) {
  *size =
      static_cast<sqlite3_int64>(reinterpret_cast<paged_file*>(f)->store->layout().file_bytes());
  return SQLITE_OK;
}
int file_lock(sqlite3_file*, int) {
  return SQLITE_OK;
}
int file_check_lock(sqlite3_file*, int* out) {
  *out = 0;
  return SQLITE_OK;
}
int file_control(sqlite3_file*, int, void*) {
  return SQLITE_NOTFOUND;
}
int file_sector_size(sqlite3_file*) {
  return 4096;
}
int file_device(sqlite3_file*) {
  return SQLITE_IOCAP_IMMUTABLE;
}

const sqlite3_io_methods file_methods = {
    1,  // iVersion: no shared memory, no memory mapping
    file_close, file_read, file_write,      file_truncate, file_sync,        file_size,
    file_lock,  file_lock, file_check_lock, file_control,  file_sector_size, file_device,
    nullptr,    nullptr,   nullptr,         nullptr,       nullptr,          nullptr,
};

int vfs_open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  auto& stores = open_stores();
  const auto it = name ? stores.find(name) : stores.end();
  if (it == stores.end() || (flags & SQLITE_OPEN_MAIN_DB) == 0) return SQLITE_CANTOPEN;
  auto* file = reinterpret_cast<paged_file*>(f);
  file->base.pMethods = &file_methods;
  file->store = it->second;
  if (out_flags) *out_flags = SQLITE_OPEN_READONLY;
  return SQLITE_OK;
}
int vfs_delete(sqlite3_vfs*, const char*, int) {
  return SQLITE_IOERR_DELETE;
}
int vfs_access(sqlite3_vfs*, const char*, int, int* out) {
  *out = 0;  // no journal, no WAL: the file is immutable
  return SQLITE_OK;
}
int vfs_full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
  sqlite3_snprintf(size, out, "%s", name);
  return SQLITE_OK;
}
// Randomness, sleep and time come from the default VFS.
int vfs_randomness(sqlite3_vfs*, int n, char* out) {
  sqlite3_vfs* d = sqlite3_vfs_find(nullptr);
  return d->xRandomness(d, n, out);
}
int vfs_sleep(sqlite3_vfs*, int us) {
  sqlite3_vfs* d = sqlite3_vfs_find(nullptr);
  return d->xSleep(d, us);
}
int vfs_current_time(sqlite3_vfs*, double* out) {
  sqlite3_vfs* d = sqlite3_vfs_find(nullptr);
  return d->xCurrentTime(d, out);
}
int vfs_last_error(sqlite3_vfs*, int, char*) {
  return 0;
}

sqlite3_vfs paged_vfs = {
    1,
    sizeof(paged_file),
    512,
    nullptr,
    "ha-paged",
    nullptr,
    vfs_open,
    vfs_delete,
    vfs_access,
    vfs_full_pathname,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    vfs_randomness,
    vfs_sleep,
    vfs_current_time,
    vfs_last_error,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
};

}  // namespace

result<sqlite3*> open_paged_connection(page_store& store) {
  static const bool registered = sqlite3_vfs_register(&paged_vfs, 0) == SQLITE_OK;
  if (!registered) return {errc::internal, "SQLite refused the paged VFS"};
  static unsigned long next = 0;
  const std::string name = "paged-" + std::to_string(++next);
  open_stores()[name] = &store;
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(name.c_str(), &db, SQLITE_OPEN_READONLY, "ha-paged");
  // The VFS has opened the file (or failed): the name is not needed again.
  open_stores().erase(name);
  if (rc != SQLITE_OK) {
    sqlite3_close(db);
    return {errc::internal, "SQLite could not open the paged knowledge base"};
  }
  return db;
}

}  // namespace ha::kb
