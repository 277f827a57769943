// The outbox delivers every handoff exactly once as the receiver sees it, whatever the
// network does: a closed port, 500s, answers slower than the timeout, dropped connections,
// a page reload before or in the middle of a send. IndexedDB is fake-indexeddb; the
// sender is the real webhookSender over real HTTP to a receiver in this file that
// misbehaves on purpose and, like a real one, keeps the first copy per Idempotency-Key.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Outbox, localSender, webhookSender } from '../../web/outbox.js';
import { openDatabase, store } from '../../web/store.js';
import { serve } from '../../tools/serve.mjs';

// Short enough to keep the file fast, long enough that a healthy localhost answer never
// hits it.
const timeoutMs = 250;
const fastBackoff = () => 20;
// A test that would otherwise wait forever fails instead.
const limit = { timeout: 10_000 };

let databases = 0;
const freshDatabase = () => openDatabase(`outbox-test-${++databases}`);

const handoff = (n) => ({
  case_code: `K7P${n % 10}-Q9X${String.fromCharCode(65 + n)}`,
  created_at: new Date(Date.UTC(2025, 0, 1, 12, 0, n)).toISOString(),
  summary: `The customer's router does not connect (${n})`,
  conversation: [{ from: 'customer', text: 'nothing works' }],
});
const handoffs = (count) => Array.from({ length: count }, (_, i) => handoff(i + 1));

// Resolves with the items once predicate(items) holds (checked now and after every change).
function until(outbox, predicate) {
  return new Promise((resolve, reject) => {
    let done = false;
    const check = (items) => {
      if (done || !predicate(items)) return;
      done = true;
      unsubscribe();
      resolve(items);
    };
    const unsubscribe = outbox.subscribe(check);
    outbox.items().then(check, reject);
  });
}
const allSent = (count) => (items) => items.length === count && items.every((i) => i.status === 'sent');

