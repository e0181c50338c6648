import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../server/src/seed/random';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

type Filter = Record<string, unknown>;
interface Fact {
  school: string | null;
  municipality: string | null;
  num: number;
  den: number;
}
interface School {
  code: string;
  municipality_code: string;
  cluster_code: string | null;
  is_demo: boolean;
}

/**
 * The oracle: each indicator computed straight from the domain tables, without
 * the rollups, the view or the aggregate engine; grouping is done here in JS.
 */
const ORACLE: Record<string, (f: Filter) => Promise<Fact[]>> = {
  'schools.count': async () =>
    (await hub.sql(`SELECT code FROM school`)).map((r) => ({ school: r.code, municipality: null, num: 1, den: 1 })),
  'assessment.share_2': (f) => assessment(f, 'count2', 'count2 + count3 + count4 + count5'),
  'assessment.share_45': (f) => assessment(f, 'count4 + count5', 'count2 + count3 + count4 + count5'),
  'assessment.mean_score': (f) =>
    assessment(
      f,
      'coalesce(mean_test_score * participants, 0)',
      'CASE WHEN mean_test_score IS NULL THEN 0 ELSE participants END',
    ),
  'assessment.below_min_share': (f) =>
    assessment(
      f,
      'coalesce(below_minimum_count, 0)',
      'CASE WHEN below_minimum_count IS NULL THEN 0 ELSE participants END',
    ),
  'assessment.journal_lowered_share': (f) =>
    assessment(f, 'coalesce(journal_lowered, 0)', 'coalesce(journal_lowered + journal_confirmed + journal_raised, 0)'),
  'assessment.journal_raised_share': (f) =>
    assessment(f, 'coalesce(journal_raised, 0)', 'coalesce(journal_lowered + journal_confirmed + journal_raised, 0)'),
  'vsoko.high_risk_share': (f) => vsoko(f, (risky) => (risky.length >= 3 ? 1 : 0)),
  'vsoko.mean_total': (f) => vsoko(f, (_risky, total) => total),
  'vsoko.block_risk_share': (f) => vsoko(f, (risky) => (risky.includes(f.block as number) ? 1 : 0)),
  'shnor.count': async (f) => {
    const year = f.year ?? (await hub.sql(`SELECT max(year) AS y FROM shnor_listing`))[0]!.y;
    const rows = await hub.sql(`SELECT school_code FROM shnor_listing WHERE year = $1 ${demoFact(f)}`, [year]);
    return rows.map((r) => ({ school: r.school_code, municipality: null, num: 1, den: 1 }));
  },
  'selfdiag.coverage': async (f) => {
    const [round] = await latestRound(f);
    const done = new Set(
      (
        await hub.sql(`SELECT school_code FROM self_diagnostic_result WHERE year = $1 AND round = $2 ${demoFact(f)}`, [
          round!.year,
          round!.round,
        ])
      ).map((r) => r.school_code),
    );
    return (await hub.sql(`SELECT code FROM school`)).map((r) => ({
      school: r.code,
      municipality: null,
      num: done.has(r.code) ? 1 : 0,
      den: 1,
    }));
  },
  'selfdiag.below_base_share': async (f) => {
    const [round] = await latestRound(f);
    const rows = await hub.sql(
      `SELECT school_code, level FROM self_diagnostic_result WHERE year = $1 AND round = $2 ${demoFact(f)}`,
      [round!.year, round!.round],
    );
    return rows.map((r) => ({
      school: r.school_code,
      municipality: null,
      num: r.level === 'below_base' ? 1 : 0,
      den: 1,
    }));
  },
  'plan.done_share': (f) => plan(f, (r) => (r.status === 'done' ? 1 : 0)),
  'plan.overdue_count': (f) =>
    plan(f, (r) => (r.status !== 'done' && r.deadline_end !== null && r.deadline_end < r.today ? 1 : 0)),
};

const demoFact = (f: Filter) => (f.includeDemo === false ? 'AND NOT is_demo' : '');

async function assessment(f: Filter, num: string, den: string): Promise<Fact[]> {
  const where = [`true ${demoFact(f)}`];
  const params: unknown[] = [];
  for (const [key, column] of [
    ['year', 'year'],
    ['procedure', 'procedure_code'],
    ['subject', 'subject_code'],
    ['grade', 'grade'],
  ] as const) {
    if (f[key] !== undefined) {
      params.push(f[key]);
      where.push(`${column} = $${params.length}`);
    }
  }
  const rows = await hub.sql(
    `SELECT school_code, ${num} AS num, ${den} AS den FROM assessment_result WHERE ${where.join(' AND ')}`,
    params,
  );
  return rows.map((r) => ({ school: r.school_code, municipality: null, num: Number(r.num), den: Number(r.den) }));
}

