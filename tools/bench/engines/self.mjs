// This project: kbc compiles the corpus into kb.sqlite, the WebAssembly build opens it
// in Node and searches it, the same engine the browser runs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { builtPaths } from '../lib/paths.mjs';

const require = createRequire(import.meta.url);

function requireBuilt(file) {
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: build the project first with tools/build.sh`);
  }
  return file;
}

// kbc --corpus <corpus> -o build/bench/<label>.sqlite (folders: lib/paths.mjs); kbc's own output
// goes to stderr so that stdout stays clean for --json.
function compileKnowledgeBase(root, corpusPath, label) {
  const built = builtPaths(root);
  const kbc = requireBuilt(built.kbc);
  const outDir = built.benchDir;
  mkdirSync(outDir, { recursive: true });
  const kbPath = path.join(outDir, `${label}.sqlite`);
  try {
    execFileSync(kbc, ['--corpus', corpusPath, '-o', kbPath], { stdio: ['ignore', 2, 2] });
  } catch (error) {
    throw new Error(`kbc --corpus failed with status ${error.status ?? error.code} (its messages are above)`);
  }
  return kbPath;
}

async function instantiate(root) {
  const { wasmDir } = builtPaths(root);
  const createModule = require(requireBuilt(path.join(wasmDir, 'assistant.js')));
  return createModule({ wasmBinary: readFileSync(path.join(wasmDir, 'assistant.wasm')) });
}

function searchIds(engine, q, lang) {
  // Relevance sets name articles, so guided fixes are left out; ten hits, each with its
  // snippet, are what the metrics read (MRR@10) and about what the widget shows (8).
  const found = engine.search(q, { lang, limit: 10, includeFlows: false });
  if (!found.ok) throw new Error(`search failed: ${found.error?.code ?? 'unknown error'}`);
  const ids = found.hits.map((hit) => hit.id);
  const confident = typeof found.confident === 'boolean' ? found.confident : ids.length > 0;
  return { ids, confident };
}

export function createEngine({ root }) {
  let engine;
  let kbPath;
  let coldStartMs;
  return {
    name: 'self',
    // Compiles, then measures the cold start: module load and instantiate, reading
    // kb.sqlite, open, and the first search (the probe query).
    async build(_docs, { corpusPath, kbPath: prebuilt, label, probe }) {
      kbPath = prebuilt ? requireBuilt(prebuilt) : compileKnowledgeBase(root, corpusPath, label);
      const started = process.hrtime.bigint();
      const module = await instantiate(root);
      engine = new module.Engine();
      const opened = engine.open(readFileSync(kbPath));
      if (!opened.ok) throw new Error(`open failed: ${JSON.stringify(opened.error)}`);
      searchIds(engine, probe.q, probe.lang);
      coldStartMs = Number(process.hrtime.bigint() - started) / 1e6;
    },
    search(q, lang) {
      return searchIds(engine, q, lang);
    },
    indexBytes() {
      return readFileSync(kbPath);
    },
    extras() {
      return { cold_start_ms: coldStartMs };
    },
    close() {
      engine?.delete();
    },
  };
}
