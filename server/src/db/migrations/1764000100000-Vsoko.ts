import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ВСОКО monitoring: campaigns with their blocks, documents, passport, schedule, zone rule and
 * sample; evaluations with block scores and document links. Derived results live in the
 * `vsoko_evaluation_outcome` view.
 */
export class Vsoko1764000100000 implements MigrationInterface {
  name = 'Vsoko1764000100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "vsoko_campaign" ("year" integer NOT NULL, "title" text NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "ordered_by" text NOT NULL, CONSTRAINT "PK_0908f4e2ab497828e73e0f03d3d" PRIMARY KEY ("year"))`,
    );
    await db.query(
      `CREATE TABLE "vsoko_campaign_school" ("campaign_year" integer NOT NULL, "school_code" text NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_efe61bcced048db2f1ddb4f0d31" PRIMARY KEY ("campaign_year", "school_code"))`,
    );
    await db.query(`CREATE INDEX "IDX_be0ee0e2636bec42d8d858f40c" ON "vsoko_campaign_school"("school_code") `);
    await db.query(
      `CREATE TABLE "vsoko_block" ("campaign_year" integer NOT NULL, "number" integer NOT NULL, "name" text NOT NULL, "max_score" integer NOT NULL, "threshold" integer NOT NULL, "risk" text NOT NULL, "risk_indicator" text NOT NULL, "criteria" text array NOT NULL DEFAULT '{}', CONSTRAINT "CHK_vsoko_block_scores" CHECK (max_score > 0 AND threshold >= 0 AND threshold <= max_score), CONSTRAINT "PK_f138428225f6806c94a99c204c9" PRIMARY KEY ("campaign_year", "number"))`,
    );
    await db.query(
      `CREATE TABLE "vsoko_document" ("campaign_year" integer NOT NULL, "code" text NOT NULL, "title" text NOT NULL, "optional" boolean NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_c45766f3f89e15887e060a9f008" PRIMARY KEY ("campaign_year", "code"))`,
    );
    await db.query(`CREATE TYPE "public"."vsoko_passport_item_kind" AS ENUM('text', 'heading', 'position', 'count')`);
    await db.query(
      `CREATE TABLE "vsoko_passport_item" ("campaign_year" integer NOT NULL, "code" text NOT NULL, "title" text NOT NULL, "kind" "public"."vsoko_passport_item_kind" NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_5f756cf416bf2c22a63467d3310" PRIMARY KEY ("campaign_year", "code"))`,
    );
    await db.query(
      `CREATE TABLE "vsoko_schedule_stage" ("campaign_year" integer NOT NULL, "position" integer NOT NULL, "stage" text NOT NULL, "responsible" text NOT NULL, "period" text NOT NULL, CONSTRAINT "PK_78074858aac78e59dffc2e1e2c0" PRIMARY KEY ("campaign_year", "position"))`,
    );
    await db.query(`CREATE TYPE "public"."vsoko_zone" AS ENUM('low', 'moderate', 'high')`);
    await db.query(
      `CREATE TABLE "vsoko_zone_rule" ("campaign_year" integer NOT NULL, "zone" "public"."vsoko_zone" NOT NULL, "title" text NOT NULL, "min_risky_blocks" integer NOT NULL, "max_risky_blocks" integer NOT NULL, CONSTRAINT "CHK_vsoko_zone_rule_range" CHECK (min_risky_blocks >= 0 AND max_risky_blocks >= min_risky_blocks), CONSTRAINT "PK_af1b4d674e78d12638af7bd7d81" PRIMARY KEY ("campaign_year", "zone"))`,
    );
    await db.query(
      `CREATE TABLE "vsoko_evaluation" ("school_code" text NOT NULL, "campaign_year" integer NOT NULL, "expert" text, "management_positions" text array, "teacher_count" integer, "student_count" integer, "is_demo" boolean NOT NULL DEFAULT false, "recorded_by" text NOT NULL, "recorded_by_user_id" text, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_vsoko_evaluation_counts" CHECK (teacher_count >= 0 AND student_count >= 0), CONSTRAINT "PK_946366432a1a0900e18937737bd" PRIMARY KEY ("school_code", "campaign_year"))`,
    );
    await db.query(`CREATE INDEX "IDX_0e744f05f5afc2de0061f3b6e0" ON "vsoko_evaluation"("campaign_year") `);
    await db.query(
      `CREATE TABLE "vsoko_block_score" ("school_code" text NOT NULL, "campaign_year" integer NOT NULL, "block_number" integer NOT NULL, "score" integer NOT NULL, CONSTRAINT "CHK_vsoko_block_score_non_negative" CHECK (score >= 0), CONSTRAINT "PK_6e9aacba2be859b3994b7329e62" PRIMARY KEY ("school_code", "campaign_year", "block_number"))`,
    );
    await db.query(
      `CREATE TABLE "vsoko_document_link" ("school_code" text NOT NULL, "campaign_year" integer NOT NULL, "document_code" text NOT NULL, "url" text NOT NULL, CONSTRAINT "PK_11cc688cd3faaca3e7bea54312d" PRIMARY KEY ("school_code", "campaign_year", "document_code"))`,
    );
    await db.query(
      `ALTER TABLE "vsoko_campaign_school" ADD CONSTRAINT "FK_010b7613c250ef9ab6331f7788d" FOREIGN KEY ("campaign_year") REFERENCES "vsoko_campaign"("year") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "vsoko_campaign_school" ADD CONSTRAINT "FK_be0ee0e2636bec42d8d858f40c1" FOREIGN KEY ("school_code") REFERENCES "school"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "vsoko_block" ADD CONSTRAINT "FK_e4d0c6d1489ea5528a7bb1e1c27" FOREIGN KEY ("campaign_year") REFERENCES "vsoko_campaign"("year") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "vsoko_document" ADD CONSTRAINT "FK_139259574335c75c1e5f3053f07" FOREIGN KEY ("campaign_year") REFERENCES "vsoko_campaign"("year") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "vsoko_passport_item" ADD CONSTRAINT "FK_f13f766f78443eefa6d9c6ec32c" FOREIGN KEY ("campaign_year") REFERENCES "vsoko_campaign"("year") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "vsoko_schedule_stage" ADD CONSTRAINT "FK_55a7035eebede2515b3a3d3ce16" FOREIGN KEY ("campaign_year") REFERENCES "vsoko_campaign"("year") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "vsoko_zone_rule" ADD CONSTRAINT "FK_1d09951470c245a5963b4a1c2ca" FOREIGN KEY ("campaign_year") REFERENCES "vsoko_campaign"("year") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "vsoko_evaluation" ADD CONSTRAINT "FK_0e744f05f5afc2de0061f3b6e0e" FOREIGN KEY ("campaign_year") REFERENCES "vsoko_campaign"("year") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "vsoko_evaluation" ADD CONSTRAINT "FK_vsoko_evaluation_sample" FOREIGN KEY ("campaign_year", "school_code") REFERENCES "vsoko_campaign_school"("campaign_year","school_code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "vsoko_block_score" ADD CONSTRAINT "FK_vsoko_block_score_block" FOREIGN KEY ("campaign_year", "block_number") REFERENCES "vsoko_block"("campaign_year","number") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "vsoko_block_score" ADD CONSTRAINT "FK_vsoko_block_score_evaluation" FOREIGN KEY ("school_code", "campaign_year") REFERENCES "vsoko_evaluation"("school_code","campaign_year") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "vsoko_document_link" ADD CONSTRAINT "FK_vsoko_document_link_document" FOREIGN KEY ("campaign_year", "document_code") REFERENCES "vsoko_document"("campaign_year","code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "vsoko_document_link" ADD CONSTRAINT "FK_vsoko_document_link_evaluation" FOREIGN KEY ("school_code", "campaign_year") REFERENCES "vsoko_evaluation"("school_code","campaign_year") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // A block score above its block's maximum is refused whatever the write path
    // (the service says so in Russian first; this guards imports and hand-written SQL).
    await db.query(`
      CREATE FUNCTION vsoko_block_score_within_max() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        block_max integer;
      BEGIN
        SELECT b.max_score INTO block_max FROM vsoko_block b
         WHERE b.campaign_year = NEW.campaign_year AND b.number = NEW.block_number;
        IF NEW.score > block_max THEN
          RAISE EXCEPTION 'Блок %: % больше максимума %', NEW.block_number, NEW.score, block_max
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(
      `CREATE TRIGGER vsoko_block_score_within_max BEFORE INSERT OR UPDATE ON vsoko_block_score FOR EACH ROW EXECUTE FUNCTION vsoko_block_score_within_max()`,
    );
    // The derived results of every evaluation, by the campaign's thresholds and zone rule:
    // what filters and indicators read in SQL. Same rules as the server's assessVsoko
    // (a block is risky when its score is below the threshold; equal is not).
    await db.query(`
      CREATE VIEW vsoko_evaluation_outcome AS
      SELECT e.school_code, e.campaign_year, e.is_demo, t.total, t.risky_blocks,
             cardinality(t.risky_blocks) AS risky_block_count,
             (SELECT z.zone FROM vsoko_zone_rule z
               WHERE z.campaign_year = e.campaign_year
                 AND cardinality(t.risky_blocks) BETWEEN z.min_risky_blocks AND z.max_risky_blocks
               ORDER BY z.min_risky_blocks LIMIT 1) AS zone
        FROM vsoko_evaluation e
        CROSS JOIN LATERAL (
          SELECT coalesce(sum(s.score), 0)::int AS total,
                 coalesce(array_agg(s.block_number ORDER BY s.block_number) FILTER (WHERE s.score < b.threshold),
                          '{}')::int[] AS risky_blocks
            FROM vsoko_block_score s
            JOIN vsoko_block b ON b.campaign_year = s.campaign_year AND b.number = s.block_number
           WHERE s.school_code = e.school_code AND s.campaign_year = e.campaign_year
        ) t`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW "vsoko_evaluation_outcome"`);
    await db.query(`DROP TRIGGER "vsoko_block_score_within_max" ON "vsoko_block_score"`);
    await db.query(`DROP FUNCTION vsoko_block_score_within_max()`);
    await db.query(`DROP TABLE "vsoko_document_link"`);
    await db.query(`DROP TABLE "vsoko_block_score"`);
    await db.query(`DROP TABLE "vsoko_evaluation"`);
    await db.query(`DROP TABLE "vsoko_campaign_school"`);
    await db.query(`DROP TABLE "vsoko_zone_rule"`);
    await db.query(`DROP TABLE "vsoko_schedule_stage"`);
    await db.query(`DROP TABLE "vsoko_passport_item"`);
    await db.query(`DROP TABLE "vsoko_document"`);
    await db.query(`DROP TABLE "vsoko_block"`);
    await db.query(`DROP TABLE "vsoko_campaign"`);
    await db.query(`DROP TYPE "public"."vsoko_zone"`);
    await db.query(`DROP TYPE "public"."vsoko_passport_item_kind"`);
  }
}
