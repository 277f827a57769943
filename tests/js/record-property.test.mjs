// The case an agent receives is exact: random walks through the widget's actions (search,
// Enter, open, back, flow answers, language switch, reload, …) and, at the end of each,
// the handoff package, whose events must equal the actions taken, in order.
//
// A customer here is a model of web/help-assistant.js driving the WebAssembly engine with
// the calls the widget makes, choosing at each step only what the page offers now (the
// view says what the customer can do). Alongside, the test keeps its own list of the
// events the contract (docs/handoff.md, docs/handoff.schema.json) says those actions
// leave, and compares it field by field with the package's timeline, searches, articles
// and alternatives. The rules the model follows:
//   · every step is one event, at the time it was taken, in the order taken; a guided fix
//     that leads to a person adds handoff_offered after the answer that led there;
//   · a search is recorded once, when the customer acts on the results on screen (opens
//     one, starts a fix from it, asks for a person, presses Enter): its text and exactly
//     the results shown; a search typed over before any of that is not an event, and the
//     same words searched again in another language only update one not yet recorded;
//   · free text (Enter) records as shown only the guided fixes the assistant put on the
//     screen in answer (the restated one and the other candidates), none when it restated
//     nothing;
//   · a language or script switch is an event ({type: 'language', language});
//   · a reload continues the same conversation from the saved state on a new engine, in
//     the language the customer was reading: it adds nothing;
//   · "what was opened from a search" is an article opened outside a guided fix that the
//     search showed;
//   · a solution answered again (after going back) is one alternative, in its first
//     place, with the last answer and its time.
//
// Walks are deterministic. RECORD_SEED (default 0x5eed2026) is the first walk's seed, the
// next walks count up from it; RECORD_WALKS (default 1000) how many; RECORD_STEPS (default
// 25) the most actions in one walk. A failing walk prints its seed and the actions taken:
//   RECORD_SEED=<seed> RECORD_WALKS=1 node --test tests/js/record-property.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import { languageTable } from '../../web/languages.js';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url);
const createAssistantModule = require(new URL('build/wasm/assistant.js', root).pathname);
const module = await createAssistantModule({ wasmBinary: readFileSync(new URL('build/wasm/assistant.wasm', root)) });
const kbBytes = readFileSync(new URL('build/site/kb.sqlite', root));
// Two engines: a reload continues on the other one, as a new page has a new engine.
const engines = [0, 1].map(() => {
  const engine = new module.Engine();
  assert.equal(engine.open(kbBytes).ok, true);
  return engine;
});
const validate = new Ajv2020({ allErrors: true, strict: true })
  .compile(JSON.parse(readFileSync(new URL('docs/handoff.schema.json', root), 'utf8')));

const parseSeed = (text) => Number(BigInt.asUintN(32, BigInt(text)));
const firstSeed = parseSeed(process.env.RECORD_SEED ?? '0x5eed2026');
const walkCount = Number(process.env.RECORD_WALKS ?? 1000);
const maxSteps = Number(process.env.RECORD_STEPS ?? 25);
const hex = (n) => `0x${n.toString(16).padStart(8, '0')}`;

