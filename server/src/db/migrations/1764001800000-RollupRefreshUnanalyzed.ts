import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The refresh's statements, as `IngestAtScale` wrote them. */
const REFRESH = `
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
         );`;

const refresh = (many: string) => `
  CREATE OR REPLACE FUNCTION assessment_rollup_refresh(p_schools text[], p_years integer[], p_procedures text[])
  RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET plan_cache_mode = force_custom_plan
  SET enable_mergejoin = on SET enable_nestloop = on AS $$
  BEGIN
    IF cardinality(p_schools) > 200 THEN
      ${many}
    END IF;
    ${REFRESH}
  END $$`;

/**
 * The rollup refresh of many school-years no longer analyses `assessment_result` first (an eighth
 * of a second of every large import, 20 % of the refresh): it joins those keys by hashed passes
 * whatever the statistics say (the SET clauses, since `IngestAtScale`), so fresh statistics
 * changed nothing in its plan. The table is analysed by autovacuum after the import, as any other.
 */
export class RollupRefreshUnanalyzed1764001800000 implements MigrationInterface {
  name = 'RollupRefreshUnanalyzed1764001800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      refresh(`PERFORM set_config('enable_mergejoin', 'off', true), set_config('enable_nestloop', 'off', true);`),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      refresh(`ANALYZE assessment_result;
      PERFORM set_config('enable_mergejoin', 'off', true), set_config('enable_nestloop', 'off', true);`),
    );
  }
}
