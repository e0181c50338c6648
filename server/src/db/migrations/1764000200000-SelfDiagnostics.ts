import type { MigrationInterface, QueryRunner } from 'typeorm';

/** «Школа Минпросвещения России» self-diagnostics: directions, rounds, results with direction scores. */
export class SelfDiagnostics1764000200000 implements MigrationInterface {
  name = 'SelfDiagnostics1764000200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TYPE "public"."self_diagnostic_direction_kind" AS ENUM('magistral_direction', 'key_condition')`,
    );
    await db.query(
      `CREATE TABLE "self_diagnostic_direction" ("code" text NOT NULL, "name" text NOT NULL, "kind" "public"."self_diagnostic_direction_kind" NOT NULL, "position" integer NOT NULL, CONSTRAINT "UQ_2f59c167db744415aae71d4dd79" UNIQUE ("position"), CONSTRAINT "PK_d58bec65e631f3729ef3b227f75" PRIMARY KEY ("code"))`,
    );
    await db.query(
      `CREATE TABLE "self_diagnostic_round" ("year" integer NOT NULL, "round" integer NOT NULL, CONSTRAINT "CHK_self_diagnostic_round_round" CHECK (round IN (1, 2)), CONSTRAINT "PK_d261f246fa89abb0c5821950ab1" PRIMARY KEY ("year", "round"))`,
    );
    await db.query(`CREATE TYPE "public"."self_diagnostic_level" AS ENUM('below_base', 'base', 'medium', 'high')`);
    await db.query(
      `CREATE TABLE "self_diagnostic_result" ("school_code" text NOT NULL, "year" integer NOT NULL, "round" integer NOT NULL, "total" integer, "level" "public"."self_diagnostic_level" NOT NULL, "is_demo" boolean NOT NULL DEFAULT false, "recorded_by" text NOT NULL, "recorded_by_user_id" text, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_self_diagnostic_result_total" CHECK (total >= 0), CONSTRAINT "PK_6d726137bc7f1595a3c5f23b4fa" PRIMARY KEY ("school_code", "year", "round"))`,
    );
    await db.query(`CREATE INDEX "IDX_48ddc28acfdf71e2a938a55a10" ON "self_diagnostic_result"("year", "round") `);
    await db.query(
      `CREATE TABLE "self_diagnostic_score" ("school_code" text NOT NULL, "year" integer NOT NULL, "round" integer NOT NULL, "direction_code" text NOT NULL, "score" integer NOT NULL, CONSTRAINT "CHK_self_diagnostic_score_non_negative" CHECK (score >= 0), CONSTRAINT "PK_7c10964c446197af4d01ae22b0d" PRIMARY KEY ("school_code", "year", "round", "direction_code"))`,
    );
    await db.query(
      `ALTER TABLE "self_diagnostic_result" ADD CONSTRAINT "FK_e1caac5ad37c7dfd70292d57a8e" FOREIGN KEY ("school_code") REFERENCES "school"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "self_diagnostic_result" ADD CONSTRAINT "FK_self_diagnostic_result_round" FOREIGN KEY ("year", "round") REFERENCES "self_diagnostic_round"("year","round") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "self_diagnostic_score" ADD CONSTRAINT "FK_dd60bd63f8ee1cee3bf7e7cfeb7" FOREIGN KEY ("direction_code") REFERENCES "self_diagnostic_direction"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "self_diagnostic_score" ADD CONSTRAINT "FK_self_diagnostic_score_result" FOREIGN KEY ("school_code", "year", "round") REFERENCES "self_diagnostic_result"("school_code","year","round") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "self_diagnostic_score"`);
    await db.query(`DROP TABLE "self_diagnostic_result"`);
    await db.query(`DROP TABLE "self_diagnostic_round"`);
    await db.query(`DROP TABLE "self_diagnostic_direction"`);
    await db.query(`DROP TYPE "public"."self_diagnostic_level"`);
    await db.query(`DROP TYPE "public"."self_diagnostic_direction_kind"`);
  }
}
