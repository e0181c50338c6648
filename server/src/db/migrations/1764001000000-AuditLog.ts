import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: every mutation, import and user change, written in the
 * change's own transaction. Requests (as `hub_app`) may append entries in
 * their own name only and read none unless they are a region admin; nobody
 * updates or deletes an entry.
 */
export class AuditLog1764001000000 implements MigrationInterface {
  name = 'AuditLog1764001000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid, "user_name" text NOT NULL, "request_id" text, "action" text NOT NULL, "entity" text NOT NULL, "entity_key" text NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log"  ("at") `);
    await db.query(`CREATE INDEX "IDX_8adcd1323cbf2e63f39799aa6e" ON "audit_log"  ("request_id") `);
    await db.query(`CREATE INDEX "IDX_97b0cb392291a916b304880cae" ON "audit_log"  ("user_id", "at") `);
    await db.query(`CREATE INDEX "IDX_7ee4635df3df89fe671b4aad2c" ON "audit_log"  ("entity", "at") `);

    await db.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'Журнал изменений только дополняется: записи не изменяются и не удаляются';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);

    await db.query(`REVOKE ALL ON audit_log FROM hub_app`);
    await db.query(`GRANT SELECT, INSERT ON audit_log TO hub_app`);
    await db.query(`GRANT USAGE ON SEQUENCE audit_log_id_seq TO hub_app`);
    await db.query(`ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY audit_log_read ON audit_log FOR SELECT
        USING (current_setting('hub.role', true) = 'region_admin')`);
    await db.query(`
      CREATE POLICY audit_log_append ON audit_log FOR INSERT
        WITH CHECK (user_id IS NOT DISTINCT FROM nullif(current_setting('hub.user_id', true), '')::uuid)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY audit_log_append ON audit_log`);
    await db.query(`DROP POLICY audit_log_read ON audit_log`);
    await db.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await db.query(`DROP FUNCTION audit_log_append_only()`);
    await db.query(`DROP INDEX "public"."IDX_7ee4635df3df89fe671b4aad2c"`);
    await db.query(`DROP INDEX "public"."IDX_97b0cb392291a916b304880cae"`);
    await db.query(`DROP INDEX "public"."IDX_8adcd1323cbf2e63f39799aa6e"`);
    await db.query(`DROP INDEX "public"."IDX_ba27cef5b8b2b1a756e06ebcc5"`);
    await db.query(`DROP TABLE "audit_log"`);
  }
}
