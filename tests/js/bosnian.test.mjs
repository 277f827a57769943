// Bosnian is written in Bosnian, not copied from Croatian: a Bosnian string (widget or
// agent console, every plural form) may equal the Croatian one only when its catalogue
// (web/strings/*/bs.json) names it as shared, and keeps the Croatian one's placeholders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { strings } from '../../web/i18n.js';
import { agentStrings } from '../../web/agent-i18n.js';
import { catalogues as widgetOwn } from '../../web/strings/widget/index.js';
import { catalogues as consoleOwn } from '../../web/strings/console/index.js';

const catalogues = [
  { name: 'widget', hr: strings.hr, bs: strings.bs, shared: widgetOwn.bs._shared },
  { name: 'console', hr: agentStrings.hr, bs: agentStrings.bs, shared: consoleOwn.bs._shared },
];

// { results: { one: 'x' } } → [['results.one', 'x']]
const leaves = (o, prefix = '') => Object.entries(o).flatMap(([k, v]) =>
  (typeof v === 'string' ? [[prefix + k, v]] : leaves(v, `${prefix}${k}.`)));
const placeholders = (s) => (s.match(/\{\w+\}/g) ?? []).sort();

test('no Bosnian string equals the Croatian one unless the catalogue lists it as shared', () => {
  for (const { name, hr, bs, shared } of catalogues) {
    const bsText = new Map(leaves(bs));
    const copied = leaves(hr).filter(([key, text]) => bsText.get(key) === text && !shared.includes(key));
    assert.deepEqual(copied, [], `${name}: Bosnian strings copied from Croatian`);
  }
});

test('every key listed as shared with Croatian really is the Croatian text', () => {
  for (const { name, hr, bs, shared } of catalogues) {
    const hrText = new Map(leaves(hr));
    const bsText = new Map(leaves(bs));
    assert.equal(new Set(shared).size, shared.length, `${name}: a key is listed twice`);
    const stale = shared.filter((key) => !hrText.has(key) || bsText.get(key) !== hrText.get(key));
    assert.deepEqual(stale, [], `${name}: listed as shared but not the Croatian text (or no such key)`);
  }
});

test('Bosnian strings keep the placeholders and plural forms of the Croatian ones', () => {
  for (const { name, hr, bs } of catalogues) {
    for (const [key, value] of Object.entries(hr)) {
      if (typeof value !== 'string') {
        assert.deepEqual(Object.keys(bs[key]).sort(), Object.keys(value).sort(), `${name}: ${key}`);
      }
    }
    const bsText = new Map(leaves(bs));
    for (const [key, text] of leaves(hr)) {
      assert.equal(typeof bsText.get(key), 'string', `${name}: ${key} missing`);
      assert.deepEqual(placeholders(bsText.get(key)), placeholders(text), `${name}: ${key}`);
    }
  }
});

// Words of the Croatian standard that a Bosnian text says otherwise (nazad, ponovo,
// hiljada, sedmica, verzija, lozinka, server, tok, djelimično, niko, ko, januar…).
const croatianOnly = /\b(natrag|ponovno|tisuć\w*|tjedn?\w*|inačic\w+|zapork\w+|poslužitelj\w*|tijek\w*|djelomičn\w+|nitko|tko|siječnj\w*|veljač\w+|ožujk\w+|travnj\w+|svibnj\w+|lipnj\w+|srpnj\w+|kolovoz\w*|rujn\w+|listopad\w*|studenog\w*|prosinc\w+)\b/iu;

test('Bosnian strings use none of the Croatian-only words', () => {
  for (const { name, bs } of catalogues) {
    for (const [key, text] of leaves(bs)) assert.doesNotMatch(text, croatianOnly, `${name}: ${key}`);
  }
});

// bs.json inherits from hr.json: it holds the words Bosnian says its own way, and names
// the ones it shares. A word of its own that repeats the Croatian one is a copy.
test('bs.json holds only Bosnian words of its own, and names every one it takes from hr.json', () => {
  for (const name of ['widget', 'console']) {
    const read = (lang) => JSON.parse(readFileSync(new URL(`../../web/strings/${name}/${lang}.json`, import.meta.url), 'utf8'));
    const hr = new Map(leaves(read('hr')));
    const { _about: about, _inherits: parent, _shared: shared, ...own } = read('bs');
    assert.equal(parent, 'hr', `${name}: bs.json inherits from hr.json`);
    assert.match(about, /hr\.json/, `${name}: bs.json says where the rest comes from`);
    const repeated = leaves(own).filter(([key, text]) => hr.get(key) === text).map(([key]) => key);
    assert.deepEqual(repeated, [], `${name}: bs.json repeats the Croatian text`);
    const ownKeys = new Set(leaves(own).map(([key]) => key));
    const undecided = [...hr.keys()].filter((key) => !ownKeys.has(key) && !shared.includes(key));
    assert.deepEqual(undecided, [], `${name}: Croatian words Bosnian neither says its own way nor lists as shared`);
    assert.deepEqual(shared.filter((key) => ownKeys.has(key)), [], `${name}: listed as shared and given too`);
  }
});
