// Lunr with title boosted. The user's text becomes a Lunr query: split the way Lunr's
// own tokenizer splits, trimmed like its trimmer, syntax characters escaped, and terms
// longer than 3 characters also tried as a prefix (term*) and with one typo (term~1).
// A query Lunr still cannot parse counts as an empty result. Lunr's typo expansion
// grows with the square of the term's length (a 100,000-letter "word" exhausts the
// heap), so like any real integration this one only expands word-sized terms.
import lunr from 'lunr';
import { LIMIT, flatDocument } from './common.mjs';

const SYNTAX_CHARACTERS = /[:*~^+\-]/g;
const EDGE_NON_WORD = /^\W+|\W+$/g;
const MAX_EXPANDED_LENGTH = 40;

const expandable = (word) => word.length > 3 && word.length <= MAX_EXPANDED_LENGTH;

export function lunrQuery(text) {
  return text
    .split(lunr.tokenizer.separator)
    .map((word) => word.replace(EDGE_NON_WORD, ''))
    .filter((word) => word.length > 0)
    .flatMap((word) => {
      const term = word.replace(SYNTAX_CHARACTERS, '\\$&');
      return expandable(word) ? [term, `${term}*`, `${term}~1`] : [term];
    })
    .join(' ');
}

export function createEngine() {
  let index;
  return {
    name: 'lunr',
    build(docs) {
      index = lunr(function indexDocuments() {
        this.ref('id');
        this.field('title', { boost: 2 });
        this.field('body');
        this.field('tags');
        for (const doc of docs) this.add(flatDocument(doc));
      });
    },
    search(q) {
      let results;
      try {
        results = index.search(lunrQuery(q));
      } catch (error) {
        if (error instanceof lunr.QueryParseError) return [];
        throw error;
      }
      return results.slice(0, LIMIT).map((result) => result.ref);
    },
    indexBytes() {
      return JSON.stringify(index);
    },
  };
}
