import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssessmentWritesService } from '../../server/src/modules/assessments/assessment-writes.service';
import { startTestHub, type TestHub } from '../harness/hub';
import { participant, reported, writes } from './crafted';

/**
 * The rollup of a school, year and procedure is refreshed only for the subjects a write touched,
 * plus its all-subject rows (migration `RollupBySubject`). Whatever is written, it must stay what
 * a rollup of every school-level row from scratch gives: the demo data's other subjects included.
 */
let hub: TestHub;
let school: string;
let year: number;
let subjects: string[];
beforeAll(async () => {
  hub = await startTestHub();
  // A school-year of the demo data with ВПР results in several subjects and grades.
  const [busiest] = await hub.sql<{ school_code: string; year: number; subjects: string[] }>(
    `SELECT school_code, year, array_agg(DISTINCT subject_code ORDER BY subject_code) AS subjects
       FROM assessment_result WHERE procedure_code = 'VPR'
      GROUP BY school_code, year ORDER BY count(DISTINCT subject_code) DESC, school_code, year LIMIT 1`,
  );
  ({ school_code: school, year, subjects } = busiest!);
});
afterAll(() => hub?.close());

/** Score sums are floating-point sums, whose last bits depend on the order rows are added in. */
const COLUMNS = `school_code, year, procedure_code, subject_code, grade, is_demo, participants, marked, count2,
  count45, below_minimum, below_minimum_base, round(score_sum::numeric, 2) AS score_sum, score_base, journal_base,
  journal_lowered, journal_raised`;

/** The rollup of every school-level row, from scratch (the refresh's own sums). */
const FROM_SCRATCH = `
  SELECT ${COLUMNS} FROM (
    SELECT a.school_code, a.year, a.procedure_code,
           CASE WHEN GROUPING(a.subject_code) = 1 THEN '*' ELSE a.subject_code END AS subject_code,
           CASE WHEN GROUPING(coalesce(a.grade, 0)) = 1 THEN -1 ELSE coalesce(a.grade, 0) END AS grade,
           a.is_demo, sum(a.participants) AS participants,
           sum(a.count2 + a.count3 + a.count4 + a.count5) AS marked, sum(a.count2) AS count2,
           sum(a.count4 + a.count5) AS count45, coalesce(sum(a.below_minimum_count), 0) AS below_minimum,
           coalesce(sum(a.participants) FILTER (WHERE a.below_minimum_count IS NOT NULL), 0) AS below_minimum_base,
           coalesce(sum(a.mean_test_score * a.participants) FILTER (WHERE a.mean_test_score IS NOT NULL), 0) AS score_sum,
           coalesce(sum(a.participants) FILTER (WHERE a.mean_test_score IS NOT NULL), 0) AS score_base,
           coalesce(sum(a.journal_lowered + a.journal_confirmed + a.journal_raised)
                      FILTER (WHERE a.journal_lowered IS NOT NULL), 0) AS journal_base,
           coalesce(sum(a.journal_lowered), 0) AS journal_lowered, coalesce(sum(a.journal_raised), 0) AS journal_raised
      FROM assessment_result a
     GROUP BY GROUPING SETS (
       (a.school_code, a.year, a.procedure_code, a.is_demo, a.subject_code, coalesce(a.grade, 0)),
       (a.school_code, a.year, a.procedure_code, a.is_demo, a.subject_code),
       (a.school_code, a.year, a.procedure_code, a.is_demo, coalesce(a.grade, 0)),
       (a.school_code, a.year, a.procedure_code, a.is_demo)
     )) r
  ORDER BY 1, 2, 3, 4, 5, 6`;

async function expectRollupFromScratch(): Promise<void> {
  const stored = await hub.sql(`SELECT ${COLUMNS} FROM assessment_rollup ORDER BY 1, 2, 3, 4, 5, 6`);
  expect(stored).toEqual(await hub.sql(FROM_SCRATCH));
}

const rollupRow = (subject: string, grade: number) =>
  hub
    .sql<{ participants: string; is_demo: boolean }>(
      `SELECT participants, is_demo FROM assessment_rollup
        WHERE school_code = $1 AND year = $2 AND procedure_code = 'VPR' AND subject_code = $3 AND grade = $4
        ORDER BY is_demo`,
      [school, year, subject, grade],
    )
    .then((rows) => rows.map((r) => ({ participants: Number(r.participants), isDemo: r.is_demo })));

/** The row versions (`xmin`) of a subject's rollup rows of the school-year: they change when rows are written. */
const versions = (subject: string) =>
  hub
    .sql<{ xmin: string }>(
      `SELECT xmin::text FROM assessment_rollup
        WHERE school_code = $1 AND year = $2 AND procedure_code = 'VPR' AND subject_code = $3 ORDER BY grade, is_demo`,
      [school, year, subject],
    )
    .then((rows) => rows.map((r) => r.xmin));

describe('the rollup, refreshed by subject', () => {
  it('starts as the demo data’s rollup from scratch, over several subjects', async () => {
    expect(subjects.length).toBeGreaterThanOrEqual(3);
    await expectRollupFromScratch();
  });

  it('refreshes the written subject and the all-subject rows when a statement commits on its own', async () => {
    const [first, , third] = subjects;
    const untouched = await versions(third!);
    const allSubjects = await versions('*');
    await writes(hub).upsertSchoolResults([
      reported(school, { procedureCode: 'VPR', subjectCode: first!, year, grade: 4 }, 2, 31),
    ]);
    expect(await rollupRow(first!, 4)).toContainEqual({ participants: 31, isDemo: false });
    await expectRollupFromScratch();
    // Another subject's rows are not written again; the all-subject ones are.
    expect(await versions(third!)).toEqual(untouched);
    expect(await versions('*')).not.toEqual(allSubjects);
  });

  it('refreshes them once at the end of a derivation in a transaction (an import’s way)', async () => {
    const second = subjects[1]!;
    const rows = [3, 4, 5].map((mark) =>
      participant(school, { procedureCode: 'VPR', subjectCode: second, year, grade: 5, mark }),
    );
    await hub.hub.dataSource.transaction(async (em) => {
      const service = new AssessmentWritesService(em);
      await service.recomputeSchoolResults({ keys: (await service.upsertParticipantResults(rows)).keys });
    });
    expect(await rollupRow(second, 5)).toContainEqual({ participants: 3, isDemo: false });
    expect(await rollupRow('*', 5)).toContainEqual({ participants: 3, isDemo: false });
    await expectRollupFromScratch();
  });

  it('follows a row moved to another subject, and rows removed', async () => {
    const [first, , third] = subjects;
    await hub.sql(
      `UPDATE assessment_result SET subject_code = 'CHEMISTRY'
        WHERE school_code = $1 AND year = $2 AND procedure_code = 'VPR' AND subject_code = $3 AND grade = 4
          AND NOT is_demo`,
      [school, year, first],
    );
    await expectRollupFromScratch();
    await hub.sql(
      `DELETE FROM assessment_result WHERE school_code = $1 AND year = $2 AND procedure_code = 'VPR'
          AND subject_code = $3`,
      [school, year, third],
    );
    expect(await rollupRow(third!, -1)).toEqual([]);
    await expectRollupFromScratch();
  });
});
