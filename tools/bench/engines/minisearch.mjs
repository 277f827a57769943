// MiniSearch with the settings a help center would pick: title boosted, prefix and
// fuzzy matching on.
import MiniSearch from 'minisearch';
import { LIMIT, flatDocument } from './common.mjs';

export function createEngine() {
  let index;
  return {
    name: 'minisearch',
    build(docs) {
      index = new MiniSearch({
        fields: ['title', 'body', 'tags'],
        idField: 'id',
        searchOptions: { boost: { title: 2 }, fuzzy: 0.2, prefix: true },
      });
      index.addAll(docs.map(flatDocument));
    },
    search(q) {
      return index.search(q).slice(0, LIMIT).map((result) => result.id);
    },
    indexBytes() {
      return JSON.stringify(index);
    },
  };
}
