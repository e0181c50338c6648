import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The kept original of an imported file is compressed by the server, piece by piece, beside the
 * import. Storage EXTERNAL: PostgreSQL no longer tries pglz on data that is compressed already
 * (its CPU was the cost of keeping a file before any row was read). Pieces kept before stay as
 * they are, `gzipped` false.
 */
export class KeptFileGzip1764001500000 implements MigrationInterface {
  name = 'KeptFileGzip1764001500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "import_file_chunk" ADD "gzipped" boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE "import_file_chunk" ALTER COLUMN "data" SET STORAGE EXTERNAL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "import_file_chunk" ALTER COLUMN "data" SET STORAGE EXTENDED`);
    await db.query(`ALTER TABLE "import_file_chunk" DROP COLUMN "gzipped"`);
  }
}
