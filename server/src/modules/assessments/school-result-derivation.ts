import type { EntityManager } from 'typeorm';
import type { SchoolResultKey } from './assessment-rows';
import { hashJoinsForLargeTables, plannerDefaults } from './planner-hints';
import { ProcedureCode } from './procedure-codes';

/**
 * Which school-level rows to derive again: given keys, every key of whole years, or the keys
 * in a table of the transaction (distinct rows of school_code, procedure_code, year,
 * subject_code, grade), so that a large import need not hold them in memory.
 */
export type RecomputeScope =
  | { keys: readonly SchoolResultKey[] }
  | { years: readonly number[] }
  | {
      keysTable: string;
      /**
       * The keys among them that may have lost all their participant rows (the others surely
       * kept some): only their derived rows are looked at for removal. Default: all of them.
       */
      emptiedKeysTable?: string;
      /**
       * A table of `FIGURE_COLUMNS` whose rows of each key add up to the sums of all its
       * participant rows: the derivation reads those instead of the participant rows.
       */
      figuresTable?: string;
    };

export interface RecomputeReport {
  /** School-level rows written or changed. */
  upserted: number;
  /** Derived rows removed because no participant rows remain for their key. */
  removed: number;
}

/** Two aliases name the same school-level key (a missing grade equals a missing grade). */
export const SAME_KEY = (a: string, b: string) =>
  `${a}.year = ${b}.year AND ${a}.school_code = ${b}.school_code AND ${a}.procedure_code = ${b}.procedure_code ` +
  `AND ${a}.subject_code = ${b}.subject_code AND coalesce(${a}.grade, 0) = coalesce(${b}.grade, 0)`;

/** The year's ОГЭ scale and ЕГЭ minimum in one lookup: a million rows probe one small hash, not two. */
const RULES = `rules AS (
      SELECT $1::text AS procedure_code, year, subject_code, min_primary_for3, min_primary_for4, min_primary_for5,
             NULL::integer AS min_score
        FROM oge_scale
      UNION ALL
      SELECT $2::text, year, subject_code, NULL, NULL, NULL, min_score FROM ege_minimum_score
    )`;

/**
 * A participant row `p`'s rule `s` and mark `m.mark`: the one the source gave, else (ОГЭ) the
 * year's mark scale applied to the primary score. `KeyFigures.markOf` is the same rule.
 */
const MARKED = `LEFT JOIN rules s ON s.procedure_code = p.procedure_code AND s.year = p.year AND s.subject_code = p.subject_code
        CROSS JOIN LATERAL (
          SELECT coalesce(p.mark, CASE
                   WHEN s.min_primary_for3 IS NULL OR p.primary_score IS NULL THEN NULL
                   WHEN p.primary_score >= s.min_primary_for5 THEN 5
                   WHEN p.primary_score >= s.min_primary_for4 THEN 4
                   WHEN p.primary_score >= s.min_primary_for3 THEN 3
                   ELSE 2 END) AS mark
        ) m`;

/** ЕГЭ «below the minimum»: under the year's minimum, or a «2» where the subject has none (`KeyFigures.belowOf`). */
const BELOW = `CASE WHEN s.min_score IS NULL THEN m.mark = 2 ELSE p.test_score < s.min_score END`;

const KEY_COLUMNS = 'school_code, procedure_code, year, subject_code, grade';

/** Per school-level key, the sums the derivation needs: see `KeyFigures`. */
export const FIGURE_COLUMNS =
  'school_code text, procedure_code text, year integer, subject_code text, grade integer, ' +
  'participants integer, count2 integer, count3 integer, count4 integer, count5 integer, ' +
  'primary_sum bigint, primary_n integer, test_sum bigint, test_n integer, below integer, is_demo boolean';

