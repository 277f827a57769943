#include "kb/paged_writer.hpp"

#include <sha2.h>
#include <sqlite3.h>
#include <zlib.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <set>

#include "kb/fts_tokenizer.hpp"
#include "kb/knowledge_base.hpp"
#include "kb/paged.hpp"
#include "kb/quick_index.hpp"
#include "kb/quick_writer.hpp"
#include "kb/schema.hpp"
#include "kb/statement.hpp"
#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

namespace ha::kb {
namespace fs = std::filesystem;
namespace {

page_layout layout_of(const std::string& image, std::uint32_t chunk_pages) {
  const auto byte = [&](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(image[i]));
  };
  page_layout layout;
  layout.page_size = image.size() < 100 ? 0 : (byte(16) << 8 | byte(17));
  if (layout.page_size == 1) layout.page_size = 65536;
  layout.page_count =
      layout.page_size == 0 ? 0 : static_cast<std::uint32_t>(image.size() / layout.page_size);
  layout.chunk_pages = chunk_pages;
  return layout;
}

std::string sha256_name(std::initializer_list<std::string_view> parts) {
  SHA2_CTX context;
  SHA256Init(&context);
  for (std::string_view part : parts) {
    SHA256Update(&context, reinterpret_cast<const std::uint8_t*>(part.data()), part.size());
  }
  char hex[SHA256_DIGEST_STRING_LENGTH];
  SHA256End(&context, hex);
  return std::string(hex, 16);
}

std::string sha256_name(std::string_view bytes) { return sha256_name({bytes}); }

// gzip (RFC 1952) at the highest level: the browser unzips it with DecompressionStream.
result<std::string> gzip(std::string_view bytes) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    return {errc::internal, "zlib refused to start"};
  }
  std::string out(deflateBound(&z, bytes.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) return {errc::internal, "zlib could not compress a chunk"};
  return out;
}

// The titles of the customer articles, and their first words: searches like a
// customer's first ones. At most max_sample_titles titles, spread evenly over the rows.
constexpr long long max_sample_titles = 200;

std::vector<std::string> sample_queries(const std::string& image) {
  std::vector<std::string> queries;
  sqlite3* raw = nullptr;
  sqlite3_open(":memory:", &raw);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, sqlite3_close);
  auto* buffer = static_cast<unsigned char*>(sqlite3_malloc64(image.size()));
  if (buffer == nullptr) return queries;
  std::memcpy(buffer, image.data(), image.size());
  const auto size = static_cast<sqlite3_int64>(image.size());
  if (sqlite3_deserialize(db.get(), "main", buffer, size, size,
                          SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY) !=
      SQLITE_OK) {
    return queries;
  }
  statement count(
      db.get(), "SELECT count(*) FROM articles WHERE audience = 'customer' AND lang != 'sr-Cyrl'");
  const long long rows = count.ok() && count.step() == SQLITE_ROW ? count.integer(0) : 0;
  statement titles(db.get(),
                   "SELECT title FROM (SELECT title, row_number() OVER (ORDER BY rowid) AS n "
                   "FROM articles WHERE audience = 'customer' AND lang != 'sr-Cyrl') "
                   "WHERE n % ?1 = 0");
  titles.bind(1, std::max(1LL, rows / max_sample_titles));
  while (titles.ok() && titles.step() == SQLITE_ROW) {
    const std::string title = titles.text(0);
    queries.push_back(title);
    const auto words = text::tokenize(title);
    if (words.empty()) continue;
    queries.push_back(title.substr(0, words.front().end));
    // The first two letters being typed: a search through the completions table.
    std::size_t typed = words.front().begin;
    for (int letter = 0; letter < 2 && typed < words.front().end; ++letter) text::decode(title, typed);
    if (typed < words.front().end) queries.push_back(title.substr(0, typed));
  }
  return queries;
}

status write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return out ? ok_status() : status{errc::io_error, "cannot write " + path.string()};
}

}  // namespace

std::string page_chunk_name(std::string_view key, std::size_t chunk) {
  return std::string(key) + "-" + std::to_string(chunk) + ".bin";
}

