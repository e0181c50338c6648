import type { AggregateFilter, IndicatorCatalogueQuery } from '../generated/graphql';
import { formatInt } from './format';

export type IndicatorInfo = IndicatorCatalogueQuery['indicators'][number];

/** Which way is good: the catalogue does not say, the department's goals do. */
export type Direction = 'lower' | 'higher' | 'neutral';

const DIRECTIONS: Record<string, Direction> = {
  'schools.count': 'neutral',
  'vsoko.high_risk_share': 'lower',
  'vsoko.mean_total': 'higher',
  'vsoko.block_risk_share': 'lower',
  'shnor.count': 'lower',
  'plan.done_share': 'higher',
  'plan.overdue_count': 'lower',
  'selfdiag.coverage': 'higher',
  'selfdiag.below_base_share': 'lower',
  'assessment.share_2': 'lower',
  'assessment.share_45': 'higher',
  'assessment.mean_score': 'higher',
  'assessment.below_min_share': 'lower',
  // A work mark far from the journal either way means the marking is not objective.
  'assessment.journal_lowered_share': 'lower',
  'assessment.journal_raised_share': 'lower',
  'risk.high_share': 'lower',
};

export function directionOf(code: string): Direction {
  return DIRECTIONS[code] ?? 'neutral';
}

/** Domains in the order people look at them, with their Russian names. */
export const DOMAINS: { code: string; title: string }[] = [
  { code: 'school', title: 'Школы' },
  { code: 'assessment', title: 'Оценочные процедуры' },
  { code: 'vsoko', title: 'Мониторинг ВСОКО' },
  { code: 'selfdiag', title: 'Самодиагностика «Школа Минпросвещения России»' },
  { code: 'shnor', title: 'ШНОР / ШНСУ' },
  { code: 'plan', title: 'Планы и дорожные карты' },
  { code: 'risk', title: 'Раннее предупреждение' },
];

/** A count is summed, not compared with the region as a rate. */
export function isRate(unit: string): boolean {
  return unit === '%' || unit === 'балл';
}

/**
 * What a figure is made of, briefly: «1 494 из 23 645» for a share, «n = 1 529»
 * for a mean (its numerator is a sum of scores, not a count); nothing for a count.
 */
export function partsText(unit: string, numerator: number, denominator: number): string {
  if (unit === '%') return `${formatInt(numerator)} из ${formatInt(denominator)}`;
  if (unit === 'балл') return `n = ${formatInt(denominator)}`;
  return '';
}

/** The definition as a tooltip shows it: what it is, and what it is made of. */
export function definitionText(
  indicator: Pick<IndicatorInfo, 'description' | 'numerator' | 'denominator' | 'unit'>,
): string {
  const parts = [indicator.description];
  if (isRate(indicator.unit)) {
    parts.push(`Числитель: ${indicator.numerator}.`, `Знаменатель: ${indicator.denominator}.`);
  } else {
    parts.push(`Считается: ${indicator.numerator}.`);
  }
  return parts.join('\n');
}

/** Fields of `AggregateFilter` that narrow by territory rather than by period or subject. */
export const TERRITORY_FILTERS = ['municipalityCodes', 'clusterCodes'] as const;

/** The filter without empty fields, so equal questions look equal (and share a subscription). */
export function cleanFilter(filter: AggregateFilter): AggregateFilter {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    clean[key] = value;
  }
  return clean as AggregateFilter;
}
