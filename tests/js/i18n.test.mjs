// Every customer-facing string exists in every supported language, and Serbian Cyrillic
// is really Cyrillic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../../web/i18n.js', import.meta.url), 'utf8');
const i18n = await import(`data:text/javascript,${encodeURIComponent(source)}`);

test('every language has every string the English text has', () => {
  const keys = Object.keys(i18n.strings.en).sort();
  for (const { code } of i18n.languages) {
    assert.deepEqual(Object.keys(i18n.strings[code]).sort(), keys, code);
  }
});

test('Serbian Cyrillic strings hold no Latin letters outside addresses and placeholders', () => {
  const flat = (o) => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : flat(v)));
  for (const s of flat(i18n.strings['sr-Cyrl'])) {
    const outside = s.replace(/\S+@\S+|\{\w+\}/g, '');
    assert.doesNotMatch(outside, /[A-Za-zčćđšž]/, s);
  }
  assert.equal(i18n.serbianToCyrillic('Ljubljana, NJIVA, džep, Đorđe'), 'Љубљана, ЊИВА, џеп, Ђорђе');
});

test('plural forms follow each language', () => {
  assert.equal(i18n.plural('sr-Latn', 'results', 1), 'Pronađen je 1 članak');
  assert.equal(i18n.plural('sr-Latn', 'results', 3), 'Pronađena su 3 članka');
  assert.equal(i18n.plural('sr-Latn', 'results', 5), 'Pronađeno je 5 članaka');
  assert.equal(i18n.plural('sl', 'results', 2), 'Najdena sta 2 članka');
  assert.equal(i18n.plural('en', 'results', 2), '2 articles found');
});

test('the browser language picks the closest supported language', () => {
  assert.equal(i18n.pickLanguage('sr-Cyrl-RS'), 'sr-Cyrl');
  assert.equal(i18n.pickLanguage('sr'), 'sr-Latn');
  assert.equal(i18n.pickLanguage('hr-HR'), 'hr');
  assert.equal(i18n.pickLanguage('sl'), 'sl');
  assert.equal(i18n.pickLanguage('de-DE'), 'en');
});

test('the agent console has every word in every language, Serbian Cyrillic in Cyrillic', async () => {
  const { agentStrings, ta } = await import('../../web/agent-i18n.js');
  const keys = Object.keys(agentStrings.en).sort();
  for (const { code } of i18n.languages) {
    assert.deepEqual(Object.keys(agentStrings[code]).sort(), keys, code);
  }
  for (const s of Object.values(agentStrings['sr-Cyrl'])) {
    assert.doesNotMatch(s.replace(/\{\w+\}|\(\.json\)/g, ''), /[A-Za-zčćđšž]/, s);
  }
  // Names stay as they are in every script.
  assert.equal(ta('sr-Cyrl', 'brand'), 'SavaNova · Конзола за агенте');
  assert.equal(ta('sl', 'notCase', { source: 'x.json', problem: 'ni predmet JSON' }), 'x.json ni primer SavaNova: ni predmet JSON.');
});

test('a result in another language than the reader\'s says which, in the reader\'s words', () => {
  assert.equal(i18n.inLanguage('hr', 'sr-Latn'), 'na srpskom');
  assert.equal(i18n.inLanguage('sl', 'hr'), 'v hrvaščini');
  assert.equal(i18n.inLanguage('en', 'sl'), 'in Slovenian');
  assert.equal(i18n.inLanguage('sr-Cyrl', 'hr'), 'на хрватском');
  assert.equal(i18n.inLanguage('sr-Cyrl', 'sr-Latn'), '', 'the other script is the same language');
  assert.equal(i18n.inLanguage('bs', 'bs'), '');
  assert.equal(i18n.inLanguage('bs', ''), '');
});
