/**
 * The bulk upserts of `AssessmentWritesService`: arrays in, UNNEST, ON CONFLICT on the natural
 * key; a row already stored exactly so is not touched. Each returns one row of counts.
 */

const schoolResultsUpsert = (source: string) => `
  WITH written AS (
    INSERT INTO assessment_result AS r
           (school_code, procedure_code, year, subject_code, grade, participants, count2, count3, count4, count5,
            journal_lowered, journal_confirmed, journal_raised, source, is_demo)
    ${source}
    ON CONFLICT (school_code, procedure_code, year, subject_code, (coalesce(grade, 0))) DO UPDATE SET
           participants = excluded.participants, count2 = excluded.count2, count3 = excluded.count3,
           count4 = excluded.count4, count5 = excluded.count5, journal_lowered = excluded.journal_lowered,
           journal_confirmed = excluded.journal_confirmed, journal_raised = excluded.journal_raised,
           mean_primary_score = NULL, mean_test_score = NULL, below_minimum_count = NULL,
           source = 'reported', is_demo = excluded.is_demo, updated_at = now()
     WHERE (r.participants, r.count2, r.count3, r.count4, r.count5, r.journal_lowered, r.journal_confirmed,
            r.journal_raised, r.mean_primary_score, r.below_minimum_count, r.source, r.is_demo)
           IS DISTINCT FROM
           (excluded.participants, excluded.count2, excluded.count3, excluded.count4, excluded.count5,
            excluded.journal_lowered, excluded.journal_confirmed, excluded.journal_raised, NULL::float8, NULL::int,
            'reported'::assessment_result_source, excluded.is_demo)
    RETURNING (xmax = 0) AS inserted
  )
  SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
    FROM written`;

export const SCHOOL_RESULTS_UPSERT_SQL = schoolResultsUpsert(`
    SELECT u.*, 'reported', $14::boolean
      FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[],
                  $9::int[], $10::int[], $11::int[], $12::int[], $13::int[]) AS u`);

/** The same from a table of the transaction whose columns are named like the target's (an import's staging). */
export const schoolResultsFromTableSql = (table: string) =>
  schoolResultsUpsert(`
    SELECT school_code, procedure_code, year, subject_code, grade, participants, count2, count3, count4, count5,
           journal_lowered, journal_confirmed, journal_raised, 'reported', false
      FROM ${table}`);

/**
 * Also reports, for rows that changed school or grade, the key they left (from the snapshot
 * before the statement), so that its school-level row is derived again.
 */
export const PARTICIPANT_RESULTS_UPSERT_SQL = `
  WITH incoming AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::int[],
                         $8::int[], $9::int[])
      AS u(participant_code, procedure_code, year, subject_code, school_code, grade, primary_score, test_score, mark)
  ),
  written AS (
    INSERT INTO participant_result AS t
           (participant_code, procedure_code, year, subject_code, school_code, grade, primary_score, test_score,
            mark, is_demo)
    SELECT i.*, $10::boolean FROM incoming i
    ON CONFLICT (participant_code, procedure_code, year, subject_code) DO UPDATE SET
           school_code = excluded.school_code, grade = excluded.grade, primary_score = excluded.primary_score,
           test_score = excluded.test_score, mark = excluded.mark, is_demo = excluded.is_demo
     WHERE (t.school_code, t.grade, t.primary_score, t.test_score, t.mark, t.is_demo)
           IS DISTINCT FROM
           (excluded.school_code, excluded.grade, excluded.primary_score, excluded.test_score, excluded.mark,
            excluded.is_demo)
    RETURNING (xmax = 0) AS inserted, t.participant_code, t.procedure_code, t.year, t.subject_code,
              t.school_code, t.grade
  ),
  moved AS (
    SELECT DISTINCT p.school_code, p.procedure_code, p.year, p.subject_code, p.grade
      FROM written w
      JOIN participant_result p USING (participant_code, procedure_code, year, subject_code)
     WHERE NOT w.inserted AND (p.school_code, p.grade) IS DISTINCT FROM (w.school_code, w.grade)
  )
  SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated,
         (SELECT json_agg(json_build_object('schoolCode', school_code, 'procedureCode', procedure_code, 'year', year,
                                            'subjectCode', subject_code, 'grade', grade)) FROM moved) AS "movedFrom"
    FROM written`;
