import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Room on every page of `assessment_result` for a second version of its rows. Deriving an
 * import's keys rewrites thousands of school-level rows whose indexed columns stay the same; with
 * the pages full, each new version went to another page and into all three indexes (a 1M-row file
 * spent 0.25 s there), with room left it stays on its page and the indexes are not touched (a HOT
 * update). The old versions, dead once the import commits, are pruned the next time a page is
 * read, so the room comes back for the next import. Pages written before this keep no room until
 * their rows are written again.
 */
export class SchoolResultRoom1764001900000 implements MigrationInterface {
  name = 'SchoolResultRoom1764001900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE assessment_result SET (fillfactor = 70)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE assessment_result RESET (fillfactor)`);
  }
}
