import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The (school, year, procedure) triples a statement touched, from its transition tables. */
const KEYS = `
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
    END IF;`;

const onWrite = (body: string) => `
  CREATE OR REPLACE FUNCTION assessment_rollup_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    schools text[]; years integer[]; procedures text[];
  BEGIN
    ${KEYS}
    IF schools IS NOT NULL THEN
      ${body}
    END IF;
    RETURN NULL;
  END $$`;

/**
 * The derivation of school-level results writes them by one INSERT … ON CONFLICT DO UPDATE,
 * which fires the rollup's INSERT trigger and then its UPDATE trigger: a large import refreshed
 * most school-years twice (two thirds of a second of a million-row import). While
 * `hub.rollup_deferred` is on (set by the derivation, for its own statement only), the triggers
 * note the triples in the session's `assessment_rollup_pending` instead, and the derivation
 * refreshes each of them once, before its transaction goes on.
 */
export class RollupOnce1764001600000 implements MigrationInterface {
  name = 'RollupOnce1764001600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      onWrite(`IF current_setting('hub.rollup_deferred', true) = 'on' THEN
        INSERT INTO pg_temp.assessment_rollup_pending SELECT * FROM unnest(schools, years, procedures);
      ELSE
        PERFORM assessment_rollup_refresh(schools, years, procedures);
      END IF;`),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(onWrite(`PERFORM assessment_rollup_refresh(schools, years, procedures);`));
  }
}