// The receiver. mode and faults say how the next `faults` requests go wrong:
//   'error'  answers 500;  'slow'  stores the case but answers only after the sender has
//   given up;  'drop'  destroys the socket after reading the request.
class Receiver {
  mode = 'ok';
  faults = 0;
  requests = [];          // { key, contentType, case_code } per POST that was read
  cases = new Map();      // Idempotency-Key → package, the first copy only
  stored = 0;             // how many times a case was stored
  #waiters = new Set();
  #server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => this.#handle(req, res, body));
  });

  listen(port = 0) {
    return new Promise((resolve) => this.#server.listen(port, '127.0.0.1', () => resolve(this.port)));
  }

  get port() { return this.#server.address().port; }
  get url() { return `http://127.0.0.1:${this.port}/handoff`; }

  close() {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  // Resolves once predicate(this) holds after a request.
  until(predicate) {
    if (predicate(this)) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.add({ predicate, resolve }));
  }

  #handle(req, res, body) {
    const key = req.headers['idempotency-key'];
    const pkg = JSON.parse(body);
    this.requests.push({ key, contentType: req.headers['content-type'], case_code: pkg.case_code });
    const fault = this.faults > 0 ? this.mode : 'ok';
    if (this.faults > 0) this.faults -= 1;
    if (fault === 'error') {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('try later');
    } else if (fault === 'drop') {
      req.socket.destroy();
    } else {
      const duplicate = this.cases.has(key);
      if (!duplicate) {
        this.cases.set(key, pkg);
        this.stored += 1;
      }
      const reply = () => res.writeHead(duplicate ? 200 : 201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ received: pkg.case_code, duplicate }));
      if (fault === 'slow') {
        // Far past the sender's timeout; the sender aborts, which closes the socket and
        // cancels this timer, so the test does not wait for it.
        const timer = setTimeout(reply, 60_000);
        req.socket.once('close', () => clearTimeout(timer));
      } else {
        reply();
      }
    }
    for (const waiter of this.#waiters) {
      if (waiter.predicate(this)) {
        this.#waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}

// Every case arrived, each stored exactly once, each POST under its own item's key.
function assertEachStoredOnce(receiver, pkgs) {
  assert.equal(receiver.cases.size, pkgs.length);
  assert.equal(receiver.stored, pkgs.length);
  assert.deepEqual([...receiver.cases.keys()].sort(), pkgs.map((p) => `${p.case_code}/webhook`).sort());
  for (const pkg of pkgs) assert.deepEqual(receiver.cases.get(`${pkg.case_code}/webhook`), pkg);
  for (const r of receiver.requests) {
    assert.equal(r.key, `${r.case_code}/webhook`);
    assert.equal(r.contentType, 'application/json');
  }
}

// The clock and timers are plain functions that insist on being called with no `this`,
// as the browser's setTimeout does ("Illegal invocation"). Errors the outbox reports in
// the background fail the test.
function newOutbox(t, database, options = {}) {
  const errors = [];
  const outbox = new Outbox({
    store: database.outboxStore, backoff: fastBackoff,
    senders: { webhook: webhookSender({ timeoutMs }) },
    now: function () { assert.equal(this, undefined); return Date.now(); },
    setTimer: function (fn, ms) { assert.equal(this, undefined); return setTimeout(fn, ms); },
    clearTimer: function (id) { assert.equal(this, undefined); clearTimeout(id); },
    onError: (error) => errors.push(error),
    ...options,
  });
  t.after(() => {
    outbox.stop();
    assert.deepEqual(errors, []);
  });
  return outbox;
}

async function deliverThrough(t, receiver, { faults, mode }) {
  await receiver.listen();
  t.after(() => receiver.close());
  receiver.mode = mode;
  receiver.faults = faults;
  const database = freshDatabase();
  const outbox = newOutbox(t, database);
  const pkgs = handoffs(5);
  for (const pkg of pkgs) await outbox.add(pkg, [{ type: 'webhook', url: receiver.url }]);
  const items = await until(outbox, allSent(5));
  assertEachStoredOnce(receiver, pkgs);
  assert.ok(receiver.requests.length >= 5 + faults, `${receiver.requests.length} requests`);
  assert.ok(items.some((i) => i.attempts > 1));
  for (const item of items) {
    assert.equal(item.last_error, null);
    assert.match(item.sent_at, /^\d{4}-\d\d-\d\dT/);
  }
  await database.close();
}

test('a receiver that is down at first gets every case once it is up', limit, async (t) => {
  const receiver = new Receiver();
  const port = await receiver.listen();
  await receiver.close();   // the port is closed now: connections are refused
  const database = freshDatabase();
  const outbox = newOutbox(t, database);
  const pkgs = handoffs(5);
  const url = `http://127.0.0.1:${port}/handoff`;
  for (const pkg of pkgs) await outbox.add(pkg, [{ type: 'webhook', url }]);

  // Two failed attempts each (a third is only claimed after the second has settled).
  const failing = await until(outbox, (items) => items.length === 5 && items.every((i) => i.attempts >= 3));
  for (const item of failing) assert.match(item.last_error ?? '', /^network: /);
  assert.equal(receiver.requests.length, 0);

  await receiver.listen(port);
  t.after(() => receiver.close());
  await until(outbox, allSent(5));
  assertEachStoredOnce(receiver, pkgs);
  await database.close();
});

test('500 answers are retried until the receiver recovers', limit, async (t) => {
  await deliverThrough(t, new Receiver(), { mode: 'error', faults: 8 });
});

test('a single waiting case is retried by its own timer', limit, async (t) => {
  const receiver = new Receiver();
  await receiver.listen();
  t.after(() => receiver.close());
  receiver.mode = 'error';
  receiver.faults = 2;
  const database = freshDatabase();
  const outbox = newOutbox(t, database);
  await outbox.add(handoff(1), [{ type: 'webhook', url: receiver.url }]);
  const [item] = await until(outbox, allSent(1));
  assert.equal(item.attempts, 3);
  assertEachStoredOnce(receiver, [handoff(1)]);
  await database.close();
});

test('answers slower than the timeout are retried and the receiver keeps one copy', limit, async (t) => {
  const receiver = new Receiver();
  await deliverThrough(t, receiver, { mode: 'slow', faults: 7 });
  // The slow requests were stored, so their retries came back as duplicates.
  assert.ok(receiver.requests.length > receiver.stored);
});

test('dropped connections are retried until one gets through', limit, async (t) => {
  await deliverThrough(t, new Receiver(), { mode: 'drop', faults: 8 });
});

test('none is lost across a page reload while the receiver is down', limit, async (t) => {
  const receiver = new Receiver();
  const port = await receiver.listen();
  await receiver.close();
  const url = `http://127.0.0.1:${port}/handoff`;
  const name = `outbox-reload-${++databases}`;

  // The first page: every attempt fails. When it goes away its code stops running: a
  // send it was about to start never starts, and one it had started is left to fail
  // against the closed port (so none of its requests can reach the receiver later).
  const before = openDatabase(name);
  let gone = false;
  const sending = new Set();
  const send = webhookSender({ timeoutMs });
  const tracked = (item) => {
    if (gone) return new Promise(() => {});
    const attempt = send(item);
    sending.add(attempt);
    return attempt.finally(() => sending.delete(attempt));
  };
  // Writes after the reload fail on the closed connection, as the dead page's would.
  const page = newOutbox(t, before, { senders: { webhook: tracked }, onError: () => {} });
  const pkgs = handoffs(5);
  for (const pkg of pkgs) await page.add(pkg, [{ type: 'webhook', url }]);
  await until(page, (items) => items.length === 5 && items.every((i) => i.attempts >= 2));
  page.stop();
  gone = true;
  await Promise.allSettled([...sending]);
  await before.close();

  // The reloaded page: a new connection to the same database, a new outbox.
  await receiver.listen(port);
  t.after(() => receiver.close());
  const after = openDatabase(name);
  const reloaded = newOutbox(t, after);
  const waiting = await reloaded.items();
  assert.equal(waiting.length, 5);
  for (const item of waiting) {
    assert.equal(item.status, 'pending');
    assert.ok(item.attempts >= 2);
  }
  reloaded.start();
  await until(reloaded, allSent(5));
  assertEachStoredOnce(receiver, pkgs);
  assert.equal(receiver.requests.length, 5);
  await after.close();
});

test('a reload in the middle of a send counts the attempt, sends again, and the receiver keeps one', limit, async (t) => {
  const receiver = new Receiver();
  await receiver.listen();
  t.after(() => receiver.close());
  receiver.mode = 'slow';
  receiver.faults = 5;
  const name = `outbox-reload-${++databases}`;

  // The first page dies while its five requests wait for an answer: the browser cuts the
  // requests and the page's code never sees a result.
  const before = openDatabase(name);
  const death = new AbortController();
  const send = webhookSender({
    timeoutMs: 30_000,
    fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.any([init.signal, death.signal]) }),
  });
  const dying = (item) => send(item).then((result) => (death.signal.aborted ? new Promise(() => {}) : result));
  const page = newOutbox(t, before, { senders: { webhook: dying }, onError: () => {} });
  const pkgs = handoffs(5);
  for (const pkg of pkgs) await page.add(pkg, [{ type: 'webhook', url: receiver.url }]);
  await receiver.until((r) => r.requests.length === 5);
  page.stop();
  death.abort();
  await before.close();

  const after = openDatabase(name);
  const reloaded = newOutbox(t, after);
  for (const item of await reloaded.items()) {
    assert.equal(item.status, 'pending');
    assert.equal(item.attempts, 1, 'the attempt was written before the send');
    assert.equal(item.last_error, null);
  }
  reloaded.start();
  const items = await until(reloaded, allSent(5));
  assertEachStoredOnce(receiver, pkgs);
  assert.equal(receiver.requests.length, 10);
  for (const item of items) assert.equal(item.attempts, 2);
  await after.close();
});

