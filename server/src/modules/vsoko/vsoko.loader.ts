import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { School } from '../schools/school.entity';
import type { Page } from '../../graphql/pagination';
import { VsokoCampaignsService, type VsokoCampaignRules } from './vsoko-campaigns.service';
import type { VsokoEvaluation } from './vsoko-evaluation.entity';
import { VsokoEvaluationsService } from './vsoko-evaluations.service';
import { loadByArgument } from '../shared/sql-conditions';

interface EvaluationKey {
  schoolCode: string;
  /** Null: the latest evaluation. */
  year: number | null;
}

interface SamplePageKey {
  year: number;
  page: Page;
}

export function createVsokoLoaders(em: EntityManager) {
  const campaigns = new VsokoCampaignsService(em);
  const evaluations = new VsokoEvaluationsService(em);
  return {
    vsokoCampaignRules: new DataLoader<number, VsokoCampaignRules | null>(async (years) => {
      const rules = await campaigns.rules(years);
      return years.map((year) => rules.get(year) ?? null);
    }),
    vsokoSampleSize: new DataLoader<number, number>(async (years) => {
      const sizes = await campaigns.sampleSizes(years);
      return years.map((year) => sizes.get(year) ?? 0);
    }),
    vsokoEvaluationCount: new DataLoader<number, number>(async (years) => {
      const counts = await campaigns.evaluationCounts(years);
      return years.map((year) => counts.get(year) ?? 0);
    }),
    vsokoSamplePage: new DataLoader<SamplePageKey, School[], string>(
      (keys) =>
        loadByArgument(
          keys,
          (k) => k.page,
          async (page, group) => {
            const pages = await campaigns.samplePages(
              group.map((k) => k.year),
              page,
            );
            return (k) => pages.get(k.year) ?? [];
          },
        ),
      { cacheKeyFn: (k) => `${k.year}|${JSON.stringify(k.page)}` },
    ),
    /** `School.vsoko(year)`: one statement per distinct `year` argument. */
    vsokoEvaluationBySchool: new DataLoader<EvaluationKey, VsokoEvaluation | null, string>(
      (keys) =>
        loadByArgument(
          keys,
          (k) => k.year,
          async (year, group) => {
            const found = await evaluations.bySchools(
              group.map((k) => k.schoolCode),
              year,
            );
            return (k) => found.get(k.schoolCode) ?? null;
          },
        ),
      { cacheKeyFn: (k) => `${k.schoolCode}|${k.year ?? ''}` },
    ),
    vsokoHistoryBySchool: new DataLoader<string, VsokoEvaluation[]>(async (codes) => {
      const history = await evaluations.historyBySchools(codes);
      return codes.map((code) => history.get(code) ?? []);
    }),
  };
}
