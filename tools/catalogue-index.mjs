// Writes web/strings/widget/index.js and web/strings/console/index.js: one import per
// language of the table (web/languages.js), so that a language the table gains is read
// from its catalogue files without a line of the page's code changing. tools/language-module.sh
// runs it after kbc; tests/js/language-codes.test.mjs fails while an index is stale.
//   node tools/catalogue-index.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { languageTable } from '../web/languages.js';

export const kinds = ['widget', 'console'];

export const indexPath = (kind) => fileURLToPath(new URL(`../web/strings/${kind}/index.js`, import.meta.url));

// The module's text for one kind of catalogue, from the table's codes in its order.
export function catalogueIndex(table = languageTable) {
  const lines = [
    '// Made by tools/language-module.sh (tools/catalogue-index.mjs) from web/languages.js:',
    "// every language's catalogue, in the table's order. Do not edit: add the language's",
    '// <code>.json here and its row to core/common/language_table.inc.',
  ];
  table.forEach(({ code }, i) => lines.push(`import c${i} from './${code}.json' with { type: 'json' };`));
  lines.push('', 'export const catalogues = {');
  table.forEach(({ code }, i) => lines.push(`  ${JSON.stringify(code)}: c${i},`));
  lines.push('};', '');
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const text = catalogueIndex();
  let stale = false;
  for (const kind of kinds) {
    const file = indexPath(kind);
    if (!check) writeFileSync(file, text);
    else if (readFileSync(file, 'utf8') !== text) {
      console.error(`${file} is stale: run tools/language-module.sh`);
      stale = true;
    }
  }
  process.exitCode = stale ? 1 : 0;
}
