import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool, type SchoolRow } from '../harness/factories';
import { startTestHub, type TestHub } from '../harness/hub';
import { reported, writes } from './crafted';

let hub: TestHub;
let school: SchoolRow;
beforeAll(async () => {
  hub = await startTestHub();
  school = await createSchool(hub, { municipality_code: 'kedrovy', locality: 'rural', student_count: 40 });
  await writes(hub).upsertSchoolResults([
    {
      ...reported(school.code, { procedureCode: 'VPR', subjectCode: 'RUSSIAN', year: 2024, grade: 5 }, 2, 20),
      count3: 10,
      count4: 5,
      count5: 3,
      journalLowered: 5,
      journalConfirmed: 14,
      journalRaised: 1,
    },
    reported(school.code, { procedureCode: 'VPR', subjectCode: 'MATHEMATICS', year: 2024, grade: 5 }, 5, 20),
    reported(school.code, { procedureCode: 'VPR', subjectCode: 'MATHEMATICS', year: 2023, grade: 4 }, 1, 20),
  ]);
});
afterAll(() => hub?.close());

const PAGE = `query ($filter: AssessmentFilter, $first: Int, $after: String) {
  assessmentResults(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id school { code } procedure { code } subject { code } year grade isDemo } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function allIds(filter: Record<string, unknown>, first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { assessmentResults: any } = await hub.gqlOk(PAGE, { filter, first, after });
    const page = data.assessmentResults;
    ids.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
}

describe('assessmentResults', () => {
  it('exposes the figures and the derived shares', async () => {
    const { assessmentResults } = await hub.gqlOk(
      `query ($code: String!) {
        assessmentResults(filter: { schoolCodes: [$code], subjectCodes: ["RUSSIAN"] }) {
          edges { node { participants count2 count3 count4 count5 marked share2 share45 meanMark
            journalLowered journalConfirmed journalRaised journalLoweredShare journalRaisedShare
            belowMinimumShare source isDemo } }
        }
      }`,
      { code: school.code },
    );
    expect(assessmentResults.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        participants: 20,
        count2: 2,
        count3: 10,
        count4: 5,
        count5: 3,
        marked: 20,
        share2: 0.1,
        share45: 0.4,
        meanMark: (4 + 30 + 20 + 15) / 20,
        journalLowered: 5,
        journalConfirmed: 14,
        journalRaised: 1,
        journalLoweredShare: 0.25,
        journalRaisedShare: 0.05,
        belowMinimumShare: null,
        source: 'REPORTED',
        isDemo: false,
      },
    ]);
  });

  it('filters by year, years, procedure, subject, grade, school, municipality, cluster and demo label', async () => {
    const count = async (filter: Record<string, unknown>) =>
      (await hub.gqlOk(PAGE, { filter, first: 0 })).assessmentResults.totalCount as number;
    const mine = { schoolCodes: [school.code] };
    expect(await count(mine)).toBe(3);
    expect(await count({ ...mine, year: 2024 })).toBe(2);
    expect(await count({ ...mine, years: [2023] })).toBe(1);
    expect(await count({ ...mine, years: [2023, 2024], year: 2024 })).toBe(2);
    expect(await count({ ...mine, subjectCodes: ['MATHEMATICS'] })).toBe(2);
    expect(await count({ ...mine, grades: [4] })).toBe(1);
    expect(await count({ ...mine, procedureCodes: ['OGE'] })).toBe(0);
    expect(await count({ ...mine, isDemo: false })).toBe(3);
    expect(await count({ ...mine, isDemo: true })).toBe(0);
    expect(await count({ municipalityCodes: ['kedrovy'], isDemo: false })).toBe(3);
    expect(await count({ ...mine, clusterCodes: [school.cluster_code] })).toBe(3);
    expect(await count({ ...mine, clusterCodes: ['K1'] })).toBe(0);
    expect(await count({ isDemo: true })).toBeGreaterThan(10_000);
  });

  it('pages through a filter with stable cursors, each result once', async () => {
    const filter = { municipalityCodes: ['kedrovy'] };
    const total = (await hub.gqlOk(PAGE, { filter, first: 0 })).assessmentResults.totalCount;
    const ids = await allIds(filter, 37);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(await allIds(filter, 500)).toEqual(ids);
  });

  it('orders by school, procedure, year, subject and grade', async () => {
    const { assessmentResults } = await hub.gqlOk(PAGE, { filter: { schoolCodes: [school.code] }, first: 10 });
    expect(
      assessmentResults.edges.map((e: any) => [e.node.procedure.code, e.node.year, e.node.subject.code, e.node.grade]),
    ).toEqual([
      ['VPR', 2023, 'MATHEMATICS', 4],
      ['VPR', 2024, 'MATHEMATICS', 5],
      ['VPR', 2024, 'RUSSIAN', 5],
    ]);
  });

  it('refuses a page over 500 and a cursor it did not give', async () => {
    const big = await hub.gql(PAGE, { first: 501 });
    expect(big.errors?.[0]?.extensions?.code).toBe('PAGE_TOO_LARGE');
    const bad = await hub.gql(PAGE, { first: 5, after: Buffer.from('k:["x"]').toString('base64url') });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_CURSOR');
  });
});

describe('School.assessmentResults', () => {
  it('gives the school’s results under a filter', async () => {
    const { school: found } = await hub.gqlOk(
      `query ($code: String!) {
        school(code: $code) {
          all: assessmentResults { subject { code } }
          maths: assessmentResults(filter: { subjectCodes: ["MATHEMATICS"], year: 2024 }) { grade count2 share2 }
        }
      }`,
      { code: school.code },
    );
    expect(found.all).toHaveLength(3);
    expect(found.maths).toEqual([{ grade: 5, count2: 5, share2: 0.25 }]);
  });
});

describe('participantResults', () => {
  const PARTICIPANTS = `query ($filter: ParticipantResultFilter, $first: Int, $after: String) {
    participantResults(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { node { participantCode school { code } procedure { code } subject { code } year grade
                     primaryScore testScore mark isDemo } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

  it('lists anonymised participant rows for analysts, filtered and paged', async () => {
    const filter = { procedureCodes: ['EGE'], year: 2024, subjectCodes: ['RUSSIAN'], municipalityCodes: ['kedrovy'] };
    const first = await hub.gqlOk(PARTICIPANTS, { filter, first: 3 });
    const page = first.participantResults;
    expect(page.totalCount).toBeGreaterThan(3);
    expect(page.edges[0].node).toMatchObject({ procedure: { code: 'EGE' }, subject: { code: 'RUSSIAN' }, year: 2024 });
    expect(page.edges[0].node.testScore).toBeGreaterThanOrEqual(0);
    expect(page.edges.every((e: any) => e.node.isDemo)).toBe(true);
    const next = await hub.gqlOk(PARTICIPANTS, { filter, first: 3, after: page.pageInfo.endCursor });
    const codes = [...page.edges, ...next.participantResults.edges].map((e: any) => e.node.participantCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    const one = await hub.gqlOk(PARTICIPANTS, { filter: { participantCodes: [codes[0]] }, first: 10 });
    expect(one.participantResults.totalCount).toBeGreaterThanOrEqual(1);
  });
});
