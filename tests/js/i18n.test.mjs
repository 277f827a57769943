// Every customer-facing string exists in every supported language, and Serbian Cyrillic
// is really Cyrillic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as i18n from '../../web/i18n.js';

test('every language has every string the English text has', () => {
  const keys = Object.keys(i18n.strings.en).sort();
  for (const { code } of i18n.languages) {
    assert.deepEqual(Object.keys(i18n.strings[code]).sort(), keys, code);
  }
});

test('Serbian Cyrillic strings hold no Latin letters outside addresses, placeholders and foreign acronyms', () => {
  const flat = (o) => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : flat(v)));
  for (const s of flat(i18n.strings['sr-Cyrl'])) {
    const outside = s.replace(/\S+@\S+|\{\w+\}|\b(IBAN|SIM|PIN|PUK|SMS|USB|PDF)\b/g, '');
    assert.doesNotMatch(outside, /[A-Za-zčćđšž]/, s);
  }
  // A Serbian acronym is Cyrillic like its sentence.
  assert.match(i18n.strings['sr-Cyrl'].redacted_jmbg, /^ЈМБГ$/);
});

test('the Cyrillic catalogues are what the engine\'s transliteration makes of the Latin ones', async () => {
  // The same rules as the Cyrillic articles (core/text/transliterate.hpp): after editing
  // a sr-Latn.json, node tools/cyrillic-strings.mjs writes its sr-Cyrl.json.
  const { cyrillicCatalogues } = await import('../../tools/cyrillic-strings.mjs');
  for (const { file, text } of await cyrillicCatalogues()) {
    assert.equal(readFileSync(file, 'utf8'), text, `${file}: run node tools/cyrillic-strings.mjs`);
  }
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
  assert.equal(i18n.pickLanguage('SR_latn'), 'sr-Latn');
  assert.equal(i18n.pickLanguage('bs-BA'), 'bs');
  assert.equal(i18n.pickLanguage(''), 'en');
});

