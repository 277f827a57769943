// Output: one JSON object per engine per line, or an aligned table.

const RATIO_KEYS = ['mrr10', 'recall1', 'recall5', 'oos_flagged', 'inscope_answered'];
const round = (value, digits) => Number(value.toFixed(digits));

// Fixed key order and rounding; keys the run does not have are left out.
export function formatRow(row) {
  const out = {};
  const put = (key, value) => {
    if (value !== undefined) out[key] = value;
  };
  put('engine', row.engine);
  put('queries', row.queries);
  put('oos_queries', row.oos_queries);
  for (const key of ['mrr10', 'recall1', 'recall5']) put(key, round(row[key], 4));
  if (row.recall5_by_kind) {
    put('recall5_by_kind', Object.fromEntries(
      Object.entries(row.recall5_by_kind).map(([kind, value]) => [kind, round(value, 4)]),
    ));
  }
  put('p50_us', round(row.p50_us, 1));
  put('p99_us', round(row.p99_us, 1));
  put('index_gzip_bytes', row.index_gzip_bytes);
  for (const key of ['oos_flagged', 'inscope_answered']) {
    if (row[key] !== undefined) put(key, round(row[key], 4));
  }
  put('errors', row.errors);
  put('build_ms', round(row.build_ms, 1));
  if (row.cold_start_ms !== undefined) put('cold_start_ms', round(row.cold_start_ms, 1));
  return out;
}

export function jsonLines(rows) {
  return rows.map((row) => JSON.stringify(formatRow(row))).join('\n');
}

// Table columns: every field present in any row, in formatRow's order, with
// recall5_by_kind spread into one "recall5[kind]" column per kind.
function tableColumns(rows) {
  const columns = new Map();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (key === 'recall5_by_kind') {
        for (const kind of Object.keys(value)) {
          columns.set(`recall5[${kind}]`, { get: (r) => r.recall5_by_kind?.[kind], decimals: 4 });
        }
      } else {
        columns.set(key, { get: (r) => r[key], decimals: decimalsFor(key) });
      }
    }
  }
  return [...columns].map(([title, column]) => ({ title, ...column }));
}

function decimalsFor(key) {
  if (RATIO_KEYS.includes(key)) return 4;
  if (key.endsWith('_us') || key.endsWith('_ms')) return 1;
  return undefined;
}

function cell(column, row) {
  const value = column.get(row);
  if (value === undefined) return '-';
  return column.decimals === undefined ? String(value) : value.toFixed(column.decimals);
}

// Engine names left-aligned, numbers right-aligned, two spaces between columns.
export function table(rows) {
  const formatted = rows.map(formatRow);
  const columns = tableColumns(formatted);
  const body = formatted.map((row) => columns.map((column) => cell(column, row)));
  const widths = columns.map((column, i) => Math.max(column.title.length, ...body.map((line) => line[i].length)));
  const align = (text, i) => (i === 0 ? text.padEnd(widths[i]) : text.padStart(widths[i]));
  const render = (line) => line.map(align).join('  ').trimEnd();
  return [
    render(columns.map((column) => column.title)),
    render(widths.map((width) => '-'.repeat(width))),
    ...body.map(render),
  ].join('\n');
}