result<std::vector<std::uint32_t>> hot_pages(const std::string& image, std::uint32_t chunk_pages,
                                             const std::vector<std::string>& queries, double share,
                                             std::size_t max_bytes) {
  auto layout = page_store::check(layout_of(image, chunk_pages));
  if (!layout) return layout.err();
  auto store = std::make_shared<page_store>(layout.value());
  const std::size_t chunk_bytes = std::size_t{chunk_pages} * layout.value().page_size;
  for (std::size_t i = 0; i < layout.value().chunk_count(); ++i) {
    if (auto added = store->add_chunk(i, image.substr(i * chunk_bytes, chunk_bytes)); !added) {
      return added.err();
    }
  }
  const std::size_t pages = layout.value().page_count;
  std::vector<std::uint32_t> opening(pages, 0);
  store->count_reads(&opening);
  std::set<std::uint32_t> made;  // made by the engine from the page maps: never sent
  {
    auto kb = knowledge_base::open_pages(store);
    if (!kb) return kb.err();
    for (const std::uint32_t p : kb.value().made_pages()) made.insert(p);
  }
  std::vector<std::uint32_t> by_queries(pages, 0);
  std::vector<std::uint32_t> one(pages, 0);
  for (const std::string& query : queries) {
    store->count_reads(nullptr);
    auto kb = knowledge_base::open_pages(store);  // a fresh connection: nothing cached
    if (!kb) return kb.err();
    std::fill(one.begin(), one.end(), 0);
    store->count_reads(&one);
    (void)kb.value().search(query, {});
    for (std::size_t p = 0; p < pages; ++p) by_queries[p] += one[p] > 0 ? 1 : 0;
  }
  store->count_reads(nullptr);
  // What opening reads, then the pages most searches read, while they fit the budget
  // (in gzipped bytes: pages of the index gzip far worse than interior pages of a table).
  const std::size_t page_size = layout.value().page_size;
  const auto zipped = [&](std::uint32_t p) {
    auto bytes = gzip(std::string_view(image).substr(std::size_t{p} * page_size, page_size));
    return bytes ? bytes.value().size() : page_size;
  };
  std::vector<std::uint32_t> hot;
  std::vector<std::uint32_t> often;
  std::size_t bytes = 0;
  const double needed = share * static_cast<double>(queries.size());
  for (std::size_t p = 0; p < pages; ++p) {
    if (opening[p] > 0) {
      hot.push_back(static_cast<std::uint32_t>(p));
      bytes += zipped(static_cast<std::uint32_t>(p));
    } else if (!queries.empty() && by_queries[p] >= needed && made.count(p) == 0) {
      often.push_back(static_cast<std::uint32_t>(p));
    }
  }
  std::stable_sort(often.begin(), often.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return by_queries[a] > by_queries[b]; });
  for (std::uint32_t p : often) {
    bytes += zipped(p);
    if (bytes > max_bytes) break;
    hot.push_back(p);
  }
  std::sort(hot.begin(), hot.end());
  return hot;
}

result<std::vector<std::uint32_t>> choose_hot_pages(const std::string& image,
                                                    std::uint32_t chunk_pages) {
  // A page read by one in twenty first searches is sent with the start, while the
  // start stays small: at most 160 KB gzipped (the pages gzipped one by one; together,
  // a little less), so that opening stays under 200 KB at any size (docs/loading.md).
  constexpr double hot_share = 0.05;
  constexpr std::size_t hot_budget = 160'000;
  return hot_pages(image, chunk_pages, sample_queries(image), hot_share, hot_budget);
}

