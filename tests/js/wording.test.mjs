// One name for the person from support, one way to address the customer
// (docs/language.md): each language calls that person one thing wherever a customer reads
// about them (widget, flows) and the console names them the same way; Croatian, Bosnian,
// Serbian and Slovenian write vi, vam, vaš in lower case unless a sentence starts with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { strings } from '../../web/i18n.js';
import { agentStrings } from '../../web/agent-i18n.js';

// { results: { one: 'x' } } → [['results.one', 'x']]
const leaves = (o, prefix = '') => Object.entries(o).flatMap(([k, v]) =>
  (typeof v === 'string' ? [[prefix + k, v]] : leaves(v, `${prefix}${k}.`)));

// A word as a whole word, diacritics included (\b knows only ASCII letters).
const word = (body) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'iu');
// The person who answers, but not the network operator (drugog operatera, mrežni operater).
const operatorAsPerson = (stem) => word(`(?<!(?:mobiln|mrežn|drug|svoj|izbor|odabir|izbir)\\p{L}*\\s)${stem}\\p{L}*`);

// The names a language does not use for the person from support. The noun only:
// osobni podaci, osobito, osebni dokument stay allowed. `console: false`: the agent
// console calls its own readers agents; `flows: false`: the flows speak of other
// operators' networks.
const others = {
  en: [
    { re: word('colleagues?|advis[eo]rs?|representatives?|staff member|some(?:one|body) from') },
    { re: word('(?<!(?:other|network|mobile|your) )operators?'), flows: false },
    { re: word('agents?'), console: false },
  ],
  hr: [
    { re: word('osob(?:a|e|i|u|om|o|ama)') },
    { re: word('koleg\\p{L}*|uposlenik\\p{L}*|zaposlenik\\p{L}*|savjetnik\\p{L}*|službenik\\p{L}*') },
    { re: operatorAsPerson('operater'), flows: false },
    { re: word('agent\\p{L}*'), console: false },
  ],
  bs: [
    { re: word('djelatni(?:k|ka|ku|kom|ci|ke|cima)') },
    { re: word('koleg\\p{L}*|uposlenik\\p{L}*|zaposlenik\\p{L}*|savjetnik\\p{L}*|službenik\\p{L}*') },
    { re: operatorAsPerson('operater'), flows: false },
    { re: word('agent\\p{L}*'), console: false },
  ],
  'sr-Latn': [
    { re: word('djelatni(?:k|ka|ku|kom|ci|ke|cima)|delatni(?:k|ka|ku|kom|ci|ke|cima)') },
    { re: word('koleg\\p{L}*|zaposlenik\\p{L}*|zaposleni|savetnik\\p{L}*|službenik\\p{L}*') },
    { re: operatorAsPerson('operater'), flows: false },
    { re: word('agent\\p{L}*'), console: false },
  ],
  sl: [
    { re: word('oseb(?:a|e|i|o|am|ah|ami)?') },
    { re: word('sodelav\\p{L}*|uslužben\\p{L}*|koleg\\p{L}*') },
    { re: operatorAsPerson('operater'), flows: false },
    { re: word('agent\\p{L}*'), console: false },
  ],
};

const catalogues = [
  { name: 'widget', words: strings, console: false },
  { name: 'console', words: agentStrings, console: true },
];

test('each language has one name for the person from support', () => {
  for (const [lang, list] of Object.entries(others)) {
    for (const { name, words, console } of catalogues) {
      for (const [key, text] of leaves(words[lang])) {
        for (const { re, console: inConsole = true } of list) {
          if (console && !inConsole) continue;
          assert.doesNotMatch(text, re, `${name} ${lang} ${key}`);
        }
      }
    }
  }
});

