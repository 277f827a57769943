/*
 * Every customer-facing string of the widget, in every supported language, and the
 * functions that put them together. Core returns error codes only; the words customers
 * read live in web/strings/widget/.
 */
// The words themselves are data (web/strings/widget/<language>.json), so that whoever
// looks after a language edits them without touching code; tools/site.sh bundles them.
// Serbian is written once, in Latin (sr-Latn.json); sr-Cyrl.json is made from it by the
// engine's own transliteration (node tools/cyrillic-strings.mjs; a test checks it).
// A catalogue may inherit another's words ("_inherits": Bosnian from Croatian) and hold
// only its own, naming the ones it takes ("_shared"). strings/widget/index.js imports one
// catalogue per language of the table (tools/language-module.sh writes it).
import { catalogues } from './strings/widget/index.js';
import { dateLanguagesOf, fallbackOf, pickLanguage, reflexOf, sourceOf } from './language-pick.js';
import { languageTable } from './languages.js';

export { pickLanguage };

// The content languages (web/languages.js, made from the core's table), each named in
// itself for the language menu.
export const languages = languageTable.map(({ code, autonym }) => ({ code, name: autonym }));

// A catalogue that inherits from another: the parent's words, but for those it gives
// itself (plural forms and language names one by one). Its own keys that start with "_"
// say things about it, not to customers.
export function inherited(parent, own) {
  const words = structuredClone(parent);
  for (const [key, value] of Object.entries(own)) {
    if (key.startsWith('_')) continue;
    words[key] = typeof value === 'object' ? { ...words[key], ...value } : value;
  }
  return words;
}

// Each language's words, its parent's filled in (one level: a parent inherits nothing).
export function resolveCatalogues(own) {
  return Object.fromEntries(Object.entries(own).map(([code, words]) =>
    [code, words._inherits ? inherited(own[words._inherits], words) : words]));
}

export const strings = resolveCatalogues(catalogues);
// English's words stand in for any a catalogue lacks.
const base = strings.en;

// The languages the widget offers: those site.yaml lists (sr in both scripts), and one
// whose catalogue inherits from one that is listed (Bosnian's readers get Croatian
// texts where there is no Bosnian one); every one when it lists none.
export function offeredLanguages(siteLanguages) {
  if (!Array.isArray(siteLanguages) || siteLanguages.length === 0) return languages;
  const listed = new Set(siteLanguages.map(sourceOf));
  const shown = languages.filter(({ code }) => listed.has(sourceOf(code)) || listed.has(catalogues[code]._inherits));
  return shown.length ? shown : languages;
}

// pickLanguage() among the languages offered: the nearest of them by its fallback chain.
export function pickOffered(tag, offered = languages) {
  const has = (code) => offered.some((l) => l.code === code);
  return fallbackOf(pickLanguage(tag)).find(has) ?? offered[0].code;
}

// "(na srpskom)": the language a result is written in, when it is not the reader's
// (an article that has no version in it), in the reader's words; '' when it is.
export function inLanguage(lang, contentLang = '') {
  if (!contentLang || sourceOf(contentLang) === sourceOf(lang)) return '';
  return (strings[lang]?.inLanguage ?? base.inLanguage)[sourceOf(contentLang)] ?? '';
}

