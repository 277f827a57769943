#include "kb/page_map.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <set>

#include "kb/statement.hpp"

namespace ha::kb {
namespace {

// SQLite's file format: a B-tree page starts with its header (after the file's 100-byte
// header on page 1): the page type, the cell count at offset 3, the right-most child at
// offset 8 (inner pages), then the cells' offsets, two bytes each, in key order.
constexpr unsigned char inner_table_page = 5;
constexpr unsigned char leaf_table_page = 13;
constexpr unsigned char inner_index_page = 2;  // a WITHOUT ROWID table's, or an index's
constexpr unsigned char leaf_index_page = 10;

struct reader {
  std::string_view image;
  std::size_t page_size;
  std::uint32_t pages;

  unsigned byte(std::size_t at) const { return static_cast<unsigned char>(image[at]); }
  std::uint32_t be(std::size_t at, int n) const {
    std::uint32_t v = 0;
    for (int i = 0; i < n; ++i) v = v << 8 | byte(at + static_cast<std::size_t>(i));
    return v;
  }
  // SQLite's varint: big-endian, seven bits a byte, the ninth byte whole.
  std::int64_t varint(std::size_t at, std::size_t end) const {
    std::uint64_t v = 0;
    for (int i = 0; i < 9 && at < end; ++i, ++at) {
      if (i == 8) return static_cast<std::int64_t>(v << 8 | byte(at));
      v = v << 7 | (byte(at) & 0x7f);
      if ((byte(at) & 0x80) == 0) break;
    }
    return static_cast<std::int64_t>(v);
  }
};

struct leaf_entry {
  std::int64_t first_rowid;
  std::uint32_t leaf, inner;
};

// Walks the B-tree under page (1-based), collecting its leaves in order. False on a page
// that is not what a table B-tree holds.
bool walk(const reader& r, std::uint32_t page, std::uint32_t parent, int depth,
          std::vector<leaf_entry>& out) {
  if (page == 0 || page > r.pages || depth > 20) return false;
  const std::size_t start = std::size_t{page - 1} * r.page_size;
  const std::size_t header = start + (page == 1 ? 100 : 0);
  const std::size_t end = start + r.page_size;
  const unsigned type = r.byte(header);
  const std::uint32_t cells = r.be(header + 3, 2);
  const bool inner = type == inner_table_page || type == inner_index_page;
  const std::size_t pointers = header + (inner ? 12 : 8);
  if (pointers + 2 * std::size_t{cells} > end) return false;
  const auto cell = [&](std::uint32_t i) { return start + r.be(pointers + 2 * i, 2); };
  if (type == leaf_index_page) {
    // No rowids: the leaves are numbered in order (a table read whole needs no more).
    out.push_back({static_cast<std::int64_t>(out.size()) + 1, page, parent});
    return true;
  }
  if (type == leaf_table_page) {
    if (cells == 0) return true;
    const std::size_t at = cell(0);
    if (at >= end) return false;
    // The payload's size, then the rowid.
    std::size_t rowid_at = at;
    while (rowid_at < end && (r.byte(rowid_at) & 0x80) != 0 && rowid_at - at < 8) ++rowid_at;
    out.push_back({r.varint(rowid_at + 1, end), page, parent});
    return true;
  }
  if (!inner) return false;
  for (std::uint32_t i = 0; i < cells; ++i) {
    const std::size_t at = cell(i);
    if (at + 4 > end || !walk(r, r.be(at, 4), page, depth + 1, out)) return false;
  }
  return walk(r, r.be(header + 8, 4), page, depth + 1, out);
}

// Unsigned LEB128, and signed values zigzagged into it.
void put(std::string& out, std::uint64_t v) {
  for (; v >= 0x80; v >>= 7) out += static_cast<char>((v & 0x7f) | 0x80);
  out += static_cast<char>(v);
}
void put_signed(std::string& out, std::int64_t v) {
  put(out, static_cast<std::uint64_t>(v) << 1 ^ static_cast<std::uint64_t>(v >> 63));
}
bool get(std::string_view in, std::size_t& at, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; at < in.size() && shift < 64; shift += 7) {
    const auto b = static_cast<unsigned char>(in[at++]);
    v |= std::uint64_t{b & 0x7fu} << shift;
    if ((b & 0x80) == 0) return true;
  }
  return false;
}
bool get_signed(std::string_view in, std::size_t& at, std::int64_t& v) {
  std::uint64_t u = 0;
  if (!get(in, at, u)) return false;
  v = static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
  return true;
}

}  // namespace

