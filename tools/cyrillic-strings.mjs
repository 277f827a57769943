#!/usr/bin/env node
// Writes the Serbian Cyrillic catalogues (web/strings/widget|console/sr-Cyrl.json) from
// the Latin ones with the engine's own transliteration (core/text/transliterate.hpp, the
// one kbc makes the Cyrillic articles with), so the page and the articles spell alike:
//
//   node tools/cyrillic-strings.mjs           after editing a sr-Latn.json (needs tools/build.sh)
//   node tools/cyrillic-strings.mjs --check   exit 1 when a sr-Cyrl.json is not up to date
//
// {placeholders} and e-mail addresses stay as they are.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtPaths } from './bench/lib/paths.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// The catalogues of a Latin catalogue's words in Cyrillic, by core's rules.
export async function cyrillicCatalogues() {
  const { wasmDir } = builtPaths(ROOT);
  const require = createRequire(import.meta.url);
  const engine = await require(path.join(wasmDir, 'assistant.js'))({
    wasmBinary: readFileSync(path.join(wasmDir, 'assistant.wasm')),
  });
  const cyrillic = (text) => text.split(/(\{\w+\}|\S+@\S+)/u)
    .map((part, i) => (i % 2 === 1 ? part : engine.toCyrillic(part))).join('');
  const convert = (words) => Object.fromEntries(Object.entries(words).map(([key, value]) =>
    [key, typeof value === 'string' ? cyrillic(value) : convert(value)]));
  return ['widget', 'console'].map((kind) => {
    const folder = path.join(ROOT, 'web/strings', kind);
    const latin = JSON.parse(readFileSync(path.join(folder, 'sr-Latn.json'), 'utf8'));
    return { file: path.join(folder, 'sr-Cyrl.json'), text: `${JSON.stringify(convert(latin), null, 2)}\n` };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { file, text } of await cyrillicCatalogues()) {
    let now = '';
    try {
      now = readFileSync(file, 'utf8');
    } catch {
      // not written yet
    }
    if (now === text) continue;
    stale += 1;
    if (check) console.error(`${path.relative(ROOT, file)} is not what sr-Latn.json gives: run node tools/cyrillic-strings.mjs`);
    else writeFileSync(file, text);
  }
  process.exit(check && stale ? 1 : 0);
}
