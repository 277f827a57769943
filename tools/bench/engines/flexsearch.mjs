// FlexSearch Document index, forward tokenizer (prefix matching) on title and body.
// It answers per field; the merge lists title hits first, then body, then tags.
import { Document } from 'flexsearch';
import { LIMIT, flatDocument } from './common.mjs';

const FIELD_ORDER = ['title', 'body', 'tags'];

function mergeByField(groups) {
  const ids = [];
  for (const field of FIELD_ORDER) {
    const group = groups.find((entry) => entry.field === field);
    for (const id of group?.result ?? []) {
      if (!ids.includes(id)) ids.push(id);
    }
  }
  return ids.slice(0, LIMIT);
}

export function createEngine() {
  let index;
  return {
    name: 'flexsearch',
    build(docs) {
      index = new Document({
        document: {
          id: 'id',
          index: [
            { field: 'title', tokenize: 'forward' },
            { field: 'body', tokenize: 'forward' },
            { field: 'tags' },
          ],
        },
      });
      for (const doc of docs) index.add(flatDocument(doc));
    },
    search(q) {
      return mergeByField(index.search(q, { limit: LIMIT }));
    },
    // The export callbacks' payloads concatenated (export may finish asynchronously).
    async indexBytes() {
      const parts = [];
      await index.export((key, data) => {
        parts.push(typeof data === 'string' ? data : JSON.stringify(data ?? null));
      });
      return parts.join('');
    },
  };
}
