import type { EntityManager } from 'typeorm';
import { SYSTEM } from '../../graphql/actor';
import { loadDemoSchools } from '../../seed/demo/school-profile';
import { generateVsokoDemo } from '../../seed/demo/vsoko-demo';
import type { Seed } from '../../seed/seed';
import type { VsokoCampaignReference } from '../../seed/reference/vsoko/vsoko-reference';
import { VSOKO_CAMPAIGN_2024 } from '../../seed/reference/vsoko/vsoko-2024';
import { checkZoneRules } from './vsoko-assessment';
import {
  VsokoBlock,
  VsokoDocument,
  VsokoPassportItem,
  VsokoScheduleStage,
  VsokoZoneRule,
} from './vsoko-campaign-parts.entity';
import { VsokoCampaign, VsokoCampaignSchool } from './vsoko-campaign.entity';
import { type VsokoZoneCode, type VsokoPassportItemKind } from './vsoko-zone';

const DEMO_RECORDER = `${SYSTEM.displayName} (демо-данные)`;

async function insert<T extends object>(em: EntityManager, target: new () => T, rows: object[]): Promise<number> {
  if (rows.length === 0) return 0;
  // Rows already there (written by an import before the seed ran) are kept.
  await em.createQueryBuilder().insert().into(target).values(rows).orIgnore().execute();
  return rows.length;
}

/** Writes a campaign and its parts as the reference describes them. */
export async function insertVsokoCampaign(em: EntityManager, c: VsokoCampaignReference): Promise<number> {
  const zoneRules = c.zones.map((z) => ({ ...z, zone: z.zone as VsokoZoneCode }));
  const problems = checkZoneRules(zoneRules, c.blocks.length);
  if (problems.length) throw new Error(`ВСОКО ${c.year}: ${problems.map((p) => p.message).join('; ')}`);
  const campaignYear = c.year;
  let rows = await insert(em, VsokoCampaign, [
    { year: c.year, title: c.title, startsOn: c.startsOn, endsOn: c.endsOn, orderedBy: c.orderedBy },
  ]);
  rows += await insert(
    em,
    VsokoBlock,
    c.blocks.map((b) => ({ ...b, campaignYear })),
  );
  rows += await insert(
    em,
    VsokoDocument,
    c.documents.map((d, i) => ({ ...d, campaignYear, position: i + 1 })),
  );
  rows += await insert(
    em,
    VsokoPassportItem,
    c.passportPositions.map((p, i) => ({ ...p, kind: p.kind as VsokoPassportItemKind, campaignYear, position: i + 1 })),
  );
  rows += await insert(
    em,
    VsokoScheduleStage,
    c.schedule.map((s, i) => ({ ...s, campaignYear, position: i + 1 })),
  );
  rows += await insert(
    em,
    VsokoZoneRule,
    zoneRules.map((z) => ({ ...z, campaignYear })),
  );
  rows += await insert(
    em,
    VsokoCampaignSchool,
    c.sample.map((schoolCode, i) => ({ campaignYear, schoolCode, position: i + 1 })),
  );
  return rows;
}

const reference: Seed = {
  name: 'reference:vsoko@1',
  demo: false,
  run: (em) => insertVsokoCampaign(em, VSOKO_CAMPAIGN_2024),
};

/** Demo evaluations of the 2024 sample, labelled demo, in one statement per table. */
const demo: Seed = {
  name: 'demo:vsoko@1',
  demo: true,
  async run(em) {
    const campaign = VSOKO_CAMPAIGN_2024;
    const teachers: { code: string; teacherCount: number | null }[] = await em.query(
      `SELECT code, teacher_count AS "teacherCount" FROM school WHERE code = ANY($1)`,
      [campaign.sample],
    );
    const teacherCounts = new Map(teachers.map((t) => [t.code, t.teacherCount]));
    const schools = (await loadDemoSchools(em)).map((s) => ({ ...s, teacherCount: teacherCounts.get(s.code) ?? null }));
    let evaluations = generateVsokoDemo(campaign, schools);
    if (evaluations.length === 0) return 0;
    // A school whose evaluation was already recorded for real keeps it: demo data only fill gaps.
    const inserted: { school_code: string }[] = await em.query(
      `INSERT INTO vsoko_evaluation (school_code, campaign_year, expert, management_positions, teacher_count,
              student_count, is_demo, recorded_by, recorded_at)
       SELECT e.school_code, e.year, e.expert,
              ARRAY(SELECT json_array_elements_text(e.positions)), e.teachers, e.students, true, $2, e.recorded_at
         FROM json_to_recordset($1) AS e(school_code text, year int, expert text, positions json, teachers int,
              students int, recorded_at timestamptz)
       ON CONFLICT DO NOTHING
       RETURNING school_code`,
      [
        JSON.stringify(
          evaluations.map((e) => ({
            school_code: e.schoolCode,
            year: e.year,
            expert: e.expert,
            positions: e.managementPositions,
            teachers: e.teacherCount,
            students: e.studentCount,
            recorded_at: e.recordedAt.toISOString(),
          })),
        ),
        DEMO_RECORDER,
      ],
    );
    const fresh = new Set(inserted.map((r) => r.school_code));
    evaluations = evaluations.filter((e) => fresh.has(e.schoolCode));
    const scores = evaluations.flatMap((e) => e.scores.map((s) => [e.schoolCode, e.year, s.number, s.score] as const));
    await em.query(
      `INSERT INTO vsoko_block_score (school_code, campaign_year, block_number, score)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[])`,
      [scores.map((s) => s[0]), scores.map((s) => s[1]), scores.map((s) => s[2]), scores.map((s) => s[3])],
    );
    const links = evaluations.flatMap((e) => e.links.map((l) => [e.schoolCode, e.year, l.code, l.url] as const));
    if (links.length === 0) return evaluations.length + scores.length;
    await em.query(
      `INSERT INTO vsoko_document_link (school_code, campaign_year, document_code, url)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[])`,
      [links.map((l) => l[0]), links.map((l) => l[1]), links.map((l) => l[2]), links.map((l) => l[3])],
    );
    return evaluations.length + scores.length + links.length;
  },
};

export const vsokoSeedList: Seed[] = [reference, demo];
