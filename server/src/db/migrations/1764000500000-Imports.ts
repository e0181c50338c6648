import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Import jobs (who, when, what file, counts, outcome), their rejected rows, and the original files. */
export class Imports1764000500000 implements MigrationInterface {
  name = 'Imports1764000500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TYPE "public"."import_status" AS ENUM('running', 'applied', 'rejected', 'checked', 'failed')`,
    );
    await db.query(
      `CREATE TYPE "public"."import_phase" AS ENUM('queued', 'reading', 'validating', 'applying', 'done')`,
    );
    await db.query(
      `CREATE TABLE "import_job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "file_name" text NOT NULL, "file_size" bigint NOT NULL, "sha256" text NOT NULL, "format" text, "user_id" text, "user_name" text NOT NULL, "dry_run" boolean NOT NULL DEFAULT false, "partial" boolean NOT NULL DEFAULT false, "status" "public"."import_status" NOT NULL DEFAULT 'running', "phase" "public"."import_phase" NOT NULL DEFAULT 'queued', "rows_read" integer NOT NULL DEFAULT '0', "inserted" integer NOT NULL DEFAULT '0', "updated" integer NOT NULL DEFAULT '0', "unchanged" integer NOT NULL DEFAULT '0', "rejected" integer NOT NULL DEFAULT '0', "header_cells" text array NOT NULL DEFAULT '{}', "warnings" text array NOT NULL DEFAULT '{}', "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, "duration_ms" integer, CONSTRAINT "PK_65b4c7eccb8120972a7b8da7682" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_3d9683b5e02c06497d0d9f48c3" ON "import_job"("status") `);
    await db.query(`CREATE INDEX "IDX_9e56dfa23cbf4d5388fc6199e3" ON "import_job"("created_at") `);
    await db.query(
      `CREATE TABLE "import_rejected_row" ("job_id" uuid NOT NULL, "line" integer NOT NULL, "cells" text array NOT NULL, "problems" jsonb NOT NULL, CONSTRAINT "PK_609c312c00141edaceb2df1b225" PRIMARY KEY ("job_id", "line"))`,
    );
    await db.query(
      `CREATE TABLE "import_file_chunk" ("job_id" uuid NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_88defdd98dac04fcc6fdcd9fcab" PRIMARY KEY ("job_id", "seq"))`,
    );
    await db.query(
      `ALTER TABLE "import_rejected_row" ADD CONSTRAINT "FK_f5fbe0befb76ac44466baa305e1" FOREIGN KEY ("job_id") REFERENCES "import_job"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "import_file_chunk" ADD CONSTRAINT "FK_d3cedd3087c77945faf2bddfae4" FOREIGN KEY ("job_id") REFERENCES "import_job"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "import_file_chunk" DROP CONSTRAINT "FK_d3cedd3087c77945faf2bddfae4"`);
    await db.query(`ALTER TABLE "import_rejected_row" DROP CONSTRAINT "FK_f5fbe0befb76ac44466baa305e1"`);
    await db.query(`DROP TABLE "import_file_chunk"`);
    await db.query(`DROP TABLE "import_rejected_row"`);
    await db.query(`DROP INDEX "public"."IDX_9e56dfa23cbf4d5388fc6199e3"`);
    await db.query(`DROP INDEX "public"."IDX_3d9683b5e02c06497d0d9f48c3"`);
    await db.query(`DROP TABLE "import_job"`);
    await db.query(`DROP TYPE "public"."import_phase"`);
    await db.query(`DROP TYPE "public"."import_status"`);
  }
}
