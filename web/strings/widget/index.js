// Made by tools/language-module.sh (tools/language-files.mjs) from web/languages.js:
// every language's catalogue, in the table's order. Do not edit: a language is a row of
// core/common/language_table.inc and its <code>.json in this folder.
import c0 from './en.json' with { type: 'json' };
import c1 from './sr-Latn.json' with { type: 'json' };
import c2 from './sr-Cyrl.json' with { type: 'json' };
import c3 from './hr.json' with { type: 'json' };
import c4 from './bs.json' with { type: 'json' };
import c5 from './sl.json' with { type: 'json' };

export const catalogues = {
  "en": c0,
  "sr-Latn": c1,
  "sr-Cyrl": c2,
  "hr": c3,
  "bs": c4,
  "sl": c5,
};
