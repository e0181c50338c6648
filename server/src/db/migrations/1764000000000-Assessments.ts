import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assessment procedures and subjects with their spellings, ЕГЭ minimum scores and ОГЭ mark
 * scales by year, school-level results and participant-level results.
 */
export class Assessments1764000000000 implements MigrationInterface {
  name = 'Assessments1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "assessment_procedure" ("code" text NOT NULL, "short_name" text NOT NULL, "name" text NOT NULL, "grades" integer array NOT NULL, "sort_order" integer NOT NULL, CONSTRAINT "PK_b21b0ede23fbe7e949c5bdfee0f" PRIMARY KEY ("code"))`,
    );
    await db.query(
      `CREATE TABLE "assessment_procedure_alias" ("key" text NOT NULL, "alias" text NOT NULL, "procedure_code" text NOT NULL, CONSTRAINT "PK_fc9c3323a9bc7a8551a391e6167" PRIMARY KEY ("key"))`,
    );
    await db.query(`CREATE INDEX "IDX_ddc16ab626c44918667814e83c" ON "assessment_procedure_alias" ("procedure_code")`);
    await db.query(
      `CREATE TABLE "assessment_subject" ("code" text NOT NULL, "name" text NOT NULL, "sort_order" integer NOT NULL, CONSTRAINT "PK_f15f1607c0bfed192a93d8734ba" PRIMARY KEY ("code"))`,
    );
    await db.query(
      `CREATE TABLE "assessment_subject_alias" ("key" text NOT NULL, "alias" text NOT NULL, "subject_code" text NOT NULL, CONSTRAINT "PK_8aa2ec0b87ffbe9d6b6a197ae9e" PRIMARY KEY ("key"))`,
    );
    await db.query(`CREATE INDEX "IDX_79f202552a1aeec8f5cb7287a5" ON "assessment_subject_alias" ("subject_code")`);
    await db.query(`CREATE TYPE "public"."assessment_result_source" AS ENUM('reported', 'derived')`);
    await db.query(
      `CREATE TABLE "assessment_result" ("id" BIGSERIAL NOT NULL, "school_code" text NOT NULL, "procedure_code" text NOT NULL, "year" integer NOT NULL, "subject_code" text NOT NULL, "grade" integer, "participants" integer NOT NULL, "count2" integer NOT NULL, "count3" integer NOT NULL, "count4" integer NOT NULL, "count5" integer NOT NULL, "journal_lowered" integer, "journal_confirmed" integer, "journal_raised" integer, "mean_primary_score" double precision, "mean_test_score" double precision, "below_minimum_count" integer, "source" "public"."assessment_result_source" NOT NULL, "is_demo" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_assessment_result_grade" CHECK ("grade" BETWEEN 1 AND 11), CONSTRAINT "CHK_assessment_result_below_minimum" CHECK ("below_minimum_count" BETWEEN 0 AND "participants"), CONSTRAINT "CHK_assessment_result_journal" CHECK (("journal_lowered" IS NULL AND "journal_confirmed" IS NULL AND "journal_raised" IS NULL) OR ("journal_lowered" >= 0 AND "journal_confirmed" >= 0 AND "journal_raised" >= 0 AND "journal_lowered" + "journal_confirmed" + "journal_raised" = "participants")), CONSTRAINT "CHK_assessment_result_reported_marks" CHECK ("source" <> 'reported' OR "count2" + "count3" + "count4" + "count5" = "participants"), CONSTRAINT "CHK_assessment_result_marks" CHECK ("count2" + "count3" + "count4" + "count5" <= "participants"), CONSTRAINT "CHK_assessment_result_counts" CHECK ("participants" >= 0 AND "count2" >= 0 AND "count3" >= 0 AND "count4" >= 0 AND "count5" >= 0), CONSTRAINT "PK_45a3d7422a97cf902fd56640a3e" PRIMARY KEY ("id"))`,
    );
    await db.query(
      `CREATE INDEX "IDX_bacd6e800f00fd4539f00bf74f" ON "assessment_result" ("year", "procedure_code", "subject_code")`,
    );
    // The natural key. A missing grade is a value of its own (coalesced to 0, which no grade
    // is); NULLS NOT DISTINCT would say the same but needs PostgreSQL 15. It also orders the
    // per-school reads and the connection's cursor.
    await db.query(
      `CREATE UNIQUE INDEX "UQ_assessment_result_key" ON "assessment_result" ("school_code", "procedure_code", "year", "subject_code", (coalesce("grade", 0)))`,
    );
    await db.query(
      `CREATE TABLE "ege_minimum_score" ("year" integer NOT NULL, "subject_code" text NOT NULL, "min_score" integer NOT NULL, CONSTRAINT "CHK_ege_minimum_score_range" CHECK ("min_score" BETWEEN 0 AND 100), CONSTRAINT "PK_dc9f3ff38dfbc44ac7d44a6d95a" PRIMARY KEY ("year", "subject_code"))`,
    );
    await db.query(
      `CREATE TABLE "oge_scale" ("year" integer NOT NULL, "subject_code" text NOT NULL, "max_primary_score" integer NOT NULL, "min_primary_for3" integer NOT NULL, "min_primary_for4" integer NOT NULL, "min_primary_for5" integer NOT NULL, CONSTRAINT "CHK_oge_scale_order" CHECK (0 <= "min_primary_for3" AND "min_primary_for3" < "min_primary_for4" AND "min_primary_for4" < "min_primary_for5" AND "min_primary_for5" <= "max_primary_score"), CONSTRAINT "PK_e93b50628f9ad31f1321fa6d9eb" PRIMARY KEY ("year", "subject_code"))`,
    );
    await db.query(
      `CREATE TABLE "participant_result" ("participant_code" text NOT NULL, "procedure_code" text NOT NULL, "year" integer NOT NULL, "subject_code" text NOT NULL, "school_code" text NOT NULL, "grade" integer, "primary_score" integer, "test_score" integer, "mark" integer, "is_demo" boolean NOT NULL DEFAULT false, CONSTRAINT "CHK_participant_result_grade" CHECK ("grade" BETWEEN 1 AND 11), CONSTRAINT "CHK_participant_result_mark" CHECK ("mark" BETWEEN 2 AND 5), CONSTRAINT "CHK_participant_result_scores" CHECK ("primary_score" >= 0 AND "test_score" BETWEEN 0 AND 100), CONSTRAINT "PK_38f8fe07caec285442ea5fee2b7" PRIMARY KEY ("participant_code", "procedure_code", "year", "subject_code"))`,
    );
    await db.query(
      `CREATE INDEX "IDX_0057dd89618e30b067781cfcc4" ON "participant_result" ("year", "school_code", "procedure_code", "subject_code", "grade")`,
    );
    await db.query(
      `ALTER TABLE "assessment_procedure_alias" ADD CONSTRAINT "FK_ddc16ab626c44918667814e83ca" FOREIGN KEY ("procedure_code") REFERENCES "assessment_procedure"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "assessment_subject_alias" ADD CONSTRAINT "FK_79f202552a1aeec8f5cb7287a5e" FOREIGN KEY ("subject_code") REFERENCES "assessment_subject"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "assessment_result" ADD CONSTRAINT "FK_1dbfc087bf50ea1ecc9838ec21b" FOREIGN KEY ("school_code") REFERENCES "school"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "assessment_result" ADD CONSTRAINT "FK_22c03f43b541a62042af69d709c" FOREIGN KEY ("procedure_code") REFERENCES "assessment_procedure"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "assessment_result" ADD CONSTRAINT "FK_43db3b9be62d0c193321ba901d5" FOREIGN KEY ("subject_code") REFERENCES "assessment_subject"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "ege_minimum_score" ADD CONSTRAINT "FK_f375b3e0fba18686cbe371cc653" FOREIGN KEY ("subject_code") REFERENCES "assessment_subject"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "oge_scale" ADD CONSTRAINT "FK_bc9be056a32ccef966e64cbebff" FOREIGN KEY ("subject_code") REFERENCES "assessment_subject"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "participant_result"`);
    await db.query(`DROP TABLE "oge_scale"`);
    await db.query(`DROP TABLE "ege_minimum_score"`);
    await db.query(`DROP TABLE "assessment_result"`);
    await db.query(`DROP TYPE "public"."assessment_result_source"`);
    await db.query(`DROP TABLE "assessment_subject_alias"`);
    await db.query(`DROP TABLE "assessment_subject"`);
    await db.query(`DROP TABLE "assessment_procedure_alias"`);
    await db.query(`DROP TABLE "assessment_procedure"`);
  }
}
