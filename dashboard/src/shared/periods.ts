import { apollo } from '../apollo';
import {
  AggregateProbeDocument,
  PeriodReferenceDocument,
  type AggregateFilter,
  type AggregateProbeQuery,
  type PeriodReferenceQuery,
} from '../generated/graphql';

export type PeriodReference = PeriodReferenceQuery;

/** How an indicator's figures follow time: by year, by self-diagnostic round, by ВСОКО campaign, or not at all. */
export type PeriodKind = 'none' | 'year' | 'round' | 'campaign';

export interface Period {
  /** Stable within a kind: «2025», «2025-2». */
  key: string;
  /** As a heading shows it: «2025», «2025, этап 2», «кампания 2024». */
  label: string;
  /** As a comparison names it: «к 2024», «к этапу 1 (2025)». */
  versus: string;
  filter: AggregateFilter;
}

/**
 * The reference lists (procedures, subjects, rounds, campaigns, plans), cached
 * with the session's data; `network-only` when they may have grown (a new round).
 */
export async function loadPeriodReference(
  fetchPolicy: 'cache-first' | 'network-only' = 'cache-first',
): Promise<PeriodReference> {
  const { data } = await apollo.query({ query: PeriodReferenceDocument, fetchPolicy });
  if (!data) throw new Error('Сервер не вернул справочники');
  return data;
}

const SLOTS = 8;

/**
 * Which filters have data (a denominator above zero in the region), eight per
 * request; asked fresh, since imports add periods while the page is open.
 */
export async function haveData(indicator: string, filters: AggregateFilter[]): Promise<boolean[]> {
  const answers: boolean[] = [];
  for (let start = 0; start < filters.length; start += SLOTS) {
    const chunk = filters.slice(start, start + SLOTS);
    const padded = Array.from({ length: SLOTS }, (_, i) => chunk[Math.min(i, chunk.length - 1)]!);
    const variables = Object.fromEntries(padded.map((f, i) => [`f${i}`, f])) as Record<`f${number}`, AggregateFilter>;
    const { data } = await apollo.query({
      query: AggregateProbeDocument,
      variables: { indicator, ...variables } as never,
      fetchPolicy: 'network-only',
    });
    if (!data) throw new Error('Сервер не ответил на запрос наличия данных');
    for (let i = 0; i < chunk.length; i += 1) {
      const rows = data[`p${i}` as keyof AggregateProbeQuery].rows;
      answers.push((rows[0]?.denominator ?? 0) > 0);
    }
  }
  return answers;
}

/** Years an indicator could have: this year and the seven before it, newest first. */
export function candidateYears(now = new Date()): number[] {
  const year = now.getFullYear();
  return Array.from({ length: SLOTS }, (_, i) => year - i);
}

/** Every period of a kind that might hold data, newest first (before probing). */
export function candidatePeriods(kind: PeriodKind, reference: PeriodReference, now = new Date()): Period[] {
  switch (kind) {
    case 'none':
      return [{ key: 'all', label: '', versus: '', filter: {} }];
    case 'year':
      return candidateYears(now).map((year) => ({
        key: String(year),
        label: String(year),
        versus: `к ${year}`,
        filter: { year },
      }));
    case 'round':
      return [...reference.selfDiagnosticRounds]
        .sort((a, b) => b.year - a.year || b.round - a.round)
        .map(({ year, round }) => ({
          key: `${year}-${round}`,
          label: `${year}, этап ${round}`,
          versus: `к этапу ${round} (${year})`,
          filter: { year, round },
        }));
    case 'campaign':
      return [...reference.vsokoCampaigns]
        .sort((a, b) => b.year - a.year)
        .map(({ year }) => ({
          key: String(year),
          label: `кампания ${year}`,
          versus: `к кампании ${year}`,
          filter: { campaignYear: year },
        }));
  }
}

/** The periods of `kind` in which `indicator` (narrowed by `base`) has data, newest first. */
export async function periodsWithData(
  kind: PeriodKind,
  indicator: string,
  base: AggregateFilter,
  reference: PeriodReference,
): Promise<Period[]> {
  const candidates = candidatePeriods(kind, reference);
  if (kind === 'none') return candidates;
  const present = await haveData(
    indicator,
    candidates.map((p) => ({ ...base, ...p.filter })),
  );
  return candidates.filter((_, i) => present[i]);
}
