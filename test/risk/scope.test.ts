import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlClient } from '../harness/client';
import { startTestHub, type TestHub } from '../harness/hub';
import { createUser, Role } from '../harness/users';
import { SCHOOL_RISK } from './crafted';

// The demo data: 299 schools, every domain filled in.
let hub: TestHub;
let officer: GraphqlClient;
beforeAll(async () => {
  hub = await startTestHub();
  officer = (await createUser(hub, { role: Role.MUNICIPAL_OFFICER, municipalityCode: 'tomsky' })).client;
});
afterAll(() => hub?.close());

const SCHOOLS = `query ($filter: RiskRadarFilter, $first: Int, $after: String) {
  riskRadar(filter: $filter, groupBy: SCHOOL, first: $first, after: $after) {
    ... on RiskSchoolConnection {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { schoolCode municipalityCode level score signals { code explanation source { section key } } } }
    }
  }
}`;
const COUNTS = `query ($groupBy: GroupBy!) {
  riskRadar(groupBy: $groupBy) { ... on RiskGroupCounts { rows { key schoolCount highShare counts { level count } } } }
}`;
type Node = { schoolCode: string; municipalityCode: string; level: string; score: number; signals: any[] };

async function schools(client: GraphqlClient, filter: Record<string, unknown> = {}): Promise<Node[]> {
  const { riskRadar } = await client.gqlOk(SCHOOLS, { filter, first: 500 });
  return riskRadar.edges.map((e: { node: Node }) => e.node);
}

const RANK: Record<string, number> = { NONE: 0, ATTENTION: 1, RISK: 2, HIGH: 3 };

describe('on the demo data', () => {
  it('shows schools with several signals at once, each explained with its source', async () => {
    const all = await schools(hub.admin);
    expect(all).toHaveLength(299);
    const several = all.filter((s) => s.signals.length >= 3);
    expect(several.length).toBeGreaterThanOrEqual(20);
    for (const school of several) {
      for (const signal of school.signals) {
        expect(signal.explanation.length).toBeGreaterThan(20);
        expect(['vsoko', 'shnor', 'self-diagnostics', 'assessments', 'plans']).toContain(signal.source.section);
        expect(signal.source.key).not.toBe('');
      }
    }
    const codes = new Set(all.flatMap((s) => s.signals.map((x: { code: string }) => x.code)));
    expect([...codes].sort()).toEqual([
      'assessment_share_2',
      'journal_lowered',
      'journal_raised',
      'plan_overdue',
      'selfdiag_below_base',
      'shnor_candidate',
      'shnor_listed',
      'vsoko_zone_high',
      'vsoko_zone_moderate',
    ]);
    // Highest level and score first.
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      expect(RANK[a.level]! * 1000 + a.score).toBeGreaterThanOrEqual(RANK[b.level]! * 1000 + b.score);
    }
  });

  it('pages with stable cursors and filters by level and signal', async () => {
    const all = await schools(hub.admin);
    const first = (await hub.gqlOk(SCHOOLS, { first: 100 })).riskRadar;
    const second = (await hub.gqlOk(SCHOOLS, { first: 100, after: first.pageInfo.endCursor })).riskRadar;
    expect([...first.edges, ...second.edges].map((e: { node: Node }) => e.node.schoolCode)).toEqual(
      all.slice(0, 200).map((s) => s.schoolCode),
    );
    const high = await schools(hub.admin, { levels: ['HIGH'], signalCodes: ['vsoko_zone_high'] });
    expect(high.length).toBeGreaterThan(0);
    expect(high.every((s) => s.level === 'HIGH' && s.signals.some((x) => x.code === 'vsoko_zone_high'))).toBe(true);
  });
});