async function vsoko(f: Filter, value: (risky: number[], total: number) => number): Promise<Fact[]> {
  const year = f.campaignYear ?? (await hub.sql(`SELECT max(year) AS y FROM vsoko_campaign`))[0]!.y;
  const evaluations = await hub.sql(
    `SELECT school_code FROM vsoko_evaluation WHERE campaign_year = $1 ${demoFact(f)}`,
    [year],
  );
  const scores = await hub.sql(
    `SELECT s.school_code, s.block_number, s.score, b.threshold FROM vsoko_block_score s
       JOIN vsoko_block b ON b.campaign_year = s.campaign_year AND b.number = s.block_number WHERE s.campaign_year = $1`,
    [year],
  );
  return evaluations.map((e) => {
    const own = scores.filter((s) => s.school_code === e.school_code);
    const risky = own.filter((s) => s.score < s.threshold).map((s) => s.block_number);
    const total = own.reduce((sum, s) => sum + s.score, 0);
    return { school: e.school_code, municipality: null, num: value(risky, total), den: 1 };
  });
}

async function latestRound(f: Filter) {
  return hub.sql(
    `SELECT year, round FROM self_diagnostic_result WHERE ($1::int IS NULL OR year = $1) AND ($2::int IS NULL OR round = $2)
      ORDER BY year DESC, round DESC LIMIT 1`,
    [f.year ?? null, f.round ?? null],
  );
}

async function plan(f: Filter, value: (row: any) => number): Promise<Fact[]> {
  const rows = await hub.sql(
    `SELECT p.school_code, p.municipality_code, p.status, a.deadline_end::text, (now() AT TIME ZONE 'Asia/Tomsk')::date::text AS today
       FROM activity_progress p JOIN plan_activity a ON a.id = p.activity_id
      WHERE ($1::text IS NULL OR a.plan_code = $1) ${f.includeDemo === false ? 'AND NOT p.is_demo' : ''}`,
    [f.plan ?? null],
  );
  return rows.map((r) => ({
    school: r.school_code,
    municipality: r.school_code ? null : r.municipality_code,
    num: value(r),
    den: 1,
  }));
}

/** The same grouping rules as the engine, done by hand over the oracle's facts. */
function group(
  facts: Fact[],
  schools: Map<string, School>,
  groupBy: string,
  f: Filter,
): Map<string, { num: number; den: number }> {
  const result = new Map<string, { num: number; den: number }>();
  for (const fact of facts) {
    const school = fact.school ? schools.get(fact.school) : undefined;
    if (fact.school && !school) continue;
    if (f.includeDemo === false && school?.is_demo) continue;
    const municipality = school?.municipality_code ?? fact.municipality;
    if (f.municipalityCodes && !(f.municipalityCodes as string[]).includes(municipality ?? '')) continue;
    if (f.clusterCodes && !(f.clusterCodes as string[]).includes(school?.cluster_code ?? '')) continue;
    const key =
      groupBy === 'REGION'
        ? 'region'
        : groupBy === 'MUNICIPALITY'
          ? municipality
          : groupBy === 'CLUSTER'
            ? school
              ? (school.cluster_code ?? 'none')
              : null
            : fact.school;
    if (!key) continue;
    const sum = result.get(key) ?? { num: 0, den: 0 };
    sum.num += fact.num;
    sum.den += fact.den;
    result.set(key, sum);
  }
  return result;
}

const CASES: [string, Filter][] = [
  ['schools.count', {}],
  ['schools.count', { includeDemo: false }],
  ['assessment.share_2', { year: 2025, procedure: 'VPR' }],
  ['assessment.share_2', { year: 2024, procedure: 'VPR', subject: 'MATHEMATICS', grade: 5 }],
  ['assessment.share_45', { year: 2025, procedure: 'OGE' }],
  ['assessment.mean_score', { year: 2025, procedure: 'EGE' }],
  ['assessment.mean_score', { year: 2024, procedure: 'EGE', subject: 'RUSSIAN' }],
  ['assessment.below_min_share', { year: 2025, procedure: 'EGE' }],
  ['assessment.journal_lowered_share', { year: 2025, procedure: 'VPR', municipalityCodes: ['tomsk', 'tomsky'] }],
  ['assessment.journal_raised_share', { procedure: 'VPR', clusterCodes: ['K4', 'K5'] }],
  ['vsoko.high_risk_share', {}],
  ['vsoko.mean_total', { campaignYear: 2024 }],
  ['vsoko.block_risk_share', { block: 2 }],
  ['shnor.count', {}],
  ['shnor.count', { year: 2023 }],
  ['selfdiag.coverage', {}],
  ['selfdiag.below_base_share', { year: 2024, round: 1 }],
  ['plan.done_share', { plan: 'shnor-roadmap-2023' }],
  ['plan.overdue_count', {}],
];

