import type { EntityManager } from 'typeorm';
import { hydrate } from '../../db/hydrate';
import type { Page } from '../../graphql/pagination';
import { School } from '../schools/school.entity';
import {
  VsokoBlock,
  VsokoDocument,
  VsokoPassportItem,
  VsokoScheduleStage,
  VsokoZoneRule,
} from './vsoko-campaign-parts.entity';
import { VsokoCampaign } from './vsoko-campaign.entity';

/** A campaign with everything its evaluations are judged by. */
export interface VsokoCampaignRules {
  campaign: VsokoCampaign;
  blocks: VsokoBlock[];
  documents: VsokoDocument[];
  passportItems: VsokoPassportItem[];
  schedule: VsokoScheduleStage[];
  zoneRules: VsokoZoneRule[];
}

const PARTS = {
  blocks: ['vsoko_block', 'number'],
  documents: ['vsoko_document', 'position'],
  passport_items: ['vsoko_passport_item', 'position'],
  schedule: ['vsoko_schedule_stage', 'position'],
  zone_rules: ['vsoko_zone_rule', 'min_risky_blocks'],
} as const;

export class VsokoCampaignsService {
  constructor(private readonly em: EntityManager) {}

  async list(): Promise<VsokoCampaign[]> {
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT year, title, starts_on::text AS starts_on, ends_on::text AS ends_on, ordered_by
         FROM vsoko_campaign ORDER BY year DESC`,
    );
    return hydrate(this.em, VsokoCampaign, rows);
  }

  async years(): Promise<number[]> {
    const rows: { year: number }[] = await this.em.query(`SELECT year FROM vsoko_campaign ORDER BY year`);
    return rows.map((r) => r.year);
  }

  /** Campaigns with their blocks, documents, passport, schedule and zone rule, in one statement. */
  async rules(years: readonly number[]): Promise<Map<number, VsokoCampaignRules>> {
    const parts = Object.entries(PARTS)
      .map(
        ([alias, [table, order]]) =>
          `(SELECT coalesce(json_agg(p ORDER BY p.${order}), '[]') FROM ${table} p WHERE p.campaign_year = c.year) AS ${alias}`,
      )
      .join(',\n');
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT c.year, c.title, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on, c.ordered_by, ${parts}
         FROM vsoko_campaign c WHERE c.year = ANY($1)`,
      [years],
    );
    const json = (value: unknown) => value as Record<string, unknown>[];
    return new Map(
      rows.map((row) => {
        const [campaign] = hydrate(this.em, VsokoCampaign, [row]);
        return [
          row.year as number,
          {
            campaign: campaign!,
            blocks: hydrate(this.em, VsokoBlock, json(row.blocks)),
            documents: hydrate(this.em, VsokoDocument, json(row.documents)),
            passportItems: hydrate(this.em, VsokoPassportItem, json(row.passport_items)),
            schedule: hydrate(this.em, VsokoScheduleStage, json(row.schedule)),
            zoneRules: hydrate(this.em, VsokoZoneRule, json(row.zone_rules)),
          },
        ];
      }),
    );
  }

  async isInSample(year: number, schoolCode: string): Promise<boolean> {
    const rows: unknown[] = await this.em.query(
      `SELECT 1 FROM vsoko_campaign_school WHERE campaign_year = $1 AND school_code = $2`,
      [year, schoolCode],
    );
    return rows.length > 0;
  }

  /** Sample sizes of the given campaigns. */
  async sampleSizes(years: readonly number[]): Promise<Map<number, number>> {
    const rows: { year: number; count: number }[] = await this.em.query(
      `SELECT campaign_year AS year, count(*)::int AS count FROM vsoko_campaign_school
        WHERE campaign_year = ANY($1) GROUP BY campaign_year`,
      [years],
    );
    return new Map(rows.map((r) => [r.year, r.count]));
  }

  /** Evaluations recorded in the given campaigns. */
  async evaluationCounts(years: readonly number[]): Promise<Map<number, number>> {
    const rows: { year: number; count: number }[] = await this.em.query(
      `SELECT campaign_year AS year, count(*)::int AS count FROM vsoko_evaluation
        WHERE campaign_year = ANY($1) GROUP BY campaign_year`,
      [years],
    );
    return new Map(rows.map((r) => [r.year, r.count]));
  }

  /** A page of each campaign's sample schools in code order, in one statement. */
  async samplePages(years: readonly number[], page: Page): Promise<Map<number, School[]>> {
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT * FROM (
         SELECT s.*, cs.campaign_year AS sample_year,
                row_number() OVER (PARTITION BY cs.campaign_year ORDER BY s.code) AS rn
           FROM vsoko_campaign_school cs JOIN school s ON s.code = cs.school_code
          WHERE cs.campaign_year = ANY($1) AND ($2::text IS NULL OR s.code > $2)
       ) ranked
       WHERE rn <= $3
       ORDER BY code`,
      [years, page.after, page.first + 1],
    );
    const byYear = new Map<number, School[]>(years.map((y) => [y, []]));
    const schools = hydrate(this.em, School, rows);
    rows.forEach((row, i) => byYear.get(row.sample_year as number)?.push(schools[i]!));
    return byYear;
  }
}
