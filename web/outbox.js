/*
 * The outbox: a handoff package, once the customer has asked for a person, is delivered
 * or kept; it is never lost to a dead network, a closed tab or a reload.
 *
 *   1. add() writes one item per channel to IndexedDB and waits for the commit before
 *      any attempt is made.
 *   2. Before each send the item's attempts and next_at are written (claimed), so a page
 *      that dies mid-send has counted the attempt and tries again at next_at. A send can
 *      therefore reach the receiver twice; every send carries the item id as its
 *      Idempotency-Key and the receiver keeps the first (tools/serve.mjs does).
 *   3. Answers: ok → 'sent' (kept, so a reload never sends it again; the newest 50 are
 *      kept for the page to show); retry → pending again after backoff(attempts);
 *      rejected → 'rejected' with the error, kept for good and never tried again.
 *
 * Item: { id: `${case_code}/${channel.type}` (an update: `${case_code}/update-${update_id}/
 * ${channel.type}`), case_code, kind: 'case' | 'update', channel, body (the package as
 * JSON text), status: 'pending' | 'sent' | 'rejected', attempts, next_at (ms since the
 * epoch, compared with now()), created_at, sent_at (ISO strings), last_error }.
 *
 * The store needs all(), put(item), delete(id) and update(id, change) (see store.js).
 */
import { companyFileName } from './dom.js';
import { site } from './site.js';
import { caseStore, outboxStore } from './store.js';

// Sent items kept for the page to show; older ones are deleted (pending and rejected
// items are never deleted).
const keepSentDefault = 50;
// setTimeout takes a 32-bit signed delay; a longer one fires at once.
const maxTimerMs = 2 ** 31 - 1;

const message = (error) => String(error?.message ?? error);

export class Outbox {
  #store; #senders; #now; #setTimer; #clearTimer; #backoff; #keepSent; #isOnline; #onError;
  #inFlight = new Set();   // ids being sent by this page; never two sends of one item
  #subscribers = new Set();
  #timer = null;
  #timerAt = Infinity;
  #stopped = false;        // after stop(): no timers until start()
  #listening = null;       // the window/document listeners start() added

  constructor({
    store = outboxStore, senders, now = Date.now, setTimer = setTimeout, clearTimer = clearTimeout,
    backoff = (attempts) => Math.min(2000 * 2 ** (attempts - 1), 10 * 60 * 1000),
    keepSent = keepSentDefault,
    // navigator.onLine === false is reliable (true is not): no attempt can succeed then.
    isOnline = () => globalThis.navigator?.onLine !== false,
    onError = (error) => console.warn('outbox:', error),
  } = {}) {
    if (!senders) throw new TypeError('Outbox needs senders, e.g. { webhook: webhookSender() }');
    this.#store = store;
    this.#senders = senders;
    // Called as plain functions: the browser's setTimeout throws "Illegal invocation"
    // when called on another object.
    this.#now = () => now();
    this.#setTimer = (fn, ms) => setTimer(fn, ms);
    this.#clearTimer = (id) => clearTimer(id);
    this.#backoff = backoff;
    this.#keepSent = keepSent;
    this.#isOnline = isOnline;
    this.#onError = onError;
  }