result<std::string> page_map::encode(std::string_view image, std::uint32_t root) {
  if (image.size() < 100) return {errc::corrupt_database, "not a SQLite file"};
  reader r{image, 0, 0};
  r.page_size = r.be(16, 2) == 1 ? 65536 : r.be(16, 2);
  if (r.page_size < 512) return {errc::corrupt_database, "not a SQLite file"};
  r.pages = static_cast<std::uint32_t>(image.size() / r.page_size);
  std::vector<leaf_entry> leaves;
  if (!walk(r, root, 0, 0, leaves)) {
    return {errc::corrupt_database, "page " + std::to_string(root) + " does not start a table"};
  }
  // A table of one page needs no map.
  if (leaves.size() < 2) return std::string();
  std::string out;
  put(out, leaves.size());
  leaf_entry previous{0, 0, 0};
  for (const leaf_entry& e : leaves) {
    put_signed(out, e.first_rowid - previous.first_rowid);
    put_signed(out, std::int64_t{e.leaf} - std::int64_t{previous.leaf});
    put_signed(out, std::int64_t{e.inner} - std::int64_t{previous.inner});
    previous = e;
  }
  return out;
}

bool page_map::load(std::string_view encoded) {
  first_rowid_.clear();
  leaf_.clear();
  inner_.clear();
  std::size_t at = 0;
  std::uint64_t count = 0;
  if (encoded.empty()) return true;
  // Three numbers of at least a byte each per leaf.
  if (!get(encoded, at, count) || count > encoded.size()) return false;
  std::int64_t rowid = 0, leaf = 0, inner = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::int64_t d_rowid = 0, d_leaf = 0, d_inner = 0;
    if (!get_signed(encoded, at, d_rowid) || !get_signed(encoded, at, d_leaf) ||
        !get_signed(encoded, at, d_inner)) {
      break;
    }
    rowid += d_rowid;
    leaf += d_leaf;
    inner += d_inner;
    // Leaves in rowid order, pages that can be pages: anything else is not a map.
    const bool ordered = first_rowid_.empty() || rowid > first_rowid_.back();
    if (!ordered || leaf <= 0 || leaf > UINT32_MAX || inner < 0 || inner > UINT32_MAX) break;
    first_rowid_.push_back(rowid);
    leaf_.push_back(static_cast<std::uint32_t>(leaf));
    inner_.push_back(static_cast<std::uint32_t>(inner));
  }
  if (first_rowid_.size() != count || at != encoded.size()) {
    first_rowid_.clear();
    leaf_.clear();
    inner_.clear();
    return false;
  }
  below_.clear();
  std::set<std::uint32_t> split;  // inner pages whose leaves are not neighbours: not made
  for (std::size_t i = 0; i < inner_.size(); ++i) {
    if (inner_[i] == 0) continue;
    auto [it, added] = below_.emplace(inner_[i], std::make_pair(i, i + 1));
    if (added) continue;
    if (it->second.second == i) {
      it->second.second = i + 1;
    } else {
      split.insert(inner_[i]);
    }
  }
  for (const std::uint32_t page : split) below_.erase(page);
  return true;
}

std::vector<std::uint32_t> page_map::inner_pages() const {
  std::vector<std::uint32_t> out;
  for (const auto& [page, range] : below_) out.push_back(page);
  return out;
}

