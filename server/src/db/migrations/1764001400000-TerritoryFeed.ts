import type { MigrationInterface, QueryRunner } from 'typeorm';

const EVENTS = [
  { event: 'INSERT', referencing: 'NEW TABLE AS new_rows' },
  { event: 'UPDATE', referencing: 'NEW TABLE AS new_rows OLD TABLE AS old_rows' },
  { event: 'DELETE', referencing: 'OLD TABLE AS old_rows' },
];

const TABLES = ['municipality', 'cluster'];

/**
 * Aggregates keep the schools, municipalities and clusters in memory to group by them: a
 * renamed municipality or a new cluster must reach them like a changed school does. The feed
 * says domain "school" for all schools (a NULL school).
 */
export class TerritoryFeed1764001400000 implements MigrationInterface {
  name = 'TerritoryFeed1764001400000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      for (const { event, referencing } of EVENTS) {
        await db.query(
          `CREATE TRIGGER ${table}_notify_${event.toLowerCase()} AFTER ${event} ON ${table}
             REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION hub_table_notify('school', 'NULL::text')`,
        );
      }
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      for (const { event } of EVENTS) await db.query(`DROP TRIGGER ${table}_notify_${event.toLowerCase()} ON ${table}`);
    }
  }
}