/**
 * The one statement that derives school-level results from participant rows. A participant's
 * mark is the one the source gave, else (ОГЭ) the year's mark scale applied to the primary
 * score; for ЕГЭ, "below the minimum" is a test score under the year's minimum, or a «2» where
 * the subject has no minimum score (base mathematics). Derived rows replace reported ones of
 * the same key; their journal comparison is empty, since participant rows carry none. Derived
 * rows whose participants are gone are removed; reported rows without participants stay.
 *
 * With `figuresTable` the sums come from there (parts of each key's rows, summed up again)
 * instead of from the participant rows: the same figures, averages divided as `avg` divides.
 */
function derivationSql(
  scope: 'keys' | 'years' | { keysTable: string; emptiedKeysTable?: string; figuresTable?: string },
): string {
  const byKeys = scope !== 'years';
  const scopeCte =
    scope === 'keys'
      ? `scope AS (
           SELECT DISTINCT * FROM unnest($3::text[], $4::text[], $5::int[], $6::text[], $7::int[])
             AS k(school_code, procedure_code, year, subject_code, grade)
         ),`
      : typeof scope === 'object'
        ? `scope AS (SELECT ${KEY_COLUMNS} FROM ${scope.keysTable}),`
        : '';
  const participantJoin = byKeys ? `JOIN scope k ON ${SAME_KEY('p', 'k')}` : '';
  const participantWhere = byKeys ? '' : 'WHERE p.year = ANY($3::int[])';
  const emptied = typeof scope === 'object' && scope.emptiedKeysTable ? scope.emptiedKeysTable : 'scope';
  const resultScope = byKeys
    ? `USING ${emptied} k WHERE ${SAME_KEY('r', 'k')} AND`
    : 'WHERE r.year = ANY($3::int[]) AND';
  const figures = typeof scope === 'object' ? scope.figuresTable : undefined;
  const agg = figures
    ? `agg AS (
      SELECT ${KEY_COLUMNS}, sum(participants)::int AS participants, sum(count2)::int AS count2,
             sum(count3)::int AS count3, sum(count4)::int AS count4, sum(count5)::int AS count5,
             (sum(primary_sum) / nullif(sum(primary_n), 0)::numeric)::float8 AS mean_primary_score,
             (sum(test_sum) / nullif(sum(test_n), 0)::numeric)::float8 AS mean_test_score,
             CASE WHEN procedure_code = $2 THEN sum(below)::int END AS below_minimum_count,
             bool_and(is_demo) AS is_demo
        FROM ${figures}
       GROUP BY ${KEY_COLUMNS}
    ),`
    : `agg AS (
      SELECT p.school_code, p.procedure_code, p.year, p.subject_code, p.grade,
             count(*)::int AS participants,
             count(*) FILTER (WHERE m.mark = 2)::int AS count2,
             count(*) FILTER (WHERE m.mark = 3)::int AS count3,
             count(*) FILTER (WHERE m.mark = 4)::int AS count4,
             count(*) FILTER (WHERE m.mark = 5)::int AS count5,
             avg(p.primary_score)::float8 AS mean_primary_score,
             avg(p.test_score)::float8 AS mean_test_score,
             CASE WHEN p.procedure_code = $2 THEN count(*) FILTER (WHERE ${BELOW})::int END AS below_minimum_count,
             bool_and(p.is_demo) AS is_demo
        FROM participant_result p
        ${participantJoin}
        ${MARKED}
       ${participantWhere}
       GROUP BY p.school_code, p.procedure_code, p.year, p.subject_code, p.grade
    ),`;
  return `
    WITH ${scopeCte}
    ${RULES},
    ${agg}
    upserted AS (
      INSERT INTO assessment_result AS r
             (school_code, procedure_code, year, subject_code, grade, participants, count2, count3, count4, count5,
              journal_lowered, journal_confirmed, journal_raised, mean_primary_score, mean_test_score,
              below_minimum_count, source, is_demo)
      SELECT school_code, procedure_code, year, subject_code, grade, participants, count2, count3, count4, count5,
             NULL, NULL, NULL, mean_primary_score, mean_test_score, below_minimum_count, 'derived', is_demo
        FROM agg
      ON CONFLICT (school_code, procedure_code, year, subject_code, (coalesce(grade, 0))) DO UPDATE SET
             participants = excluded.participants, count2 = excluded.count2, count3 = excluded.count3,
             count4 = excluded.count4, count5 = excluded.count5, journal_lowered = NULL, journal_confirmed = NULL,
             journal_raised = NULL, mean_primary_score = excluded.mean_primary_score,
             mean_test_score = excluded.mean_test_score, below_minimum_count = excluded.below_minimum_count,
             source = 'derived', is_demo = excluded.is_demo, updated_at = now()
       WHERE (r.participants, r.count2, r.count3, r.count4, r.count5, r.journal_lowered, r.mean_primary_score,
              r.mean_test_score, r.below_minimum_count, r.source, r.is_demo)
             IS DISTINCT FROM
             (excluded.participants, excluded.count2, excluded.count3, excluded.count4, excluded.count5, NULL::int,
              excluded.mean_primary_score, excluded.mean_test_score, excluded.below_minimum_count,
              'derived'::assessment_result_source, excluded.is_demo)
      RETURNING 1
    ),
    removed AS (
      DELETE FROM assessment_result r ${resultScope} r.source = 'derived'
         AND NOT EXISTS (SELECT 1 FROM participant_result p WHERE ${SAME_KEY('p', 'r')})
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM upserted)::int AS upserted, (SELECT count(*) FROM removed)::int AS removed`;
}

