import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The ШНОР/ШНСУ list: one row per school and year. */
export class Shnor1764000300000 implements MigrationInterface {
  name = 'Shnor1764000300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE "public"."shnor_category" AS ENUM('shnor', 'shnsu', 'shnor_and_shnsu')`);
    await db.query(`CREATE TYPE "public"."shnor_programme_status" AS ENUM('draft', 'approved', 'monitored')`);
    await db.query(
      `CREATE TABLE "shnor_listing" ("school_code" text NOT NULL, "year" integer NOT NULL, "category" "public"."shnor_category" NOT NULL, "curator" text, "programme_status" "public"."shnor_programme_status" NOT NULL DEFAULT 'draft', "is_demo" boolean NOT NULL DEFAULT false, "updated_by" text NOT NULL, "updated_by_user_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_00e13a88c25b2502b12afc1bbc4" PRIMARY KEY ("school_code", "year"))`,
    );
    await db.query(`CREATE INDEX "IDX_0bc4b63168e7e2c2a638a5d2fa" ON "shnor_listing" ("year")`);
    await db.query(
      `ALTER TABLE "shnor_listing" ADD CONSTRAINT "FK_20f8c932cc0eaf730b7ba35bc77" FOREIGN KEY ("school_code") REFERENCES "school"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "shnor_listing"`);
    await db.query(`DROP TYPE "public"."shnor_programme_status"`);
    await db.query(`DROP TYPE "public"."shnor_category"`);
  }
}
