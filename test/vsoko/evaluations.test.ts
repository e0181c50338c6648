import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const EVALUATION = `school { code municipality { code } cluster { code } } campaign { year } year
  blocks { number name score max threshold risky risk riskIndicator }
  total riskyBlockCount riskProfile { number risk riskIndicator } zone { code title }
  expert passport { managementPositions { code title } teacherCount studentCount }
  documents { code title optional url provided notProvidedReason } providedDocumentCount
  isDemo recordedBy recordedAt`;

async function allEvaluations(filter: Record<string, unknown> = {}): Promise<any[]> {
  const { vsokoEvaluations } = await hub.gqlOk(
    `query ($filter: VsokoEvaluationFilter) { vsokoEvaluations(filter: $filter, first: 500) {
      totalCount edges { node { ${EVALUATION} } } } }`,
    { filter },
  );
  expect(vsokoEvaluations.totalCount).toBe(vsokoEvaluations.edges.length);
  return vsokoEvaluations.edges.map((e: any) => e.node);
}

describe('demo evaluations of the 2024 sample', () => {
  it('cover the 65 sample schools, labelled demo, with demo experts', async () => {
    const all = await allEvaluations();
    expect(all).toHaveLength(65);
    expect(new Set(all.map((e) => e.school.code)).size).toBe(65);
    for (const e of all) {
      expect(e.isDemo).toBe(true);
      expect(e.year).toBe(2024);
      expect(e.campaign.year).toBe(2024);
      expect(e.expert).toMatch(/^Эксперт \d+ \(демо\)$/);
      expect(e.recordedBy).toContain('демо');
      expect(e.recordedAt >= '2024-10-14' && e.recordedAt <= '2024-11-28').toBe(true);
      expect(e.blocks).toHaveLength(4);
      expect(e.documents).toHaveLength(6);
      expect(e.passport.teacherCount).toBeGreaterThan(0);
      expect(e.passport.studentCount).toBeGreaterThan(0);
      expect(e.passport.managementPositions.map((p: any) => p.code)).toContain('principal');
    }
    expect(await allEvaluations({ isDemo: false })).toEqual([]);
  });

  it('derive risk, profile, total and zone consistently from the scores', async () => {
    for (const e of await allEvaluations()) {
      for (const b of e.blocks) {
        expect(b.score).toBeGreaterThanOrEqual(0);
        expect(b.score).toBeLessThanOrEqual(b.max);
        expect(b.risky).toBe(b.score < b.threshold);
      }
      const risky = e.blocks.filter((b: any) => b.risky);
      expect(e.riskyBlockCount).toBe(risky.length);
      expect(e.riskProfile.map((r: any) => r.number)).toEqual(risky.map((b: any) => b.number));
      expect(e.total).toBe(e.blocks.reduce((sum: number, b: any) => sum + b.score, 0));
      const expected = risky.length === 0 ? 'LOW' : risky.length <= 2 ? 'MODERATE' : 'HIGH';
      expect(e.zone.code).toBe(expected);
    }
  });

  it('spread over the zones realistically: most low or moderate, some high', async () => {
    const all = await allEvaluations();
    const count = (zone: string) => all.filter((e) => e.zone.code === zone).length;
    expect(count('LOW') + count('MODERATE')).toBeGreaterThanOrEqual(50);
    expect(count('LOW')).toBeGreaterThan(15);
    expect(count('MODERATE')).toBeGreaterThan(5);
    expect(count('HIGH')).toBeGreaterThanOrEqual(2);
    expect(count('HIGH')).toBeLessThanOrEqual(15);
  });

  it('put weak schools in riskier zones: the high zone scores lower than the low zone on average', async () => {
    const all = await allEvaluations();
    const mean = (zone: string) => {
      const totals = all.filter((e) => e.zone.code === zone).map((e) => e.total);
      return totals.reduce((a, b) => a + b, 0) / totals.length;
    };
    expect(mean('HIGH')).toBeLessThan(mean('MODERATE'));
    expect(mean('MODERATE')).toBeLessThan(mean('LOW'));
  });

  it('have a few links to site pages, which count as not provided', async () => {
    const all = await allEvaluations();
    const documents = all.flatMap((e) => e.documents);
    const pages = documents.filter((d) => d.url?.endsWith('/'));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThan(documents.length / 5);
    for (const d of pages) {
      expect(d.provided).toBe(false);
      expect(d.notProvidedReason).toBe('Ссылка ведёт на страницу сайта, а не на конкретный документ');
    }
    for (const d of documents.filter((d) => d.url === null)) expect(d.provided).toBe(false);
    for (const e of all) {
      expect(e.providedDocumentCount).toBe(e.documents.filter((d: any) => d.provided).length);
    }
    expect(all.some((e) => e.providedDocumentCount === 6)).toBe(true);
  });
});