// Vi, Vas, Vam, Vama, Vaš… (and in Cyrillic) with a capital: allowed where a sentence
// starts, or right after an opening quote or bracket (a label or title quoted as written).
const capital = /(?<![\p{L}\p{N}])(?:Vi|Vas|Vam|Vama|Vaš\p{L}*|Ви|Вас|Вам|Вама|Ваш\p{L}*)(?![\p{L}\p{N}])/gu;
const capitalsMidSentence = (text) => [...text.matchAll(capital)].filter(({ index }) => {
  if (/[„“"»«([]/u.test(text[index - 1] ?? '')) return false;
  const before = text.slice(0, index).trimEnd();
  return before !== '' && !/[.!?…]["”“»«)]?$/u.test(before);
}).map(([found]) => found);

test('Croatian, Bosnian, Serbian and Slovenian write vi, vam, vaš in lower case inside a sentence', () => {
  for (const lang of ['hr', 'bs', 'sr-Latn', 'sr-Cyrl', 'sl']) {
    for (const { name, words } of catalogues) {
      for (const [key, text] of leaves(words[lang])) {
        assert.deepEqual(capitalsMidSentence(text), [], `${name} ${lang} ${key}: ${text}`);
      }
    }
  }
  // The rule itself: the start of a sentence and a quoted label keep their capital.
  assert.deepEqual(capitalsMidSentence('Vaš slučaj je spremljen. Vaše ime nije obavezno.'), []);
  assert.deepEqual(capitalsMidSentence('Otvorite „Vaši slučajevi”.'), []);
  assert.deepEqual(capitalsMidSentence('Hvala Vam na ocjeni.'), ['Vam']);
  assert.deepEqual(capitalsMidSentence('Радило је: Ваш случај.'), ['Ваш']);
});

// The flows' texts by language, read as text: `<lang>: text`, or a list below `<lang>:`.
// The symptoms are what customers type, not what they read, and are left out.
function flowTexts(file) {
  const texts = [];
  let field = '';
  let lang = null;
  let langIndent = -1;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const indent = line.search(/\S/);
    if (indent < 0) continue;
    const langLine = line.match(/^(\s*)(en|sr|hr|bs|sl):\s*(.*)$/);
    if (langLine) {
      [lang, langIndent] = [langLine[2], langLine[1].length];
      if (langLine[3] && field !== 'symptoms') texts.push([lang, langLine[3]]);
      continue;
    }
    if (lang && indent > langIndent) {
      if (field !== 'symptoms') texts.push([lang, line.trim()]);
      continue;
    }
    lang = null;
    const key = line.match(/^\s*(?:- )?([a-z_]+):/);
    if (key) field = key[1];
  }
  return texts;
}

test('the flows call the person from support what the widget calls them', () => {
  const folder = new URL('../../knowledge-base/flows/', import.meta.url);
  const byLang = { en: others.en, hr: others.hr, bs: others.bs, sr: others['sr-Latn'], sl: others.sl };
  let slovenian = 0;
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.yaml'))) {
    for (const [lang, text] of flowTexts(new URL(name, folder))) {
      if (lang === 'sl') slovenian += 1;
      for (const { re, flows = true } of byLang[lang] ?? []) {
        if (!flows) continue;
        assert.doesNotMatch(text, re, `${name} ${lang}: ${text}`);
      }
    }
  }
  assert.ok(slovenian > 100, 'the Slovenian flow texts were read');
  // The handoffs themselves use the name.
  const handoffs = flowTexts(new URL('wrong-item-fix.yaml', folder));
  assert.ok(handoffs.some(([lang, text]) => lang === 'sl' && /^Svetovalec /.test(text)));
  assert.ok(handoffs.some(([lang, text]) => lang === 'hr' && /^Djelatnik /.test(text)));
});

test('articles and flows write vi, vam, vaš in lower case inside a sentence too', () => {
  const root = new URL('../../knowledge-base/', import.meta.url);
  const wrong = [];
  for (const name of readdirSync(new URL('flows/', root)).filter((f) => f.endsWith('.yaml'))) {
    for (const [lang, text] of flowTexts(new URL(`flows/${name}`, root))) {
      if (lang !== 'en' && capitalsMidSentence(text).length) wrong.push(`${name} ${lang}: ${text}`);
    }
  }
  const articles = new URL('articles/', root);
  for (const entry of readdirSync(articles, { recursive: true })) {
    if (!/\.(sr|hr|bs|sl)\.md$/.test(entry)) continue;
    for (const line of readFileSync(new URL(entry, articles), 'utf8').split('\n')) {
      // A list item, heading or title starts a sentence after its marker.
      const text = line.replace(/^\s*(?:[-*]|\d+\.|#+|title:)\s+/, '').replace(/\*\*/g, '');
      if (capitalsMidSentence(text).length) wrong.push(`${entry}: ${line}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test("a team's name stands in quotes after 'tima'/'ekipe', and without one the sentence names our support", () => {
  // "Osoba iz tima Tehnička podrška" puts a name in the nominative where the sentence asks
  // for the genitive; quoted, a name keeps its own form. With no team's name, a sentence
  // of its own ("osoba iz naše podrške"), never a name-shaped fallback ("tima podrška").
  for (const [lang, catalogue] of Object.entries(strings)) {
    const all = leaves(catalogue);
    for (const [key, text] of all) {
      if (!text.includes('{team}')) continue;
      // Croatian closes a quotation with ” („…”), the others with “ („…“).
      if (lang !== 'en') assert.match(text, lang === 'hr' ? /„\{team\}”/ : /„\{team\}“/, `${lang} ${key}: ${text}`);
      if (!key.startsWith('handoff')) continue;
      const anyone = all.find(([k]) => k === `${key}Anyone`);
      assert.ok(anyone, `${lang}: ${key} has no ${key}Anyone`);
      assert.doesNotMatch(anyone[1], /\{team\}/, `${lang} ${key}Anyone`);
    }
  }
});
