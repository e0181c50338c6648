import pg from 'pg';
import type { BenchContext } from './context';
import { signIn } from './database';
import { load, timedPost } from './http-load';
import type { Figure } from './report';
import { DEFAULT_LIMITS } from '../../server/src/http/gateway';
import { median, percentile, sleep } from './stats';

const YEAR = 2025;
const GROUPINGS = ['REGION', 'MUNICIPALITY', 'CLUSTER', 'SCHOOL'] as const;
type Grouping = (typeof GROUPINGS)[number];

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
function directSql(indicator: (typeof INDICATORS)[number], groupBy: Grouping): string {
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

/** A school-level result of the measured year, to move by one participant. */
interface ResultKey {
  school_code: string;
  procedure_code: string;
  subject_code: string;
  grade: number | null;
}

/** One committed write through the triggers: a participant of one school moves from «3» to «2». */
async function writeOne(db: pg.Client, key: ResultKey): Promise<void> {
  const { rowCount } = await db.query(
    `UPDATE assessment_result SET count2 = count2 + 1, count3 = count3 - 1
      WHERE school_code = $1 AND procedure_code = $2 AND year = ${YEAR} AND subject_code = $3
        AND grade IS NOT DISTINCT FROM $4 AND count3 > 0`,
    [key.school_code, key.procedure_code, key.subject_code, key.grade],
  );
  if (rowCount !== 1) throw new Error(`Write found no row: ${JSON.stringify(key)}`);
}

/**
 * Each load starts with every user's rate-limit bucket full again (the server limits each user;
 * the loads spread requests over many users so that they measure the server, not its limiter).
 */
const REFILL_MS = (1000 * DEFAULT_LIMITS.requests.capacity) / DEFAULT_LIMITS.requests.perSecond;

/** Seconds of unmeasured load before the runs. */
const WARM_UP_SECONDS = 3;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const afterWriteOf = (questions: string) =>
  `${questions} answers over HTTP, each right after a committed write to one school`;

/**
 * Aggregate: 3 indicators × 4 groupings over HTTP, at national scale.
 * - Under load (autocannon, 50 clients, one user per connection): the target's question, by
 *   municipality; and all 12 questions in turn, by school too, for the record. No writes run
 *   meanwhile; that the change version stood is checked and said.
 * - One client, question by question: right after a committed write to one school (the answer
 *   re-reads that school's facts), and cold (the sequence is moved on with no change named, so the
 *   facts are read whole from the rollups), next to the same question as one GROUP BY over
 *   participant rows on the owner's connection. The ratio with a target is by municipality (the
 *   target's question); by region, cluster and school, and all 12 summed, are for the record.
 */
export async function aggregateBenchmark(ctx: BenchContext): Promise<Figure[]> {
  const [server] = await ctx.servers();
  const connections = ctx.config.connections;
  const tokens = await Promise.all(ctx.accounts.slice(0, -1).map((a) => signIn(server.endpoint, a)));
  const token = tokens[0]!.accessToken;
  const db = new pg.Client({ connectionString: ctx.databaseUrl });
  await db.connect();
  try {
    const keys: ResultKey[] = (
      await db.query(
        `SELECT school_code, procedure_code, subject_code, grade FROM assessment_result
          WHERE year = ${YEAR} AND count3 > 0 ORDER BY school_code DESC, subject_code LIMIT $1`,
        [questions.length * ctx.config.runs],
      )
    ).rows;
    if (keys.length < questions.length * ctx.config.runs) throw new Error('Too few school results to write to');
    for (const q of questions) await timedPost(server.endpoint, q.body, token); // each answers
    const byMunicipality = questions.filter((q) => q.groupBy === 'MUNICIPALITY');
    const users = tokens.map((t) => t.accessToken);
    // Warm-up, not measured: a few seconds of the same load, so that the runs meet compiled code.
    // Not at smoke size: its few users would spend their rate limits on it.
    const bodies = questions.map((q) => q.body);
    if (ctx.config.profile === 'full') {
      await load({ url: server.endpoint, connections, seconds: WARM_UP_SECONDS, bodies, tokens: users });
    }
    const target = { p50: [] as number[], p99: [] as number[], rps: [] as number[] };
    const mixed = { p50: [] as number[], p99: [] as number[] };
    const afterWrite = { p50: [] as number[], p99: [] as number[] };
    const cold = { p50: [] as number[], p99: [] as number[] };
    // Per grouping (the target is by municipality, the "same answer"), and all 12 summed.
    const ratios = new Map<Grouping | 'ALL', number[]>([...GROUPINGS, 'ALL' as const].map((g) => [g, []]));
    const coldRatios: number[] = [];
    let versionMoved = false;
    // Over tens of millions of participant rows a GROUP BY takes seconds and does not change
    // between runs: each question's is timed once.
    const directTimes = new Map<(typeof questions)[number], number>();
    const directTime = async (q: (typeof questions)[number]) => {
      if (!directTimes.has(q)) {
        const started = performance.now();
        await db.query(directSql(q.indicator, q.groupBy));
        directTimes.set(q, performance.now() - started);
      }
      return directTimes.get(q)!;
    };
    for (let run = 1; run <= ctx.config.runs; run++) {
      const before = await changeVersion(db);
      const seconds = ctx.config.httpSeconds;
      await sleep(REFILL_MS);
      const loaded = await load({
        url: server.endpoint,
        connections,
        seconds,
        bodies: byMunicipality.map((q) => q.body),
        tokens: users,
      });
      await sleep(REFILL_MS);
      const all = await load({
        url: server.endpoint,
        connections,
        seconds,
        bodies,
        tokens: users,
      });
      if ((await changeVersion(db)) !== before) versionMoved = true;
      target.p50.push(loaded.p50);
      target.p99.push(loaded.p99);
      target.rps.push(loaded.requestsPerSecond);
      mixed.p50.push(all.p50);
      mixed.p99.push(all.p99);

      const written: number[] = [];
      const whole: number[] = [];
      const direct: number[] = [];
      for (const q of questions) {
        await writeOne(db, keys.pop()!);
        written.push(await timedPost(server.endpoint, q.body, token));
        await db.query(`SELECT nextval('hub_change_seq')`);
        whole.push(await timedPost(server.endpoint, q.body, token));
        direct.push(await directTime(q));
      }
      afterWrite.p50.push(percentile(written, 50));
      afterWrite.p99.push(percentile(written, 99));
      cold.p50.push(percentile(whole, 50));
      cold.p99.push(percentile(whole, 99));
      for (const [grouping, values] of ratios) {
        const of = (xs: number[]) => xs.filter((_, i) => grouping === 'ALL' || questions[i]!.groupBy === grouping);
        values.push(sum(of(direct)) / sum(of(written)));
      }
      coldRatios.push(sum(direct) / sum(whole));
      ctx.log(
        `aggregate run ${run}: by municipality ${Math.round(loaded.requestsPerSecond)} req/s, p50 ${loaded.p50} ms, ` +
          `p99 ${loaded.p99} ms; all groupings p99 ${all.p99} ms; after a write p50 ${percentile(written, 50).toFixed(1)} ms, ` +
          `cold p50 ${percentile(whole, 50).toFixed(1)} ms; direct GROUP BY total ${sum(direct).toFixed(0)} ms; ` +
          `× faster by municipality ${ratios.get('MUNICIPALITY')!.at(-1)!.toFixed(1)}, all ${ratios.get('ALL')!.at(-1)!.toFixed(1)}`,
      );
    }
    const held = versionMoved
      ? 'the change version moved during a run: some answers read their facts again'
      : 'no writes during the load: the change version stood, answers were grouped from the facts held';
    const clients = `${connections} concurrent clients (requests spread over ${tokens.length} users), ${ctx.config.httpSeconds} s per run`;
    const fig = (id: string, title: string, values: number[], note: string, target?: Figure['target']): Figure => ({
      benchmark: 'aggregate',
      id,
      title,
      value: median(values),
      unit: id.endsWith('_rps') ? 'req/s' : id.includes('speedup') ? '×' : 'ms',
      ...(target ? { target } : {}),
      note,
      runs: values,
    });
    const municipal = `${clients}; 3 indicators by municipality (year ${YEAR}) in turn; ${held}`;
    const everything = `${clients}; 12 questions in turn (3 indicators × region, municipality, cluster, school); ${held}`;
    const oneClient = 'one client, 12 questions (3 indicators × 4 groupings) per run';
    return [
      fig('aggregate.p50_ms', 'Aggregate by municipality: p50 latency, 50 clients', target.p50, municipal),
      fig('aggregate.p99_ms', 'Aggregate by municipality: p99 latency, 50 clients', target.p99, municipal, {
        op: '<=',
        value: 20,
      }),
      fig('aggregate.municipality_rps', 'Aggregate by municipality: requests/s, 50 clients', target.rps, municipal),
      fig('aggregate.all_groupings_p50_ms', 'Aggregate, all groupings: p50 latency, 50 clients', mixed.p50, everything),
      fig(
        'aggregate.all_groupings_p99_ms',
        'Aggregate, all groupings: p99 latency, 50 clients',
        mixed.p99,
        `${everything}; by school an answer is 40,000 rows of JSON`,
      ),
      fig(
        'aggregate.after_write_p50_ms',
        'Aggregate right after a write: p50 latency',
        afterWrite.p50,
        `${oneClient}; each asked right after a committed write to one school (its facts are read again)`,
      ),
      fig(
        'aggregate.after_write_p99_ms',
        'Aggregate right after a write: p99 latency',
        afterWrite.p99,
        `${oneClient}; p99 of 12 is their maximum`,
      ),
      fig(
        'aggregate.cold_p50_ms',
        'Aggregate cold: p50 latency',
        cold.p50,
        `${oneClient}; the change sequence moved on without naming a change, so the facts are read whole from the rollups`,
      ),
      fig('aggregate.cold_p99_ms', 'Aggregate cold: p99 latency', cold.p99, `${oneClient}; p99 of 12 is their maximum`),
      fig(
        'aggregate.speedup_municipality',
        'Aggregate by municipality: × faster than GROUP BY over participant rows',
        ratios.get('MUNICIPALITY')!,
        `time of the 3 direct GROUP BY queries by municipality over participant rows (each timed once) ÷ time of ${afterWriteOf('the same 3')}`,
        { op: '>=', value: 50 },
      ),
      ...(['REGION', 'CLUSTER', 'SCHOOL'] as const).map((grouping) =>
        fig(
          `aggregate.speedup_${grouping.toLowerCase()}`,
          `Aggregate by ${grouping.toLowerCase()}: × faster than GROUP BY`,
          ratios.get(grouping)!,
          `the same for the 3 questions by ${grouping.toLowerCase()}`,
        ),
      ),
      fig(
        'aggregate.speedup_all',
        'Aggregate, all groupings: × faster than GROUP BY',
        ratios.get('ALL')!,
        `time of the 12 direct GROUP BY queries ÷ time of ${afterWriteOf('the same 12')}`,
      ),
      fig(
        'aggregate.speedup_cold',
        'Aggregate cold: × faster than GROUP BY',
        coldRatios,
        'time of the 12 direct GROUP BY queries ÷ time of the same 12 answers when they read their facts whole',
      ),
    ];
  } finally {
    await db.end();
  }
}
