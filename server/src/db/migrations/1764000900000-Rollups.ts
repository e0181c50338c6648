import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Domain tables that notify the change feed, by the column naming the row's school. */
const NOTIFYING: { table: string; domain: string; school: string }[] = [
  { table: 'assessment_result', domain: 'assessment', school: 'school_code' },
  { table: 'vsoko_evaluation', domain: 'vsoko', school: 'school_code' },
  { table: 'vsoko_block_score', domain: 'vsoko', school: 'school_code' },
  { table: 'vsoko_zone_rule', domain: 'vsoko', school: 'NULL::text' },
  { table: 'self_diagnostic_result', domain: 'selfdiag', school: 'school_code' },
  { table: 'shnor_listing', domain: 'shnor', school: 'school_code' },
  { table: 'activity_progress', domain: 'plan', school: 'school_code' },
];

const EVENTS = [
  { event: 'INSERT', referencing: 'NEW TABLE AS new_rows' },
  { event: 'UPDATE', referencing: 'NEW TABLE AS new_rows OLD TABLE AS old_rows' },
  { event: 'DELETE', referencing: 'OLD TABLE AS old_rows' },
];

/**
 * Rollups kept on write and the change feed of every domain. Indicators sum
 * per-school rows: assessment results are already one row per school,
 * procedure, year, subject and grade, and `assessment_rollup` adds the
 * "all subjects" / "all grades" totals, so a request reads one row per school
 * whatever its filter. Every domain table notifies after commit.
 */
export class Rollups1764000900000 implements MigrationInterface {
  name = 'Rollups1764000900000';