describe('the vsokoEvaluations filter', () => {
  it('filters by zone, by risky block and by campaign year', async () => {
    const all = await allEvaluations();
    const high = await allEvaluations({ zones: ['HIGH'] });
    expect(high.map((e) => e.school.code)).toEqual(all.filter((e) => e.zone.code === 'HIGH').map((e) => e.school.code));
    const lowOrModerate = await allEvaluations({ zones: ['LOW', 'MODERATE'] });
    expect(lowOrModerate.length + high.length).toBe(65);
    const block3 = await allEvaluations({ riskyBlocks: [3] });
    expect(block3.map((e) => e.school.code)).toEqual(all.filter((e) => e.blocks[2].risky).map((e) => e.school.code));
    const block1or4 = await allEvaluations({ riskyBlocks: [1, 4] });
    expect(block1or4).toHaveLength(all.filter((e) => e.blocks[0].risky || e.blocks[3].risky).length);
    expect(await allEvaluations({ year: 2024 })).toHaveLength(65);
    expect(await allEvaluations({ year: 2023 })).toHaveLength(0);
  });

  it('filters by schools, municipalities and clusters', async () => {
    const all = await allEvaluations();
    expect((await allEvaluations({ schoolCodes: ['sch700001', 'sch700033'] })).map((e) => e.school.code)).toEqual([
      'sch700001',
      'sch700033',
    ]);
    const tomsky = await allEvaluations({ municipalityCodes: ['tomsky'] });
    expect(tomsky).toHaveLength(9);
    expect(tomsky.every((e) => e.school.municipality.code === 'tomsky')).toBe(true);
    const k5 = await allEvaluations({ clusterCodes: ['K5'] });
    expect(k5.length).toBe(all.filter((e) => e.school.cluster?.code === 'K5').length);
    expect(k5.length).toBeGreaterThan(0);
  });

  it('pages stably in school order with cursors', async () => {
    const codes: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await hub.gqlOk(
        `query ($after: String) { vsokoEvaluations(first: 20, after: $after) {
          edges { node { school { code } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      codes.push(...data.vsokoEvaluations.edges.map((e: any) => e.node.school.code));
      if (!data.vsokoEvaluations.pageInfo.hasNextPage) break;
      after = data.vsokoEvaluations.pageInfo.endCursor;
    }
    expect(codes).toHaveLength(65);
    expect([...codes].sort()).toEqual(codes);
    const forged = await hub.gql(`{ vsokoEvaluations(first: 5, after: "bm9wZQ") { totalCount } }`);
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_CURSOR');
    const tooMany = await hub.gql(`{ vsokoEvaluations(first: 501) { totalCount } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('PAGE_TOO_LARGE');
  });

  it('the SQL view derives the same totals, risky blocks and zones as the API', async () => {
    const all = await allEvaluations();
    const rows = await hub.sql(
      `SELECT school_code, total, risky_blocks, risky_block_count, zone::text FROM vsoko_evaluation_outcome
        ORDER BY school_code`,
    );
    expect(
      rows.map((r) => [r.school_code, r.total, r.risky_blocks, r.risky_block_count, r.zone.toUpperCase()]),
    ).toEqual(
      all.map((e) => [e.school.code, e.total, e.riskProfile.map((b: any) => b.number), e.riskyBlockCount, e.zone.code]),
    );
  });
});

describe('School.vsoko and School.vsokoHistory', () => {
  it('give the campaign’s evaluation, the latest without a year, and nothing for a school outside the sample', async () => {
    const { a, b } = await hub.gqlOk(`{
      a: school(code: "sch700010") { vsoko(year: 2024) { year zone { code } } latest: vsoko { year } vsokoHistory { year school { code } } none: vsoko(year: 2023) { year } }
      b: school(code: "sch790001") { vsoko { year } vsokoHistory { year } }
    }`);
    expect(a.vsoko.year).toBe(2024);
    expect(a.latest.year).toBe(2024);
    expect(a.vsokoHistory).toEqual([{ year: 2024, school: { code: 'sch700010' } }]);
    expect(a.none).toBeNull();
    expect(b).toEqual({ vsoko: null, vsokoHistory: [] });
  });
});
