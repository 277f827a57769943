// Orama full-text search: typo tolerance 1, title boosted. Orama 3 ships its English
// stemmer but leaves it off unless asked, so it is switched on here.
import { create, insertMultiple, save, search } from '@orama/orama';
import { LIMIT, flatDocument } from './common.mjs';

const PROPERTIES = ['title', 'body', 'tags'];

export function createEngine() {
  let db;
  return {
    name: 'orama',
    async build(docs) {
      db = create({
        schema: { id: 'string', title: 'string', body: 'string', tags: 'string' },
        components: { tokenizer: { language: 'english', stemming: true } },
      });
      await insertMultiple(db, docs.map(flatDocument));
    },
    search(q) {
      const found = search(db, {
        term: q,
        properties: PROPERTIES,
        tolerance: 1,
        boost: { title: 2 },
        limit: LIMIT,
      });
      const ids = (results) => results.hits.map((hit) => hit.id);
      return typeof found.then === 'function' ? found.then(ids) : ids(found);
    },
    indexBytes() {
      return JSON.stringify(save(db));
    },
  };
}
