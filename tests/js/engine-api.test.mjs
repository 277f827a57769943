// The Embind API as JavaScript sees it: the WebAssembly build opening the kb.sqlite that
// the native kbc built (the two builds must agree on format and tokenizer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url);
const createAssistantModule = require(new URL('build/wasm/assistant.js', root).pathname);
const module = await createAssistantModule({
  wasmBinary: readFileSync(new URL('build/wasm/assistant.wasm', root)),
});
const kbBytes = readFileSync(new URL('build/site/kb.sqlite', root));

function openEngine() {
  const engine = new module.Engine();
  const opened = engine.open(kbBytes);
  assert.equal(opened.ok, true, JSON.stringify(opened.error));
  return engine;
}

test('open reports the versions and the size of the knowledge base', () => {
  const engine = new module.Engine();
  const opened = engine.open(kbBytes);
  assert.equal(opened.ok, true);
  assert.equal(opened.formatVersion, module.formatVersion);
  assert.equal(opened.tokenizerVersion, module.tokenizerVersion);
  assert.match(opened.contentHash, /^[0-9a-f]{16}$/);
  assert.ok(opened.articles >= 10);
  engine.delete();
});

test('bad bytes give an error value, not an exception', () => {
  const engine = new module.Engine();
  for (const [bytes, code] of [
    [new Uint8Array(), 'invalid_argument'],
    [new Uint8Array(8192).fill(65), 'corrupt_database'],
    [kbBytes.subarray(0, Math.floor(kbBytes.length / 3)), 'corrupt_database'],
  ]) {
    const opened = engine.open(bytes);
    assert.equal(opened.ok, false);
    assert.equal(opened.error.code, code);
    assert.equal(typeof opened.error.message, 'string');
  }
  const search = engine.search('ruter', {});
  assert.equal(search.ok, false, 'nothing is open yet');
  engine.delete();
});

test('search returns plain objects with the fields the page uses', () => {
  const engine = openEngine();
  const found = engine.search('lozinka', { lang: 'sr-Latn', limit: 5 });
  assert.equal(found.ok, true);
  assert.equal(found.lang, 'sr-Latn');
  assert.ok(found.hits.length > 0 && found.hits.length <= 5);
  const hit = found.hits[0];
  for (const key of ['id', 'lang', 'title', 'category', 'audience', 'kind', 'snippetHtml']) {
    assert.equal(typeof hit[key], 'string', key);
  }
  assert.equal(typeof hit.score, 'number');
  assert.equal(hit.audience, 'customer');
  engine.delete();
});

test('includeFlows: false leaves the guided fixes out, and only them', () => {
  const engine = openEngine();
  const all = engine.search('ruter ne radi', { lang: 'sr-Latn', limit: 20 });
  const articles = engine.search('ruter ne radi', { lang: 'sr-Latn', limit: 20, includeFlows: false });
  assert.ok(all.hits.some((hit) => hit.kind === 'flow'), 'the demo has a guided fix for this');
  assert.ok(articles.hits.length > 0);
  assert.ok(articles.hits.every((hit) => hit.kind !== 'flow'));
  assert.deepEqual(articles.hits.map((hit) => hit.id).slice(0, 3),
    all.hits.filter((hit) => hit.kind !== 'flow').map((hit) => hit.id).slice(0, 3));
  engine.delete();
});

test('a Cyrillic query finds Serbian articles and shows them in Cyrillic', () => {
  const engine = openEngine();
  const found = engine.search('заборављена лозинка', { lang: 'sr-Latn' });
  assert.equal(found.ok, true);
  assert.equal(found.lang, 'sr-Cyrl');
  assert.equal(found.hits[0].id, 'reset-password');
  engine.delete();
});

test('hostile queries give hits or an empty list', () => {
  const engine = openEngine();
  for (const q of ['"', 'NEAR(a b)', '*', '😡', '\u0000', 'a'.repeat(100000), ') OR (', '\uFFFF\uD800']) {
    const found = engine.search(q, {});
    assert.equal(found.ok, true, q.slice(0, 20));
    assert.ok(Array.isArray(found.hits));
  }
  engine.delete();
});

test('article returns sanitised HTML in the closest language, or not_found', () => {
  const engine = openEngine();
  const article = engine.article('reset-password', 'sr-Cyrl');
  assert.equal(article.ok, true);
  assert.equal(article.lang, 'sr-Cyrl');
  assert.doesNotMatch(article.html, /<script|onerror=|javascript:/i);
  assert.ok(article.languages.includes('en'));
  const missing = engine.article('no-such-article', 'en');
  assert.equal(missing.ok, false);
  assert.equal(missing.error.code, 'not_found');
  engine.delete();
});

test('tokenize gives the canonical words that search uses', () => {
  assert.deepEqual(module.tokenize('Ђурђевдан, ŠIFRA!').map((t) => t.text), ['durdevdan', 'sifra']);
});