result<pages_written> write_pages(const std::string& image, const fs::path& dir,
                                  std::uint32_t chunk_pages) {
  auto info = knowledge_base::open_image(image);
  if (!info) return info.err();
  if (chunk_pages == 0) {
    const auto offline = static_cast<std::uint64_t>(std::max(0LL, info.value().info().offline_bytes));
    // Stored whole for offline use: 16 KiB chunks, fewer requests. Else single pages.
    chunk_pages = 1;
    if (image.size() <= 2 * offline) {
      const std::uint32_t page_size = layout_of(image, 1).page_size;
      chunk_pages = page_size == 0 ? 1 : std::max<std::uint32_t>(1, 16384 / page_size);
    }
  }
  auto layout = page_store::check(layout_of(image, chunk_pages));
  if (!layout) return layout.err();
  auto hot = choose_hot_pages(image, chunk_pages);
  if (!hot) return hot.err();

  std::error_code ignored;
  fs::remove_all(dir, ignored);
  fs::create_directories(dir, ignored);
  if (ignored) return {errc::io_error, "cannot make " + dir.string()};

  // The key names every file of the pages: the hash of the image, the chunk size and the
  // hot pages' numbers, so two builds that differ in any byte share no name.
  std::string layout_text = std::to_string(chunk_pages);
  for (std::uint32_t p : hot.value()) {
    layout_text += ' ';
    layout_text += std::to_string(p);
  }
  const std::string key = sha256_name({image, layout_text});

  pages_written written;
  std::vector<std::string> names;  // every immutable file, for offline_files
  // Writes a file gzipped; an immutable one (named by the key: never again with other
  // bytes) is listed for offline use.
  enum class naming { immutable, revalidated };
  const auto store_as = [&](const std::string& name, std::string_view bytes,
                            naming kind = naming::immutable) -> status {
    auto zipped = gzip(bytes);
    if (!zipped) return zipped.err();
    if (auto saved = write_file(dir / name, zipped.value()); !saved) return saved.err();
    written.total_bytes += zipped.value().size();
    if (kind == naming::immutable) names.push_back(name);
    return ok_status();
  };

  const std::size_t chunk_bytes = std::size_t{chunk_pages} * layout.value().page_size;
  for (std::size_t i = 0; i < layout.value().chunk_count(); ++i) {
    const auto chunk = std::string_view(image).substr(i * chunk_bytes, chunk_bytes);
    if (auto stored = store_as(page_chunk_name(key, i), chunk); !stored) return stored.err();
  }
  written.chunks = layout.value().chunk_count();

  std::string hot_bytes;
  for (std::uint32_t p : hot.value()) {
    hot_bytes.append(image, std::size_t{p} * layout.value().page_size, layout.value().page_size);
  }
  const std::uint64_t before_hot = written.total_bytes;
  const std::string hot_name = key + "-hot.bin";
  if (auto stored = store_as(hot_name, hot_bytes); !stored) return stored.err();
  written.hot_pages = hot.value().size();
  written.hot_bytes = written.total_bytes - before_hot;

  const std::uint64_t before_quick = written.total_bytes;
  auto quick = write_quick_index(image, [](std::string_view bytes) { return sha256_name(bytes); });
  if (!quick) return quick.err();
  for (const auto& [name, bytes] : quick.value().files) {
    if (auto stored = store_as(name, bytes); !stored) return stored.err();
  }
  // The head keeps its name from build to build: revalidated like the manifest.
  if (auto stored = store_as(quick_head_file, quick.value().head, naming::revalidated); !stored) {
    return stored.err();
  }
  written.quick_bytes = written.total_bytes - before_quick;

  const kb_info& kb = info.value().info();
  nlohmann::json manifest = {
      {"format_version", kb.format_version},
      {"tokenizer_version", kb.tokenizer_version},
      {"content_hash", kb.content_hash},
      {"page_size", layout.value().page_size},
      {"page_count", layout.value().page_count},
      {"chunk_pages", chunk_pages},
      {"key", key},
      {"chunk_count", written.chunks},
      {"hot", {{"file", hot_name}, {"pages", hot.value()}}},
      {"quick", {{"format_version", quick_format_version},
                 {"head", quick_head_file},
                 {"key", quick.value().key},
                 {"bytes", written.quick_bytes}}},
      {"bytes", written.total_bytes},
      {"offline_bytes", kb.offline_bytes},
  };
  // Listed only when the service worker stores them all for offline use: a large help
  // center's manifest stays small (at 100,000 articles the names were most of opening).
  if (written.total_bytes <= static_cast<std::uint64_t>(std::max(0LL, kb.offline_bytes))) {
    manifest["offline_files"] = names;
  }
  if (auto saved = write_file(dir / "manifest.json", manifest.dump()); !saved) return saved.err();
  return written;
}

}  // namespace ha::kb