/**
 * Derives the school-level results of the given keys (or of whole years) from the participant
 * rows, in one set-wise statement: the import calls it after loading participant rows, the demo
 * seed after generating them. Keys find their rows by the participant index (school, year);
 * whole years are read in one pass.
 */
export async function recomputeSchoolResults(em: EntityManager, scope: RecomputeScope): Promise<RecomputeReport> {
  if ('keys' in scope && scope.keys.length === 0) return { upserted: 0, removed: 0 };
  if ('years' in scope && scope.years.length === 0) return { upserted: 0, removed: 0 };
  return withRollupOnce(em, async () => {
    let rows: RecomputeReport[];
    if ('keys' in scope) {
      const k = scope.keys;
      rows = await em.query(derivationSql('keys'), [
        ProcedureCode.OGE,
        ProcedureCode.EGE,
        k.map((x) => x.schoolCode),
        k.map((x) => x.procedureCode),
        k.map((x) => x.year),
        k.map((x) => x.subjectCode),
        k.map((x) => x.grade),
      ]);
    } else if ('keysTable' in scope) {
      const large = await hashJoinsForLargeTables(em, scope.keysTable);
      rows = await em.query(derivationSql(scope), [ProcedureCode.OGE, ProcedureCode.EGE]);
      if (large) await plannerDefaults(em);
    } else {
      rows = await em.query(derivationSql('years'), [ProcedureCode.OGE, ProcedureCode.EGE, [...scope.years]]);
    }
    return rows[0]!;
  });
}

/**
 * Runs the derivation with the rollup's triggers deferred (migration `RollupOnce`): its upsert
 * fires an INSERT and an UPDATE trigger, and each (school, year, procedure) they touch is then
 * refreshed once here rather than once per trigger.
 */
async function withRollupOnce<T>(em: EntityManager, derive: () => Promise<T>): Promise<T> {
  // Outside a transaction each statement commits alone: the triggers refresh as they go.
  if (!em.queryRunner?.isTransactionActive) return derive();
  await em.query(
    `CREATE TEMP TABLE IF NOT EXISTS assessment_rollup_pending (school_code text, year integer, procedure_code text)
     ON COMMIT DROP`,
  );
  await em.query(`SELECT set_config('hub.rollup_deferred', 'on', true)`);
  const result = await derive();
  await em.query(`SELECT set_config('hub.rollup_deferred', 'off', true)`);
  await em.query(
    `SELECT assessment_rollup_refresh(array_agg(school_code), array_agg(year), array_agg(procedure_code))
       FROM (SELECT DISTINCT school_code, year, procedure_code FROM assessment_rollup_pending) k
     HAVING count(*) > 0`,
  );
  await em.query(`DELETE FROM assessment_rollup_pending`);
  return result;
}
