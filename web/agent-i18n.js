/*
 * The agent console's own words, in every language the help center supports (agents in
 * each country read their own): web/strings/console/<language>.json. Serbian is written
 * once in Latin; its Cyrillic catalogue is made from it, as for the customer's strings. Case data
 * is shown as the customer wrote it.
 */
// One catalogue per language of the table (strings/console/index.js, written by
// tools/language-module.sh); Bosnian's inherits Croatian's, as the widget's does.
import { resolveCatalogues } from './i18n.js';
import { catalogues } from './strings/console/index.js';
import { site } from './site.js';

export const agentStrings = resolveCatalogues(catalogues);

// Names that stay as they are in every script (the company's from site.yaml).
const fixed = { company: site.company.name ?? '', json: 'JSON' };

export function ta(lang, key, values = {}) {
  const s = agentStrings[lang]?.[key] ?? agentStrings.en[key];
  const all = { ...fixed, ...values };
  return s.replace(/\{(\w+)\}/g, (_, name) => String(all[name] ?? ''));
}