test('a 400 answer leaves the item rejected with its error, kept and not tried again', limit, async (t) => {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    req.resume().on('end', () => res.writeHead(400, { 'content-type': 'text/plain' }).end('case_code is malformed'));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));

  const timers = new Set();
  const database = freshDatabase();
  const outbox = newOutbox(t, database, {
    setTimer: (fn, ms) => { const id = setTimeout(() => { timers.delete(id); fn(); }, ms); timers.add(id); return id; },
    clearTimer: (id) => { timers.delete(id); clearTimeout(id); },
  });
  await outbox.add(handoff(1), [{ type: 'webhook', url: `http://127.0.0.1:${server.address().port}/handoff` }]);
  const [item] = await until(outbox, (items) => items[0]?.status === 'rejected');
  assert.equal(item.last_error, 'HTTP 400: case_code is malformed');
  assert.equal(item.attempts, 1);
  assert.equal(item.body, JSON.stringify(handoff(1)));

  await outbox.flush();
  await outbox.flush();
  assert.equal(requests, 1);
  assert.equal(timers.size, 0, 'no retry is scheduled');
  assert.deepEqual(await outbox.items(), [item]);
  await database.close();
});

test('the webhook sender sorts answers into sent, retry later and rejected', async () => {
  const answers = { 200: 'ok', 201: 'ok', 204: 'ok', 408: 'retry', 425: 'retry', 429: 'retry', 500: 'retry',
    502: 'retry', 503: 'retry', 400: 'rejected', 401: 'rejected', 404: 'rejected', 413: 'rejected', 422: 'rejected' };
  const item = { id: 'K7P2-Q9XM/webhook', channel: { type: 'webhook', url: 'https://example.test/hook' }, body: '{}' };
  for (const [status, kind] of Object.entries(answers)) {
    let seen;
    const send = webhookSender({
      fetch: async (url, init) => { seen = { url, init }; return new Response(status === '204' ? null : 'x', { status: Number(status) }); },
    });
    const result = await send(item);
    assert.equal(Object.keys(result).find((k) => k !== 'error'), kind, status);
    if (kind !== 'ok') assert.match(result.error, new RegExp(`^HTTP ${status}`));
    assert.equal(seen.url, item.channel.url);
    assert.equal(seen.init.method, 'POST');
    assert.equal(seen.init.body, '{}');
    assert.deepEqual(seen.init.headers, { 'content-type': 'application/json', 'Idempotency-Key': item.id });
  }

  const hanging = webhookSender({
    timeoutMs: 10,
    fetch: (url, init) => new Promise((resolve, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason))),
  });
  assert.deepEqual(await hanging(item), { retry: true, error: 'no answer within 10 ms' });
  const refused = webhookSender({ fetch: async () => { throw new TypeError('fetch failed'); } });
  assert.deepEqual(await refused(item), { retry: true, error: 'network: fetch failed' });
});

