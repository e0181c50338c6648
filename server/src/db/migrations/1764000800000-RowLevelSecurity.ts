import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests run as `hub_app` (SET LOCAL ROLE in each request's transaction),
 * a role that owns no table and has no BYPASSRLS, with the caller's scope in
 * the settings hub.role, hub.municipality, hub.schools and hub.user_id. Row-level
 * security then hides other schools' rows from any query shape. The owner
 * (migrations, seeds, imports, aggregates over rollups) is not subject to it.
 */

/** Tables whose rows belong to one school, by the column that names it. */
const SCHOOL_TABLES: Record<string, string> = {
  vsoko_campaign_school: 'school_code',
  vsoko_evaluation: 'school_code',
  vsoko_block_score: 'school_code',
  vsoko_document_link: 'school_code',
  self_diagnostic_result: 'school_code',
  self_diagnostic_score: 'school_code',
  user_school_assignment: 'school_code',
  assessment_result: 'school_code',
  participant_result: 'school_code',
  shnor_listing: 'school_code',
};

/** Plan progress: region and municipality targets are not school rows; school targets are. */
const OPTIONAL_SCHOOL_TABLES = ['activity_progress', 'activity_progress_change'];

/** Never readable by requests: sessions, sign-in attempts, secrets, the migration ledger. */
const OWNER_ONLY = ['refresh_token', 'login_attempt', 'hub_secret', 'migrations'];

export class RowLevelSecurity1764000800000 implements MigrationInterface {
  name = 'RowLevelSecurity1764000800000';

  async up(db: QueryRunner): Promise<void> {
    // Roles belong to the cluster, not the database: create once, reuse.
    await db.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hub_app') THEN
        CREATE ROLE hub_app NOLOGIN NOBYPASSRLS;
      END IF;
    END $$`);
    await db.query(`GRANT hub_app TO CURRENT_USER`);
    await db.query(`GRANT USAGE ON SCHEMA public TO hub_app`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hub_app`);
    await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO hub_app`);
    await db.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hub_app`,
    );
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO hub_app`);
    for (const table of OWNER_ONLY) await db.query(`REVOKE ALL ON ${table} FROM hub_app`);

    await db.query(`
      CREATE FUNCTION hub_sees_all() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT coalesce(current_setting('hub.role', true), '') IN ('region_admin', 'region_analyst')
      $$`);
    await db.query(`
      CREATE FUNCTION hub_scope_schools() RETURNS text[] LANGUAGE sql STABLE AS $$
        SELECT coalesce(string_to_array(nullif(current_setting('hub.schools', true), ''), ','), '{}')
      $$`);

    await db.query(`ALTER TABLE school ENABLE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY school_scope ON school USING (
        hub_sees_all()
        OR (current_setting('hub.role', true) = 'municipal_officer'
            AND municipality_code = current_setting('hub.municipality', true))
        OR code = ANY(hub_scope_schools())
      )`);
    // Other tables defer to the school policy: a row is visible when its school is.
    for (const [table, column] of Object.entries(SCHOOL_TABLES)) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY ${table}_scope ON ${table} USING (hub_sees_all() OR ${column} IN (SELECT code FROM school))`,
      );
    }
    for (const table of OPTIONAL_SCHOOL_TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY ${table}_scope ON ${table}
           USING (hub_sees_all() OR school_code IS NULL OR school_code IN (SELECT code FROM school))`,
      );
    }

    await db.query(`ALTER TABLE app_user ENABLE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY app_user_scope ON app_user USING (
        current_setting('hub.role', true) = 'region_admin' OR id::text = current_setting('hub.user_id', true)
      )`);
    await db.query(`ALTER TABLE import_job ENABLE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY import_job_scope ON import_job
        USING (hub_sees_all() OR user_id = current_setting('hub.user_id', true))`);
    for (const table of ['import_rejected_row', 'import_file_chunk']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`CREATE POLICY ${table}_scope ON ${table} USING (job_id IN (SELECT id FROM import_job))`);
    }
    // Views read with the caller's rights, or they would see past the policies.
    await db.query(`ALTER VIEW vsoko_evaluation_outcome SET (security_invoker = true)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER VIEW vsoko_evaluation_outcome RESET (security_invoker)`);
    const tables = [
      'school',
      ...Object.keys(SCHOOL_TABLES),
      ...OPTIONAL_SCHOOL_TABLES,
      'app_user',
      'import_job',
      'import_rejected_row',
      'import_file_chunk',
    ];
    for (const table of tables) {
      await db.query(`DROP POLICY ${table}_scope ON ${table}`);
      await db.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await db.query(`DROP FUNCTION hub_scope_schools()`);
    await db.query(`DROP FUNCTION hub_sees_all()`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM hub_app`);
    await db.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM hub_app`,
    );
    await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM hub_app`);
    await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM hub_app`);
    await db.query(`REVOKE USAGE ON SCHEMA public FROM hub_app`);
  }
}
