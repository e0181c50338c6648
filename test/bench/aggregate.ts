import pg from 'pg';
import type { BenchContext } from './context';
import { signIn } from './database';
import { load, timedPost } from './http-load';
import type { Figure } from './report';
import { median, percentile } from './stats';

const YEAR = 2025;
const GROUPINGS = ['REGION', 'MUNICIPALITY', 'CLUSTER', 'SCHOOL'] as const;

/** Three indicators, and how each is answered straight from participant rows. */
const INDICATORS = [
  { code: 'assessment.share_2', num: 'count(*) FILTER (WHERE p.mark = 2)', den: 'count(p.mark)' },
  { code: 'assessment.share_45', num: 'count(*) FILTER (WHERE p.mark >= 4)', den: 'count(p.mark)' },
  { code: 'assessment.mean_score', num: 'sum(p.test_score)', den: 'count(p.test_score)' },
] as const;

const QUERY = `query ($i: String!, $g: GroupBy!, $f: AggregateFilter) {
  aggregate(indicator: $i, groupBy: $g, filter: $f) { version rows { key value numerator denominator } } }`;

export const questions = INDICATORS.flatMap((indicator) =>
  GROUPINGS.map((groupBy) => ({
    indicator,
    groupBy,
    body: JSON.stringify({ query: QUERY, variables: { i: indicator.code, g: groupBy, f: { year: YEAR } } }),
  })),
);

/** The same question as one GROUP BY over participant rows (the owner's connection: no row-level security). */
function directSql(indicator: (typeof INDICATORS)[number], groupBy: (typeof GROUPINGS)[number]): string {
  const key = {
    REGION: `'region'`,
    MUNICIPALITY: 's.municipality_code',
    CLUSTER: 's.cluster_code',
    SCHOOL: 'p.school_code',
  }[groupBy];
  const join = groupBy === 'MUNICIPALITY' || groupBy === 'CLUSTER' ? 'JOIN school s ON s.code = p.school_code' : '';
  return `SELECT ${key} AS key, ${indicator.num}::float8 AS num, ${indicator.den}::float8 AS den
            FROM participant_result p ${join} WHERE p.year = ${YEAR} GROUP BY 1`;
}

async function changeVersion(db: pg.Client): Promise<number> {
  return Number((await db.query('SELECT last_value FROM hub_change_seq')).rows[0].last_value);
}

/**
 * Aggregate: 3 indicators × 4 groupings over HTTP. Under load (autocannon, one user per
 * connection) the server answers from its aggregate cache, which holds while the change
 * version stands: that is checked and said. Uncached figures force a miss before each request
 * by moving the change sequence on (no data changes). Direct GROUP BY over participant rows is
 * timed question by question on one connection, next to the same questions over HTTP.
 */
export async function aggregateBenchmark(ctx: BenchContext): Promise<Figure[]> {
  const [server] = await ctx.servers();
  const connections = ctx.config.connections;
  const tokens = await Promise.all(ctx.accounts.slice(0, -1).map((a) => signIn(server.endpoint, a)));
  const token = tokens[0]!.accessToken;
  const db = new pg.Client({ connectionString: ctx.databaseUrl });
  await db.connect();
  try {
    for (const q of questions) await timedPost(server.endpoint, q.body, token); // warm-up, and each answers
    const p50s: number[] = [];
    const p99s: number[] = [];
    const uncachedP50s: number[] = [];
    const uncachedP99s: number[] = [];
    const ratios: number[] = [];
    const cachedRatios: number[] = [];
    let versionMoved = false;
    for (let run = 1; run <= ctx.config.runs; run++) {
      const before = await changeVersion(db);
      const loaded = await load({
        url: server.endpoint,
        connections,
        seconds: ctx.config.httpSeconds,
        bodies: questions.map((q) => q.body),
        tokens: tokens.map((t) => t.accessToken),
      });
      if ((await changeVersion(db)) !== before) versionMoved = true;
      p50s.push(loaded.p50);
      p99s.push(loaded.p99);

      // One client, question by question: cached, uncached, and the direct GROUP BY.
      const cached: number[] = [];
      const uncached: number[] = [];
      const direct: number[] = [];
      for (const q of questions) {
        cached.push(await timedPost(server.endpoint, q.body, token));
        await db.query(`SELECT nextval('hub_change_seq')`);
        uncached.push(await timedPost(server.endpoint, q.body, token));
        const started = performance.now();
        await db.query(directSql(q.indicator, q.groupBy));
        direct.push(performance.now() - started);
      }
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      uncachedP50s.push(percentile(uncached, 50));
      uncachedP99s.push(percentile(uncached, 99));
      ratios.push(sum(direct) / sum(uncached));
      cachedRatios.push(sum(direct) / sum(cached));
      ctx.log(
        `aggregate run ${run}: ${Math.round(loaded.requestsPerSecond)} req/s, p50 ${loaded.p50} ms, p99 ${loaded.p99} ms; ` +
          `uncached p50 ${percentile(uncached, 50).toFixed(1)} ms; direct GROUP BY total ${sum(direct).toFixed(0)} ms`,
      );
    }
    const hits = versionMoved
      ? 'the change version moved during a run: some answers were computed afresh'
      : 'cache hits: the change version stood during every run, so each answer after the first came from the cache';
    const load50 = `${connections} concurrent clients (requests spread over ${tokens.length} users), 12 questions in turn, ${ctx.config.httpSeconds} s per run`;
    return [
      {
        benchmark: 'aggregate',
        id: 'aggregate.p50_ms',
        title: 'Aggregate: p50 latency, 50 clients (cached)',
        value: median(p50s),
        unit: 'ms',
        note: `${load50}; ${hits}`,
        runs: p50s,
      },
      {
        benchmark: 'aggregate',
        id: 'aggregate.p99_ms',
        title: 'Aggregate: p99 latency, 50 clients (cached)',
        value: median(p99s),
        unit: 'ms',
        target: { op: '<=', value: 20 },
        note: `${load50}; ${hits}`,
        runs: p99s,
      },
      {
        benchmark: 'aggregate',
        id: 'aggregate.uncached_p50_ms',
        title: 'Aggregate: p50 latency, uncached, one client',
        value: median(uncachedP50s),
        unit: 'ms',
        note: 'each request after a cache miss was forced (change sequence moved on); 12 requests per run',
        runs: uncachedP50s,
      },
      {
        benchmark: 'aggregate',
        id: 'aggregate.uncached_p99_ms',
        title: 'Aggregate: p99 latency, uncached, one client',
        value: median(uncachedP99s),
        unit: 'ms',
        target: { op: '<=', value: 20 },
        note: 'p99 of 12 requests is their maximum: the slowest question (by school)',
        runs: uncachedP99s,
      },
      {
        benchmark: 'aggregate',
        id: 'aggregate.speedup_uncached',
        title: 'Aggregate: × faster than GROUP BY (uncached)',
        value: median(ratios),
        unit: '×',
        target: { op: '>=', value: 50 },
        note: 'time of the 12 direct GROUP BY queries over participant rows ÷ time of the 12 uncached aggregate requests over HTTP',
        runs: ratios,
      },
      {
        benchmark: 'aggregate',
        id: 'aggregate.speedup_cached',
        title: 'Aggregate: × faster than GROUP BY (cached)',
        value: median(cachedRatios),
        unit: '×',
        note: 'the same, against cached aggregate answers',
        runs: cachedRatios,
      },
    ];
  } finally {
    await db.end();
  }
}
