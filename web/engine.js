/*
 * The engine API for the page: one long-lived engine in a Web Worker, used through
 * promises. Nothing else in web/ talks to the worker or the WebAssembly module.
 *
 *   const engine = await Engine.load({ kbUrl: 'kb/manifest.json', onProgress });
 *   // kbUrl: a paged knowledge base's manifest (kbc --pages: only what searches need is
 *   // downloaded), or a whole kb.sqlite file.
 *   const found = await engine.search('ruter ne radi', { lang: 'sr-Latn', limit: 8 });
 *   // found: { hits, lang, queryLang, corrected, confident, quick } — queryLang is the language
 *   // the words are written in ('' when they do not tell); corrected is the query as searched when a
 *   // misspelt word was replaced, else ""; confident is false when the best hit is
 *   // probably not an answer; quick: answered by the first-answer index while the whole
 *   // engine loads or before it has searched once (never confident; ask again with
 *   // whole: true); null when a newer search has started. Other options: includeAgent
 *   // (agent-only articles too), category, includeFlows (false: articles only), correct
 *   // (false: search the words as typed), whole (the whole engine's answer, not a first one),
 *   // keepScript (hits in the script of `lang` whatever script is typed: the customer chose it)
 *   const article = await engine.article('router-lights', 'sr-Cyrl');
 *   const { state, view } = await engine.converse('', { type: 'start', flow: 'no-internet-fix', at: Date.now() }, 'en');
 *   const pkg = await engine.handoff(state, { now: Date.now(), lang: 'en', page: '/', seed: 'a1b2c3' });
 *
 * Failures reject with an Error whose `code` is one of core's error codes
 * (corrupt_database, version_mismatch, not_found, ...) or kb_unavailable / engine_aborted.
 */
let prepared = null;  // {kbUrl, engine, loaded} from Engine.adopt(), until load() takes it

export class Engine {
  #worker;
  #pending = new Map();
  #nextId = 1;
  #latestSearch = 0;

  constructor(worker) {
    this.#worker = worker;
    worker.onmessage = (event) => this.#receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.#failAll('engine_aborted', event.message || 'the engine worker stopped');
    };
  }

  static async load(options = {}) {
    const engine = Engine.start(options);
    engine.info = await engine.loaded;
    return engine;
  }

  // The engine at once, before it has loaded: engine.loaded resolves to its info when it
  // has (or rejects). search() answers meanwhile, from the first-answer index when the
  // knowledge base has one (results with quick: true; see engine-worker.js); other calls
  // wait until it has loaded. lang: the customer's language, whose texts come first.
  static start({ kbUrl = 'kb/manifest.json', workerUrl, onProgress, lang } = {}) {
    const href = new URL(kbUrl, document.baseURI).href;
    let started = null;
    if (prepared?.kbUrl === href) {
      started = prepared;
      prepared = null;
    }
    started ??= Engine.#start(href, workerUrl, lang);
    started.engine.onProgress = onProgress;
    started.engine.loaded = started.loaded;
    return started.engine;
  }

  // Takes over a worker that the page started itself (help-assistant-define.js starts it
  // before this file has arrived, with the same URL as #start makes); the next load() of
  // the same knowledge base uses it.
  static adopt({ kbUrl, worker }) {
    if (prepared?.kbUrl === kbUrl) worker.terminate();  // one is already on its way
    else prepared = Engine.#begin(kbUrl, worker);
  }

  // The worker learns the knowledge base and the customer's language from its name
  // (help-assistant-define.js names it the same way), so that it starts downloading before
  // its first message. (Not from its URL: a worker's script served by the service worker
  // from its cache has the URL it was stored under.)
  static #start(href, workerUrl = new URL('./engine-worker.js', import.meta.url), lang = '') {
    return Engine.#begin(href, new Worker(workerUrl, { name: JSON.stringify({ kb: href, lang }) }));
  }

  static #begin(href, worker) {
    const engine = new Engine(worker);
    const loaded = engine.#call('load', { kbUrl: href });
    loaded.catch(() => {});  // the caller of load() sees the failure
    return { kbUrl: href, engine, loaded };
  }

  async search(query, options = {}) {
    const ticket = ++this.#latestSearch;
    const result = await this.#call('search', { query, options });
    return ticket === this.#latestSearch
      ? { hits: result.hits, lang: result.lang, queryLang: result.queryLang ?? '', corrected: result.corrected, confident: result.confident, quick: Boolean(result.quick) }
      : null;
  }

  // A search of the engine's own (a guided fix related to an article): its hits, and it
  // never makes a customer's search on its way answer null as a newer search() does.
  async lookUp(query, options = {}) {
    return (await this.#call('search', { query, options })).hits;
  }

  // What is tagged with a page of the site ("/internet"), before the customer types:
  // hits shaped as search()'s.
  async forPage(page, options = {}) {
    return (await this.#call('forPage', { page, options })).hits;
  }

  article(id, lang) {
    return this.#call('article', { id, lang });
  }

  // The conversation (core/session): state is the saved JSON text ('' for a new one),
  // action e.g. {type: 'feedback', answer: 'no', at: Date.now()}. Resolves to
  // {state, view}: save state before showing view, and a reload continues there.
  converse(state, action, lang) {
    return this.#call('converse', { state, action, lang });
  }

  render(state, lang) {
    return this.#call('render', { state, lang });
  }

  // The handoff package (core/handoff) for a conversation at the offer of a person:
  // request {now, lang, page, name, contact, message, channel, seed (hex)}. Resolves to
  // the package as JSON text: exactly what the customer previews and what is sent.
  async handoff(state, request) {
    return (await this.#call('handoff', { state, request })).package;
  }

  // More for a case already sent: request {now, lang, case_code, message, seed (hex)}.
  // Resolves to the update as JSON text (docs/handoff.md), sent like the case.
  async update(request) {
    return (await this.#call('update', { request })).update;
  }

  // When a person answers: {dueAt (ms or null), local {year, month, day, weekday, hour,
  // minute}, daysAhead, workingMinutes, timeZone}, from site.yaml's hours and holidays.
  replyTime(team, channel, now = Date.now()) {
    return this.#call('replyTime', { team, channel, now });
  }

  // site.yaml's company contacts and handoff channels: {company, channels, timeZone}.
  settings() {
    return this.#call('settings', {});
  }

  close() {
    this.#worker.terminate();
    this.#failAll('engine_closed', 'the engine was closed');
  }

  #call(method, params) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, method, params });
    });
  }

  #receive(message) {
    if (message.progress) {
      this.onProgress?.(message.progress);
      return;
    }
    const waiting = this.#pending.get(message.id);
    if (!waiting) return;
    this.#pending.delete(message.id);
    if (message.ok) waiting.resolve(message.result);
    else waiting.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
  }

  #failAll(code, text) {
    for (const { reject } of this.#pending.values()) reject(Object.assign(new Error(text), { code }));
    this.#pending.clear();
  }
}