  // Resolves once every item is committed and the first flush has been started (not
  // finished: a slow network must not hold the page).
  async add(pkg, channels) {
    if (typeof pkg?.case_code !== 'string' || pkg.case_code === '') {
      throw new TypeError('a handoff package needs a case_code');
    }
    if (!Array.isArray(channels) || channels.length === 0) throw new TypeError('add() needs channels');
    const body = JSON.stringify(pkg);
    const created = new Date(this.#now()).toISOString();
    for (const channel of channels) {
      // An update to a case (kind 'update') is a delivery of its own, with its own
      // Idempotency-Key; the case's code still leads, so the two are read together.
      const id = pkg.kind === 'update'
        ? `${pkg.case_code}/update-${pkg.update_id}/${channel.type}` : `${pkg.case_code}/${channel.type}`;
      // The same case added again (a double click, a restored page) is the same delivery:
      // an item already there is kept as it is, so a sent case is not sent again.
      await this.#store.update(id, (current) => (current !== undefined ? undefined : {
        id, case_code: pkg.case_code, kind: pkg.kind === 'update' ? 'update' : 'case', channel: { ...channel }, body, status: 'pending',
        attempts: 0, next_at: 0, created_at: created, sent_at: null, last_error: null,
      }));
    }
    await this.#changed();
    this.#flushInBackground();
  }

  // One pass: every pending item that is due and not already being sent here is tried
  // once, all at the same time. Resolves when this pass's attempts have settled; the
  // next pass is left to a timer for the earliest next_at.
  async flush() {
    if (!this.#isOnline()) return;   // the 'online' listener flushes again
    const now = this.#now();
    const all = await this.#store.all();
    const due = all.filter((item) => item.status === 'pending' && dueAt(item, all) <= now && !this.#inFlight.has(item.id));
    // Marked in the same synchronous step as the filter, so a racing flush() skips them.
    for (const item of due) this.#inFlight.add(item.id);
    const attempts = due.map((item) => this.#attempt(item.id));
    const results = await Promise.allSettled([this.#schedule(), ...attempts]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  items() {
    return this.#store.all();
  }

  subscribe(fn) {
    this.#subscribers.add(fn);
    return () => this.#subscribers.delete(fn);
  }

  // Browser wiring; in node (no window, no document) it only flushes now. Retry timers
  // run without it too (from add() and flush()), until stop().
  start() {
    this.#stopped = false;
    if (this.#listening) return;
    const win = globalThis.window;
    const doc = globalThis.document;
    const onOnline = () => this.#flushInBackground();
    const onVisibility = () => { if (doc.visibilityState === 'visible') this.#flushInBackground(); };
    win?.addEventListener?.('online', onOnline);
    doc?.addEventListener?.('visibilitychange', onVisibility);
    this.#listening = { win, doc, onOnline, onVisibility };
    // Subscribers see what is waiting at once, even when nothing is due (or offline).
    this.#changed();
    this.#flushInBackground();
  }

  stop() {
    this.#stopped = true;
    this.#cancelTimer();
    const l = this.#listening;
    l?.win?.removeEventListener?.('online', l.onOnline);
    l?.doc?.removeEventListener?.('visibilitychange', l.onVisibility);
    this.#listening = null;
  }

  // Called with id marked in flight; unmarks it once the outcome is written, before the
  // next timer is chosen (which must see this item's new next_at).
  async #attempt(id) {
    let settled;
    try {
      settled = await this.#sendOnce(id);
    } finally {
      this.#inFlight.delete(id);
    }
    if (settled?.status === 'sent') await this.#pruneSent();
    await this.#changed();
    await this.#schedule();
  }

  // Resolves with the item as written after the send, or undefined when it was not ours
  // to send.
  async #sendOnce(id) {
    const claimedAt = this.#now();
    // Claim: count the attempt and set the retry time before sending, re-checked inside
    // one transaction in case another flush or tab settled the item meanwhile.
    const item = await this.#store.update(id, (current) => {
      if (current?.status !== 'pending' || current.next_at > claimedAt) return undefined;
      const attempts = current.attempts + 1;
      return { ...current, attempts, next_at: claimedAt + this.#backoff(attempts) };
    });
    if (!item) return;
    await this.#changed();

    const send = this.#senders[item.channel.type];
    let result;
    try {
      result = send ? await send(item) : { rejected: true, error: `no sender for channel '${item.channel.type}'` };
    } catch (error) {
      result = { retry: true, error: message(error) };
    }

    const doneAt = this.#now();
    return this.#store.update(id, (current) => {
      if (current?.status !== 'pending') return undefined;
      if (result?.ok) return { ...current, status: 'sent', sent_at: new Date(doneAt).toISOString(), last_error: null };
      if (result?.rejected) return { ...current, status: 'rejected', last_error: result.error ?? 'rejected' };
      // Retry: the wait counts from the failure, not from the claim, so a send that took
      // its whole timeout is not retried at once.
      return { ...current, next_at: doneAt + this.#backoff(current.attempts), last_error: result?.error ?? 'no answer' };
    });
  }

  async #pruneSent() {
    const sent = (await this.#store.all())
      .filter((item) => item.status === 'sent')
      .sort((a, b) => (b.sent_at < a.sent_at ? -1 : b.sent_at > a.sent_at ? 1 : a.id < b.id ? -1 : 1));
    for (const old of sent.slice(this.#keepSent)) await this.#store.delete(old.id);
  }

  // One timer, for the earliest pending item not being sent here (an item in flight gets
  // its own next_at when its attempt settles).
  async #schedule() {
    if (this.#stopped) return;
    const all = await this.#store.all();
    const next = Math.min(...all
      .filter((item) => item.status === 'pending' && !this.#inFlight.has(item.id))
      .map((item) => dueAt(item, all)));
    if (this.#stopped || next === this.#timerAt) return;
    this.#cancelTimer();
    if (next === Infinity) return;
    this.#timerAt = next;
    this.#timer = this.#setTimer(() => {
      this.#timer = null;
      this.#timerAt = Infinity;
      this.#flushInBackground();
    }, Math.min(Math.max(0, next - this.#now()), maxTimerMs));
  }

  #cancelTimer() {
    if (this.#timer !== null) this.#clearTimer(this.#timer);
    this.#timer = null;
    this.#timerAt = Infinity;
  }

  #flushInBackground() {
    this.flush().catch(this.#onError);
  }

  // Never throws: telling the page is not worth failing a write that has committed.
  async #changed() {
    if (this.#subscribers.size === 0) return;
    let items;
    try {
      items = await this.#store.all();
    } catch (error) {
      this.#onError(error);
      return;
    }
    for (const fn of this.#subscribers) {
      try { fn(items); } catch (error) { this.#onError(error); }
    }
  }
}

// When an item may be tried: its next_at; but an update to a case waits until its case
// has arrived by the same channel (a receiver reads it beside its case). Until then it is
// never due, and sets no timer: the case's delivery schedules the next pass.
function dueAt(item, all) {
  if (item.kind !== 'update') return item.next_at;
  const parent = all.find((other) => other.id === `${item.case_code}/${item.channel.type}`);
  return !parent || parent.status === 'sent' ? item.next_at : Infinity;
}

// Answers that say "not now" rather than "never": timeout, too early, too many, server trouble.
const retryStatus = (status) => status === 408 || status === 425 || status === 429 || status >= 500;

export function webhookSender({ fetch = globalThis.fetch, timeoutMs = 15000 } = {}) {
  return async (item) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(item.channel.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': item.id },
        body: item.body,
        signal: controller.signal,
      });
      // Read the answer within the same timeout; its first 200 characters go into the
      // error a person may read on the page.
      const text = (await response.text()).slice(0, 200);
      if (response.ok) return { ok: true };
      const error = `HTTP ${response.status}${text ? `: ${text}` : ''}`;
      // Other answers (4xx, and the odd 1xx/3xx that reaches here) will not change by
      // sending again: keep the item as rejected.
      return retryStatus(response.status) ? { retry: true, error } : { rejected: true, error };
    } catch (error) {
      if (controller.signal.aborted) return { retry: true, error: `no answer within ${timeoutMs} ms` };
      return { retry: true, error: `network: ${message(error)}` };
    } finally {
      clearTimeout(timer);
    }
  };
}

// Same-browser delivery for the offline demo: the case lands in this device's case store
// and any open agent page (another tab) is told its code.
export function localSender({ cases = caseStore, channelName = companyFileName(site.company.name, 'cases') } = {}) {
  return async (item) => {
    let pkg;
    try {
      pkg = JSON.parse(item.body);
    } catch (error) {
      return { rejected: true, error: `not JSON: ${message(error)}` };
    }
    if (pkg.kind === 'update') {
      // Kept with its case, once (a retry brings the same update_id).
      const kept = await cases.update(pkg.case_code, (current) => current && {
        ...current, updates: [...(current.updates ?? []).filter((u) => u.update_id !== pkg.update_id), pkg],
      });
      // Not here (yet): tried again later rather than lost.
      if (!kept) return { retry: true, error: `no case ${pkg.case_code} on this device yet` };
    } else {
      // A case sent again keeps the updates it already has.
      await cases.update(pkg.case_code, (current) => ({ ...pkg, ...(current?.updates ? { updates: current.updates } : {}) }));
    }
    const channel = new BroadcastChannel(channelName);
    try {
      channel.postMessage({ case_code: pkg.case_code });
    } finally {
      channel.close();   // the message is already queued; closing keeps node's loop free
    }
    return { ok: true };
  };
}
