import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A participant import removes the demo rows of every school-level key it meets: without an
 * index on them, each chunk read the whole participant table to find them (seconds a chunk at
 * national size, where there are none). This index holds the demo rows only, so real rows cost
 * nothing to insert, and "are there any, and which" is a lookup.
 */
export class DemoParticipants1764001700000 implements MigrationInterface {
  name = 'DemoParticipants1764001700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX "IDX_participant_result_demo" ON "participant_result" ("school_code", "year") WHERE is_demo`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "IDX_participant_result_demo"`);
  }
}
