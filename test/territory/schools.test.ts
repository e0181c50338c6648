import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool } from '../harness/factories';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

interface Page {
  schools: {
    totalCount: number;
    edges: { cursor: string; node: { code: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const PAGE = `query ($first: Int, $after: String, $filter: SchoolFilter) {
  schools(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { code } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function allCodes(filter?: Record<string, unknown>, first = 50): Promise<string[]> {
  const codes: string[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Page = await hub.gqlOk<Page>(PAGE, { first, after, filter });
    codes.push(...data.schools.edges.map((e) => e.node.code));
    if (!data.schools.pageInfo.hasNextPage) return codes;
    after = data.schools.pageInfo.endCursor;
  }
}

describe('the school register', () => {
  it('holds about 300 schools, 65 of them the real ВСОКО sample', async () => {
    const all = await hub.gqlOk<Page>(PAGE, { first: 0 });
    expect(all.schools.totalCount).toBe(299);
    const real = await hub.gqlOk<Page>(PAGE, { first: 0, filter: { isDemo: false } });
    expect(real.schools.totalCount).toBe(65);
  });

  it('codes the sample sch700001…sch700065 in the order of Приложение № 3, with its real names', async () => {
    const { schools } = await hub.gqlOk(
      `{ schools(first: 100, filter: { isDemo: false }) { edges { node { code fullName municipality { code } } } } }`,
    );
    const nodes = schools.edges.map((e: { node: unknown }) => e.node);
    expect(nodes.map((n: { code: string }) => n.code)).toEqual(
      Array.from({ length: 65 }, (_, i) => `sch7${String(i + 1).padStart(5, '0')}`),
    );
    expect(nodes[0]).toEqual({
      code: 'sch700001',
      fullName: 'МАОУ СОШ №2 с. Александровское',
      municipality: { code: 'aleksandrovsky' },
    });
    expect(nodes[8].fullName).toBe('МБОУ "Клюквинская СОШИ" Верхнекетского района');
    expect(nodes[8].municipality.code).toBe('verkhneketsky');
    expect(nodes[32]).toMatchObject({ code: 'sch700033', fullName: 'ОГАОУ "Губернаторский Светленский лицей"' });
    expect(nodes[64]).toMatchObject({
      code: 'sch700065',
      fullName: 'МКОУ "Маркеловская СОШ"',
      municipality: { code: 'shegarsky' },
    });
  });

  it('returns a school with its attributes, municipality and cluster', async () => {
    const { school } = await hub.gqlOk(`{ school(code: "sch700033") {
      code fullName shortName displayName type founder locality studentCount teacherCount
      distanceToTomskKm yearRoundRoad isDemo municipality { code name } cluster { code name }
    } }`);
    expect(school).toMatchObject({
      code: 'sch700033',
      type: 'лицей',
      founder: 'REGIONAL',
      locality: 'URBAN',
      isDemo: false,
      yearRoundRoad: true,
      displayName: 'ОГАОУ "Губернаторский Светленский лицей"',
      municipality: { code: 'tomsk', name: 'г. Томск' },
      cluster: { code: 'K2' },
    });
    expect(await hub.gqlOk('{ school(code: "sch000000") { code } }')).toEqual({ school: null });
  });

  it('labels demo schools as demo', async () => {
    const { schools } = await hub.gqlOk(
      `{ schools(first: 500, filter: { isDemo: true }) { totalCount edges { node { fullName displayName isDemo } } } }`,
    );
    expect(schools.totalCount).toBe(234);
    for (const { node } of schools.edges) {
      expect(node.isDemo).toBe(true);
      expect(node.fullName).toContain('демо');
      expect(node.displayName).toMatch(/^Демо/);
    }
  });
});

describe('pagination', () => {
  it('walks every school exactly once, in code order', async () => {
    const codes = await allCodes(undefined, 37);
    expect(codes).toHaveLength(299);
    expect(new Set(codes).size).toBe(299);
    expect([...codes].sort()).toEqual(codes);
  });

  it('keeps cursors stable when a school is added before the cursor', async () => {
    const first = await hub.gqlOk<Page>(PAGE, { first: 10 });
    const cursor = first.schools.pageInfo.endCursor;
    const lastSeen = first.schools.edges.at(-1)!.node.code;
    await createSchool(hub, { code: 'sch700000a' }); // sorts before every sample code
    const second = await hub.gqlOk<Page>(PAGE, { first: 5, after: cursor });
    expect(second.schools.edges[0]!.node.code > lastSeen).toBe(true);
    const again = await hub.gqlOk<Page>(PAGE, { first: 5, after: first.schools.edges.at(-1)!.cursor });
    expect(again.schools.edges.map((e) => e.node.code)).toEqual(second.schools.edges.map((e) => e.node.code));
    await hub.sql(`DELETE FROM school WHERE code = 'sch700000a'`);
  });

  it('reports hasNextPage and totalCount consistently on the last page', async () => {
    const codes = await allCodes();
    const lastCursorPage = await hub.gqlOk<Page>(PAGE, { first: 500 });
    expect(lastCursorPage.schools.pageInfo.hasNextPage).toBe(false);
    expect(lastCursorPage.schools.edges).toHaveLength(codes.length);
    expect(lastCursorPage.schools.totalCount).toBe(codes.length);
  });

  it('refuses a page larger than 500 with a clear error', async () => {
    const result = await hub.gql(PAGE, { first: 501 });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('PAGE_TOO_LARGE');
    expect(result.errors?.[0]?.message).toMatch(/не больше 500/);
  });

  it('refuses a negative page size and a forged cursor', async () => {
    const negative = await hub.gql(PAGE, { first: -1 });
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const forged = await hub.gql(PAGE, { first: 5, after: 'bm9wZQ' });
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_CURSOR');
  });

  it('pages a municipality’s schools through Municipality.schools', async () => {
    const { municipality } = await hub.gqlOk(`{ municipality(code: "tomsky") {
      schoolCount schools(first: 30) { totalCount edges { node { code municipality { code } } } pageInfo { hasNextPage endCursor } }
    } }`);
    expect(municipality.schoolCount).toBe(38);
    expect(municipality.schools.totalCount).toBe(38);
    expect(municipality.schools.edges).toHaveLength(30);
    expect(municipality.schools.pageInfo.hasNextPage).toBe(true);
    const rest = await hub.gqlOk(
      `query ($after: String) { municipality(code: "tomsky") { schools(first: 30, after: $after) { edges { node { code } } pageInfo { hasNextPage } } } }`,
      { after: municipality.schools.pageInfo.endCursor },
    );
    expect(rest.municipality.schools.edges).toHaveLength(8);
    expect(rest.municipality.schools.pageInfo.hasNextPage).toBe(false);
  });
});

describe('filters', () => {
  it('filters by municipality, cluster and type', async () => {
    const tomsky = await allCodes({ municipalityCodes: ['tomsky', 'shegarsky'] });
    expect(tomsky).toHaveLength(48);
    const k5 = await hub.gqlOk(
      `{ schools(first: 500, filter: { clusterCodes: ["K5"] }) { totalCount edges { node { yearRoundRoad } } } }`,
    );
    expect(k5.schools.totalCount).toBeGreaterThan(0);
    expect(k5.schools.edges.every((e: { node: { yearRoundRoad: boolean } }) => e.node.yearRoundRoad === false)).toBe(
      true,
    );
    const gymnasiums = await hub.gqlOk(
      `{ schools(filter: { types: ["гимназия"], isDemo: false }) { edges { node { code } } } }`,
    );
    expect(gymnasiums.schools.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual([
      'sch700004',
      'sch700028',
      'sch700029',
    ]);
  });

  it('searches names case-insensitively, with ё and е alike', async () => {
    const search = async (text: string) =>
      (
        await hub.gqlOk(`query ($s: String) { schools(filter: { search: $s }) { edges { node { code } } } }`, {
          s: text,
        })
      ).schools.edges.map((e: { node: { code: string } }) => e.node.code);
    expect(await search('ВЕРСТКИНОЙ')).toEqual(['sch700029']);
    expect(await search('вёрсткиной')).toEqual(['sch700029']);
    expect(await search('молодежненская')).toEqual(['sch700056']);
    expect(await search('100%_')).toEqual([]);
  });

  it('combines filters with AND', async () => {
    const { schools } = await hub.gqlOk(
      `{ schools(filter: { municipalityCodes: ["tomsk"], types: ["лицей"], isDemo: false }) { totalCount } }`,
    );
    expect(schools.totalCount).toBe(3);
  });
});
