import type { IndicatorDefinition } from './indicator';
import { territoryIndicators } from './indicators/territory';

/** The indicator catalogue (BRIEF §4), by code. */
export const INDICATORS: ReadonlyMap<string, IndicatorDefinition> = new Map(
  [...territoryIndicators].map((i) => [i.code, i]),
);