test('the local channel puts the case in this browser and tells other tabs its code', limit, async (t) => {
  const database = freshDatabase();
  const channelName = `cases-${databases}`;
  const listener = new BroadcastChannel(channelName);
  t.after(() => listener.close());
  const heard = new Promise((resolve) => { listener.onmessage = (event) => resolve(event.data); });
  const outbox = newOutbox(t, database, { senders: { local: localSender({ cases: database.caseStore, channelName }) } });

  const pkg = handoff(3);
  await outbox.add(pkg, [{ type: 'local' }]);
  assert.deepEqual(await heard, { case_code: pkg.case_code });
  const [item] = await until(outbox, allSent(1));
  assert.equal(item.id, `${pkg.case_code}/local`);
  assert.deepEqual(await database.caseStore.get(pkg.case_code), pkg);
  assert.deepEqual(await database.caseStore.all(), [pkg]);
  await database.close();
});

test('an update to a sent case is a delivery of its own and is kept with its case, once', limit, async (t) => {
  const database = freshDatabase();
  const outbox = newOutbox(t, database, { senders: { local: localSender({ cases: database.caseStore, channelName: `upd-${databases}` }) } });
  const pkg = handoff(4);
  await outbox.add(pkg, [{ type: 'local' }]);
  await until(outbox, allSent(1));
  const update = (id, message) => ({ version: 1, kind: 'update', case_code: pkg.case_code, update_id: id, message });
  await outbox.add(update('00000000000000a1', 'order 48213'), [{ type: 'local' }]);
  await outbox.add(update('00000000000000a2', 'it works on the phone'), [{ type: 'local' }]);
  await outbox.add(update('00000000000000a1', 'order 48213'), [{ type: 'local' }]);  // the same update again
  const items = await until(outbox, allSent(3));
  assert.deepEqual(items.map((i) => i.id).sort(), [
    `${pkg.case_code}/local`, `${pkg.case_code}/update-00000000000000a1/local`, `${pkg.case_code}/update-00000000000000a2/local`]);
  assert.deepEqual(items.map((i) => i.kind).sort(), ['case', 'update', 'update']);
  const kept = await database.caseStore.get(pkg.case_code);
  assert.equal(kept.summary, pkg.summary);
  assert.deepEqual(kept.updates.map((u) => u.message), ['order 48213', 'it works on the phone']);
  // An update for a case this device does not have (yet) waits to be tried again; it is
  // never stored as a case of its own.
  await outbox.add({ ...update('00000000000000b1', 'x'), case_code: 'ZZZZ-ZZZZ' }, [{ type: 'local' }]);
  const [waiting] = (await until(outbox, (all) => all.some((i) => i.case_code === 'ZZZZ-ZZZZ' && i.last_error)))
    .filter((i) => i.case_code === 'ZZZZ-ZZZZ');
  assert.equal(waiting.status, 'pending');
  assert.match(waiting.last_error ?? '', /no case ZZZZ-ZZZZ on this device yet/);
  assert.equal(await database.caseStore.get('ZZZZ-ZZZZ'), undefined);
  await database.close();
});

