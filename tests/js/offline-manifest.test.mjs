// What the service worker reads to decide whether the whole knowledge base is kept for
// offline use: the manifest kbc writes beside the pages carries site.yaml's offline.max_mb.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('build/site/kb/manifest.json', root), 'utf8'));
const site = readFileSync(new URL('knowledge-base/site.yaml', root), 'utf8');

test('the manifest carries the offline limit site.yaml sets, and the demo fits in it', () => {
  const maxMb = Number(/^offline:\s*\n\s+max_mb:\s*([0-9.]+)/m.exec(site)?.[1]);
  assert.ok(maxMb > 0, 'site.yaml sets offline.max_mb');
  assert.equal(manifest.offline_bytes, maxMb * 1024 * 1024);
  // The offline demo must work after one visit: every chunk is kept.
  assert.ok(manifest.bytes <= manifest.offline_bytes, `${manifest.bytes} B of pages`);
});
