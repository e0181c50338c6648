import type { TestHub } from '../harness/hub';

/**
 * School-level figures computed straight from the participant rows, written independently of
 * the import's derivation: the ОГЭ scale gives a mark where the source gave none, and ЕГЭ
 * participants below the year's minimum (or with «2» where there is no minimum) are counted.
 */
export const DIRECT_SQL = `
  SELECT p.school_code, p.procedure_code, p.year, p.subject_code, p.grade,
         count(*)::int AS participants,
         count(*) FILTER (WHERE x.mark = 2)::int AS count2,
         count(*) FILTER (WHERE x.mark = 3)::int AS count3,
         count(*) FILTER (WHERE x.mark = 4)::int AS count4,
         count(*) FILTER (WHERE x.mark = 5)::int AS count5,
         round(avg(p.primary_score)::numeric, 6)::float8 AS mean_primary_score,
         round(avg(p.test_score)::numeric, 6)::float8 AS mean_test_score,
         CASE WHEN p.procedure_code = 'EGE' THEN
           sum(CASE WHEN e.min_score IS NOT NULL AND p.test_score < e.min_score THEN 1
                    WHEN e.min_score IS NULL AND x.mark = 2 THEN 1 ELSE 0 END)::int END AS below_minimum_count
    FROM participant_result p
    LEFT JOIN oge_scale s ON p.procedure_code = 'OGE' AND (s.year, s.subject_code) = (p.year, p.subject_code)
    LEFT JOIN ege_minimum_score e ON p.procedure_code = 'EGE' AND (e.year, e.subject_code) = (p.year, p.subject_code)
    CROSS JOIN LATERAL (
      SELECT CASE WHEN p.mark IS NOT NULL THEN p.mark
                  WHEN s.year IS NULL OR p.primary_score IS NULL THEN NULL
                  WHEN p.primary_score < s.min_primary_for3 THEN 2
                  WHEN p.primary_score < s.min_primary_for4 THEN 3
                  WHEN p.primary_score < s.min_primary_for5 THEN 4
                  ELSE 5 END AS mark
    ) x
   WHERE NOT p.is_demo
   GROUP BY 1, 2, 3, 4, 5`;

/** The derived school-level rows of real participants, shaped as `DIRECT_SQL` gives them. */
export const STORED_SQL = `
  SELECT r.school_code, r.procedure_code, r.year, r.subject_code, r.grade, r.participants, r.count2, r.count3,
         r.count4, r.count5, round(r.mean_primary_score::numeric, 6)::float8 AS mean_primary_score,
         round(r.mean_test_score::numeric, 6)::float8 AS mean_test_score, r.below_minimum_count
    FROM assessment_result r
   WHERE r.source = 'derived' AND NOT r.is_demo
   ORDER BY 1, 2, 3, 4, 5`;

/**
 * Derived rows of real participants whose means are not exactly (not rounded) PostgreSQL's own
 * `avg` of their participant rows: an import derives them from sums it gathered itself.
 */
const INEXACT_MEANS_SQL = `
  SELECT r.school_code, r.procedure_code, r.year, r.subject_code, r.grade
    FROM assessment_result r
    JOIN (SELECT school_code, procedure_code, year, subject_code, grade,
                 avg(primary_score)::float8 AS primary_mean, avg(test_score)::float8 AS test_mean
            FROM participant_result WHERE NOT is_demo GROUP BY 1, 2, 3, 4, 5) p
      ON (p.school_code, p.procedure_code, p.year, p.subject_code, coalesce(p.grade, 0))
       = (r.school_code, r.procedure_code, r.year, r.subject_code, coalesce(r.grade, 0))
   WHERE (r.mean_primary_score, r.mean_test_score) IS DISTINCT FROM (p.primary_mean, p.test_mean)`;

/**
 * The rows of `INEXACT_MEANS_SQL`, on fresh statistics. Autovacuum may have analysed a test's new
 * database while its participant rows were the seed's demo rows alone: the planner then expects no
 * real rows and joins the two aggregates by nested loop, 30 s instead of 50 ms for 50,000 rows.
 */
export async function inexactMeans(hub: TestHub): Promise<unknown[]> {
  await hub.sql('ANALYZE participant_result, assessment_result');
  return hub.sql(INEXACT_MEANS_SQL);
}