export function t(lang, key, values = {}) {
  const s = strings[lang]?.[key] ?? base[key];
  return s.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

// Plural forms via Intl.PluralRules (one / two / few / other by language).
export function plural(lang, key, count) {
  const forms = strings[lang]?.[key] ?? base[key];
  const rule = new Intl.PluralRules(sourceOf(lang)).select(count);
  return (forms[rule] ?? forms.other).replace('{count}', String(count));
}

// The company's contact line in the reader's words, from site.yaml (site.js): "Call 01 234
// 5678 (free, every day 08:00–20:00) or write to help@…". '' when site.yaml gives
// neither a phone nor an e-mail address.
// With the teams' time zone (site.yaml) the hours are named in it when the reader's clock
// is not (a customer abroad): "(every day 08:00–20:00, Central European Time)". Outside
// the hours, and on the teams' holidays (site.yaml, "2026-01-07"), it adds "closed now".
export function contactLine(lang, company = {}, zone = '', now = Date.now(), holidays = []) {
  const call = company.phone ? t(lang, 'callUs', { phone: company.phone }) + phoneWhen(lang, company, zone, now, holidays) : '';
  const write = company.email ? t(lang, 'writeUs', { email: company.email }) : '';
  if (!call && !write) return '';
  return capitalized(call && write ? t(lang, 'contact', { call, write }) : `${call || write}.`);
}

// "call 01 234 5678" or "write to help@…", to go inside a sentence (replyOverdue).
export function reachLine(lang, company = {}) {
  if (company.phone) return lowercased(t(lang, 'callUs', { phone: company.phone }));
  if (company.email) return t(lang, 'writeUs', { email: company.email });
  return t(lang, 'writeAgain');
}

function capitalized(text) {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function lowercased(text) {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

// " (free, every day 08:00–20:00)", " (Mon–Fri 08:00–20:00, Sat 09:00–14:00)" or ''.
function phoneWhen(lang, company, zone, now, holidays) {
  const hours = weekText(lang, company.phone_hours);
  const teams = zone ? zoneOffset(zone, now) : NaN;
  const elsewhere = hours && Number.isFinite(teams) && teams !== -new Date(now).getTimezoneOffset();
  const parts = [company.phone_free ? t(lang, 'phoneFree') : '', hours,
    elsewhere ? zoneName(lang, zone, { at: now, generic: true }) : '',
    hours && closedNow(company.phone_hours, zone, now, holidays) ? t(lang, 'phoneClosedNow') : ''];
  // The number that answers from another country, after the hours (a free number often
  // does not): "(free, every day 08:00–20:00; from abroad +386 1 234 5678)".
  const abroad = company.phone_abroad ? t(lang, 'phoneAbroad', { phone: company.phone_abroad }) : '';
  const said = [parts.filter(Boolean).join(', '), abroad].filter(Boolean).join('; ');
  return said ? ` (${said})` : '';
}

// Days with the same hours, Monday first, as one range each; weekday names from Intl.
const weekOrder = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

// Whether the line's hours (site.yaml phone_hours) leave it shut at `now` on the teams'
// clock, or it is one of their holidays ("2026-01-07"); false when that clock is unknown
// (no zone), so nothing is said then.
export function closedNow(week, zone, now, holidays = []) {
  const offset = zone ? zoneOffset(zone, now) : NaN;
  if (!Number.isFinite(offset) || !week || typeof week !== 'object') return false;
  const local = new Date(now + offset * 60000);
  if (Array.isArray(holidays) && holidays.includes(local.toISOString().slice(0, 10))) return true;
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  const today = week[weekOrder[(local.getUTCDay() + 6) % 7]];
  const toMinutes = (time) => {
    const [h, m] = String(time).split(':').map(Number);
    return h * 60 + (m || 0);
  };
  return !(Array.isArray(today) ? today : []).some((span) => {
    const [from, to] = String(span).split('-').map(toMinutes);
    return minutes >= from && minutes < to;  // kbc refuses a span that ends before it starts
  });
}
function weekText(lang, week) {
  if (!week || typeof week !== 'object') return '';
  const spans = weekOrder.map((day) => (Array.isArray(week[day]) ? week[day] : [])
    .map((span) => String(span).split('-').map((time) => timeText(lang, time)).join('–')).join(', '));
  const groups = [];
  spans.forEach((span, day) => {
    const last = groups[groups.length - 1];
    if (last && last.span === span && last.to === day - 1) last.to = day;
    else groups.push({ from: day, to: day, span });
  });
  const open = groups.filter((g) => g.span);
  if (open.length === 1 && open[0].from === 0 && open[0].to === 6) return `${t(lang, 'everyDay')} ${open[0].span}`;
  const name = weekdayName(lang);
  return open.map((g) => `${g.from === g.to ? name(g.from) : `${name(g.from)}–${name(g.to)}`} ${g.span}`).join(', ');
}

// The locale to give Intl for dates in the reader's language: their own when the browser
// has its month names, else the nearest that it has.
const dateLocales = new Map();  // probed once per language: formatting a date is hot in lists
export function dateLocale(lang) {
  if (!dateLocales.has(lang)) {
    const january = Date.UTC(2024, 0, 15);
    const named = (locale) => !/\bM0?1\b|^\d/.test(new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(january));
    // The languages whose date and unit names stand in when a browser has none for the
    // reader's (Chromium has none for Bosnian: "2026 M12 6", "Mon"), nearest first.
    dateLocales.set(lang, dateLanguagesOf(lang).find(named) ?? lang);
  }
  return dateLocales.get(lang);
}

// Items joined as the language joins a list ("a card number and a password"), from Intl.
export function listText(lang, items) {
  return new Intl.ListFormat(dateLocale(lang), { type: 'conjunction' }).format(items);
}

// Short weekday names (0 = Monday) in the reader's language, from Intl. A browser may
// answer for a language it has no names for with the English ones (Chromium for bs): the
// nearest language that has them is used then.
function weekdayName(lang) {
  const monday = Date.UTC(2024, 0, 1);  // 1 January 2024
  const formatOf = (locale) => new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const english = formatOf('en').format(monday);
  const wanted = dateLanguagesOf(lang);
  const format = wanted.map(formatOf).find((f) => lang === 'en' || f.format(monday) !== english) ?? formatOf('en');
  return (day) => format.format(monday + day * 86400000);
}

// A time zone as the reader names it ("Central European Standard Time", "средњеевропско
// стандардно време"; generic, for hours that hold in summer and winter: "Central European
// Time"), not its code (Europe/Belgrade), which is Latin on a Cyrillic screen; the code
// only where the browser knows no name.
export function zoneName(lang, zone, { at = Date.now(), generic = false } = {}) {
  const named = (style) => new Intl.DateTimeFormat(dateLocale(lang), { timeZone: zone, timeZoneName: style })
    .formatToParts(new Date(at)).find((part) => part.type === 'timeZoneName')?.value;
  let name;
  try {
    name = named('long');
    if (generic) name = named('longGeneric') ?? name;
  } catch {
    // An unknown zone, or a browser without generic names: what was found, else the code.
  }
  if (!name || /^GMT[+-]/u.test(name)) return zone;
  name = withReflex(name, dateLocale(lang), lang);
  // In a sentence other languages than English write it in small letters.
  return lang === 'en' ? name : name.charAt(0).toLocaleLowerCase(dateLocale(lang)) + name.slice(1);
}

// The words of a time zone's name that an ekavian language writes otherwise than an
// ijekavian one. A browser without Bosnian names the zone in Serbian ("srednjeevropsko
// letnje vreme"); a Bosnian reader reads it with the ijekavian forms ("… ljetno vrijeme").
const ijekavianWords = new Map([['vreme', 'vrijeme'], ['letnje', 'ljetno'], ['Vreme', 'Vrijeme'], ['Letnje', 'Ljetno']]);

export function withReflex(name, from, to) {
  if (reflexOf(from) !== 'ekavian' || reflexOf(to) !== 'ijekavian') return name;
  return name.replace(/\p{L}+/gu, (word) => ijekavianWords.get(word) ?? word);
}

// Minutes a time zone is ahead of UTC at a moment (ms); NaN for a zone Intl does not know.
export function zoneOffset(zone, at) {
  try {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    }).formatToParts(new Date(at)).map((part) => [part.type, Number(part.value)]));
    const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
    return Math.round((local - Math.floor(at / 60000) * 60000) / 60000);
  } catch {
    return NaN;
  }
}

// A time of site.yaml ("08:00") as the reader writes it: Slovenian "8.00".
export function timeText(lang, time) {
  return lang === 'sl' ? time.replace(/^0(?=\d)/, '').replace(':', '.') : time;
}
