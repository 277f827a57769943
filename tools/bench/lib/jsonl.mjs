// Reading the benchmark's JSON Lines files: one object per non-blank line.
import { readFileSync } from 'node:fs';

export function readJsonl(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const rows = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      rows.push(JSON.parse(line));
    } catch (error) {
      throw new Error(`${file}:${index + 1}: ${error.message}`);
    }
  });
  return rows;
}

// Corpus rows: {id, lang, title, body, tags: [...]}.
export function readCorpus(file) {
  return readJsonl(file).map((row) => ({
    id: String(row.id),
    lang: row.lang ?? 'en',
    title: row.title ?? '',
    body: row.body ?? '',
    tags: Array.isArray(row.tags) ? row.tags.map(String) : [],
  }));
}

// Query rows: {qid, q, lang, relevant: [ids], oos?, kind?}.
export function readQueries(file) {
  return readJsonl(file).map((row) => ({
    qid: String(row.qid),
    q: String(row.q ?? ''),
    lang: row.lang ?? 'en',
    relevant: (row.relevant ?? []).map(String),
    oos: row.oos === true,
    kind: row.kind === undefined ? undefined : String(row.kind),
  }));
}
