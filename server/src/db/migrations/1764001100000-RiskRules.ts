import type { MigrationInterface, QueryRunner } from 'typeorm';

const EVENTS = [
  { event: 'INSERT', referencing: 'NEW TABLE AS new_rows' },
  { event: 'UPDATE', referencing: 'NEW TABLE AS new_rows OLD TABLE AS old_rows' },
  { event: 'DELETE', referencing: 'OLD TABLE AS old_rows' },
];

/**
 * The early-warning rule set as data the department edits: one row per signal
 * (weight, thresholds in `params`, on or off) and the score cut-offs of the
 * composite levels. Defaults below; a change notifies the feed as a change of
 * every school, so live risk pictures are recomputed.
 */
const RULES: [string, string, string, string, number, Record<string, number>][] = [
  [
    'vsoko_zone_high',
    'vsoko',
    'ВСОКО: зона высокого риска',
    'Школа отнесена к зоне высокого риска в последней кампании мониторинга ВСОКО (3–4 блока ниже порога)',
    3,
    {},
  ],
  [
    'vsoko_zone_moderate',
    'vsoko',
    'ВСОКО: зона умеренного риска',
    'Школа отнесена к зоне умеренного риска в последней кампании мониторинга ВСОКО (1–2 блока ниже порога)',
    1,
    {},
  ],
  ['shnor_listed', 'shnor', 'В списке ШНОР/ШНСУ', 'Школа в последнем списке ШНОР/ШНСУ', 2, {}],
  [
    'shnor_candidate',
    'shnor',
    'Кандидат в ШНОР',
    'Не менее доли failureShare участников ниже минимума («2») в двух процедурах за последний год или в одной процедуре два года подряд',
    2,
    { failureShare: 0.3 },
  ],
  [
    'selfdiag_below_base',
    'selfdiag',
    'Самодиагностика: ниже базового',
    'Уровень «ниже базового» в последнем этапе самодиагностики «Школы Минпросвещения России»',
    2,
    {},
  ],
  [
    'assessment_share_2',
    'assessment',
    'Доля «2» выше региональной',
    'Доля «2» (ЕГЭ — ниже минимального балла) в процедуре последнего года не ниже minShare и не менее чем в ratio раз выше региональной; только при числе участников не меньше minParticipants',
    2,
    { ratio: 1.5, minShare: 0.15, minParticipants: 10 },
  ],
  [
    'journal_lowered',
    'assessment',
    'Понизили отметку по журналу',
    'Доля участников, получивших за работу отметку ниже журнальной, не ниже share; только при числе участников не меньше minParticipants',
    1,
    { share: 0.3, minParticipants: 10 },
  ],
  [
    'journal_raised',
    'assessment',
    'Повысили отметку по журналу',
    'Доля участников, получивших за работу отметку выше журнальной, не ниже share; только при числе участников не меньше minParticipants',
    1,
    { share: 0.1, minParticipants: 10 },
  ],
  [
    'plan_overdue',
    'plan',
    'Просрочены мероприятия планов',
    'Не менее minCount мероприятий планов, где школа — исполнитель, не выполнены, а срок прошёл (по томскому времени)',
    1,
    { minCount: 1 },
  ],
];

const LEVELS: [string, string, number][] = [
  ['none', 'Нет сигналов', 0],
  ['attention', 'Внимание', 1],
  ['risk', 'Риск', 4],
  ['high', 'Высокий риск', 7],
];

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
    for (const [i, [code, domain, title, description, weight, params]] of RULES.entries()) {
      await db.query(
        `INSERT INTO risk_signal_rule (code, position, domain, title, description, weight, params) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [code, i + 1, domain, title, description, weight, JSON.stringify(params)],
      );
    }
    for (const [level, title, minScore] of LEVELS) {
      await db.query(`INSERT INTO risk_level (level, title, min_score) VALUES ($1, $2, $3)`, [level, title, minScore]);
    }
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
