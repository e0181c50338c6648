import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const PAGE = `query ($filter: SelfDiagnosticFilter, $first: Int, $after: String) {
  selfDiagnosticResults(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { school { code municipality { code } cluster { code } } year round level levelTitle total
      scores { direction { code } score } isDemo recordedBy recordedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function results(filter: Record<string, unknown> = {}): Promise<any[]> {
  const all: any[] = [];
  let after: string | null = null;
  for (;;) {
    const data: any = await hub.gqlOk(PAGE, { filter, first: 500, after });
    all.push(...data.selfDiagnosticResults.edges.map((e: any) => e.node));
    if (!data.selfDiagnosticResults.pageInfo.hasNextPage) return all;
    after = data.selfDiagnosticResults.pageInfo.endCursor;
  }
}

describe('reference data', () => {
  it('lists the seven magistral directions and the key condition in model order', async () => {
    const { selfDiagnosticDirections } = await hub.gqlOk(`{ selfDiagnosticDirections { code name kind position } }`);
    expect(selfDiagnosticDirections.map((d: any) => d.name)).toEqual([
      'Знание',
      'Воспитание',
      'Здоровье',
      'Творчество',
      'Профориентация',
      'Учитель. Школьная команда',
      'Школьный климат',
      'Образовательная среда',
    ]);
    expect(selfDiagnosticDirections.filter((d: any) => d.kind === 'KEY_CONDITION')).toEqual([
      { code: 'educational-environment', name: 'Образовательная среда', kind: 'KEY_CONDITION', position: 8 },
    ]);
  });

  it('has the rounds, newest first, with their result counts', async () => {
    const { selfDiagnosticRounds } = await hub.gqlOk(`{ selfDiagnosticRounds { year round resultCount } }`);
    expect(selfDiagnosticRounds).toEqual([
      { year: 2025, round: 2, resultCount: 299 },
      { year: 2025, round: 1, resultCount: 299 },
      { year: 2024, round: 2, resultCount: 299 },
      { year: 2024, round: 1, resultCount: 299 },
    ]);
  });
});

describe('demo results', () => {
  it('give every school two rounds in 2024 and 2025, labelled demo, totals adding up', async () => {
    const all = await results();
    expect(all).toHaveLength(299 * 4);
    for (const r of all) {
      expect(r.isDemo).toBe(true);
      expect(r.recordedBy).toContain('демо');
      expect(r.scores).toHaveLength(8);
      expect(r.total).toBe(r.scores.reduce((sum: number, s: any) => sum + s.score, 0));
    }
    expect(await results({ isDemo: false })).toEqual([]);
  });

  it('have a realistic share «ниже базового» that shrinks from round to round', async () => {
    const all = await results();
    const share = (year: number, round: number) => {
      const inRound = all.filter((r) => r.year === year && r.round === round);
      return inRound.filter((r) => r.level === 'BELOW_BASE').length / inRound.length;
    };
    const shares = [share(2024, 1), share(2024, 2), share(2025, 1), share(2025, 2)];
    expect(shares[0]).toBeGreaterThan(0.08);
    expect(shares[0]).toBeLessThan(0.3);
    expect(shares[3]).toBeGreaterThan(0);
    expect(shares[3]).toBeLessThan(shares[0]! * 0.75);
    for (const level of ['BASE', 'MEDIUM', 'HIGH']) expect(all.some((r) => r.level === level)).toBe(true);
    expect(all.find((r) => r.level === 'BELOW_BASE').levelTitle).toBe('ниже базового');
  });

  it('correlate with the ВСОКО story: high-zone schools sit lower than low-zone ones', async () => {
    const rank = { BELOW_BASE: 0, BASE: 1, MEDIUM: 2, HIGH: 3 } as Record<string, number>;
    const { vsokoEvaluations } = await hub.gqlOk(`{ vsokoEvaluations(first: 100) { edges { node {
      zone { code } school { selfDiagnostics(year: 2024, round: 1) { level } } } } } }`);
    const mean = (zone: string) => {
      const levels = vsokoEvaluations.edges
        .filter((e: any) => e.node.zone.code === zone)
        .map((e: any) => rank[e.node.school.selfDiagnostics[0].level]!);
      return levels.reduce((a: number, b: number) => a + b, 0) / levels.length;
    };
    expect(mean('HIGH')).toBeLessThan(mean('LOW'));
  });
});

describe('the selfDiagnosticResults filter and School.selfDiagnostics', () => {
  it('filters by year, round, levels, schools, municipalities, clusters', async () => {
    expect(await results({ year: 2025, round: 2 })).toHaveLength(299);
    const below = await results({ year: 2024, levels: ['BELOW_BASE', 'BASE'] });
    expect(below.every((r) => r.year === 2024 && ['BELOW_BASE', 'BASE'].includes(r.level))).toBe(true);
    expect(below.length).toBeGreaterThan(0);
    expect((await results({ schoolCodes: ['sch700001'] })).map((r) => [r.year, r.round])).toEqual([
      [2025, 2],
      [2025, 1],
      [2024, 2],
      [2024, 1],
    ]);
    const kedrovy = await results({ municipalityCodes: ['kedrovy'], year: 2025, round: 1 });
    expect(kedrovy).toHaveLength(3);
    const k1 = await results({ clusterCodes: ['K1'], year: 2025, round: 1 });
    expect(k1.length).toBeGreaterThan(0);
    expect(k1.every((r) => r.school.cluster.code === 'K1')).toBe(true);
  });

  it('pages newest round first, then by school, with stable cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await hub.gqlOk(PAGE, { filter: { municipalityCodes: ['tomsky'] }, first: 37, after });
      seen.push(
        ...data.selfDiagnosticResults.edges.map((e: any) => `${e.node.year}:${e.node.round}:${e.node.school.code}`),
      );
      if (!data.selfDiagnosticResults.pageInfo.hasNextPage) break;
      after = data.selfDiagnosticResults.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(38 * 4);
    expect(new Set(seen).size).toBe(seen.length);
    const sorted = [...seen].sort((a, b) => {
      const [ya, ra, ca] = a.split(':');
      const [yb, rb, cb] = b.split(':');
      return Number(yb) - Number(ya) || Number(rb) - Number(ra) || ca!.localeCompare(cb!);
    });
    expect(seen).toEqual(sorted);
    const forged = await hub.gql(PAGE, { first: 5, after: 'bm9wZQ' });
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_CURSOR');
  });

  it('School.selfDiagnostics gives results newest first, by year and round', async () => {
    const { school } = await hub.gqlOk(`{ school(code: "sch700033") {
      all: selfDiagnostics { year round }
      y2025: selfDiagnostics(year: 2025) { year round }
      second: selfDiagnostics(round: 2) { year round }
      one: selfDiagnostics(year: 2024, round: 1) { year round scores { direction { name } score } }
      none: selfDiagnostics(year: 2023) { year }
    } }`);
    expect(school.all).toEqual([
      { year: 2025, round: 2 },
      { year: 2025, round: 1 },
      { year: 2024, round: 2 },
      { year: 2024, round: 1 },
    ]);
    expect(school.y2025).toEqual(school.all.slice(0, 2));
    expect(school.second).toEqual([
      { year: 2025, round: 2 },
      { year: 2024, round: 2 },
    ]);
    expect(school.one).toHaveLength(1);
    expect(school.one[0].scores.map((s: any) => s.direction.name)[7]).toBe('Образовательная среда');
    expect(school.none).toEqual([]);
  });
});
