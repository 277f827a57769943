// A browser that keeps nothing on the device (IndexedDB blocked or missing): the stores
// live in memory, so a case is still delivered. Runs in its own process: no IndexedDB here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Outbox } from '../../web/outbox.js';
import { openDatabase } from '../../web/store.js';

test('without IndexedDB the conversation is kept in memory and a case is still delivered', async () => {
  assert.equal(globalThis.indexedDB, undefined);
  const warnings = [];
  const warn = console.warn;
  console.warn = (text) => warnings.push(String(text));
  try {
    const { store, outboxStore } = openDatabase('memory-test');
    // Two writes at once, both waiting on the same refused open: neither is lost.
    await Promise.all([store.put('conversation', '{"phase":"running"}'), store.put('language', 'hr')]);
    assert.equal(await store.get('language'), 'hr');
    assert.equal(await store.get('conversation'), '{"phase":"running"}');
    assert.equal(await store.get('missing'), undefined);

    const delivered = [];
    const outbox = new Outbox({
      store: outboxStore,
      senders: { webhook: async (item) => { delivered.push(item.case_code); return { ok: true }; } },
      onError: (error) => { throw error; },
    });
    const pkg = { case_code: 'K7-2QX9', summary: 'router' };
    await outbox.add(pkg, [{ type: 'webhook', url: 'https://example.com/handoff' }]);
    await outbox.flush();
    assert.deepEqual(delivered, ['K7-2QX9']);
    const [item] = await outboxStore.all();
    assert.equal(item.status, 'sent');
    assert.ok(warnings.some((w) => /keeps nothing on the device/.test(w)), warnings.join('\n'));
  } finally {
    console.warn = warn;
  }
});