test('among the languages a site offers, the nearest by the fallback order of the table', () => {
  const offered = (...codes) => codes.map((code) => ({ code }));
  // A Croatian reader on a site in English and Serbian reads Serbian; a Slovenian one
  // on a site in English and Croatian reads Croatian; a Bosnian one Croatian before Serbian.
  assert.equal(i18n.pickOffered('hr-HR', offered('en', 'sr-Latn')), 'sr-Latn');
  assert.equal(i18n.pickOffered('sl-SI', offered('en', 'hr')), 'hr');
  assert.equal(i18n.pickOffered('bs', offered('sr-Latn', 'hr')), 'hr');
  assert.equal(i18n.pickOffered('sr-Cyrl', offered('en', 'sr-Latn')), 'sr-Latn');
  assert.equal(i18n.pickOffered('de', offered('sl', 'hr')), 'hr');
  // Bosnian is offered where Croatian is (its readers get Croatian texts).
  assert.deepEqual(i18n.offeredLanguages(['hr', 'en']).map((l) => l.code), ['en', 'hr', 'bs']);
  assert.deepEqual(i18n.offeredLanguages(['sr']).map((l) => l.code), ['sr-Latn', 'sr-Cyrl']);
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
  // Names stay as they are in every script (the company's comes from site.yaml: in the
  // sources, a neutral site.js without one).
  assert.equal(ta('sr-Cyrl', 'brand', { company: 'SavaNova' }), 'SavaNova · Конзола за агенте');
  assert.equal(ta('sl', 'notCase', { source: 'x.json', problem: 'ni predmet JSON', company: 'SavaNova' }), 'x.json ni primer SavaNova: ni predmet JSON.');
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

test('the contact line is made from site.yaml\'s company in every language, with its hours', () => {
  const company = {
    phone: '01 234 5678', phone_free: true, email: 'help@example.com',
    phone_hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, ['08:00-16:00']]).concat([['sat', ['09:00-12:00']]])),
  };
  assert.equal(i18n.contactLine('en', company), 'Call 01 234 5678 (free, Mon–Fri 08:00–16:00, Sat 09:00–12:00) or write to help@example.com.');
  assert.equal(i18n.contactLine('sl', company), 'Pokličite 01 234 5678 (brezplačno, pon.–pet. 8.00–16.00, sob. 9.00–12.00) ali pišite na help@example.com.');
  // The same hours every day: "every day"; the e-mail address stays Latin in Cyrillic.
  const daily = { phone: '0800 1', email: 'pomoc@example.rs', phone_hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ['07:00-23:00']])) };
  assert.equal(i18n.contactLine('sr-Cyrl', daily), 'Позовите 0800 1 (сваког дана 07:00–23:00) или пишите на pomoc@example.rs.');
  assert.equal(i18n.contactLine('hr', daily), 'Nazovite 0800 1 (svaki dan 07:00–23:00) ili pišite na pomoc@example.rs.');
  // A free number often does not answer a call from abroad: the one that does, beside it.
  const roaming = { ...company, phone_abroad: '+381 11 400 2000' };
  assert.equal(i18n.contactLine('en', roaming), 'Call 01 234 5678 (free, Mon–Fri 08:00–16:00, Sat 09:00–12:00; from abroad +381 11 400 2000) or write to help@example.com.');
  assert.equal(i18n.contactLine('bs', { phone: '0800 1', phone_abroad: '+387 33 1' }), 'Pozovite 0800 1 (iz inostranstva +387 33 1).');
  assert.equal(i18n.contactLine('sr-Cyrl', { phone: '0800 1', phone_abroad: '+381 11 1' }), 'Позовите 0800 1 (из иностранства +381 11 1).');
  // The hours are the teams' clock: named when the reader's is another (a customer abroad),
  // in the reader's language and script, never the zone's code.
  // The reader's clock in Belgrade, whatever this machine's zone (Kiritimati's is named
  // only to a reader elsewhere).
  const machineZone = process.env.TZ;
  process.env.TZ = 'Europe/Belgrade';
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Noon on this machine's clock, whatever its zone (the line is open then).
  const december = Date.UTC(2026, 11, 7, 12) - i18n.zoneOffset(own, Date.UTC(2026, 11, 7, 12)) * 60000;
  assert.equal(i18n.contactLine('hr', daily, own, december), 'Nazovite 0800 1 (svaki dan 07:00–23:00) ili pišite na pomoc@example.rs.');
  // Noon UTC is two in the morning on Kiritimati (UTC+14): the line is shut there, and
  // says so.
  const utcNoon = Date.UTC(2026, 11, 7, 12);
  assert.match(i18n.contactLine('en', daily, 'Pacific/Kiritimati', utcNoon), /^Call 0800 1 \(every day 07:00–23:00(, Line Islands Time)?, closed now\) or write to pomoc@example\.rs\.$/);
  const kiritimatiNoon = Date.UTC(2026, 11, 6, 22);
  assert.match(i18n.contactLine('en', daily, 'Pacific/Kiritimati', kiritimatiNoon), /^Call 0800 1 \(every day 07:00–23:00(, Line Islands Time)?\) or/);
  const abroad = i18n.contactLine('sr-Cyrl', daily, 'Pacific/Kiritimati', kiritimatiNoon);
  assert.match(abroad, /^Позовите 0800 1 \(сваког дана 07:00–23:00, [\p{Script=Cyrillic} ]+\) или/u);
  assert.equal(i18n.contactLine('en', daily, 'Nowhere/Atlantis', december), 'Call 0800 1 (every day 07:00–23:00) or write to pomoc@example.rs.');
  // Shut by the teams' clock, in every language; open again: nothing said.
  const belgrade = 'Europe/Belgrade';
  const night = Date.UTC(2026, 11, 7, 22, 30);  // 23:30 in Belgrade
  const weekdays = { phone: '0800 1', phone_hours: { mon: ['08:00-16:00'], tue: ['08:00-16:00'], sat: ['18:00-24:00'] } };
  assert.match(i18n.contactLine('sr-Latn', weekdays, belgrade, night), /, trenutno van radnog vremena\)\.$/);
  assert.match(i18n.contactLine('sl', weekdays, belgrade, night), /, trenutno zunaj delovnega časa\)\.$/);
  assert.doesNotMatch(i18n.contactLine('en', weekdays, belgrade, Date.UTC(2026, 11, 7, 9)), /closed/);  // Monday 10:00
  assert.doesNotMatch(i18n.contactLine('en', weekdays, belgrade, Date.UTC(2026, 11, 12, 22, 30)), /closed/);  // Saturday 23:30
  assert.match(i18n.contactLine('en', weekdays, belgrade, Date.UTC(2026, 11, 9, 9)), /closed now/);  // Wednesday: none
  // A holiday of the teams (site.yaml) shuts the line within its hours, by the teams' date:
  // Monday 7 December 00:30 in Belgrade is still Sunday 23:30 by UTC.
  const holidays = ['2026-12-07'];
  assert.match(i18n.contactLine('en', weekdays, belgrade, Date.UTC(2026, 11, 7, 9), holidays), /, closed now\)\.$/);
  assert.doesNotMatch(i18n.contactLine('en', weekdays, belgrade, Date.UTC(2026, 11, 8, 9), holidays), /closed/);  // Tuesday
  assert.equal(i18n.closedNow({ mon: ['00:00-24:00'], sun: ['00:00-24:00'] }, belgrade, Date.UTC(2026, 11, 6, 23, 30), holidays), true);
  assert.equal(i18n.closedNow({ mon: ['00:00-24:00'], sun: ['00:00-24:00'] }, belgrade, Date.UTC(2026, 11, 6, 22, 30), holidays), false);
  // Without the teams' clock nothing is said about now.
  assert.doesNotMatch(i18n.contactLine('en', weekdays, '', night), /closed/);
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
  // Only one way to reach the company, or none.
  assert.equal(i18n.contactLine('bs', { email: 'a@b.ba' }), 'Pišite na a@b.ba.');
  assert.equal(i18n.contactLine('en', { phone: '123' }), 'Call 123.');
  assert.equal(i18n.contactLine('en', {}), '');
  // Inside the overdue-reply sentence.
  assert.match(i18n.t('sl', 'replyOverdue', { code: 'K7PM', reach: i18n.reachLine('sl', daily) }), /, pokličite 0800 1 in navedite K7PM\./);
  assert.match(i18n.t('hr', 'replyOverdue', { code: 'K7PM', reach: i18n.reachLine('hr', {}) }), /Ako nitko nije, pišite nam ponovno i navedite K7PM\./);
  // No company's name, phone or address is written in the strings themselves.
  for (const [code, strings] of Object.entries(i18n.strings)) {
    assert.doesNotMatch(JSON.stringify(strings), /0800|savanova/i, code);
  }
});

test('a time zone named in Serbian for a Bosnian reader (no Bosnian in the browser) takes the ijekavian forms', () => {
  assert.equal(i18n.withReflex('Srednjeevropsko letnje vreme', 'sr-Latn', 'bs'), 'Srednjeevropsko ljetno vrijeme');
  assert.equal(i18n.withReflex('srednjeevropsko vreme', 'sr-Latn', 'bs'), 'srednjeevropsko vrijeme');
  // In its own language, or from a language that writes ije already: as it is.
  assert.equal(i18n.withReflex('Srednjeevropsko letnje vreme', 'sr-Latn', 'sr-Latn'), 'Srednjeevropsko letnje vreme');
  assert.equal(i18n.withReflex('srednjoeuropsko ljetno vrijeme', 'hr', 'bs'), 'srednjoeuropsko ljetno vrijeme');
  assert.equal(i18n.withReflex('Central European Time', 'en', 'bs'), 'Central European Time');
});