test('an update waits until its case has arrived by the same channel', limit, async (t) => {
  const database = freshDatabase();
  const sent = [];
  let caseArrives = false;
  let flushes = 0;
  const outbox = newOutbox(t, database, {
    senders: { webhook: async (item) => {
      if (item.kind !== 'update' && !caseArrives) return { retry: true, error: 'down' };
      sent.push(item.id);
      return { ok: true };
    } },
    backoff: () => 20,
    setTimer: (fn, ms) => setTimeout(() => { flushes += 1; fn(); }, ms),
  });
  const pkg = handoff(6);
  await outbox.add(pkg, [{ type: 'webhook', url: 'http://x/' }]);
  await outbox.add({ version: 1, kind: 'update', case_code: pkg.case_code, update_id: '00000000000000c1', message: 'm' },
    [{ type: 'webhook', url: 'http://x/' }]);
  await until(outbox, (all) => all.find((i) => i.kind === 'case')?.attempts >= 2);
  assert.deepEqual(sent, [], 'the update did not go before its case');
  // Held, it sets no timer of its own: the passes follow the case's back-off, not a loop.
  const passes = flushes;
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.ok(flushes - passes <= 8, `${flushes - passes} passes in 100 ms`);
  caseArrives = true;
  await until(outbox, allSent(2));
  assert.deepEqual(sent, [`${pkg.case_code}/webhook`, `${pkg.case_code}/update-00000000000000c1/webhook`]);
  await database.close();
});

test('one item per channel, stored before any attempt, and adding a case again sends nothing twice', limit, async (t) => {
  const database = freshDatabase();
  const calls = [];
  const stored = [];
  const outbox = newOutbox(t, database, {
    senders: {
      webhook: async (item) => { calls.push(item.id); stored.push(await database.outboxStore.all()); return { ok: true }; },
      local: async (item) => { calls.push(item.id); return { ok: true }; },
    },
  });
  const pkg = handoff(4);
  await outbox.add(pkg, [{ type: 'webhook', url: 'https://example.test/hook' }, { type: 'local' }]);
  let items = await until(outbox, allSent(2));
  assert.deepEqual(items.map((i) => i.id).sort(), [`${pkg.case_code}/local`, `${pkg.case_code}/webhook`]);
  // When the webhook send started, both items were already committed, its attempt counted.
  assert.equal(stored[0].length, 2);
  assert.equal(stored[0].find((i) => i.channel.type === 'webhook').attempts, 1);

  await outbox.add(pkg, [{ type: 'webhook', url: 'https://example.test/hook' }, { type: 'local' }]);
  await outbox.flush();
  items = await outbox.items();
  assert.equal(calls.length, 2);
  assert.ok(items.every((i) => i.status === 'sent' && i.attempts === 1));
  await database.close();
});

