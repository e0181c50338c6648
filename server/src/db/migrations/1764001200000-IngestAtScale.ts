import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_INDEX = 'IDX_0057dd89618e30b067781cfcc4';
const NEW_INDEX = 'IDX_participant_result_school_year';

/** The rollup of the keys a statement touched, computed from its transition tables. */
const onWrite = (keys: (rows: string) => string, unionKeys: string, call: string, declare: string) => `
  CREATE OR REPLACE FUNCTION assessment_rollup_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    ${declare}
  BEGIN
    IF TG_OP = 'INSERT' THEN
      ${keys('new_rows')}
    ELSIF TG_OP = 'DELETE' THEN
      ${keys('old_rows')}
    ELSE
      ${unionKeys}
    END IF;
    ${call}
    RETURN NULL;
  END $$`;

/**
 * Participant files at national scale (a million rows touch a hundred thousand school-years):
 *
 * - the participant index narrows from (year, school, procedure, subject, grade) to
 *   (school, year). Every reader of it names a school and a year — the derivation by keys, the
 *   check for derived rows left without participants, the removal of demo rows of a key, the
 *   row-level security of a school's users — and finds a school-year's few hundred rows by it;
 *   whole years and whole files are read by hashed passes that need no index. Each inserted row
 *   now maintains a third of the index it did.
 * - the rollup trigger collects the touched keys as three arrays (DISTINCT over the transition
 *   table) instead of a DISTINCT jsonb aggregate, which sorted jsonb values and cost seconds for
 *   a large derivation. The jsonb form of `assessment_rollup_refresh` stays for its callers.
 * - both forms of `assessment_rollup_refresh` plan each call for its own keys (see below).
 * - the rollup loses its foreign key to `school`: every rollup row is derived from results whose
 *   own key to the school forbids deleting it, and goes with the last of them, so the key never
 *   acted, while checking it cost a lookup per rollup row (a million for such a file).
 */
export class IngestAtScale1764001200000 implements MigrationInterface {
  name = 'IngestAtScale1764001200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "${OLD_INDEX}"`);
    await db.query(`CREATE INDEX "${NEW_INDEX}" ON "participant_result" ("school_code", "year")`);
    await db.query(`ALTER TABLE assessment_rollup DROP CONSTRAINT assessment_rollup_school_code_fkey`);
    await db.query(`
      CREATE FUNCTION assessment_rollup_refresh(p_schools text[], p_years integer[], p_procedures text[]) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET plan_cache_mode = force_custom_plan
      SET enable_mergejoin FROM CURRENT SET enable_nestloop FROM CURRENT AS $$
      BEGIN
        -- After a bulk load in this transaction the planner still believes the
        -- table small and would nest-loop over it: fresh statistics first. Even so it
        -- misjudges how many results the keys match (a few dozen for a hundred thousand
        -- keys) and merge-joined with endless rescans: many keys are read in hashed passes
        -- (set here for this call only, by the SET clauses above); a few by the index.
        IF cardinality(p_schools) > 200 THEN
          ANALYZE assessment_result;
          PERFORM set_config('enable_mergejoin', 'off', true), set_config('enable_nestloop', 'off', true);
        END IF;
        DELETE FROM assessment_rollup r
         USING unnest(p_schools, p_years, p_procedures) AS k(school_code, year, procedure_code)
         WHERE r.school_code = k.school_code AND r.year = k.year AND r.procedure_code = k.procedure_code;
        INSERT INTO assessment_rollup
        SELECT a.school_code, a.year, a.procedure_code,
               CASE WHEN GROUPING(a.subject_code) = 1 THEN '*' ELSE a.subject_code END,
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
          JOIN unnest(p_schools, p_years, p_procedures) AS k(school_code, year, procedure_code)
            ON a.school_code = k.school_code AND a.year = k.year AND a.procedure_code = k.procedure_code
         GROUP BY GROUPING SETS (
           (a.school_code, a.year, a.procedure_code, a.is_demo, a.subject_code, coalesce(a.grade, 0)),
           (a.school_code, a.year, a.procedure_code, a.is_demo, a.subject_code),
           (a.school_code, a.year, a.procedure_code, a.is_demo, coalesce(a.grade, 0)),
           (a.school_code, a.year, a.procedure_code, a.is_demo)
         );
      END $$`);
    // PL/pgSQL caches a statement's plan per session: after five calls with a few keys it plans
    // for "some" keys, and a later call with a hundred thousand (a bulk derivation on a pooled
    // connection) nest-looped for minutes. Each call is planned for its own keys.
    await db.query(`ALTER FUNCTION assessment_rollup_refresh(jsonb) SET plan_cache_mode = force_custom_plan`);
    const keys = (rows: string) =>
      `SELECT array_agg(school_code), array_agg(year), array_agg(procedure_code) INTO schools, years, procedures
         FROM (SELECT DISTINCT school_code, year, procedure_code FROM ${rows}) k;`;
    await db.query(
      onWrite(
        keys,
        `SELECT array_agg(school_code), array_agg(year), array_agg(procedure_code) INTO schools, years, procedures
           FROM (SELECT school_code, year, procedure_code FROM new_rows
                 UNION SELECT school_code, year, procedure_code FROM old_rows) k;`,
        `IF schools IS NOT NULL THEN
           PERFORM assessment_rollup_refresh(schools, years, procedures);
         END IF;`,
        'schools text[]; years integer[]; procedures text[];',
      ),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    const keys = (rows: string) =>
      `SELECT jsonb_agg(DISTINCT jsonb_build_object('s', school_code, 'y', year, 'p', procedure_code)) INTO keys FROM ${rows};`;
    await db.query(
      onWrite(
        keys,
        `SELECT jsonb_agg(DISTINCT k) INTO keys FROM (
           SELECT jsonb_build_object('s', school_code, 'y', year, 'p', procedure_code) AS k FROM new_rows
           UNION SELECT jsonb_build_object('s', school_code, 'y', year, 'p', procedure_code) FROM old_rows) x;`,
        `IF keys IS NOT NULL THEN
           PERFORM assessment_rollup_refresh(keys);
         END IF;`,
        'keys jsonb;',
      ),
    );
    await db.query(`DROP FUNCTION assessment_rollup_refresh(text[], integer[], text[])`);
    await db.query(`ALTER FUNCTION assessment_rollup_refresh(jsonb) RESET plan_cache_mode`);
    await db.query(
      `ALTER TABLE assessment_rollup ADD CONSTRAINT assessment_rollup_school_code_fkey
         FOREIGN KEY (school_code) REFERENCES school(code) ON DELETE CASCADE`,
    );
    await db.query(`DROP INDEX "${NEW_INDEX}"`);
    await db.query(
      `CREATE INDEX "${OLD_INDEX}" ON "participant_result" ("year", "school_code", "procedure_code", "subject_code", "grade")`,
    );
  }
}
