// The core's languages are one table (core/common/language_table.inc, README "Languages"):
// code, script, stemmer, headings, fallback chain. Every other file of the core and of
// kbc reads what it needs from the table, so adding a language is a row of it and its
// data files. This test fails on code that names a language itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const table = 'core/common/language_table.inc';

// Files that name languages for a reason of their own, and which codes.
const named = new Map([
  // Not languages: a stemmer's suffix, an HTML element.
  ['core/text/stem.cpp', new Set(['en'])],
  ['core/text/html.cpp', new Set(['hr'])],
]);

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.(c|h)pp$/.test(name) ? [full] : [];
  });
}

// The codes and the names authors write, from the table's rows.
function tableCodes() {
  const text = readFileSync(path.join(root, table), 'utf8');
  const rows = [...text.matchAll(/\{"([A-Za-z-]+)",\s*"[^"]*",\s*"([A-Za-z-]+)",/g)];
  return new Set(rows.flatMap((row) => [row[1], row[2]]));
}

// Code without its comments (a comment may show an example), string literals kept.
function withoutComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)|\/\/[^\n]*/g,
      (match, literal) => literal ?? '');
}

test('the table has the languages the product speaks', () => {
  assert.deepEqual([...tableCodes()].sort(), ['bs', 'en', 'hr', 'sl', 'sr', 'sr-Cyrl', 'sr-Latn']);
});

test('no file of the core or of kbc but the table names a language code', () => {
  const codes = tableCodes();
  const files = [...filesUnder(path.join(root, 'core')), ...filesUnder(path.join(root, 'tools/kbc'))];
  const naming = [];
  for (const file of files) {
    const relative = path.relative(root, file);
    if (relative === table) continue;
    const allowed = named.has(relative) ? named.get(relative) : new Set();
    if (allowed === null) continue;
    withoutComments(readFileSync(file, 'utf8')).split('\n').forEach((line, i) => {
      for (const [, literal] of line.matchAll(/"([A-Za-z-]{2,7})"/g)) {
        if (codes.has(literal) && !allowed.has(literal)) naming.push(`${relative}:${i + 1}: "${literal}"`);
      }
    });
  }
  assert.deepEqual(naming, []);
});

test('the check finds a language named in code, and not one in a comment', () => {
  const line = 'if (lang == "sr-Cyrl") return; // "hr" as an example';
  const found = [...withoutComments(line).matchAll(/"([A-Za-z-]{2,7})"/g)].map((m) => m[1]);
  assert.deepEqual(found, ['sr-Cyrl']);
  assert.ok(tableCodes().has(found[0]));
  // "//" inside a string is no comment: the code after it is still read.
  const url = "load('https://example.com/', 'hr'); // 'sl' as an example";
  assert.deepEqual([...withoutComments(url).matchAll(/'([A-Za-z-]{2,7})'/g)].map((m) => m[1]), ['hr']);
});

// The page reads the same table, as web/languages.js (kbc --language-module); its code
// names a language only for a fact of that language, each listed here with its reason.
const webNamed = new Map([
  // English capitalises zone names and is Intl's no-names answer; Slovenian writes 8.00
  // for 08:00. (The catalogues are imported by web/strings/*/index.js, made from the table.)
  ['web/i18n.js', new Set(['en', 'sl'])],
  // The country calling code of each language's customers, for a local phone number.
  ['web/contact.js', new Set(['sr-Latn', 'sr-Cyrl', 'hr', 'bs', 'sl'])],
  // The demo page's own words, one set per language.
  ['web/demo-page.js', new Set(['sr-Latn', 'sr-Cyrl'])],
  // The worker is a classic script (it cannot import the table): the engine's default.
  ['web/engine-worker.js', new Set(['en'])],
  ['web/languages.js', null],
]);