  async up(db: QueryRunner): Promise<void> {
    // A changed row without a school (a region or municipality target) changes "everything".
    await db.query(`
      CREATE FUNCTION hub_notify_rows(p_domain text, p_schools text[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF cardinality(p_schools) = 0 THEN
          RETURN;
        ELSIF array_position(p_schools, NULL) IS NOT NULL THEN
          PERFORM pg_notify('hub_changes', json_build_object('d', p_domain, 'v', nextval('hub_change_seq'), 's', NULL)::text);
        ELSE
          PERFORM hub_notify_change(p_domain, p_schools);
        END IF;
      END $$`);
    // TG_ARGV: the domain, and the expression naming a row's school.
    await db.query(`
      CREATE FUNCTION hub_table_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        schools text[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          EXECUTE format('SELECT array_agg(%s) FROM new_rows', TG_ARGV[1]) INTO schools;
        ELSIF TG_OP = 'DELETE' THEN
          EXECUTE format('SELECT array_agg(%s) FROM old_rows', TG_ARGV[1]) INTO schools;
        ELSE
          EXECUTE format('SELECT array_agg(s) FROM (SELECT %1$s AS s FROM new_rows UNION ALL SELECT %1$s FROM old_rows) x', TG_ARGV[1])
            INTO schools;
        END IF;
        PERFORM hub_notify_rows(TG_ARGV[0], coalesce(schools, '{}'));
        RETURN NULL;
      END $$`);
    for (const { table, domain, school } of NOTIFYING) {
      for (const { event, referencing } of EVENTS) {
        await db.query(
          `CREATE TRIGGER ${table}_notify_${event.toLowerCase()} AFTER ${event} ON ${table}
             REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION hub_table_notify('${domain}', '${school}')`,
        );
      }
    }

    await db.query(`
      CREATE TABLE assessment_rollup (
        school_code text NOT NULL REFERENCES school(code) ON DELETE CASCADE,
        year integer NOT NULL,
        procedure_code text NOT NULL,
        subject_code text NOT NULL,   -- '*': all subjects
        grade integer NOT NULL,       -- -1: all grades; 0: results without a grade
        is_demo boolean NOT NULL,
        participants bigint NOT NULL,
        marked bigint NOT NULL,
        count2 bigint NOT NULL,
        count45 bigint NOT NULL,
        below_minimum bigint NOT NULL,
        below_minimum_base bigint NOT NULL,
        score_sum double precision NOT NULL,
        score_base bigint NOT NULL,
        journal_base bigint NOT NULL,
        journal_lowered bigint NOT NULL,
        journal_raised bigint NOT NULL,
        PRIMARY KEY (school_code, year, procedure_code, subject_code, grade, is_demo)
      )`);
    // Writes replace a school's rows (the key above); reads take one row per school for a filter (this index).
    await db.query(
      `CREATE INDEX assessment_rollup_filter ON assessment_rollup (year, procedure_code, subject_code, grade)`,
    );
    // Runs as the owner: derived figures follow every write, whoever made it.
    await db.query(`
      CREATE FUNCTION assessment_rollup_refresh(p_keys jsonb) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        -- After a bulk load in this transaction the planner still believes the
        -- table small and would nest-loop over it: fresh statistics first.
        IF jsonb_array_length(p_keys) > 200 THEN
          ANALYZE assessment_result;
        END IF;
        DELETE FROM assessment_rollup r
         USING (SELECT DISTINCT k->>'s' AS school_code, (k->>'y')::int AS year, k->>'p' AS procedure_code
                  FROM jsonb_array_elements(p_keys) k) k
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
          JOIN (SELECT DISTINCT k->>'s' AS school_code, (k->>'y')::int AS year, k->>'p' AS procedure_code
                  FROM jsonb_array_elements(p_keys) k) k
            ON a.school_code = k.school_code AND a.year = k.year AND a.procedure_code = k.procedure_code
         GROUP BY GROUPING SETS (
           (a.school_code, a.year, a.procedure_code, a.is_demo, a.subject_code, coalesce(a.grade, 0)),
           (a.school_code, a.year, a.procedure_code, a.is_demo, a.subject_code),
           (a.school_code, a.year, a.procedure_code, a.is_demo, coalesce(a.grade, 0)),
           (a.school_code, a.year, a.procedure_code, a.is_demo)
         );
      END $$`);
    await db.query(`
      CREATE FUNCTION assessment_rollup_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        keys jsonb;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT jsonb_agg(DISTINCT jsonb_build_object('s', school_code, 'y', year, 'p', procedure_code)) INTO keys FROM new_rows;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT jsonb_agg(DISTINCT jsonb_build_object('s', school_code, 'y', year, 'p', procedure_code)) INTO keys FROM old_rows;
        ELSE
          SELECT jsonb_agg(DISTINCT k) INTO keys FROM (
            SELECT jsonb_build_object('s', school_code, 'y', year, 'p', procedure_code) AS k FROM new_rows
            UNION SELECT jsonb_build_object('s', school_code, 'y', year, 'p', procedure_code) FROM old_rows) x;
        END IF;
        IF keys IS NOT NULL THEN
          PERFORM assessment_rollup_refresh(keys);
        END IF;
        RETURN NULL;
      END $$`);
    for (const { event, referencing } of EVENTS) {
      // Named to fire before the notification triggers (alphabetical order), so the feed announces fresh figures.
      await db.query(
        `CREATE TRIGGER assessment_result_a_rollup_${event.toLowerCase()} AFTER ${event} ON assessment_result
           REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION assessment_rollup_on_write()`,
      );
    }
    await db.query(`SELECT assessment_rollup_refresh(
      (SELECT coalesce(jsonb_agg(DISTINCT jsonb_build_object('s', school_code, 'y', year, 'p', procedure_code)), '[]')
         FROM assessment_result))`);
    await db.query(`ALTER TABLE assessment_rollup ENABLE ROW LEVEL SECURITY`);
    await db.query(
      `CREATE POLICY assessment_rollup_scope ON assessment_rollup USING (hub_sees_all() OR school_code IN (SELECT code FROM school))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { event } of EVENTS) {
      await db.query(`DROP TRIGGER assessment_result_a_rollup_${event.toLowerCase()} ON assessment_result`);
    }
    await db.query(`DROP FUNCTION assessment_rollup_on_write()`);
    await db.query(`DROP FUNCTION assessment_rollup_refresh(jsonb)`);
    await db.query(`DROP TABLE assessment_rollup`);
    for (const { table } of NOTIFYING) {
      for (const { event } of EVENTS) await db.query(`DROP TRIGGER ${table}_notify_${event.toLowerCase()} ON ${table}`);
    }
    await db.query(`DROP FUNCTION hub_table_notify()`);
    await db.query(`DROP FUNCTION hub_notify_rows(text, text[])`);
  }
}
