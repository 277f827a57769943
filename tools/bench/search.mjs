#!/usr/bin/env node
// Search benchmark: this project's engine against the JavaScript search libraries a
// help center might use instead, on a corpus and a set of labelled queries.
//
//   node tools/bench/search.mjs --corpus C.jsonl --queries Q.jsonl
//        [--engines self,orama,minisearch,flexsearch,lunr] [--json] [--limit-queries N]
//        [--kb kb.sqlite]
//
// With --kb, this engine searches that knowledge base (built by kbc from
// knowledge-base/, with its synonyms) instead of compiling the corpus; the corpus should
// then be the same articles (kbc --export-corpus kb.sqlite -o corpus.jsonl).
//
// Relevance (mrr10, recall1, recall5) is scored on in-scope queries (relevant ids
// given); latency covers every query searched (in-scope and out-of-scope alike),
// measured around the search call only, after an untimed warm-up pass over the first
// 50 queries. build_ms is the adapter's build step (for self: kbc plus the cold start).
// Progress goes to stderr; stdout holds the table or, with --json, one
// JSON object per engine per line.
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ENGINE_NAMES, createEngine } from './engines/index.mjs';
import { readCorpus, readQueries } from './lib/jsonl.mjs';
import { scoreRun } from './lib/metrics.mjs';
import { jsonLines, table } from './lib/report.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WARM_UP_QUERIES = 50;
const USAGE = `usage: node tools/bench/search.mjs --corpus C.jsonl --queries Q.jsonl
       [--engines ${ENGINE_NAMES.join(',')}] [--json] [--limit-queries N] [--kb kb.sqlite]`;

const log = (message) => process.stderr.write(`${message}\n`);

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      corpus: { type: 'string' },
      queries: { type: 'string' },
      engines: { type: 'string', default: ENGINE_NAMES.join(',') },
      json: { type: 'boolean', default: false },
      'limit-queries': { type: 'string' },
      kb: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!values.corpus || !values.queries) throw new Error('--corpus and --queries are required');
  const engines = values.engines.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = engines.filter((name) => !ENGINE_NAMES.includes(name));
  if (unknown.length > 0) throw new Error(`unknown engine(s): ${unknown.join(', ')}`);
  let limitQueries;
  if (values['limit-queries'] !== undefined) {
    limitQueries = Number(values['limit-queries']);
    if (!Number.isInteger(limitQueries) || limitQueries <= 0) {
      throw new Error('--limit-queries needs a positive integer');
    }
  }
  return {
    corpus: values.corpus, queries: values.queries, engines, json: values.json, limitQueries,
    kb: values.kb,
  };
}

// Name of the compiled kb: the corpus file's folder when it is called corpus.jsonl
// (…/banking77/corpus.jsonl -> banking77), else the file name without extension.
function corpusLabel(corpusPath) {
  const stem = path.basename(corpusPath).replace(/\.jsonl?$/, '');
  return stem === 'corpus' ? path.basename(path.dirname(path.resolve(corpusPath))) : stem;
}

// A corpus may hold one article in several languages under one id (the demo knowledge
// base does). Peers need unique document ids, so each version is indexed as
// "<id>#<lang>"; their answers are mapped back to article ids, each counted once.
const VERSION_SEPARATOR = '#';

function uniqueVersions(docs) {
  const counts = new Map();
  for (const doc of docs) counts.set(doc.id, (counts.get(doc.id) ?? 0) + 1);
  if ([...counts.values()].every((n) => n === 1)) return docs;
  return docs.map((doc) => ({ ...doc, id: `${doc.id}${VERSION_SEPARATOR}${doc.lang}` }));
}

function articleIds(ids) {
  return [...new Set(ids.map((id) => String(id).split(VERSION_SEPARATOR)[0]))];
}

// An engine answers ids[] or {ids, confident}, possibly as a promise; without its own
// notion of confidence, any hit counts as a confident answer.
function normalise(result) {
  const ids = articleIds(Array.isArray(result) ? result : result.ids);
  const confident = typeof result.confident === 'boolean' ? result.confident : ids.length > 0;
  return { ids: ids.slice(0, 10), confident };
}

async function timedSearch(engine, query) {
  const started = process.hrtime.bigint();
  let outcome;
  try {
    let result = engine.search(query.q, query.lang);
    if (result && typeof result.then === 'function') result = await result;
    outcome = { ...normalise(result), failed: false };
  } catch (error) {
    log(`search failed (${String(error?.message ?? error)}): ${query.q}`);
    outcome = { ids: [], confident: false, failed: true };
  }
  const micros = Number(process.hrtime.bigint() - started) / 1000;
  return { query, micros, ...outcome };
}

async function benchmarkEngine(name, docs, queries, context) {
  const engine = await createEngine(name, { root: ROOT });
  const buildStarted = process.hrtime.bigint();
  await engine.build(docs, context);
  const buildMs = Number(process.hrtime.bigint() - buildStarted) / 1e6;
  log(`${name}: built in ${buildMs.toFixed(0)} ms`);

  for (const query of queries.slice(0, WARM_UP_QUERIES)) await timedSearch(engine, query);
  const runStarted = process.hrtime.bigint();
  const outcomes = [];
  for (const query of queries) outcomes.push(await timedSearch(engine, query));
  const runMs = Number(process.hrtime.bigint() - runStarted) / 1e6;
  log(`${name}: ${queries.length} queries in ${runMs.toFixed(0)} ms`);

  const indexGzipBytes = gzipSync(await engine.indexBytes(), { level: 9 }).length;
  const extras = engine.extras?.() ?? {};
  engine.close?.();
  return {
    engine: name,
    ...scoreRun(outcomes, context),
    index_gzip_bytes: indexGzipBytes,
    errors: outcomes.filter((outcome) => outcome.failed).length,
    build_ms: buildMs,
    ...extras,
  };
}

function commandLine() {
  const quote = (arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`);
  const script = path.relative(process.cwd(), process.argv[1]) || process.argv[1];
  return ['node', script, ...process.argv.slice(2)].map(quote).join(' ');
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const docs = uniqueVersions(readCorpus(options.corpus));
  let queries = readQueries(options.queries);
  if (options.limitQueries) queries = queries.slice(0, options.limitQueries);
  if (docs.length === 0 || queries.length === 0) throw new Error('corpus and queries must not be empty');
  log(`${docs.length} documents, ${queries.length} queries`);

  const context = {
    corpusPath: path.resolve(options.corpus),
    kbPath: options.kb && path.resolve(options.kb),
    label: corpusLabel(options.corpus),
    probe: queries[0],
    hasOos: queries.some((query) => query.oos),
    hasKinds: queries.some((query) => query.kind !== undefined),
  };
  const rows = [];
  const failures = [];
  for (const name of options.engines) {
    try {
      rows.push(await benchmarkEngine(name, docs, queries, context));
    } catch (error) {
      log(`${name}: failed: ${error.message}`);
      failures.push(`${name}: failed: ${error.message}`);
    }
  }

  if (options.json) {
    if (rows.length > 0) console.log(jsonLines(rows));
  } else {
    if (rows.length > 0) console.log(table(rows));
    for (const failure of failures) console.log(failure);
    console.log(`\n${commandLine()}`);
  }
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  log(`search bench: ${error.message}\n${USAGE}`);
  process.exitCode = 2;
});
