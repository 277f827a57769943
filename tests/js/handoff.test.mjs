// Handoff packages made by the WebAssembly engine from the demo knowledge base: each is
// valid against docs/handoff.schema.json and equal to its approved copy in
// tests/handoff/approved/ (after a deliberate change: APPROVE=1 node --test tests/js/).
// Also the reply times the demo's site.yaml gives across a weekend, a holiday and a
// change of the clocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url);
const createAssistantModule = require(new URL('build/wasm/assistant.js', root).pathname);
const module = await createAssistantModule({ wasmBinary: readFileSync(new URL('build/wasm/assistant.wasm', root)) });
const engine = new module.Engine();
assert.equal(engine.open(readFileSync(new URL('build/site/kb.sqlite', root))).ok, true);

const schema = JSON.parse(readFileSync(new URL('docs/handoff.schema.json', root), 'utf8'));
export const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const updateSchema = JSON.parse(readFileSync(new URL('docs/handoff-update.schema.json', root), 'utf8'));
export const validateUpdate = new Ajv2020({ allErrors: true, strict: true }).compile(updateSchema);

// Belgrade wall-clock time → ms since 1970 (offset given: +1 in winter, +2 in summer).
const at = (iso) => Date.parse(iso);

// A scripted customer: every step goes through engine.converse, as in the browser.
function customer(lang, startIso) {
  let state = '';
  let clock = at(startIso);
  const act = (action) => {
    clock += 30_000;
    const r = engine.converse(state, JSON.stringify({ ...action, at: clock }), lang);
    assert.equal(r.ok, true, `${action.type}: ${JSON.stringify(r.error)}`);
    state = r.state;
    return JSON.parse(r.view);
  };
  // Walks the current flow: questions answered from `options` (then the first option),
  // steps done, and each alternative answered from `answers` (then "no") until the flow
  // hands over.
  const walk = (answers = [], options = []) => {
    let view = JSON.parse(engine.render(state, lang).view);
    for (let i = 0; i < 40 && view.phase === 'running'; i += 1) {
      if (view.node.type === 'question') view = act({ type: 'choose', option: options.shift() ?? 0 });
      else if (view.node.type === 'step') view = act({ type: 'next' });
      else view = act({ type: 'feedback', answer: answers.shift() ?? 'no' });
    }
    return view;
  };
  const handoff = (request) => {
    const r = engine.handoff(state, JSON.stringify({ now: clock, lang, page: '/', seed: '9f3a5c7e1b2d4f60', ...request }));
    assert.equal(r.ok, true, JSON.stringify(r.error));
    return JSON.parse(r.package);
  };
  return { act, walk, handoff, get state() { return state; } };
}

const scenarios = {
  // Searched, read an article, walked "no internet" and every alternative failed.
  'en-no-internet-exhausted': () => {
    const c = customer('en', '2026-12-04T19:00:00+01:00');
    c.act({ type: 'searched', text: 'internet not working', shown: ['no-internet-fix', 'router-lights'] });
    c.act({ type: 'opened', article: 'router-lights' });
    c.act({ type: 'helped', article: 'router-lights', answer: 'no' });
    c.act({ type: 'start', flow: 'no-internet-fix' });
    const view = c.walk(['no', 'partly'], [1, 0, 0]);  // no outage, every device, lights on
    assert.equal(view.phase, 'handoff');
    return c.handoff({ name: 'Ana Petrović', contact: 'ana@example.com', message: 'Since this morning.', channel: 'webhook' });
  },
  // Described a double charge in Cyrillic, confirmed, and asked for a person at once,
  // typing a card number and a JMBG.
  'sr-Cyrl-double-charge-asked': () => {
    const c = customer('sr-Cyrl', '2026-12-31T21:00:00+01:00');
    const view = c.act({ type: 'describe', text: 'наплатили сте ми двапут рачун', lang: 'sr-Cyrl' });
    assert.equal(view.phase, 'confirming');
    c.act({ type: 'confirm' });
    c.act({ type: 'ask_person', text: 'Картица 4111 1111 1111 1111, ЈМБГ 0101990710008, хитно!' });
    return c.handoff({ channel: 'webhook', seed: 'c0ffee1234abcd01' });
  },
  // Slovenian: solved, rated, then asked for a person anyway about something else.
  'sl-solved-rated-then-asked': () => {
    const c = customer('sl', '2027-03-27T13:30:00+01:00');
    c.act({ type: 'start', flow: 'slow-wifi-fix' });
    const view = c.walk(['yes']);
    assert.equal(view.phase, 'solved');
    c.act({ type: 'rate', rating: 4, text: 'Hitro, hvala. Geslo za wifi je Mačka123' });
    c.act({ type: 'ask_person', text: '' });
    return c.handoff({ contact: '+386 40 123 456', channel: 'local', seed: '0badf00d5eed4242' });
  },
};

for (const [name, make] of Object.entries(scenarios)) {
  test(`approved package: ${name}`, () => {
    const pkg = make();
    assert.equal(validate(pkg), true, JSON.stringify(validate.errors, null, 2));
    const file = new URL(`tests/handoff/approved/${name}.json`, root);
    const text = `${JSON.stringify(pkg, null, 2)}\n`;
    if (process.env.APPROVE === '1' || !existsSync(file)) writeFileSync(file, text);
    assert.equal(text, readFileSync(file, 'utf8'), `${name} differs from its approved copy (APPROVE=1 to accept)`);
  });
}