test('web/languages.js is the table as kbc writes it', async () => {
  const { builtPaths } = await import('../../tools/bench/lib/paths.mjs');
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(path.join(tmpdir(), 'language-module-'));
  try {
    execFileSync(builtPaths(root).kbc, ['--language-module', path.join(dir, 'languages.js')]);
    assert.equal(readFileSync(path.join(root, 'web/languages.js'), 'utf8'),
      readFileSync(path.join(dir, 'languages.js'), 'utf8'), 'run tools/language-module.sh');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the catalogue indexes and the handoff schemas follow the table', async () => {
  const { catalogueIndex, indexPath, kinds, languageEnum, schemaPaths, withLanguageEnums } = await import('../../tools/language-files.mjs');
  for (const kind of kinds) {
    assert.equal(readFileSync(indexPath(kind), 'utf8'), catalogueIndex(), `${kind}: run tools/language-module.sh`);
  }
  const { languageTable } = await import('../../web/languages.js');
  const codes = languageTable.map((l) => l.code);
  for (const file of schemaPaths) {
    const text = readFileSync(file, 'utf8');
    assert.equal(text, withLanguageEnums(text), `${file}: run tools/language-module.sh`);
    const enums = [...text.matchAll(languageEnum)].map((m) => JSON.parse(m[2]));
    assert.ok(enums.length > 0, `${file}: no language enum found`);
    for (const listed of enums) assert.deepEqual(listed, codes, file);
    // A language the table gains is valid in a case.
    const grown = withLanguageEnums(text, [...languageTable, { code: 'qaa' }]);
    const grownEnums = [...grown.matchAll(languageEnum)].map((m) => JSON.parse(m[2]));
    for (const listed of grownEnums) assert.deepEqual(listed, [...codes, 'qaa'], file);
    JSON.parse(grown);
  }
});

test('a language the table gains is read from its catalogue alone, its parent filled in', async () => {
  const { catalogueIndex } = await import('../../tools/language-files.mjs');
  const { languageTable } = await import('../../web/languages.js');
  const { resolveCatalogues } = await import('../../web/i18n.js');
  const index = catalogueIndex([...languageTable, { code: 'qaa' }]);
  assert.match(index, /import c6 from '\.\/qaa\.json'/);
  assert.match(index, /"qaa": c6,/);
  const words = resolveCatalogues({
    hr: { send: 'Pošalji', results: { one: '{count} rezultat', other: '{count} rezultata' } },
    qaa: { _inherits: 'hr', _shared: ['send'], results: { one: '{count} qaa' } },
  });
  assert.deepEqual(words.qaa, { send: 'Pošalji', results: { one: '{count} qaa', other: '{count} rezultata' } });
});

test('no script of the page names a language code but for a fact of that language', () => {
  const codes = tableCodes();
  const naming = [];
  for (const name of readdirSync(path.join(root, 'web')).filter((n) => n.endsWith('.js'))) {
    const relative = `web/${name}`;
    const allowed = webNamed.has(relative) ? webNamed.get(relative) : new Set();
    if (allowed === null) continue;
    withoutComments(readFileSync(path.join(root, relative), 'utf8')).split('\n').forEach((line, i) => {
      for (const [, literal] of line.matchAll(/['"]([A-Za-z-]{2,7})['"]/g)) {
        if (codes.has(literal) && !allowed.has(literal)) naming.push(`${relative}:${i + 1}: '${literal}'`);
      }
    });
  }
  assert.deepEqual(naming, []);
});

test('the widget and the console have a catalogue for every language of the table, and no other', async () => {
  const { languageTable } = await import('../../web/languages.js');
  const { strings, languages } = await import('../../web/i18n.js');
  const { agentStrings } = await import('../../web/agent-i18n.js');
  const codes = languageTable.map((l) => l.code).sort();
  assert.deepEqual(Object.keys(strings).sort(), codes);
  assert.deepEqual(Object.keys(agentStrings).sort(), codes);
  assert.deepEqual(languages.map((l) => l.code).sort(), codes);
});
