import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

/** Every domain of a school in one selection. */
const FOUR_DOMAINS = `
  code
  vsoko { year zone { code title } blocks { number score threshold risky } }
  shnor { year category programmeStatus curator }
  selfDiagnostics { year round level }
  assessmentResults(filter: { procedureCodes: ["VPR", "EGE"] }) { procedureCode year subjectCode grade participants share2 meanTestScore }
  planProgress { status activity { number plan { code } } }
`;

describe('one query across the four domains', () => {
  it('returns ВСОКО blocks and zone, ШНОР status, self-diagnostic levels and ВПР/ЕГЭ results of sch700001', async () => {
    const { school } = await hub.gqlOk(`{ school(code: "sch700001") { ${FOUR_DOMAINS} } }`);
    expect(school.vsoko.year).toBe(2024);
    expect(school.vsoko.blocks.map((b: { number: number }) => b.number)).toEqual([1, 2, 3, 4]);
    expect(['LOW', 'MODERATE', 'HIGH']).toContain(school.vsoko.zone.code);
    expect(school.selfDiagnostics.length).toBe(4);
    expect(
      school.selfDiagnostics.every((r: { level: string }) =>
        ['BELOW_BASE', 'BASE', 'MEDIUM', 'HIGH'].includes(r.level),
      ),
    ).toBe(true);
    const procedures = new Set(school.assessmentResults.map((r: { procedureCode: string }) => r.procedureCode));
    expect([...procedures].sort()).toEqual(['EGE', 'VPR']);
    expect(
      school.assessmentResults.find((r: { procedureCode: string }) => r.procedureCode === 'EGE').meanTestScore,
    ).toBeGreaterThan(0);
    // ШНОР: listed or not, the field answers (null when the school was never listed).
    expect(school).toHaveProperty('shnor');
    const listed = await hub.gqlOk(`{ shnorListings(year: 2023) { schoolCode } }`);
    const listedCode = listed.shnorListings[0].schoolCode;
    const { school: onList } = await hub.gqlOk(`query ($c: String!) { school(code: $c) { shnor { year category } } }`, {
      c: listedCode,
    });
    expect(onList.shnor.category).toMatch(/^SHNOR|SHNSU/);
  });

  it('crosses the domains for a municipality’s schools and for a cluster’s', async () => {
    const { municipality } = await hub.gqlOk(
      `{ municipality(code: "tomsky") { schools(first: 50) { edges { node { ${FOUR_DOMAINS} } } } } }`,
    );
    expect(municipality.schools.edges).toHaveLength(38);
    expect(municipality.schools.edges.some((e: any) => e.node.vsoko !== null)).toBe(true);
    const { schools } = await hub.gqlOk(
      `{ schools(first: 500, filter: { clusterCodes: ["K5"] }) { edges { node { code selfDiagnostics(year: 2025) { level } } } } }`,
    );
    expect(schools.edges.length).toBeGreaterThan(0);
    expect(schools.edges.every((e: any) => e.node.selfDiagnostics.length === 2)).toBe(true);
  });

  it('300 schools with all four domains take a small, fixed number of statements', async () => {
    const count = async (first: number) => {
      const before = hub.queries.count;
      const data = await hub.gqlOk(`{ schools(first: ${first}) { edges { node { ${FOUR_DOMAINS} } } } }`);
      expect(data.schools.edges).toHaveLength(first);
      return hub.queries.count - before;
    };
    const few = await count(3);
    const all = await count(299);
    expect(all).toBe(few);
    expect(all).toBeLessThanOrEqual(25);
  });
});
