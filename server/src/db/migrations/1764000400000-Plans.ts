import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Plans → sections → activities; progress per (activity, target) and its append-only history. */
export class Plans1764000400000 implements MigrationInterface {
  name = 'Plans1764000400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TYPE "public"."plan_kind" AS ENUM('shnor_roadmap', 'school_ministry_plan', 'regional_model', 'seminar_decisions')`,
    );
    await db.query(
      `CREATE TYPE "public"."recurrence_kind" AS ENUM('weekly', 'monthly', 'quarterly', 'school_term', 'half_yearly', 'yearly', 'continuous', 'on_request')`,
    );
    await db.query(`CREATE TYPE "public"."plan_level" AS ENUM('region', 'municipality', 'school')`);
    await db.query(`CREATE TYPE "public"."progress_status" AS ENUM('planned', 'in_progress', 'done')`);
    await db.query(
      `CREATE TABLE "plan" ("code" text NOT NULL, "kind" "public"."plan_kind" NOT NULL, "title" text NOT NULL, "year" integer NOT NULL, "deadline_year" integer NOT NULL, "approved_by" text, "source_document" text NOT NULL, "sort_order" integer NOT NULL, CONSTRAINT "PK_e405cbb23fb08931a48ad8c2bdb" PRIMARY KEY ("code"))`,
    );
    await db.query(
      `CREATE TABLE "plan_section" ("id" SERIAL NOT NULL, "plan_code" text NOT NULL, "number" text NOT NULL, "title" text NOT NULL, "position" integer NOT NULL, CONSTRAINT "UQ_27deeb4c24b9139985d0de49c4d" UNIQUE ("plan_code", "number"), CONSTRAINT "PK_46ce0afc710ff959e1f78ff86e2" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_8b45050ccb31d7e02392382245" ON "plan_section" ("plan_code")`);
    await db.query(
      `CREATE TABLE "plan_activity" ("id" SERIAL NOT NULL, "plan_code" text NOT NULL, "section_id" integer NOT NULL, "number" text NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, "deadline_text" text NOT NULL, "deadline_start" date, "deadline_end" date, "deadline_recurrence" "public"."recurrence_kind", "deadline_times_min" integer, "deadline_times_max" integer, "deadline_parsed" boolean NOT NULL, "indicator" text, "expected_result" text, "executors" text array NOT NULL, "target_value" integer, "target_unit" text, "scope" "public"."plan_level" NOT NULL, CONSTRAINT "UQ_cee884a5087935e3e384f4755e8" UNIQUE ("plan_code", "number"), CONSTRAINT "PK_00cb65642d534b808c35bb2f707" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_3ed4137f37930fb2bc9fbd9613" ON "plan_activity" ("section_id")`);
    await db.query(`CREATE INDEX "IDX_18ba473fad0b455ed0d35e194a" ON "plan_activity" ("deadline_end")`);
    await db.query(
      `CREATE TABLE "activity_progress_change" ("id" SERIAL NOT NULL, "activity_id" integer NOT NULL, "target_level" "public"."plan_level" NOT NULL, "target_key" text NOT NULL, "municipality_code" text, "school_code" text, "status" "public"."progress_status" NOT NULL, "previous_status" "public"."progress_status", "evidence_url" text, "comment" text, "changed_fields" text array NOT NULL, "recorded_by_id" text, "recorded_by" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "is_demo" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_15d379dbae66abc0782584aaede" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_2bf41c6a6eb579b6793c196156" ON "activity_progress_change" ("school_code")`);
    await db.query(
      `CREATE INDEX "IDX_0d4028f9ebbe8982000acffdf1" ON "activity_progress_change" ("activity_id", "recorded_at")`,
    );
    await db.query(
      `CREATE TABLE "activity_progress" ("id" SERIAL NOT NULL, "activity_id" integer NOT NULL, "target_level" "public"."plan_level" NOT NULL, "target_key" text NOT NULL, "municipality_code" text, "school_code" text, "status" "public"."progress_status" NOT NULL, "evidence_url" text, "comment" text, "recorded_by_id" text, "recorded_by" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "is_demo" boolean NOT NULL DEFAULT false, CONSTRAINT "UQ_104fdc900a2331122f35e74ad47" UNIQUE ("activity_id", "target_key"), CONSTRAINT "CHK_activity_progress_target" CHECK ((target_level = 'region' AND municipality_code IS NULL AND school_code IS NULL AND target_key = 'region') OR (target_level = 'municipality' AND municipality_code IS NOT NULL AND school_code IS NULL AND target_key = 'municipality:' || municipality_code) OR (target_level = 'school' AND municipality_code IS NOT NULL AND school_code IS NOT NULL AND target_key = 'school:' || school_code)), CONSTRAINT "PK_142ad8eab2850c4f0cb8a11509f" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_fa50a56b8f203de63b58312b4d" ON "activity_progress" ("municipality_code")`);
    await db.query(`CREATE INDEX "IDX_422cc69c3d4aedfb86cb1bacd6" ON "activity_progress" ("school_code")`);
    await db.query(
      `ALTER TABLE "plan_section" ADD CONSTRAINT "FK_8b45050ccb31d7e023923822451" FOREIGN KEY ("plan_code") REFERENCES "plan"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "plan_activity" ADD CONSTRAINT "FK_22e4abaa26dba77577948ccb6c4" FOREIGN KEY ("plan_code") REFERENCES "plan"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "plan_activity" ADD CONSTRAINT "FK_3ed4137f37930fb2bc9fbd96137" FOREIGN KEY ("section_id") REFERENCES "plan_section"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "activity_progress_change" ADD CONSTRAINT "FK_ea0e0ca5e61596240d82b752f89" FOREIGN KEY ("activity_id") REFERENCES "plan_activity"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "activity_progress" ADD CONSTRAINT "FK_63f1159a898c208f25b7d172c4c" FOREIGN KEY ("activity_id") REFERENCES "plan_activity"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "activity_progress" ADD CONSTRAINT "FK_fa50a56b8f203de63b58312b4d4" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "activity_progress" ADD CONSTRAINT "FK_422cc69c3d4aedfb86cb1bacd6c" FOREIGN KEY ("school_code") REFERENCES "school"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // The history is an audit trail: whatever the path (GraphQL, import, SQL), a
    // change once recorded is never rewritten; only demo rows may be removed.
    await db.query(`
      CREATE FUNCTION activity_progress_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND OLD.is_demo THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'activity_progress_change is append-only: % refused', TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$`);
    await db.query(
      `CREATE TRIGGER activity_progress_change_append_only BEFORE UPDATE OR DELETE ON activity_progress_change FOR EACH ROW EXECUTE FUNCTION activity_progress_change_append_only()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER "activity_progress_change_append_only" ON "activity_progress_change"`);
    await db.query(`DROP FUNCTION activity_progress_change_append_only()`);
    await db.query(`ALTER TABLE "activity_progress" DROP CONSTRAINT "FK_422cc69c3d4aedfb86cb1bacd6c"`);
    await db.query(`ALTER TABLE "activity_progress" DROP CONSTRAINT "FK_fa50a56b8f203de63b58312b4d4"`);
    await db.query(`ALTER TABLE "activity_progress" DROP CONSTRAINT "FK_63f1159a898c208f25b7d172c4c"`);
    await db.query(`ALTER TABLE "activity_progress_change" DROP CONSTRAINT "FK_ea0e0ca5e61596240d82b752f89"`);
    await db.query(`ALTER TABLE "plan_activity" DROP CONSTRAINT "FK_3ed4137f37930fb2bc9fbd96137"`);
    await db.query(`ALTER TABLE "plan_activity" DROP CONSTRAINT "FK_22e4abaa26dba77577948ccb6c4"`);
    await db.query(`ALTER TABLE "plan_section" DROP CONSTRAINT "FK_8b45050ccb31d7e023923822451"`);
    await db.query(`DROP INDEX "public"."IDX_422cc69c3d4aedfb86cb1bacd6"`);
    await db.query(`DROP INDEX "public"."IDX_fa50a56b8f203de63b58312b4d"`);
    await db.query(`DROP TABLE "activity_progress"`);
    await db.query(`DROP INDEX "public"."IDX_0d4028f9ebbe8982000acffdf1"`);
    await db.query(`DROP INDEX "public"."IDX_2bf41c6a6eb579b6793c196156"`);
    await db.query(`DROP TABLE "activity_progress_change"`);
    await db.query(`DROP INDEX "public"."IDX_18ba473fad0b455ed0d35e194a"`);
    await db.query(`DROP INDEX "public"."IDX_3ed4137f37930fb2bc9fbd9613"`);
    await db.query(`DROP TABLE "plan_activity"`);
    await db.query(`DROP INDEX "public"."IDX_8b45050ccb31d7e02392382245"`);
    await db.query(`DROP TABLE "plan_section"`);
    await db.query(`DROP TABLE "plan"`);
    await db.query(`DROP TYPE "public"."progress_status"`);
    await db.query(`DROP TYPE "public"."plan_level"`);
    await db.query(`DROP TYPE "public"."recurrence_kind"`);
    await db.query(`DROP TYPE "public"."plan_kind"`);
  }
}