test('racing flushes, here or in another tab, never send one item twice', limit, async (t) => {
  const database = freshDatabase();
  let calls = 0;
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  let started;
  const firstSend = new Promise((resolve) => { started = resolve; });
  const blocked = async () => {
    calls += 1;
    started();
    await gate;
    return { ok: true };
  };
  // The claim's next_at keeps the other tab off the item while the send runs.
  let clock = Date.UTC(2025, 0, 1);
  const options = { backoff: () => 60_000, senders: { local: blocked }, now: () => clock };
  const outbox = newOutbox(t, database, options);
  const otherTab = newOutbox(t, database, options);
  await outbox.add(handoff(5), [{ type: 'local' }]);   // starts a flush of its own
  const racing = [outbox.flush(), outbox.flush(), otherTab.flush()];
  await firstSend;
  await Promise.all([outbox.flush(), otherTab.flush()]);
  assert.equal(calls, 1);
  // Past the claim's next_at, only this page knows that its send is still running.
  clock += 120_000;
  await outbox.flush();
  assert.equal(calls, 1);
  release();
  await Promise.all(racing);
  await until(outbox, allSent(1));
  assert.equal(calls, 1);
  await database.close();
});

test('the newest 50 sent items are kept; rejected ones are never deleted', limit, async (t) => {
  const database = freshDatabase();
  let clock = Date.UTC(2025, 0, 1);
  const outbox = newOutbox(t, database, {
    now: () => (clock += 1000),
    senders: { local: localSender({ cases: database.caseStore, channelName: 'cap' }) },
  });
  await outbox.add({ case_code: 'FAX0-0000' }, [{ type: 'fax' }]);
  await until(outbox, (items) => items[0]?.status === 'rejected');
  const pkgs = handoffs(55).map((p, i) => ({ ...p, case_code: `CAP${String(i).padStart(2, '0')}-0000` }));
  for (const pkg of pkgs) {
    await outbox.add(pkg, [{ type: 'local' }]);
    await until(outbox, (items) => items.find((i) => i.case_code === pkg.case_code)?.status === 'sent');
  }
  const items = await until(outbox, (all) => all.length === 51);
  const sent = items.filter((i) => i.status === 'sent').map((i) => i.case_code).sort();
  assert.deepEqual(sent, pkgs.slice(5).map((p) => p.case_code));
  const rejected = items.find((i) => i.status === 'rejected');
  assert.equal(rejected.last_error, "no sender for channel 'fax'");
  assert.equal((await database.caseStore.all()).length, 55);
  await database.close();
});

test('start() waits while the browser is offline and sends on online and on becoming visible', limit, async (t) => {
  const saved = { window: globalThis.window, document: globalThis.document, navigator: globalThis.navigator };
  t.after(() => Object.assign(globalThis, saved));
  globalThis.window = new EventTarget();
  globalThis.document = Object.assign(new EventTarget(), { visibilityState: 'hidden' });
  globalThis.navigator = { onLine: false };

  const database = freshDatabase();
  let calls = 0;
  let answer = { retry: true, error: 'later' };
  const outbox = newOutbox(t, database, {
    backoff: () => 60_000,   // only the events below may cause a second attempt
    senders: { local: async () => { calls += 1; return answer; } },
  });
  outbox.start();
  await outbox.add(handoff(6), [{ type: 'local' }]);
  await outbox.flush();
  assert.equal(calls, 0);
  assert.equal((await outbox.items())[0].attempts, 0);

  navigator.onLine = true;
  window.dispatchEvent(new Event('online'));
  await until(outbox, (items) => items[0].last_error === 'later');
  assert.equal(calls, 1);

  // Due again (the clock moved on, say, while the tab was in the background).
  await database.outboxStore.update(`${handoff(6).case_code}/local`, (item) => ({ ...item, next_at: 0 }));
  answer = { ok: true };
  document.visibilityState = 'visible';
  document.dispatchEvent(new Event('visibilitychange'));
  await until(outbox, allSent(1));
  assert.equal(calls, 2);

  await database.close();
});

