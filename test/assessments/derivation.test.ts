import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../server/src/graphql/errors';
import { createSchool, type SchoolRow } from '../harness/factories';
import { startTestHub, type TestHub } from '../harness/hub';
import { participant, reported, writes } from './crafted';

let hub: TestHub;
let school: SchoolRow;
let other: SchoolRow;
beforeAll(async () => {
  hub = await startTestHub();
  school = await createSchool(hub);
  other = await createSchool(hub);
});
afterAll(() => hub?.close());

const RESULTS = `query ($code: String!, $filter: AssessmentFilter) {
  school(code: $code) {
    assessmentResults(filter: $filter) {
      procedure { code } subject { code } year grade participants count2 count3 count4 count5 marked
      meanPrimaryScore meanTestScore belowMinimumCount belowMinimumShare share2 source isDemo
      journalLowered journalConfirmed journalRaised
    }
  }
}`;

async function results(code: string, filter: Record<string, unknown>) {
  const data = await hub.gqlOk(RESULTS, { code, filter });
  return data.school.assessmentResults as Record<string, any>[];
}

describe('deriving school-level results from participant rows', () => {
  it('counts marks, applying the year’s ОГЭ scale where the source gave no mark', async () => {
    // ОГЭ 2024 Russian: «3» from 15, «4» from 23, «5» from 29 primary points.
    const rows = [
      participant(school.code, { procedureCode: 'OGE', subjectCode: 'RUSSIAN', primaryScore: 14 }),
      participant(school.code, { procedureCode: 'OGE', subjectCode: 'RUSSIAN', primaryScore: 15 }),
      participant(school.code, { procedureCode: 'OGE', subjectCode: 'RUSSIAN', primaryScore: 23 }),
      participant(school.code, { procedureCode: 'OGE', subjectCode: 'RUSSIAN', primaryScore: 29 }),
      // The mark the exam centre gave wins over the scale.
      participant(school.code, { procedureCode: 'OGE', subjectCode: 'RUSSIAN', primaryScore: 10, mark: 5 }),
    ];
    const loaded = await writes(hub).upsertParticipantResults(rows);
    expect(loaded).toMatchObject({ inserted: 5, updated: 0, unchanged: 0 });
    expect(loaded.keys).toEqual([
      { schoolCode: school.code, procedureCode: 'OGE', year: 2024, subjectCode: 'RUSSIAN', grade: 9 },
    ]);
    expect(await writes(hub).recomputeSchoolResults({ keys: loaded.keys })).toEqual({ upserted: 1, removed: 0 });
    expect(await results(school.code, { procedureCodes: ['OGE'] })).toEqual([
      {
        procedure: { code: 'OGE' },
        subject: { code: 'RUSSIAN' },
        year: 2024,
        grade: 9,
        participants: 5,
        count2: 1,
        count3: 1,
        count4: 1,
        count5: 2,
        marked: 5,
        meanPrimaryScore: 18.2,
        meanTestScore: null,
        belowMinimumCount: null,
        belowMinimumShare: null,
        share2: 0.2,
        source: 'DERIVED',
        isDemo: false,
        journalLowered: null,
        journalConfirmed: null,
        journalRaised: null,
      },
    ]);
  });

  it('counts ЕГЭ participants below the year’s minimum (a score equal to it passes) and «2» in base maths', async () => {
    const rows = [23, 24, 80].map((testScore) =>
      participant(school.code, { procedureCode: 'EGE', subjectCode: 'RUSSIAN', testScore }),
    );
    rows.push(
      participant(school.code, { procedureCode: 'EGE', subjectCode: 'MATHEMATICS_BASE', primaryScore: 5, mark: 2 }),
      participant(school.code, { procedureCode: 'EGE', subjectCode: 'MATHEMATICS_BASE', primaryScore: 9, mark: 3 }),
    );
    const { keys } = await writes(hub).upsertParticipantResults(rows);
    await writes(hub).recomputeSchoolResults({ keys });
    const [base, russian] = await results(school.code, { procedureCodes: ['EGE'] });
    expect(russian).toMatchObject({
      subject: { code: 'RUSSIAN' },
      participants: 3,
      marked: 0,
      share2: null,
      belowMinimumCount: 1,
      belowMinimumShare: 1 / 3,
    });
    expect(russian!.meanTestScore).toBeCloseTo(127 / 3);
    expect(base).toMatchObject({ subject: { code: 'MATHEMATICS_BASE' }, participants: 2, count2: 1, count3: 1 });
    expect(base).toMatchObject({ belowMinimumCount: 1, meanPrimaryScore: 7 });
  });

  it('derives nothing new the second time: the same rows change nothing', async () => {
    const rows = [23, 24, 80].map((testScore, i) => ({
      ...participant(school.code, { procedureCode: 'EGE', subjectCode: 'PHYSICS', testScore }),
      participantCode: `again-${i}`,
    }));
    const first = await writes(hub).upsertParticipantResults(rows);
    await writes(hub).recomputeSchoolResults({ keys: first.keys });
    const second = await writes(hub).upsertParticipantResults(rows);
    expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await writes(hub).recomputeSchoolResults({ keys: second.keys })).toEqual({ upserted: 0, removed: 0 });
  });

  it('derives a participant who moved school into the new school and out of the old one', async () => {
    const row = participant(school.code, { procedureCode: 'OGE', subjectCode: 'CHEMISTRY', primaryScore: 31 });
    await writes(hub).recomputeSchoolResults({ keys: (await writes(hub).upsertParticipantResults([row])).keys });
    expect(await results(school.code, { subjectCodes: ['CHEMISTRY'] })).toHaveLength(1);

    const moved = await writes(hub).upsertParticipantResults([{ ...row, schoolCode: other.code }]);
    expect(moved).toMatchObject({ inserted: 0, updated: 1 });
    expect(moved.keys.map((k) => k.schoolCode).sort()).toEqual([school.code, other.code].sort());
    expect(await writes(hub).recomputeSchoolResults({ keys: moved.keys })).toEqual({ upserted: 1, removed: 1 });
    expect(await results(school.code, { subjectCodes: ['CHEMISTRY'] })).toEqual([]);
    expect(await results(other.code, { subjectCodes: ['CHEMISTRY'] })).toMatchObject([{ participants: 1, count5: 1 }]);
  });

  it('replaces a reported row by the derived one when participant rows arrive for its key', async () => {
    await writes(hub).upsertSchoolResults([
      { ...reported(school.code, { procedureCode: 'GVE', subjectCode: 'MATHEMATICS', year: 2024, grade: 9 }, 1, 4) },
    ]);
    expect(await results(school.code, { procedureCodes: ['GVE'] })).toMatchObject([
      { source: 'REPORTED', participants: 4 },
    ]);
    const rows = [3, 4].map((mark) =>
      participant(school.code, { procedureCode: 'GVE', subjectCode: 'MATHEMATICS', mark }),
    );
    await writes(hub).recomputeSchoolResults({ keys: (await writes(hub).upsertParticipantResults(rows)).keys });
    expect(await results(school.code, { procedureCodes: ['GVE'] })).toMatchObject([
      { source: 'DERIVED', participants: 2, count3: 1, count4: 1 },
    ]);
  });

  it('derives whole years with the same figures as by keys', async () => {
    const before = await hub.sql(
      `SELECT school_code, procedure_code, subject_code, grade, participants, count2, count3, count4, count5,
              below_minimum_count, mean_primary_score, mean_test_score
         FROM assessment_result WHERE year = 2024 AND source = 'derived' ORDER BY 1, 2, 3, 4`,
    );
    expect(await writes(hub).recomputeSchoolResults({ years: [2024] })).toEqual({ upserted: 0, removed: 0 });
    await hub.sql(
      `UPDATE assessment_result SET participants = participants + 1, count3 = count3 + 1
                    WHERE school_code = $1 AND procedure_code = 'OGE'`,
      [school.code],
    );
    expect(await writes(hub).recomputeSchoolResults({ years: [2024] })).toEqual({ upserted: 1, removed: 0 });
    const after = await hub.sql(
      `SELECT school_code, procedure_code, subject_code, grade, participants, count2, count3, count4, count5,
              below_minimum_count, mean_primary_score, mean_test_score
         FROM assessment_result WHERE year = 2024 AND source = 'derived' ORDER BY 1, 2, 3, 4`,
    );
    expect(after).toEqual(before);
  });
});