test('the packages say what a person needs and hide what nobody should see', () => {
  const en = scenarios['en-no-internet-exhausted']();
  assert.equal(en.team.id, 'technical');
  assert.equal(en.team.reason, 'exhausted');
  assert.ok(en.alternatives.length >= 3);
  assert.deepEqual(en.alternatives.slice(0, 2).map((a) => a.outcome), ['no', 'partly']);
  assert.deepEqual(en.articles.map((a) => [a.id, a.helped]), [['router-lights', false]]);
  assert.match(en.summary, /Technical support/);

  const sr = scenarios['sr-Cyrl-double-charge-asked']();
  assert.equal(sr.team.id, 'billing');
  assert.deepEqual(sr.redacted, ['card', 'jmbg']);
  assert.doesNotMatch(JSON.stringify(sr), /4111 1111|0101990710008/);
  assert.match(sr.summary, /^Случај [2-9A-Z]{4}-[2-9A-Z]{4} · Наплата/);
  // New Year's Eve 21:00 → billing is closed on 1 and 2 January (holidays) and Sunday
  // the 3rd: two working hours on Monday 4 January 2027.
  assert.equal(sr.reply.local, '2027-01-04T10:00+01:00');

  const sl = scenarios['sl-solved-rated-then-asked']();
  assert.equal(sl.satisfaction.solved, true);
  assert.equal(sl.satisfaction.rating, 4);
  assert.equal(sl.satisfaction.comment, 'Hitro, hvala. Geslo •••••• •••••• •••••• ••••••');
  assert.deepEqual(sl.redacted, ['password']);
});

test('every package the C++ unit tests made is valid against the schema', (t) => {
  const file = new URL('build/test-packages/catch2.jsonl', root);
  if (!existsSync(file)) {
    t.skip('run the Catch2 suite first (tools/test.sh does): build/test-packages/catch2.jsonl is missing');
    return;
  }
  const packages = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  assert.ok(packages.length >= 5, `only ${packages.length} packages`);
  for (const pkg of packages) {
    const check = pkg.kind === 'update' ? validateUpdate : validate;
    assert.equal(check(pkg), true, `${pkg.case_code}: ${JSON.stringify(check.errors)}`);
  }
  assert.ok(packages.some((p) => p.kind === 'update'), 'an update among them');
});

test('the schema refuses a damaged package', () => {
  const good = scenarios['en-no-internet-exhausted']();
  for (const [what, change] of [
    ['no summary', (p) => { delete p.summary; }],
    ['a case code with a look-alike letter', (p) => { p.case_code = 'O0IL-1234'; }],
    ['an unknown outcome', (p) => { p.alternatives[0].outcome = 'maybe'; }],
    ['an unknown field', (p) => { p.extra = 1; }],
    ['a wrong version', (p) => { p.version = 2; }],
  ]) {
    const broken = structuredClone(good);
    change(broken);
    assert.equal(validate(broken), false, what);
  }
});

test('reply times from the demo site.yaml: weekend, holiday and clock change', () => {
  const local = (r) => `${r.local.year}-${String(r.local.month).padStart(2, '0')}-${String(r.local.day).padStart(2, '0')} ${String(r.local.hour).padStart(2, '0')}:${String(r.local.minute).padStart(2, '0')}`;
  const reply = (team, channel, iso) => engine.replyTime(team, channel, at(iso));
  // Billing works Mon–Fri 08–20 and Sat 09–14. Friday 19:30 + 2 h → Saturday 10:30.
  assert.equal(local(reply('billing', 'webhook', '2026-12-04T19:30:00+01:00')), '2026-12-05 10:30');
  // Saturday 13:30 + 2 h → Monday 09:30 (Sunday closed).
  const monday = reply('billing', 'webhook', '2026-12-05T13:30:00+01:00');
  assert.equal(local(monday), '2026-12-07 09:30');
  assert.equal(monday.daysAhead, 2);
  // Accounts (Mon–Fri 09–17) on Thursday 10 November 2026 16:00: Armistice Day on the
  // 11th is a holiday, so 60 minutes on the 10th… 2 h → Thursday 12th 10:00.
  assert.equal(local(reply('accounts', 'webhook', '2026-11-10T16:00:00+01:00')), '2026-11-12 10:00');
  // Saturday 27 March 2027 13:30 (CET); clocks go forward on Sunday the 28th. Monday's
  // 09:30 is summer time: 07:30 UTC.
  const summer = reply('billing', 'webhook', '2027-03-27T13:30:00+01:00');
  assert.equal(local(summer), '2027-03-29 09:30');
  assert.equal(new Date(summer.dueAt).toISOString(), '2027-03-29T07:30:00.000Z');
  // E-mail promises a working day (8 h: 30 min Friday, 5 h Saturday, 2.5 h Monday);
  // download promises nothing.
  assert.equal(local(reply('billing', 'email', '2026-12-04T19:30:00+01:00')), '2026-12-07 10:30');
  assert.equal(reply('billing', 'download', '2026-12-04T19:30:00+01:00').dueAt, null);
  // A case with no team gets the slowest team's time.
  assert.equal(local(reply('', 'webhook', '2026-12-04T19:30:00+01:00')), local(reply('accounts', 'webhook', '2026-12-04T19:30:00+01:00')));
});

// The agent console reads every kind of timeline event the package may hold in words of
// its own, not as the raw type (agent.js describe(); its default shows the type name).
test('the console describes every kind of event the schema allows in a timeline', () => {
  const types = schema.properties.timeline.items.properties.type.enum;
  const source = readFileSync(new URL('web/agent.js', root), 'utf8');
  const body = source.slice(source.indexOf('function describe('), source.indexOf('default:', source.indexOf('function describe(')));
  const described = new Set([...body.matchAll(/case '(\w+)'/g)].map((m) => m[1]));
  assert.deepEqual(types.filter((type) => !described.has(type)), []);
  assert.deepEqual([...described].filter((type) => !types.includes(type)), [], 'described but not in the schema');
});