test('version 1 of the database (the conversation only) is upgraded and keeps its data', limit, async () => {
  const name = `outbox-upgrade-${++databases}`;
  const v1 = await new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('kv');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise((resolve) => {
    const tx = v1.transaction('kv', 'readwrite');
    tx.objectStore('kv').put({ step: 3 }, 'conversation');
    tx.oncomplete = resolve;
  });
  v1.close();

  const database = openDatabase(name);
  assert.deepEqual(await database.store.get('conversation'), { step: 3 });
  assert.deepEqual(await database.outboxStore.all(), []);
  await database.caseStore.put(handoff(8));
  assert.deepEqual(await database.caseStore.get(handoff(8).case_code), handoff(8));
  await database.caseStore.delete(handoff(8).case_code);
  assert.equal(await database.caseStore.get(handoff(8).case_code), undefined);
  await database.close();

  // The page's own export still works as before.
  await store.put('conversation', { step: 1 });
  assert.deepEqual(await store.get('conversation'), { step: 1 });
  await store.delete('conversation');
  assert.equal(await store.get('conversation'), undefined);
});

test('the demo server keeps each handoff once, in memory and as a file', limit, async (t) => {
  const site = await mkdtemp(join(tmpdir(), 'site-'));
  const casesDir = join(await mkdtemp(join(tmpdir(), 'cases-')), 'build', 'cases');
  t.after(() => Promise.all([rm(site, { recursive: true }), rm(join(casesDir, '..', '..'), { recursive: true })]));
  await writeFile(join(site, 'index.html'), '<p>demo</p>');
  const server = await serve(site, { port: 0, casesDir });
  t.after(() => new Promise((resolve) => server.close(resolve)));
  const base = `http://127.0.0.1:${server.address().port}`;
  const post = (body, headers = {}) => fetch(`${base}/handoff`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body,
  }).then(async (r) => ({ status: r.status, json: await r.json() }));

  const pkg = handoff(2);
  const key = { 'Idempotency-Key': `${pkg.case_code}/webhook` };
  assert.deepEqual(await post(JSON.stringify(pkg), key), { status: 201, json: { received: pkg.case_code } });
  assert.deepEqual(await post(JSON.stringify(pkg), key),
    { status: 200, json: { received: pkg.case_code, duplicate: true } });
  assert.deepEqual(await readdir(casesDir), [`${pkg.case_code}.json`]);
  assert.deepEqual(JSON.parse(await readFile(join(casesDir, `${pkg.case_code}.json`), 'utf8')), pkg);
  assert.deepEqual([...server.cases], [[key['Idempotency-Key'], pkg]]);

  assert.equal((await post(JSON.stringify(handoff(3)))).status, 400, 'no Idempotency-Key');
  assert.equal((await post('{"case_code": "K7P2', { 'Idempotency-Key': 'a' })).status, 400, 'not JSON');
  assert.equal((await post('{"case": 1}', { 'Idempotency-Key': 'b' })).status, 400, 'no case_code');
  assert.equal((await post('{"case_code": 7}', { 'Idempotency-Key': 'c' })).status, 400, 'case_code not a string');
  assert.equal((await post('{"case_code": "../../x"}', { 'Idempotency-Key': 'd' })).status, 400, 'not a file name');
  const huge = JSON.stringify({ case_code: 'BIG0-0000', text: 'x'.repeat(1024 * 1024) });
  assert.equal((await post(huge, { 'Idempotency-Key': 'e' })).status, 413);
  assert.equal(server.cases.size, 1);
  assert.deepEqual(await readdir(casesDir), [`${pkg.case_code}.json`]);

  // Static files are served as before.
  const page = await fetch(`${base}/`);
  assert.equal(page.status, 200);
  assert.equal(await page.text(), '<p>demo</p>');
  assert.equal((await fetch(`${base}/handoff`)).status, 404);

  // And the outbox delivers to it.
  const database = freshDatabase();
  const outbox = newOutbox(t, database);
  await outbox.add(handoff(9), [{ type: 'webhook', url: `${base}/handoff` }]);
  await until(outbox, allSent(1));
  assert.deepEqual((await readdir(casesDir)).sort(), [`${pkg.case_code}.json`, `${handoff(9).case_code}.json`].sort());
  await database.close();
});
