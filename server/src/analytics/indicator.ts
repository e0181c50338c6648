import type { AggregateFilter, DimensionFilter } from './aggregate.types';

/** How the value is made of the sums: a count (the numerator), a percentage, or a mean. */
export type IndicatorKind = 'count' | 'share' | 'mean';

/**
 * An indicator: a numerator and a denominator per school, read from the
 * rollups kept on write, so that any grouping is a sum over schools.
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
   * SQL selecting `school_code, num, den` (one or more rows per school) for the
   * filter; parameters are appended to `params` and referenced as `$n`.
   */
  perSchool(filter: AggregateFilter, params: unknown[]): string;
}

/** Appends a parameter and returns its placeholder. */
export function param(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}