const AGGREGATE = `query ($i: String!, $g: GroupBy!, $f: AggregateFilter) {
  aggregate(indicator: $i, groupBy: $g, filter: $f) { rows { key numerator denominator } }
}`;

async function checkAll(): Promise<void> {
  const schools = new Map(
    (await hub.sql<School>(`SELECT code, municipality_code, cluster_code, is_demo FROM school`)).map((s) => [
      s.code,
      s,
    ]),
  );
  for (const [indicator, filter] of CASES) {
    const facts = await ORACLE[indicator]!(filter);
    for (const groupBy of ['REGION', 'MUNICIPALITY', 'CLUSTER', 'SCHOOL']) {
      const { aggregate } = await hub.gqlOk(AGGREGATE, { i: indicator, g: groupBy, f: filter });
      const expected = group(facts, schools, groupBy, filter);
      const got = new Map<string, { num: number; den: number }>(
        aggregate.rows
          .filter(
            (r: { numerator: number; denominator: number }) =>
              groupBy === 'REGION' || r.numerator !== 0 || r.denominator !== 0,
          )
          .map((r: { key: string; numerator: number; denominator: number }) => [
            r.key,
            { num: r.numerator, den: r.denominator },
          ]),
      );
      const label = `${indicator} ${JSON.stringify(filter)} by ${groupBy}`;
      if (groupBy === 'REGION')
        expect(expected.get('region')?.den ?? 0, `${label}: the case has data`).toBeGreaterThan(0);
      expect([...got.keys()].sort(), label).toEqual([...expected.keys()].sort());
      for (const [key, value] of expected) {
        expect(got.get(key)!.num, `${label} ${key} numerator`).toBeCloseTo(value.num, 6);
        expect(got.get(key)!.den, `${label} ${key} denominator`).toBeCloseTo(value.den, 6);
      }
    }
  }
}

describe('every indicator agrees with a direct SQL computation', () => {
  it('covers the catalogue of the brief', async () => {
    const { indicators } = await hub.gqlOk('{ indicators { code } }');
    const codes = indicators.map((i: { code: string }) => i.code);
    for (const code of Object.keys(ORACLE)) expect(codes).toContain(code);
  });

  it('on the demo data', async () => {
    await checkAll();
  });

  it('after a random sequence of writes and deletions', async () => {
    const random = new SeededRandom('indicators-property');
    const schools = (await hub.sql(`SELECT code FROM school ORDER BY code`)).map((r) => r.code);
    const pick = () => schools[random.int(0, schools.length - 1)]!;
    for (let step = 0; step < 40; step++) {
      // Halfway too: answers kept current school by school must agree at every point, not only at the end.
      if (step === 20) await checkAll();
      const school = pick();
      switch (random.int(0, 5)) {
        case 0:
          await hub.gqlOk(
            `mutation ($s: String!, $l: SelfDiagnosticLevel!) { submitSelfDiagnostic(input: { schoolCode: $s, year: 2025, round: 2, level: $l }) { level } }`,
            {
              s: school,
              l: random.weighted([
                ['BELOW_BASE', 1],
                ['BASE', 1],
                ['MEDIUM', 1],
                ['HIGH', 1],
              ] as const),
            },
          );
          break;
        case 1:
          await hub.sql(`DELETE FROM self_diagnostic_result WHERE school_code = $1 AND year = 2025 AND round = 2`, [
            school,
          ]);
          break;
        case 2:
          await hub.sql(
            `UPDATE assessment_result SET count2 = count2 + count3, count3 = 0 WHERE school_code = $1 AND year = 2025 AND procedure_code = 'VPR'`,
            [school],
          );
          break;
        case 3:
          await hub.sql(
            `DELETE FROM assessment_result WHERE school_code = $1 AND year = 2025 AND procedure_code IN ('EGE', 'VPR')`,
            [school],
          );
          break;
        case 4: {
          const result = await hub.gql(
            `mutation ($s: String!) { setShnorListing(input: { schoolCode: $s, year: 2025, category: "ШНОР" }) { year } }`,
            { s: school },
          );
          expect(result.errors).toBeUndefined();
          break;
        }
        default:
          await hub.sql(
            `UPDATE activity_progress SET status = 'done' WHERE id IN (SELECT id FROM activity_progress ORDER BY id LIMIT 1 OFFSET $1)`,
            [random.int(0, 200)],
          );
      }
    }
    await checkAll();
  });
});
