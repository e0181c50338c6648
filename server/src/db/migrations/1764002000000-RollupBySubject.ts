import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rollup of a (school, year, procedure) is refreshed only for the subjects a write touched,
 * plus its all-subject rows (subject `*`), which sum every subject. A subject's own rows are sums
 * of that subject's school-level rows alone, so those of the other subjects stand as they were.
 * An import of one ЕГЭ subject no longer rewrites every subject's rollup rows of each school it
 * meets; a million-row file of three subjects per procedure rewrote 20,000 of its 51,000 rollup
 * rows (demo rows of subjects it did not touch) for nothing.
 *
 * The triggers collect (school, year, procedure, subject) from their transition tables, and the
 * rollup-once derivation notes subjects in its pending table too. The refresh of whole
 * (school, year, procedure) triples stays for the triggers of earlier migrations (`down`).
 */
const REFRESH_BY_SUBJECT = `
  CREATE FUNCTION assessment_rollup_refresh(p_schools text[], p_years integer[], p_procedures text[], p_subjects text[])
  RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET plan_cache_mode = force_custom_plan
  SET enable_mergejoin = on SET enable_nestloop = on AS $$
  BEGIN
    IF cardinality(p_schools) > 200 THEN
      PERFORM set_config('enable_mergejoin', 'off', true), set_config('enable_nestloop', 'off', true);
    END IF;
    DELETE FROM assessment_rollup r
     USING (SELECT school_code, year, procedure_code, subject_code
              FROM unnest(p_schools, p_years, p_procedures, p_subjects) AS t(school_code, year, procedure_code, subject_code)
            UNION
            SELECT school_code, year, procedure_code, '*'
              FROM unnest(p_schools, p_years, p_procedures) AS g(school_code, year, procedure_code)) k
     WHERE r.school_code = k.school_code AND r.year = k.year AND r.procedure_code = k.procedure_code
       AND r.subject_code = k.subject_code;
    INSERT INTO assessment_rollup
    SELECT f.* FROM (
      SELECT a.school_code, a.year, a.procedure_code,
             CASE WHEN GROUPING(a.subject_code) = 1 THEN '*' ELSE a.subject_code END AS subject_code,
             CASE WHEN GROUPING(coalesce(a.grade, 0)) = 1 THEN -1 ELSE coalesce(a.grade, 0) END,
             a.is_demo,
             sum(a.participants),
             sum(a.count2 + a.count3 + a.count4 + a.count5),
             sum(a.count2),
             sum(a.count4 + a.count5),
             coalesce(sum(a.below_minimum_count), 0),
             coalesce(sum(a.participants) FILTER (WHERE a.below_minimum_count IS NOT NULL), 0),
             coalesce(sum(a.mean_test_score * a.participants) FILTER (WHERE a.mean_test_score IS NOT NULL), 0),
             coalesce(sum(a.participants) FILTER (WHERE a.mean_test_score IS NOT NULL), 0),
             coalesce(sum(a.journal_lowered + a.journal_confirmed + a.journal_raised)
                        FILTER (WHERE a.journal_lowered IS NOT NULL), 0),
             coalesce(sum(a.journal_lowered), 0),
             coalesce(sum(a.journal_raised), 0)
        FROM assessment_result a
        JOIN (SELECT DISTINCT * FROM unnest(p_schools, p_years, p_procedures) AS g(school_code, year, procedure_code)) g
          ON a.school_code = g.school_code AND a.year = g.year AND a.procedure_code = g.procedure_code
       GROUP BY GROUPING SETS (
         (a.school_code, a.year, a.procedure_code, a.is_demo, a.subject_code, coalesce(a.grade, 0)),
         (a.school_code, a.year, a.procedure_code, a.is_demo, a.subject_code),
         (a.school_code, a.year, a.procedure_code, a.is_demo, coalesce(a.grade, 0)),
         (a.school_code, a.year, a.procedure_code, a.is_demo)
       )
    ) f
    WHERE f.subject_code = '*'
       OR (f.school_code, f.year, f.procedure_code, f.subject_code) IN (
            SELECT * FROM unnest(p_schools, p_years, p_procedures, p_subjects));
  END $$`;

/** The (school, year, procedure, subject) quadruples a statement touched, from its transition tables. */
const KEYS = `
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(school_code), array_agg(year), array_agg(procedure_code), array_agg(subject_code)
        INTO schools, years, procedures, subjects
        FROM (SELECT DISTINCT school_code, year, procedure_code, subject_code FROM new_rows) k;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(school_code), array_agg(year), array_agg(procedure_code), array_agg(subject_code)
        INTO schools, years, procedures, subjects
        FROM (SELECT DISTINCT school_code, year, procedure_code, subject_code FROM old_rows) k;
    ELSE
      SELECT array_agg(school_code), array_agg(year), array_agg(procedure_code), array_agg(subject_code)
        INTO schools, years, procedures, subjects
        FROM (SELECT school_code, year, procedure_code, subject_code FROM new_rows
              UNION SELECT school_code, year, procedure_code, subject_code FROM old_rows) k;
    END IF;`;

const ON_WRITE_BY_SUBJECT = `
  CREATE OR REPLACE FUNCTION assessment_rollup_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    schools text[]; years integer[]; procedures text[]; subjects text[];
  BEGIN
    ${KEYS}
    IF schools IS NOT NULL THEN
      IF current_setting('hub.rollup_deferred', true) = 'on' THEN
        INSERT INTO pg_temp.assessment_rollup_pending SELECT * FROM unnest(schools, years, procedures, subjects);
      ELSE
        PERFORM assessment_rollup_refresh(schools, years, procedures, subjects);
      END IF;
    END IF;
    RETURN NULL;
  END $$`;

/** `RollupOnce`'s trigger function, as it was. */
const ON_WRITE_BY_PROCEDURE = `
  CREATE OR REPLACE FUNCTION assessment_rollup_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    schools text[]; years integer[]; procedures text[];
  BEGIN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(school_code), array_agg(year), array_agg(procedure_code) INTO schools, years, procedures
        FROM (SELECT DISTINCT school_code, year, procedure_code FROM new_rows) k;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(school_code), array_agg(year), array_agg(procedure_code) INTO schools, years, procedures
        FROM (SELECT DISTINCT school_code, year, procedure_code FROM old_rows) k;
    ELSE
      SELECT array_agg(school_code), array_agg(year), array_agg(procedure_code) INTO schools, years, procedures
        FROM (SELECT school_code, year, procedure_code FROM new_rows
              UNION SELECT school_code, year, procedure_code FROM old_rows) k;
    END IF;
    IF schools IS NOT NULL THEN
      IF current_setting('hub.rollup_deferred', true) = 'on' THEN
        INSERT INTO pg_temp.assessment_rollup_pending SELECT * FROM unnest(schools, years, procedures);
      ELSE
        PERFORM assessment_rollup_refresh(schools, years, procedures);
      END IF;
    END IF;
    RETURN NULL;
  END $$`;

export class RollupBySubject1764002000000 implements MigrationInterface {
  name = 'RollupBySubject1764002000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(REFRESH_BY_SUBJECT);
    await db.query(ON_WRITE_BY_SUBJECT);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(ON_WRITE_BY_PROCEDURE);
    await db.query(`DROP FUNCTION assessment_rollup_refresh(text[], integer[], text[], text[])`);
  }
}