describe('a municipal officer', () => {
  it('gets a clear access error for another municipality’s school, and its own school’s picture', async () => {
    const [other] = await hub.sql(`SELECT code FROM school WHERE municipality_code = 'tomsk' LIMIT 1`);
    const refused = await officer.gql(SCHOOL_RISK, { code: other!.code });
    expect(refused.data).toBeNull();
    expect(refused.errors![0]).toMatchObject({
      message: `Школа «${other!.code}» не входит в вашу область доступа`,
      extensions: { code: 'FORBIDDEN' },
    });
    const [own] = await hub.sql(`SELECT code FROM school WHERE municipality_code = 'tomsky' LIMIT 1`);
    expect((await officer.gqlOk(SCHOOL_RISK, { code: own!.code })).schoolRisk.schoolCode).toBe(own!.code);
    const missing = await officer.gql(SCHOOL_RISK, { code: 'sch000000' });
    expect(missing.errors![0]!.extensions!.code).toBe('RISK_UNKNOWN_SCHOOL');
  });

  it('sees only its schools by school, the same pictures as the region admin', async () => {
    const mine = await schools(officer);
    const theirs = await schools(hub.admin, { municipalityCodes: ['tomsky'] });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s) => s.municipalityCode === 'tomsky')).toBe(true);
    expect(mine).toEqual(theirs);
    expect(await schools(officer, { municipalityCodes: ['tomsk'] })).toEqual([]);
  });

  it('sees every municipality’s and cluster’s counts, as the region admin does', async () => {
    for (const groupBy of ['MUNICIPALITY', 'CLUSTER', 'REGION']) {
      const own = (await officer.gqlOk(COUNTS, { groupBy })).riskRadar.rows;
      expect(own).toEqual((await hub.gqlOk(COUNTS, { groupBy })).riskRadar.rows);
      if (groupBy === 'MUNICIPALITY') expect(own).toHaveLength(20);
      if (groupBy === 'REGION') expect(own[0].schoolCount).toBe(299);
    }
  });

  it('gets only its schools from the live radar', async () => {
    const live = officer.subscribe(`subscription { riskRadarUpdated(groupBy: SCHOOL, first: 500) {
      ... on RiskSchoolConnection { totalCount edges { node { municipalityCode } } } } }`);
    const message = await live.next();
    const nodes = message.data!.riskRadarUpdated.edges.map((e: { node: Node }) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n: Node) => n.municipalityCode === 'tomsky')).toBe(true);
    await live.close();
  });
});

describe('indicator risk.high_share', () => {
  const AGGREGATE = `query ($groupBy: GroupBy!) { aggregate(indicator: "risk.high_share", groupBy: $groupBy) {
    rows { key value numerator denominator } } }`;

  it('agrees with the radar at every grouping', async () => {
    const all = await schools(hub.admin);
    const high = all.filter((s) => s.level === 'HIGH');
    const region = (await hub.gqlOk(AGGREGATE, { groupBy: 'REGION' })).aggregate.rows[0];
    expect(region).toEqual({
      key: 'region',
      value: (100 * high.length) / 299,
      numerator: high.length,
      denominator: 299,
    });
    const counts = (await hub.gqlOk(COUNTS, { groupBy: 'MUNICIPALITY' })).riskRadar.rows;
    const byMunicipality = (await hub.gqlOk(AGGREGATE, { groupBy: 'MUNICIPALITY' })).aggregate.rows;
    expect(byMunicipality.map((r: any) => [r.key, r.numerator, r.denominator])).toEqual(
      counts.map((r: any) => [r.key, r.counts.find((c: any) => c.level === 'HIGH').count, r.schoolCount]),
    );
    const clusters = (await hub.gqlOk(AGGREGATE, { groupBy: 'CLUSTER' })).aggregate.rows;
    expect(clusters.reduce((sum: number, r: any) => sum + r.numerator, 0)).toBe(high.length);
    const bySchool = (await hub.gqlOk(AGGREGATE, { groupBy: 'SCHOOL' })).aggregate.rows;
    expect(
      bySchool
        .filter((r: any) => r.numerator === 1)
        .map((r: any) => r.key)
        .sort(),
    ).toEqual(high.map((s) => s.schoolCode).sort());
    const officers = (await officer.gqlOk(AGGREGATE, { groupBy: 'SCHOOL' })).aggregate.rows;
    const own = await schools(officer);
    expect(officers.map((r: any) => r.key).sort()).toEqual(own.map((s) => s.schoolCode).sort());
  });
});

describe('cost', () => {
  async function statements(): Promise<number> {
    const before = hub.queries.count;
    await hub.gqlOk(`{ riskRadar(first: 500) { ... on RiskSchoolConnection { edges { node {
      schoolCode signals { code evidence { explanation } } } } } } }`);
    return hub.queries.count - before;
  }

  it('is a fixed number of statements whatever the number of schools, and one once computed', async () => {
    await hub.sql(`UPDATE risk_signal_rule SET weight = weight WHERE code = 'plan_overdue'`);
    const computed = await statements();
    expect(await statements()).toBe(1);
    await hub.sql(
      `INSERT INTO school (code, municipality_code, full_name)
       SELECT 'sch7c' || i, 'tomsk', 'Школа ' || i FROM generate_series(1, 50) i`,
    );
    expect(await statements()).toBe(computed);
  });
});