describe('the write path refuses bad batches whole', () => {
  const countRows = async () =>
    (await hub.sql<{ n: number }>(`SELECT count(*)::int AS n FROM participant_result`))[0]!.n;

  it('rejects an unknown school code, naming it, and writes nothing', async () => {
    const before = await countRows();
    const rows = [
      participant(school.code, { procedureCode: 'OGE', subjectCode: 'BIOLOGY', primaryScore: 20 }),
      participant('sch-nowhere', { procedureCode: 'OGE', subjectCode: 'BIOLOGY', primaryScore: 20 }),
    ];
    const error = await writes(hub)
      .upsertParticipantResults(rows)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('ASSESSMENT_UNKNOWN_CODES');
    expect((error as InputError).problems).toEqual([
      { field: 'schoolCode', message: 'Школа с кодом «sch-nowhere» не найден(а)' },
    ]);
    expect(await countRows()).toBe(before);
  });

  it('rejects a test score out of range with the row number', async () => {
    const rows = [
      participant(school.code, { procedureCode: 'EGE', subjectCode: 'HISTORY', testScore: 50 }),
      participant(school.code, { procedureCode: 'EGE', subjectCode: 'HISTORY', testScore: 101 }),
    ];
    const error = (await writes(hub)
      .upsertParticipantResults(rows)
      .catch((e: unknown) => e)) as InputError;
    expect(error.code).toBe('ASSESSMENT_TEST_SCORE_OUT_OF_RANGE');
    expect(error.message).toBe('Строка 2: Тестовый балл 101 вне диапазона 0–100');
  });

  it('rejects a duplicate natural key within a batch', async () => {
    const row = reported(school.code, { procedureCode: 'VPR', subjectCode: 'RUSSIAN', year: 2024, grade: 5 }, 1, 10);
    const error = (await writes(hub)
      .upsertSchoolResults([row, { ...row, count2: 2, count3: 8 }])
      .catch((e: unknown) => e)) as InputError;
    expect(error.code).toBe('ASSESSMENT_DUPLICATE_ROW');
    expect(error.message).toBe('Строка 2: результат школы повторяет строку 1');
  });

  it('rejects marks that do not add up, before writing anything', async () => {
    const good = reported(school.code, { procedureCode: 'VPR', subjectCode: 'HISTORY', year: 2024, grade: 5 }, 1, 10);
    const bad = { ...good, subjectCode: 'BIOLOGY', participants: 11 };
    const error = (await writes(hub)
      .upsertSchoolResults([good, bad])
      .catch((e: unknown) => e)) as InputError;
    expect(error.code).toBe('ASSESSMENT_MARKS_DO_NOT_ADD_UP');
    expect(await results(school.code, { procedureCodes: ['VPR'], subjectCodes: ['HISTORY'] })).toEqual([]);
  });

  it('upserts reported rows by natural key, a missing grade being a key of its own', async () => {
    const key = { procedureCode: 'REGIONAL_DIAGNOSTICS', subjectCode: 'READING_LITERACY', year: 2024 };
    const first = await writes(hub).upsertSchoolResults([
      reported(school.code, { ...key, grade: null }, 1, 10),
      reported(school.code, { ...key, grade: 6 }, 2, 10),
    ]);
    expect(first).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    const second = await writes(hub).upsertSchoolResults([
      reported(school.code, { ...key, grade: null }, 3, 10),
      reported(school.code, { ...key, grade: 6 }, 2, 10),
    ]);
    expect(second).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    expect(
      (await results(school.code, { procedureCodes: ['REGIONAL_DIAGNOSTICS'] })).map((r) => [r.grade, r.count2]),
    ).toEqual([
      [null, 3],
      [6, 2],
    ]);
  });

  it('keeps the database rules even for SQL that bypasses the service', async () => {
    await expect(
      hub.sql(
        `INSERT INTO assessment_result (school_code, procedure_code, year, subject_code, grade, participants,
                                        count2, count3, count4, count5, source)
         VALUES ($1, 'VPR', 2023, 'RUSSIAN', 5, 10, 1, 1, 1, 1, 'reported')`,
        [school.code],
      ),
    ).rejects.toThrow(/CHK_assessment_result_reported_marks/);
    await expect(
      hub.sql(
        `INSERT INTO assessment_result (school_code, procedure_code, year, subject_code, grade, participants,
                                        count2, count3, count4, count5, source)
         VALUES ($1, 'REGIONAL_DIAGNOSTICS', 2024, 'READING_LITERACY', NULL, 1, 1, 0, 0, 0, 'reported')`,
        [school.code],
      ),
    ).rejects.toThrow(/UQ_assessment_result_key/);
  });
});
