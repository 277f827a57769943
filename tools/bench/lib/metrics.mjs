// Scoring one engine's run: relevance on in-scope queries, out-of-scope detection,
// latency percentiles. Every function here is pure.

const TOP_K = 10;

// 1-based rank of the first relevant id in the top 10, or 0 when none is there.
export function firstRelevantRank(ids, relevant) {
  const wanted = new Set(relevant);
  const index = ids.slice(0, TOP_K).findIndex((id) => wanted.has(id));
  return index + 1;
}

// Nearest-rank percentile of a list of numbers (p in 0..1).
export function percentile(values, p) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1];
}

const share = (count, total) => (total === 0 ? 0 : count / total);

function relevanceMetrics(inScope) {
  let reciprocalSum = 0;
  let atOne = 0;
  let inFive = 0;
  for (const { rank } of inScope) {
    if (rank > 0) reciprocalSum += 1 / rank;
    if (rank === 1) atOne += 1;
    if (rank >= 1 && rank <= 5) inFive += 1;
  }
  return {
    mrr10: share(reciprocalSum, inScope.length),
    recall1: share(atOne, inScope.length),
    recall5: share(inFive, inScope.length),
  };
}

function recall5ByKind(inScope) {
  const byKind = new Map();
  for (const { query, rank } of inScope) {
    if (query.kind === undefined) continue;
    const tally = byKind.get(query.kind) ?? { hits: 0, total: 0 };
    tally.total += 1;
    if (rank >= 1 && rank <= 5) tally.hits += 1;
    byKind.set(query.kind, tally);
  }
  const sortedKinds = [...byKind.keys()].sort();
  return Object.fromEntries(sortedKinds.map((kind) => {
    const { hits, total } = byKind.get(kind);
    return [kind, share(hits, total)];
  }));
}

// outcomes: [{query, ids, confident, micros}] in query order.
export function scoreRun(outcomes, { hasOos, hasKinds }) {
  const inScope = outcomes
    .filter(({ query }) => query.relevant.length > 0)
    .map((outcome) => ({ ...outcome, rank: firstRelevantRank(outcome.ids, outcome.query.relevant) }));
  const outOfScope = outcomes.filter(({ query }) => query.oos);
  const micros = outcomes.map((outcome) => outcome.micros);

  const scores = {
    queries: inScope.length,
    oos_queries: outOfScope.length,
    ...relevanceMetrics(inScope),
    p50_us: percentile(micros, 0.5),
    p99_us: percentile(micros, 0.99),
  };
  if (hasOos) {
    scores.oos_flagged = share(outOfScope.filter((o) => !o.confident).length, outOfScope.length);
    scores.inscope_answered = share(inScope.filter((o) => o.confident).length, inScope.length);
  }
  if (hasKinds) scores.recall5_by_kind = recall5ByKind(inScope);
  return scores;
}
