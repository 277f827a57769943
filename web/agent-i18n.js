/*
 * The agent console's own words, in every language the help center supports (agents in
 * each country read their own): web/strings/console/<language>.json. Serbian is written
 * once in Latin; its Cyrillic catalogue is made from it, as for the customer's strings. Case data
 * is shown as the customer wrote it.
 */
import { inherited } from './i18n.js';
import en from './strings/console/en.json' with { type: 'json' };
import hr from './strings/console/hr.json' with { type: 'json' };
import bsOwn from './strings/console/bs.json' with { type: 'json' };
import sl from './strings/console/sl.json' with { type: 'json' };
import srLatn from './strings/console/sr-Latn.json' with { type: 'json' };
import srCyrl from './strings/console/sr-Cyrl.json' with { type: 'json' };
import { site } from './site.js';

// Bosnian: its own words, the Croatian ones for the rest, each named in bs.json.
const bs = inherited(hr, bsOwn);
export const sharedWithHr = bsOwn._same_as_hr;

export const agentStrings = {
  en, 'sr-Latn': srLatn, 'sr-Cyrl': srCyrl, hr, bs, sl,
};

// Names that stay as they are in every script (the company's from site.yaml).
const fixed = { company: site.company.name ?? '', json: 'JSON' };

export function ta(lang, key, values = {}) {
  const s = agentStrings[lang]?.[key] ?? en[key];
  const all = { ...fixed, ...values };
  return s.replace(/\{(\w+)\}/g, (_, name) => String(all[name] ?? ''));
}
