import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchoolResultRow } from '../../server/src/modules/assessments/assessment-rows';
import { participant, reported, writes } from '../assessments/crafted';
import { createSchool } from '../harness/factories';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const CANDIDATES = `query ($year: Int!) {
  shnorCandidates(year: $year) {
    schoolCode year branches listed listings { year category }
    school { code }
    evidence { branch procedure { code } subject { code } grade year participants measure count outOf share }
  }
}`;

async function candidateOf(code: string, year: number) {
  const { shnorCandidates } = await hub.gqlOk(CANDIDATES, { year });
  return shnorCandidates.find((c: { schoolCode: string }) => c.schoolCode === code) ?? null;
}

/** A fresh school with these reported results. */
async function schoolWith(rows: ((code: string) => SchoolResultRow)[]): Promise<string> {
  const { code } = await createSchool(hub);
  await writes(hub).upsertSchoolResults(rows.map((row) => row(code)));
  return code;
}

const vpr = (subjectCode: string, year: number, grade: number, failed: number, of: number) => (code: string) =>
  reported(code, { procedureCode: 'VPR', subjectCode, year, grade }, failed, of);
const oge = (subjectCode: string, year: number, failed: number, of: number) => (code: string) =>
  reported(code, { procedureCode: 'OGE', subjectCode, year, grade: 9 }, failed, of);

describe('two or more procedures in one year', () => {
  it('makes a school with 30 % «2» in two results of the year a candidate, with the evidence', async () => {
    const code = await schoolWith([vpr('RUSSIAN', 2024, 5, 3, 10), vpr('MATHEMATICS', 2024, 5, 30, 100)]);
    expect(await candidateOf(code, 2024)).toEqual({
      schoolCode: code,
      year: 2024,
      branches: ['TWO_PROCEDURES_ONE_YEAR'],
      listed: false,
      listings: [],
      school: { code },
      evidence: [
        {
          branch: 'TWO_PROCEDURES_ONE_YEAR',
          procedure: { code: 'VPR' },
          subject: { code: 'MATHEMATICS' },
          grade: 5,
          year: 2024,
          participants: 100,
          measure: 'MARK_2',
          count: 30,
          outOf: 100,
          share: 0.3,
        },
        {
          branch: 'TWO_PROCEDURES_ONE_YEAR',
          procedure: { code: 'VPR' },
          subject: { code: 'RUSSIAN' },
          grade: 5,
          year: 2024,
          participants: 10,
          measure: 'MARK_2',
          count: 3,
          outOf: 10,
          share: 0.3,
        },
      ],
    });
  });

  it('does not count a result at 29.9 %', async () => {
    const code = await schoolWith([vpr('RUSSIAN', 2024, 5, 300, 1000), vpr('MATHEMATICS', 2024, 5, 299, 1000)]);
    expect(await candidateOf(code, 2024)).toBeNull();
  });

  it('counts one subject in two grades as two procedures', async () => {
    const code = await schoolWith([vpr('MATHEMATICS', 2024, 5, 3, 10), vpr('MATHEMATICS', 2024, 6, 4, 10)]);
    expect((await candidateOf(code, 2024)).branches).toEqual(['TWO_PROCEDURES_ONE_YEAR']);
  });

  it('does not add results of different years together', async () => {
    const code = await schoolWith([vpr('RUSSIAN', 2023, 5, 3, 10), vpr('MATHEMATICS', 2024, 5, 3, 10)]);
    expect(await candidateOf(code, 2024)).toBeNull();
  });
});

