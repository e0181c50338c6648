import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change feed: after a transaction commits, PostgreSQL tells every server
 * replica which domain changed, for which schools, and a version. NOTIFY is
 * transactional — delivered only on commit, deduplicated within it — so a
 * rolled-back import sends nothing and a 1,000,000-row import sends one message.
 */
export class ChangeFeed1764000600000 implements MigrationInterface {
  name = 'ChangeFeed1764000600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE hub_change_seq`);
    // Payload stays far below NOTIFY's 8 kB: beyond 200 schools it says "all".
    await db.query(`
      CREATE FUNCTION hub_notify_change(p_domain text, p_schools text[]) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        schools text[] := ARRAY(SELECT DISTINCT s FROM unnest(p_schools) s WHERE s IS NOT NULL ORDER BY s);
      BEGIN
        IF cardinality(schools) = 0 THEN
          RETURN;
        END IF;
        PERFORM pg_notify('hub_changes', json_build_object(
          'd', p_domain,
          'v', nextval('hub_change_seq'),
          's', CASE WHEN cardinality(schools) > 200 THEN NULL ELSE to_json(schools) END
        )::text);
      END $$`);
    await db.query(`
      CREATE FUNCTION school_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM hub_notify_change('school', ARRAY(SELECT code FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM hub_notify_change('school', ARRAY(SELECT code FROM old_rows));
        ELSE
          PERFORM hub_notify_change('school', ARRAY(SELECT code FROM new_rows UNION SELECT code FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(
      `CREATE TRIGGER school_notify_insert AFTER INSERT ON school REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION school_notify_change()`,
    );
    await db.query(
      `CREATE TRIGGER school_notify_update AFTER UPDATE ON school REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION school_notify_change()`,
    );
    await db.query(
      `CREATE TRIGGER school_notify_delete AFTER DELETE ON school REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION school_notify_change()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER school_notify_delete ON school`);
    await db.query(`DROP TRIGGER school_notify_update ON school`);
    await db.query(`DROP TRIGGER school_notify_insert ON school`);
    await db.query(`DROP FUNCTION school_notify_change()`);
    await db.query(`DROP FUNCTION hub_notify_change(text, text[])`);
    await db.query(`DROP SEQUENCE hub_change_seq`);
  }
}
