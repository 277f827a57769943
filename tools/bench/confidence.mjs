#!/usr/bin/env node
// Does "confident" mean the same on every knowledge base? One threshold, eleven
// knowledge bases: clinc150 whole, five random cuts of clinc150 and five of banking77
// to 20 intents of 10 example questions each. The answerable questions are the test
// questions of the intents kept; the unanswerable ones are clinc150's 1,000
// out-of-scope questions, on every row. Bars (issue 13): ≥ 90 % of answerable questions
// answered (confident) and ≥ 70 % of unanswerable ones flagged (not confident), on
// every row, with the engine's one setting.
//
//   node tools/bench/confidence.mjs [--seed 1] [--json]
//        [--intents 20] [--examples 10]   the size of each cut (variations: the bars
//                    are set for 20 × 10)
//        [--sweep]   also: answered/flagged on every row for thresholds 0.30 … 0.90
//                    (from the 0–1 confidence each search reports), to see the margin
// Also printed, not one of the eleven: the demo's knowledge base (build/site/kb.sqlite)
// on the South Slavic set (tests/relevance/south-slavic.jsonl).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readCorpus, readQueries } from './lib/jsonl.mjs';
import { builtPaths } from './lib/paths.mjs';
import { random, shuffled } from './lib/random.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EVAL = path.resolve(ROOT, '../shared/eval');
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    sweep: { type: 'boolean', default: false },
    intents: { type: 'string', default: '20' },
    examples: { type: 'string', default: '10' },
  },
});

// 20 intents, each article keeping 10 of its example questions (lines of its body).
function cut(corpus, next, intents = 20, examples = 10) {
  return shuffled(corpus, next).slice(0, intents).map((doc) => ({
    ...doc,
    body: shuffled(doc.body.split('\n').filter(Boolean), next).slice(0, examples).join('\n'),
  }));
}

const paths = builtPaths(ROOT);
const require = createRequire(import.meta.url);
const createModule = require(path.join(paths.wasmDir, 'assistant.js'));
const module = await createModule({ wasmBinary: readFileSync(path.join(paths.wasmDir, 'assistant.wasm')) });
const outDir = path.join(paths.benchDir, 'confidence');
mkdirSync(outDir, { recursive: true });

function measure(label, corpus, answerable, unanswerable) {
  const corpusPath = path.join(outDir, `${label}.jsonl`);
  writeFileSync(corpusPath, corpus.map((doc) => JSON.stringify(doc)).join('\n') + '\n');
  const kbPath = path.join(outDir, `${label}.sqlite`);
  execFileSync(paths.kbc, ['--corpus', corpusPath, '-o', kbPath], { stdio: ['ignore', 'ignore', 2] });
  return measureBuilt(label, kbPath, corpus.length, answerable, unanswerable);
}

function measureBuilt(label, kbPath, articles, answerable, unanswerable) {
  const engine = new module.Engine();
  const opened = engine.open(readFileSync(kbPath));
  if (!opened.ok) throw new Error(`${label}: ${JSON.stringify(opened.error)}`);
  const run = (query) => {
    const found = engine.search(query.q, { lang: query.lang ?? 'en', limit: 10, includeFlows: false });
    if (!found.ok) throw new Error(`${label}: search failed: ${found.error.code}`);
    return { confident: found.confident, confidence: found.confidence ?? 0, right: found.hits[0]?.id === query.relevant?.[0] };
  };
  const inScope = answerable.map(run);
  const outOfScope = unanswerable.map(run);
  engine.delete();
  const share = (list, test) => list.filter(test).length / list.length;
  return {
    kb: label, articles, threshold: opened.confidenceThreshold, scale: opened.confidenceScale, answerable: inScope.length, unanswerable: outOfScope.length,
    answered: share(inScope, (o) => o.confident),
    flagged: share(outOfScope, (o) => !o.confident),
    answered_right: share(inScope, (o) => o.confident && o.right),
    sweep: values.sweep
      ? Object.fromEntries([0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9].map((t) => [t,
        [share(inScope, (o) => o.confidence >= t), share(outOfScope, (o) => o.confidence < t)]]))
      : undefined,
  };
}

const clincCorpus = readCorpus(path.join(EVAL, 'clinc150/corpus.jsonl'));
const clincQueries = readQueries(path.join(EVAL, 'clinc150/queries.jsonl'));
const bankingCorpus = readCorpus(path.join(EVAL, 'banking77/corpus.jsonl'));
const bankingQueries = readQueries(path.join(EVAL, 'banking77/queries.jsonl'));
const unanswerable = clincQueries.filter((q) => q.oos);
const answerableFor = (queries, corpus) => {
  const kept = new Set(corpus.map((doc) => doc.id));
  return queries.filter((q) => !q.oos && q.relevant.some((id) => kept.has(id)));
};

const next = random(Number(values.seed));
const rows = [measure('clinc150', clincCorpus, answerableFor(clincQueries, clincCorpus), unanswerable)];
for (let i = 1; i <= 5; i++) {
  const corpus = cut(clincCorpus, next, Number(values.intents), Number(values.examples));
  rows.push(measure(`clinc150-cut${i}`, corpus, answerableFor(clincQueries, corpus), unanswerable));
}
for (let i = 1; i <= 5; i++) {
  const corpus = cut(bankingCorpus, next, Number(values.intents), Number(values.examples));
  rows.push(measure(`banking77-cut${i}`, corpus, answerableFor(bankingQueries, corpus), unanswerable));
}

// Also, not one of the eleven: the demo's own knowledge base and the South Slavic set
// (tests/relevance: its out-of-scope questions are close to a telecom's topics).
const southSlavic = readQueries(path.join(ROOT, 'tests/relevance/south-slavic.jsonl'));
const demoKb = path.join(ROOT, 'build/site/kb.sqlite');
const demo = measureBuilt('demo, South Slavic', demoKb, null,
  southSlavic.filter((q) => !q.oos && q.relevant?.length), southSlavic.filter((q) => q.oos || !q.relevant?.length));

const pct = (x) => (100 * x).toFixed(1).padStart(6);
if (values.json) {
  for (const row of [...rows, demo]) console.log(JSON.stringify(row));
} else {
  console.log(`confidence on 11 knowledge bases (seed ${values.seed}); bars: answered ≥ 90 %, flagged ≥ 70 %`);
  console.log('kb                  articles  answerable  threshold  scale  answered  right  flagged');
  for (const r of rows) {
    const ok = r.answered >= 0.9 && r.flagged >= 0.7 ? '' : '  below a bar';
    console.log(`${r.kb.padEnd(19)} ${String(r.articles).padStart(8)} ${String(r.answerable).padStart(11)} ${r.threshold.toFixed(3).padStart(10)} ${r.scale.toFixed(2).padStart(6)} ${pct(r.answered)}  ${pct(r.answered_right)} ${pct(r.flagged)}${ok}`);
  }
  console.log(`\nalso, the demo (build/site/kb.sqlite) on the South Slavic set: ${demo.answerable} answerable, ` +
    `${demo.unanswerable} out of scope; answered ${pct(demo.answered).trim()} %, flagged ${pct(demo.flagged).trim()} %`);
  if (values.sweep) {
    console.log('\nthreshold  ' + rows.map((r) => r.kb.replace('-cut', '/').replace('clinc150', 'c').replace('banking77', 'b').padStart(12)).join(''));
    for (const t of Object.keys(rows[0].sweep)) {
      console.log(String(t).padEnd(10) + ' ' + rows.map((r) => `${pct(r.sweep[t][0])}/${pct(r.sweep[t][1]).trim()}`.padStart(12)).join(''));
    }
  }
}
