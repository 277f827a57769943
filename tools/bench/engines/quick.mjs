// This project's first answer: the first-answer index (core/kb/quick_index.hpp) that kbc
// writes beside the pages, searched by quick.wasm, as the browser's worker does before the
// whole engine has arrived. Measured for relevance: how good is the answer a customer sees
// in the first second or two, before the whole engine replaces it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { builtPaths } from '../lib/paths.mjs';
import { startQuick } from '../lib/quick.mjs';

function requireBuilt(file) {
  if (!existsSync(file)) throw new Error(`${file} is missing: build the project first with tools/build.sh`);
  return file;
}

export function createEngine({ root }) {
  let quick;
  let dir;
  const file = (name) => gunzipSync(readFileSync(path.join(dir, name)));
  return {
    name: 'quick',
    async build(_docs, { corpusPath, kbPath: prebuilt, label, probe }) {
      const built = builtPaths(root);
      if (prebuilt) {
        // A knowledge base built by tools/build.sh: its pages are beside it (site/kb/).
        dir = path.join(path.dirname(prebuilt), 'kb');
        requireBuilt(path.join(dir, 'quick.bin'));
      } else {
        dir = path.join(built.benchDir, `${label}-pages`);
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(built.benchDir, { recursive: true });
        execFileSync(requireBuilt(built.kbc), ['--corpus', corpusPath, '-o', path.join(built.benchDir, `${label}-quick.sqlite`), '--pages', dir],
          { stdio: ['ignore', 2, 2] });
      }
      quick = await startQuick(requireBuilt(path.join(built.wasmDir, 'quick.wasm')));
      const opened = quick.open(probe.lang, file('quick.bin'));
      if (!opened.ok) throw new Error(`open failed: ${JSON.stringify(opened.error)}`);
    },
    search(q, lang) {
      for (let round = 0; round < 4; round++) {
        const found = quick.search(q, lang, 10, false);
        if (found.ok) return { ids: found.hits.map((h) => h.id), confident: found.hits.length > 0 };
        if (found.error.code !== 'pages_missing') throw new Error(`search failed: ${found.error.code}`);
        for (const name of found.files) quick.add(name, file(name));
      }
      throw new Error('the first-answer index keeps asking for files');
    },
    // Every file of the index (the head, the term shards and every language's texts).
    indexBytes() {
      const { head, key } = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).quick;
      const files = readdirSync(dir).filter((name) => name.startsWith(`${key}-`)).sort();
      return Buffer.concat([head, ...files].map(file));
    },
    extras() {
      return {};
    },
    close() {},
  };
}
