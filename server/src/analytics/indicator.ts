import type { AggregateFilter, DimensionFilter } from './aggregate.types';

/** How the value is made of the sums: a count (the numerator), a percentage, or a mean. */
export type IndicatorKind = 'count' | 'share' | 'mean';

/**
 * An indicator: numerators and denominators of facts that belong to a school
 * (or, for plan targets, to a municipality or the region), read from per-school
 * tables and rollups kept on write, so that any grouping is a sum.
 */
export interface IndicatorDefinition {
  code: string;
  title: string;
  unit: string;
  description: string;
  numerator: string;
  denominator: string;
  kind: IndicatorKind;
  /** The change-feed domains whose changes can move it. */
  domains: string[];
  /** Dimension filters it supports; others are refused. */
  filters: DimensionFilter[];
  /**
   * SQL selecting `school_code, municipality_code, num, den` for the filter:
   * a fact of a school leaves `municipality_code` null (the school's counts); a
   * fact of a municipality leaves `school_code` null; a regional fact leaves
   * both null. Parameters are appended to `params` and referenced as `$n`.
   */
  facts(filter: AggregateFilter, params: unknown[]): string;
  /** Moves with the calendar, not only with writes (overdue is "deadline before today"). */
  daily?: boolean;
  /**
   * Under this filter, a school's facts depend on that school's rows alone (and on reference
   * data whose changes name no school): a change is then applied by re-reading the schools it
   * names. Not so where "the latest campaign" or a score relative to others is involved.
   */
  incremental?: (filter: AggregateFilter) => boolean;
  /** Filters that must be given (e.g. the block of a per-block indicator). */
  requires?: DimensionFilter[];
}

/** Appends a parameter and returns its placeholder. */
export function param(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}

const TOMSK_OFFSET_MS = 7 * 3600_000;

/** Today's date in Tomsk (UTC+7, no daylight saving), as plans count days. */
export function tomskToday(now = Date.now()): string {
  return new Date(now + TOMSK_OFFSET_MS).toISOString().slice(0, 10);
}

/** Milliseconds until the next midnight in Tomsk. */
export function msUntilTomskMidnight(now = Date.now()): number {
  const local = now + TOMSK_OFFSET_MS;
  return 86_400_000 - (local % 86_400_000);
}