// sfc32, seeded through splitmix32: small, fast and the same on every machine.
function random(seed) {
  const mix = () => {
    seed = (seed + 0x9e3779b9) | 0;
    let z = seed;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = mix(); let b = mix(); let c = mix(); let d = mix();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const languages = languageTable.map((l) => l.code);
// What customers type, in every language and script: words that find a guided fix surely
// enough to restate it, some that find one but not surely, articles only, and nothing.
const queries = [
  'internet not working', 'router lights blinking red', 'my phone has no data abroad', 'I was charged twice',
  'wrong item delivered', 'order cancelled', 'slow wifi', 'price of phone abroad', 'recipe for sarma', 'xyzzy qwerty',
  'internet ne radi', 'ne mogu da se prijavim', 'нема интернета', 'наплатили сте ми двапут рачун', 'роутер лампице',
  'plaćanje nije prošlo', 'paket nije stigao', 'tv nema signala', 'esim aktivacija',
  'internet ne dela', 'počasen wifi', 'router', 'roaming', 'račun',
];
const comments = ['', 'Quick, thanks', 'Brzo, hvala', 'Хвала, брзо је', 'Hitro, hvala', 'Nije baš jasno'];
const cyrillic = /[\u0400-\u04FF]/u;

class Mismatch extends Error {}

// The steps that move through a guided fix: one that arrives at the fix's handoff node is
// followed by handoff_offered.
const moves = new Set(['start', 'confirm', 'choose', 'next', 'feedback', 'restart']);

const searchCache = new Map();

// One customer at the widget, with the test's own record of what happened.
class Customer {
  constructor(seed) {
    this.rnd = random(seed);
    this.engineIndex = 0;
    this.lang = this.rnd.pick(languages);
    this.chosen = false;         // a language chosen in the menu stops following the words typed
    this.state = '';             // the saved conversation (JSON text, as the widget stores it)
    this.view = null;            // what the conversation shows now (null: nothing yet)
    this.box = '';               // the search box
    this.queryAtAct = '';        // the search box at the last conversation step
    this.queryAtOpen = '';
    this.results = null;         // the results list on screen: hits, or null (page suggestions)
    this.pending = null;         // the search on screen, not yet recorded: {query, hits}
    this.article = null;         // the article open
    this.here = null;            // where in a guided fix the customer is: {id?, kind, text, lang}
    this.clock = Date.UTC(2026, 0, 1) + this.rnd.int(365 * 24 * 3600) * 1000;
    this.expected = [];          // the events the actions must leave, in order
    this.trace = [];             // the actions taken, for the failure message
  }

  get engine() { return engines[this.engineIndex]; }
  get phase() { return this.view?.phase ?? 'idle'; }
  // The conversation panel is on screen (else the results list or an article is).
  get panel() { return this.phase !== 'idle' && !this.article; }

  tick() {
    this.clock += 1 + this.rnd.int(this.rnd.chance(0.05) ? 900_000 : 90_000);
    return this.clock;
  }

  search(query, lang) {
    const key = `${lang}\u0000${query}`;
    if (!searchCache.has(key)) {
      const found = this.engine.search(query, { lang, limit: 8 });
      assert.equal(found.ok, true, JSON.stringify(found.error));
      searchCache.set(key, { queryLang: found.queryLang, hits: found.hits.map((h) => ({ id: h.id, kind: h.kind })) });
    }
    return searchCache.get(key);
  }

  // Where the customer is now, from what the page shows.
  locate(view) {
    if (view.phase === 'running' && view.node) {
      this.here = { id: view.node.id, kind: view.node.type, text: view.node.text, lang: this.lang };
    } else if (view.phase === 'handoff' && view.reason !== 'asked') {
      // The fix's own handoff node: the view shows its text, not its id.
      this.here = { kind: 'handoff', text: view.text, lang: this.lang };
    } else if (view.phase === 'idle' || view.phase === 'confirming') {
      this.here = null;
    }  // solved, rated, a person asked for: still at the node they were at
  }

  // One step through engine.converse, as the widget's #act; the event it must leave is
  // `fields` (or what fields(view after) says) on top of when, where and what.
  act(action, fields = {}) {
    const before = this.view ?? { phase: 'idle', flow: null };
    const at = this.tick();
    if (action.type !== 'language') this.queryAtAct = this.box;
    const r = this.engine.converse(this.state, JSON.stringify({ ...action, at }), this.lang);
    if (!r.ok) throw new Mismatch(`the engine refused ${JSON.stringify(action)}: ${r.error.code}: ${r.error.message}`);
    this.state = r.state;
    const after = JSON.parse(r.view);
    this.view = after;
    if (after.phase === 'running' && !['question', 'step', 'solution', 'article'].includes(after.node?.type)) {
      throw new Mismatch(`after ${action.type} the page shows ${after.node ? `a ${after.node.type} node` : 'no node'} as a step of the fix`);
    }
    const event = { at, type: action.type };
    const flow = action.type === 'start' ? action.flow : before.flow?.id;
    if (flow) event.flow = flow;
    if (this.here) event.node = this.here;
    Object.assign(event, typeof fields === 'function' ? fields(after) : fields);
    this.expected.push(event);
    this.locate(after);
    // The fix itself led to a person: recorded after the answer that led there.
    if (moves.has(action.type) && after.phase === 'handoff' && after.reason !== 'asked') {
      this.expected.push({ at, type: 'handoff_offered', flow: after.flow.id, node: this.here, reason: after.reason });
    }
    return after;
  }

  rerender() {
    if (!this.state) return;
    const r = this.engine.render(this.state, this.lang);
    assert.equal(r.ok, true, JSON.stringify(r.error));
    this.view = JSON.parse(r.view);
    if (this.view.phase === 'handoff' && this.view.reason !== 'asked') this.locate(this.view);
    else if (this.here && this.view.phase === 'running') this.locate(this.view);
  }

  // The widget's #followLanguage: the page follows the language the customer writes in,
  // unless they chose one in the menu.
  follow(queryLang) {
    if (!queryLang || queryLang === this.lang || this.chosen) return;
    this.switchLanguage(queryLang);
  }

  switchLanguage(lang) {
    this.lang = lang;
    this.act({ type: 'language', lang }, { language: lang });
    this.rerender();
  }

  // #recordSearch: the search on screen travels with the case, once.
  recordSearch() {
    if (!this.pending?.query) return;
    const { query, hits } = this.pending;
    this.pending = null;
    this.act({ type: 'searched', text: query, shown: hits.map((h) => h.id) }, { text: query, shown: hits });
  }

  openArticle(id) {
    this.article = id;
    this.queryAtOpen = this.box;
    this.act({ type: 'opened', article: id }, { article: id, fromResults: this.phase === 'idle' });
  }

  // Typing: the search as-you-type answers; new words leave a guided fix.
  typeQuery(query) {
    this.box = query;
    const found = this.search(query, this.lang);
    this.follow(found.queryLang);
    if (this.phase !== 'idle' && query !== this.queryAtAct) this.act({ type: 'leave' });
    this.pending = { query: query.trim().slice(0, 500), hits: found.hits };
    this.results = found.hits;
    if (this.article && query !== this.queryAtOpen) this.article = null;
  }

  // Enter: free text, restated when a guided fix matches surely enough.
  describe(text) {
    this.recordSearch();
    if (cyrillic.test(text)) this.follow('sr-Cyrl');
    this.act({ type: 'describe', text, lang: this.lang }, (view) => ({
      text,
      shown: view.phase === 'confirming'
        ? [view.flow.id, ...view.candidates.map((c) => c.id)].map((id) => ({ id, kind: 'flow' }))
        : [],
    }));
  }

  askPerson() {
    this.recordSearch();
    this.act({ type: 'ask_person' });
  }

  // What the customer can do now: [name, weight, do].
  choices() {
    const rnd = this.rnd;
    const list = [];
    const add = (name, weight, run) => list.push([name, weight, run]);
    // In a guided fix the customer mostly answers it; searching is what they do outside one.
    const away = this.panel ? 0.25 : 1;
    add('search', 3 * away, () => {
      const query = rnd.pick(queries.filter((q) => q !== this.box));
      this.typeQuery(query);
      return `search ${JSON.stringify(query)}`;
    });
    if (this.box.trim()) add('enter', 2 * away, () => { this.describe(this.box.trim()); return `enter ${JSON.stringify(this.box.trim())}`; });
    if (this.phase === 'idle') {
      // Typed and sent at once, before the search as-you-type answered: the widget then
      // searches the words itself, and the results it shows are the search on screen.
      add('type and enter', 1, () => {
        const text = rnd.pick(queries.filter((q) => q !== this.box));
        this.box = text;
        this.describe(text);
        if (this.phase === 'idle') {
          const found = this.search(text, this.lang);
          this.follow(found.queryLang);
          this.pending = { query: text, hits: found.hits };
          this.results = found.hits;
          this.article = null;
        }
        return `type and enter ${JSON.stringify(text)}`;
      });
    }
    if (this.phase === 'idle' && !this.article && this.results?.length) {
      const articles = this.results.filter((h) => h.kind !== 'flow');
      const flows = this.results.filter((h) => h.kind === 'flow');
      if (articles.length) {
        add('open result', 3, () => {
          const { id } = rnd.pick(articles);
          this.recordSearch();
          this.openArticle(id);
          return `open result ${id}`;
        });
      }
      if (flows.length) {
        add('start result', 3, () => {
          const { id } = rnd.pick(flows);
          this.recordSearch();
          this.act({ type: 'start', flow: id });
          return `start result ${id}`;
        });
      }
    }
    if (this.article) {
      add('helped', 1, () => {
        const answer = rnd.pick(['yes', 'no']);
        this.act({ type: 'helped', article: this.article, answer }, { article: this.article, answer });
        return `helped ${answer}`;
      });
      add('close article', 2, () => { this.article = null; return 'close article'; });
    }
    if (this.panel) this.conversationChoices(add);
    add('write to us', 0.5 * away, () => { this.askPerson(); return 'write to us'; });
    add('language', 1 * away, () => {
      const lang = rnd.pick(languages.filter((l) => l !== this.lang));
      this.chosen = true;
      this.switchLanguage(lang);
      // The results are searched again in the new language: the same search, refreshed.
      if (this.box.trim()) {
        const found = this.search(this.box, lang);
        this.results = found.hits;
        if (this.pending) this.pending.hits = found.hits;
      } else {
        this.results = null;
        this.pending = null;
      }
      return `language ${lang}`;
    });
    add('reload', 1 * away, () => {
      // The saved state on a new page and a new engine; the search box starts empty.
      this.engineIndex = 1 - this.engineIndex;
      this.rerender();
      this.box = '';
      this.queryAtAct = '';
      this.queryAtOpen = '';
      this.results = null;
      this.pending = null;
      this.article = null;
      return 'reload';
    });
    return list;
  }

  // The buttons of the conversation panel (web/conversation.js).
  conversationChoices(add) {
    const rnd = this.rnd;
    const v = this.view;
    const act = (name, weight, action, fields) => add(name, weight, () => { this.act(action, fields); return `${name}`; });
    if (v.offerPerson && v.phase !== 'handoff') add('offered person', 1, () => { this.askPerson(); return 'offered person'; });
    if (v.phase === 'confirming') {
      act('confirm', 4, { type: 'confirm' });
      act('reject', 2, { type: 'reject' });
      for (const c of v.candidates) act(`start candidate ${c.id}`, 1, { type: 'start', flow: c.id });
    }
    if (v.phase === 'running' && v.node) {
      const node = v.node;
      if (node.type === 'question') {
        add('choose', 6, () => {
          const option = rnd.int(node.options.length);
          this.act({ type: 'choose', option }, { option: node.options[option], optionLang: this.lang });
          return `choose ${option}`;
        });
      } else if (node.type === 'step') {
        act('next', 6, { type: 'next' });
      } else {
        const article = node.type === 'article' ? node.article : node.alternative?.article?.id;
        if (article) add('read article', 1, () => { this.openArticle(article); return `read ${article}`; });
        for (const answer of ['yes', 'partly', 'no']) {
          const fields = node.type === 'solution'
            ? { answer, alternative: { number: node.alternative.number, title: node.alternative.title }, altLang: this.lang }
            : { answer, article: node.article };
          act(`feedback ${answer}`, answer === 'no' ? 4 : 2, { type: 'feedback', answer }, fields);
        }
      }
    }
    if (v.phase === 'solved') {
      act('something else', 1, { type: 'something_else' });
      add('rate', 3, () => {
        const rating = 1 + rnd.int(5);
        const text = rnd.pick(comments);
        this.act({ type: 'rate', rating, text }, { rating, text });
        return `rate ${rating}`;
      });
    }
    if (v.phase === 'rated') act('something else', 2, { type: 'something_else' });
    if (v.phase === 'handoff' && !v.caseCode) {
      add('send', 2, () => {
        const made = this.engine.handoff(this.state, JSON.stringify({ now: this.clock, lang: this.lang, page: '/', seed: hex(this.rnd.int(2 ** 32)).slice(2) }));
        if (!made.ok) throw new Mismatch(`no package to send: ${made.error.message}`);
        const code = JSON.parse(made.package).case_code;
        this.act({ type: 'sent', text: code }, { text: code });
        return `send ${code}`;
      });
    }
    if (v.canGoBack) act('back', 2, { type: 'back' });
    if (v.flow && v.phase !== 'rated') act('restart', 0.5, { type: 'restart' });
    if (v.phase !== 'handoff') add('talk to a person', 1, () => { this.askPerson(); return 'talk to a person'; });
    act('leave', 0.5, { type: 'leave' });
  }

  step() {
    const list = this.choices();
    let roll = this.rnd.next() * list.reduce((sum, [, w]) => sum + w, 0);
    const [name, , run] = list.find(([, weight]) => (roll -= weight) < 0) ?? list.at(-1);
    this.trace.push(`${name} …`);
    this.trace[this.trace.length - 1] = run();
  }

  // The case: a person is offered (asked for, if the walk did not end at one), and the
  // package is made as the widget's "Review" makes it.
  finish() {
    if (this.phase !== 'handoff') {
      this.trace.push('write to us (end)');
      this.askPerson();
    }
    const request = { now: this.tick(), lang: this.lang, page: '/', seed: hex(this.rnd.int(2 ** 32)).slice(2) };
    const made = this.engine.handoff(this.state, JSON.stringify(request));
    if (!made.ok) throw new Mismatch(`no package: ${made.error.code}: ${made.error.message}`);
    return JSON.parse(made.package);
  }
}

const iso = (ms) => new Date(ms).toISOString();

// A node as the package names it, against where the model says the customer was: the id
// when the page showed it, the kind, and the text when it was read in the package's language.
function node(expected, actual, lang) {
  if (!expected) return undefined;
  return {
    id: expected.id ?? (expected.kind === 'handoff' ? actual?.id : undefined),
    kind: expected.kind,
    text: expected.lang === lang ? expected.text : actual?.text,
  };
}

// The package's timeline item in the shape the model writes, every field kept: a field the
// model does not expect is a mismatch too.
function actualItem(item) {
  const out = { ...item };
  if (item.flow) out.flow = item.flow.id;
  if (item.node) out.node = { id: item.node.id, kind: item.node.kind, text: item.node.text };
  if (item.shown) out.shown = item.shown.map((s) => `${s.id}:${s.kind}`);
  if (item.article) out.article = item.article.id;
  return out;
}

function expectedItem(e, actual, lang) {
  const out = { at: iso(e.at), type: e.type };
  if (e.flow) out.flow = e.flow;
  if (e.node) out.node = node(e.node, actual?.node, lang);
  switch (e.type) {
    case 'searched': case 'describe':
      out.text = e.text;
      out.shown = e.shown.map((s) => `${s.id}:${s.kind}`);
      break;
    case 'opened': out.article = e.article; break;
    case 'helped': out.article = e.article; out.answer = e.answer; break;
    case 'choose': out.option = e.optionLang === lang ? e.option : actual?.option; break;
    case 'feedback':
      out.answer = e.answer;
      if (e.alternative) {
        out.alternative = { number: e.alternative.number, title: e.altLang === lang ? e.alternative.title : actual?.alternative?.title };
      } else {
        out.article = e.article;
      }
      break;
    case 'rate': out.rating = e.rating; out.text = e.text; break;
    case 'sent': out.text = e.text; break;
    case 'language': out.language = e.language; break;
    case 'handoff_offered': out.reason = e.reason; break;
    default: break;
  }
  return out;
}

// The grouped sections, as the contract describes them, from the model's events.
function expectedSections(events) {
  const searches = [];
  const articles = new Map();
  const alternatives = [];
  for (const e of events) {
    if (e.type === 'searched' || e.type === 'describe') {
      searches.push({ at: iso(e.at), query: e.text, kind: e.type === 'describe' ? 'described' : 'typed', shown: e.shown.map((s) => s.id), opened: [] });
    }
    if (e.type === 'opened' && e.fromResults) {
      // Opened from the results list: from the latest search that showed it.
      const from = searches.findLast((s) => s.shown.includes(e.article));
      if (from && !from.opened.includes(e.article)) from.opened.push(e.article);
    }
    if ((e.type === 'opened' || e.type === 'helped') && !articles.has(e.article)) {
      articles.set(e.article, { id: e.article, at: iso(e.at), helped: null });
    }
    if (e.type === 'helped') articles.get(e.article).helped = e.answer === 'yes';
    if (e.type === 'feedback') {
      // Answered again after going back: one entry, in its first place, with the last answer.
      const tried = { at: iso(e.at), flow: e.flow, node: e.node.id, outcome: e.answer, ...(e.alternative ? { number: e.alternative.number } : { article: e.article }) };
      const same = alternatives.find((a) => a.flow === tried.flow && a.node === tried.node && (a.number ?? 0) === (tried.number ?? 0));
      if (same) Object.assign(same, { at: tried.at, outcome: tried.outcome });
      else alternatives.push(tried);
    }
  }
  const rates = events.filter((e) => e.type === 'rate');
  return {
    searches,
    articles: [...articles.values()],
    alternatives,
    satisfaction: {
      solved: events.some((e) => e.type === 'feedback' && e.answer === 'yes'),
      rating: rates.at(-1)?.rating ?? null,
      comment: rates.at(-1)?.text ?? '',
    },
  };
}

function compare(customer, pkg) {
  const lang = customer.lang;
  assert.equal(validate(pkg), true, `the package is not valid: ${JSON.stringify(validate.errors)}`);
  assert.equal(pkg.language, lang, 'the package is in the language the customer reads');
  assert.equal(pkg.script, lang === 'sr-Cyrl' ? 'Cyrl' : 'Latn');
  assert.deepEqual(pkg.redacted, [], 'nothing typed here needs taking out (else the texts compared would differ)');
  const expected = customer.expected;
  const timeline = pkg.timeline;
  const count = Math.max(expected.length, timeline.length);
  for (let i = 0; i < count; i += 1) {
    const actual = timeline[i] && actualItem(timeline[i]);
    const want = expected[i] && expectedItem(expected[i], actual, lang);
    assert.deepEqual(actual, want, `timeline[${i}] (${expected.length} events expected, ${timeline.length} in the package)`);
  }
  const sections = expectedSections(expected);
  assert.deepEqual(pkg.searches.map((s) => ({ at: s.at, query: s.query, kind: s.kind, shown: s.shown.map((x) => x.id), opened: s.opened })),
    sections.searches, 'searches');
  assert.deepEqual(pkg.articles.map(({ id, at, helped }) => ({ id, at, helped })), sections.articles, 'articles');
  assert.deepEqual(pkg.alternatives.map(({ at, flow, node: n, outcome, number, article }) => ({ at, flow: flow.id, node: n, outcome, ...(number ? { number } : { article }) })),
    sections.alternatives, 'alternatives');
  assert.deepEqual(pkg.satisfaction, sections.satisfaction, 'satisfaction');
  assert.deepEqual(pkg.typed, [], 'nothing was typed beyond searches and comments');
}

function walk(seed) {
  const customer = new Customer(seed);
  const steps = 1 + customer.rnd.int(maxSteps);
  try {
    for (let i = 0; i < steps; i += 1) customer.step();
    compare(customer, customer.finish());
    return { actions: customer.trace.length, events: customer.expected.length };
  } catch (error) {
    error.walk = { seed, lang: customer.lang, trace: customer.trace };
    throw error;
  }
}

test(`${walkCount} random walks: the package's events equal the actions taken, in order`, (t) => {
  const started = Date.now();
  const failures = [];
  let actions = 0;
  let events = 0;
  for (let i = 0; i < walkCount; i += 1) {
    const seed = (firstSeed + i) >>> 0;
    try {
      const done = walk(seed);
      actions += done.actions;
      events += done.events;
    } catch (error) {
      if (!error.walk) throw error;
      failures.push(error);
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  t.diagnostic(`${walkCount} walks, ${actions} actions, ${events} events, ${failures.length} mismatches, ${seconds} s (first seed ${hex(firstSeed)})`);
  if (failures.length) {
    const first = failures[0];
    const seeds = failures.slice(0, 20).map((f) => hex(f.walk.seed)).join(' ');
    assert.fail(`${failures.length} of ${walkCount} walks differ (seeds: ${seeds}${failures.length > 20 ? ' …' : ''}).\n`
      + `First: walk ${hex(first.walk.seed)} (replay: RECORD_SEED=${hex(first.walk.seed)} RECORD_WALKS=1), `
      + `${first.walk.trace.length} actions:\n  ${first.walk.trace.join('\n  ')}\n${first.message}`);
  }
});