describe('the same procedure two years running', () => {
  it('makes a school with 30 % «2» in ОГЭ maths in the year and the year before a candidate', async () => {
    const code = await schoolWith([oge('MATHEMATICS', 2023, 3, 10), oge('MATHEMATICS', 2024, 3, 10)]);
    const candidate = await candidateOf(code, 2024);
    expect(candidate.branches).toEqual(['SAME_PROCEDURE_TWO_YEARS']);
    expect(candidate.evidence.map((e: any) => [e.branch, e.year, e.subject.code, e.share])).toEqual([
      ['SAME_PROCEDURE_TWO_YEARS', 2024, 'MATHEMATICS', 0.3],
      ['SAME_PROCEDURE_TWO_YEARS', 2023, 'MATHEMATICS', 0.3],
    ]);
    expect(await candidateOf(code, 2025)).toBeNull();
    expect(await candidateOf(code, 2023)).toBeNull();
  });

  it('needs the same subject', async () => {
    const code = await schoolWith([oge('MATHEMATICS', 2023, 3, 10), oge('RUSSIAN', 2024, 3, 10)]);
    expect(await candidateOf(code, 2024)).toBeNull();
  });

  it('needs both years at 30 %', async () => {
    const code = await schoolWith([oge('MATHEMATICS', 2023, 299, 1000), oge('MATHEMATICS', 2024, 3, 10)]);
    expect(await candidateOf(code, 2024)).toBeNull();
  });

  it('follows a ВПР class up a grade, or the same grade, but not two grades or down', async () => {
    const cohort = await schoolWith([vpr('MATHEMATICS', 2023, 5, 3, 10), vpr('MATHEMATICS', 2024, 6, 3, 10)]);
    const sameGrade = await schoolWith([vpr('MATHEMATICS', 2023, 5, 3, 10), vpr('MATHEMATICS', 2024, 5, 3, 10)]);
    const skipped = await schoolWith([vpr('MATHEMATICS', 2023, 5, 3, 10), vpr('MATHEMATICS', 2024, 7, 3, 10)]);
    const down = await schoolWith([vpr('MATHEMATICS', 2023, 6, 3, 10), vpr('MATHEMATICS', 2024, 5, 3, 10)]);
    expect((await candidateOf(cohort, 2024)).branches).toEqual(['SAME_PROCEDURE_TWO_YEARS']);
    expect((await candidateOf(sameGrade, 2024)).branches).toEqual(['SAME_PROCEDURE_TWO_YEARS']);
    expect(await candidateOf(skipped, 2024)).toBeNull();
    expect(await candidateOf(down, 2024)).toBeNull();
  });

  it('gives both branches when both hold', async () => {
    const code = await schoolWith([
      vpr('RUSSIAN', 2023, 5, 3, 10),
      vpr('RUSSIAN', 2024, 5, 3, 10),
      vpr('MATHEMATICS', 2024, 5, 3, 10),
    ]);
    const candidate = await candidateOf(code, 2024);
    expect(candidate.branches).toEqual(['TWO_PROCEDURES_ONE_YEAR', 'SAME_PROCEDURE_TWO_YEARS']);
    expect(candidate.evidence).toHaveLength(4);
  });
});

describe('ЕГЭ: below the minimum score', () => {
  /** A school whose ЕГЭ participants in Russian and profile maths score `low` three times out of ten. */
  async function egeSchool(lowRussian: number, lowMaths: number): Promise<string> {
    const { code } = await createSchool(hub);
    const rows = [];
    for (let i = 0; i < 10; i++) {
      rows.push(
        participant(code, { procedureCode: 'EGE', subjectCode: 'RUSSIAN', testScore: i < 3 ? lowRussian : 60 }),
        participant(code, {
          procedureCode: 'EGE',
          subjectCode: 'MATHEMATICS_PROFILE',
          testScore: i < 3 ? lowMaths : 60,
        }),
      );
    }
    const { keys } = await writes(hub).upsertParticipantResults(rows);
    await writes(hub).recomputeSchoolResults({ keys });
    return code;
  }

  it('counts participants below the year’s minimum (Russian 24, profile maths 27)', async () => {
    const code = await egeSchool(23, 26);
    const candidate = await candidateOf(code, 2024);
    expect(candidate.branches).toEqual(['TWO_PROCEDURES_ONE_YEAR']);
    expect(candidate.evidence.map((e: any) => [e.subject.code, e.measure, e.count, e.outOf])).toEqual([
      ['MATHEMATICS_PROFILE', 'BELOW_MINIMUM', 3, 10],
      ['RUSSIAN', 'BELOW_MINIMUM', 3, 10],
    ]);
  });

  it('does not count a score equal to the minimum', async () => {
    expect(await candidateOf(await egeSchool(24, 27), 2024)).toBeNull();
  });
});

describe('listed schools', () => {
  it('says a candidate is on the list of the year or the next, with the listings', async () => {
    const code = await schoolWith([vpr('RUSSIAN', 2024, 5, 3, 10), vpr('MATHEMATICS', 2024, 5, 3, 10)]);
    expect((await candidateOf(code, 2024)).listed).toBe(false);
    await hub.gqlOk(
      `mutation ($code: String!) { setShnorListing(input: { schoolCode: $code, year: 2025, category: "ШНОР" }) { year } }`,
      { code },
    );
    const candidate = await candidateOf(code, 2024);
    expect(candidate.listed).toBe(true);
    expect(candidate.listings).toEqual([{ year: 2025, category: 'SHNOR' }]);
  });
});
