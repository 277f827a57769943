// Writes what follows the language table (web/languages.js) outside the core, so that a
// language the table gains needs no line of code changed:
//   - web/strings/widget/index.js and web/strings/console/index.js: one import per
//     language, so the page reads each language's catalogue files;
//   - the "language" enums of the handoff package's schemas (docs/handoff.schema.json,
//     docs/handoff-update.schema.json), so a case in that language is valid.
// tools/language-module.sh runs it after kbc; tests/js/language-codes.test.mjs fails while
// any of them is stale.
//   node tools/language-files.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { languageTable } from '../web/languages.js';

export const kinds = ['widget', 'console'];

export const indexPath = (kind) => fileURLToPath(new URL(`../web/strings/${kind}/index.js`, import.meta.url));

export const schemaPaths = ['handoff.schema.json', 'handoff-update.schema.json']
  .map((name) => fileURLToPath(new URL(`../docs/${name}`, import.meta.url)));

// The index module's text (the same for both kinds), from the table's codes in its order.
export function catalogueIndex(table = languageTable) {
  const lines = [
    '// Made by tools/language-module.sh (tools/language-files.mjs) from web/languages.js:',
    "// every language's catalogue, in the table's order. Do not edit: a language is a row of",
    '// core/common/language_table.inc and its <code>.json in this folder.',
  ];
  table.forEach(({ code }, i) => lines.push(`import c${i} from './${code}.json' with { type: 'json' };`));
  lines.push('', 'export const catalogues = {');
  table.forEach(({ code }, i) => lines.push(`  ${JSON.stringify(code)}: c${i},`));
  lines.push('};', '');
  return lines.join('\n');
}

// A "language" enum of a schema, written on one line as the schemas write it.
export const languageEnum = /("language": \{ "enum": )(\[[^\]]*\])/g;

// A schema's text with every "language" enum listing the table's codes (the rest of the
// file as it is written).
export function withLanguageEnums(schemaText, table = languageTable) {
  const codes = table.map(({ code }) => JSON.stringify(code)).join(', ');
  return schemaText.replace(languageEnum, `$1[${codes}]`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const kind of kinds) writeFileSync(indexPath(kind), catalogueIndex());
  for (const file of schemaPaths) writeFileSync(file, withLanguageEnums(readFileSync(file, 'utf8')));
}
