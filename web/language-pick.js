// What the page knows about a content language, read from the core's language table
// (web/languages.js, made by kbc from core/common/language_table.inc): no other file of
// the page lists the languages. Small, so the demo page can take it without the catalogues.
import { languageTable } from './languages.js';

// The language every text has, and what an unknown one is read as: the table's first.
export const baseLanguage = languageTable[0].code;

const row = (code) => languageTable.find((l) => l.code === code);

// The name authors give the language a code is written in, whatever its script
// ("sr-Cyrl" and "sr-Latn" → "sr"), as site.yaml lists languages; anything else as it is.
export function sourceOf(code) {
  const l = row(code);
  return l ? (l.madeFrom ? row(l.madeFrom).source : l.source) : code;
}

// The language itself, then the closest ones (the first language's chain for an unknown
// one).
export function fallbackOf(code) {
  return (row(code) ?? row(baseLanguage)).fallback;
}

// The languages whose month and day names a date in this one is written with, nearest
// first (itself first; Bosnian: then Serbian Latin, Croatian).
export function dateLanguagesOf(code) {
  return row(code)?.dates ?? [code];
}

// How a language writes the old yat vowel: "ekavian" (Serbian "vreme"), "ijekavian"
// (Croatian and Bosnian "vrijeme"), or "" (a language without it).
export function reflexOf(code) {
  return row(code)?.reflex ?? '';
}

// The script a language is written in, ISO 15924 ("Latn", "Cyrl"); the first language's
// for an unknown one.
export function scriptOf(code) {
  return (row(code) ?? row(baseLanguage)).script;
}

// The language the table writes in Cyrillic: Cyrillic words are read in it.
export const cyrillicLanguage = languageTable.find((l) => l.script === 'Cyrl')?.code ?? baseLanguage;

// The content language for a browser language tag: the row of its language (by the name
// authors write), in the script the tag names, else the one authors write.
export function pickLanguage(tag = '') {
  const [primary = '', ...subtags] = String(tag).toLowerCase().split(/[-_]/);
  const rows = languageTable.filter((l) => sourceOf(l.code) === primary);
  const script = subtags.find((subtag) => subtag.length === 4);
  const picked = rows.find((l) => l.script.toLowerCase() === script) ?? rows.find((l) => !l.madeFrom);
  return picked?.code ?? baseLanguage;
}
