import type { MigrationInterface, QueryRunner } from 'typeorm';

const EVENTS = [
  { event: 'INSERT', referencing: 'NEW TABLE AS new_rows' },
  { event: 'UPDATE', referencing: 'NEW TABLE AS new_rows OLD TABLE AS old_rows' },
  { event: 'DELETE', referencing: 'OLD TABLE AS old_rows' },
];

/**
 * The early-warning rule set as data the department edits: one row per signal
 * (weight, thresholds in `params`, on or off) and the score cut-offs of the
 * composite levels (defaults: the `reference:risk-rules` seed). A change
 * notifies the feed as a change of every school, so live risk pictures are
 * recomputed.
 */
export class RiskRules1764001100000 implements MigrationInterface {
  name = 'RiskRules1764001100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "risk_signal_rule" ("code" text NOT NULL, "position" integer NOT NULL, "domain" text NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "weight" integer NOT NULL, "params" jsonb NOT NULL DEFAULT '{}', "enabled" boolean NOT NULL DEFAULT true, "updated_by" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_risk_signal_rule_weight" CHECK ("weight" >= 0 AND "weight" <= 100), CONSTRAINT "PK_risk_signal_rule" PRIMARY KEY ("code"))`,
    );
    await db.query(`CREATE TYPE "public"."risk_level_code" AS ENUM('none', 'attention', 'risk', 'high')`);
    await db.query(
      `CREATE TABLE "risk_level" ("level" "public"."risk_level_code" NOT NULL, "title" text NOT NULL, "min_score" integer NOT NULL, CONSTRAINT "CHK_risk_level_min_score" CHECK ("min_score" >= 0), CONSTRAINT "PK_risk_level" PRIMARY KEY ("level"))`,
    );
    // A rule change moves every school's picture: the feed says "all schools" (a NULL school).
    for (const table of ['risk_signal_rule', 'risk_level']) {
      for (const { event, referencing } of EVENTS) {
        await db.query(
          `CREATE TRIGGER ${table}_notify_${event.toLowerCase()} AFTER ${event} ON ${table}
             REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION hub_table_notify('risk', 'NULL::text')`,
        );
      }
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['risk_signal_rule', 'risk_level']) {
      for (const { event } of EVENTS) await db.query(`DROP TRIGGER ${table}_notify_${event.toLowerCase()} ON ${table}`);
    }
    await db.query(`DROP TABLE "risk_level"`);
    await db.query(`DROP TYPE "public"."risk_level_code"`);
    await db.query(`DROP TABLE "risk_signal_rule"`);
  }
}