bool page_map::make_inner_page(std::uint32_t page, std::size_t page_size,
                               std::string& out) const {
  const auto it = below_.find(page);
  if (it == below_.end() || page_size < 512 || page_size > 65536) return false;
  const auto [first, last] = it->second;
  // SQLite's table B-tree inner page: a 12-byte header (type, first free block, cell
  // count, start of the cells, fragmented bytes, right-most child), the cells' offsets,
  // then the cells at the end of the page, each a child's page number and the last rowid
  // it holds (a SQLite varint).
  std::string page_bytes(page_size, '\0');
  const std::size_t cells = last - first - 1;
  std::size_t content = page_size;
  for (std::size_t k = 0; k < cells; ++k) {
    const std::size_t i = first + k;
    const std::int64_t key = first_rowid_[i + 1] - 1;
    if (key < first_rowid_[i]) return false;
    unsigned char varint[9];
    std::size_t n = 0;
    auto v = static_cast<std::uint64_t>(key);
    if (v > 0x00ffffffffffffffULL) return false;  // the nine-byte form: never a rowid here
    unsigned char groups[9];
    std::size_t g = 0;
    do {
      groups[g++] = static_cast<unsigned char>(v & 0x7f);
      v >>= 7;
    } while (v != 0);
    for (std::size_t j = g; j-- > 0;) varint[n++] = groups[j] | (j > 0 ? 0x80 : 0);
    const std::size_t size = 4 + n;
    if (content < 12 + 2 * cells + size) return false;
    content -= size;
    for (int b = 0; b < 4; ++b) page_bytes[content + b] = static_cast<char>(leaf_[i] >> (24 - 8 * b));
    std::memcpy(&page_bytes[content + 4], varint, n);
    page_bytes[12 + 2 * k] = static_cast<char>(content >> 8);
    page_bytes[12 + 2 * k + 1] = static_cast<char>(content & 0xff);
  }
  page_bytes[0] = 5;  // an inner page of a table
  page_bytes[3] = static_cast<char>(cells >> 8);
  page_bytes[4] = static_cast<char>(cells & 0xff);
  const std::size_t start = content == 65536 ? 0 : content;  // 0 stands for 65,536
  page_bytes[5] = static_cast<char>(start >> 8);
  page_bytes[6] = static_cast<char>(start & 0xff);
  const std::uint32_t right = leaf_[last - 1];
  for (int b = 0; b < 4; ++b) page_bytes[8 + b] = static_cast<char>(right >> (24 - 8 * b));
  out = std::move(page_bytes);
  return true;
}

std::vector<std::uint32_t> page_map::pages() const {
  std::vector<std::uint32_t> out(leaf_);
  for (const std::uint32_t p : inner_) {
    if (p != 0) out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::pair<std::uint32_t, std::uint32_t> page_map::pages_of(std::int64_t rowid) const {
  const auto after = std::upper_bound(first_rowid_.begin(), first_rowid_.end(), rowid);
  if (after == first_rowid_.begin()) return {0, 0};
  const auto i = static_cast<std::size_t>(after - first_rowid_.begin() - 1);
  return {inner_[i], leaf_[i]};
}

status write_page_maps(sqlite3* db, std::string_view image) {
  statement roots(db,
                  "SELECT name, rootpage FROM sqlite_schema WHERE type = 'table' AND name IN "
                  "('articles', 'articles_fts_data', 'words') ORDER BY name");
  statement insert(db, "INSERT INTO page_map(tbl, map) VALUES (?1, ?2)");
  if (!roots.ok() || !insert.ok()) return {errc::internal, sqlite3_errmsg(db)};
  std::vector<std::pair<std::string, std::string>> maps;
  while (roots.step() == SQLITE_ROW) {
    auto map = page_map::encode(image, static_cast<std::uint32_t>(roots.integer(1)));
    if (!map) return map.err();
    if (!map.value().empty()) maps.emplace_back(roots.text(0), std::move(map.value()));
  }
  for (const auto& [table, map] : maps) {
    insert.reset();
    insert.bind(1, table).bind_blob(2, map);
    if (insert.step() != SQLITE_DONE) return {errc::internal, sqlite3_errmsg(db)};
  }
  return ok_status();
}

}  // namespace ha::kb
