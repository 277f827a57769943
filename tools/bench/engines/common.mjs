// Shared by the peer adapters: the flat document shape they index and the number of
// results they return.

// Results are scored on the top 10 articles. A peer indexes each language version of an
// article as its own document, so it returns enough versions for 10 articles in six
// languages; search.mjs maps them back to articles.
export const LIMIT = 60;

// title, body and tags as plain strings (tags joined by spaces).
export function flatDocument(doc) {
  return { id: doc.id, title: doc.title, body: doc.body, tags: doc.tags.join(' ') };
}
