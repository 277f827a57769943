// The service worker stores the site for offline use from a list of its own: a file the
// build adds to the site and the list forgets is missing offline (site.js once was).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const site = new URL('build/site/', root);

test('every file of the built site a page loads is in the service worker\'s list', () => {
  const source = readFileSync(new URL('web/sw.js', root), 'utf8');
  const list = /const files = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
  const stored = new Set([...list.matchAll(/'([^']+)'/g)].map((m) => m[1]));
  // Not for pages: the whole database (tools and tests), the worker itself (the browser
  // keeps it), and type definitions for editors that no page imports.
  const notLoaded = ['kb.sqlite', 'sw.js', 'engine-types.js'];
  const files = readdirSync(site, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  assert.ok(files.includes('site.js') && files.includes('index.html'), 'the site is built');
  assert.deepEqual(files.filter((f) => !notLoaded.includes(f) && !stored.has(f)), [], 'files the list forgets');
  for (const name of stored) {
    if (name !== './' && !name.startsWith('kb/')) assert.ok(files.includes(name), `${name} is listed but not in the site`);
  }
  for (const page of files.filter((f) => /\.(html|js)$/.test(f) && f !== 'engine-types.js')) {
    assert.doesNotMatch(readFileSync(new URL(page, site), 'utf8'), /['"/]engine-types\.js['"]/, `${page} loads engine-types.js`);
  }
});
