import type { IndicatorDefinition } from './indicator';
import { assessmentIndicators } from './indicators/assessment';
import { planIndicators } from './indicators/plan';
import { riskIndicators } from './indicators/risk';
import { selfDiagnosticIndicators } from './indicators/selfdiag';
import { shnorIndicators } from './indicators/shnor';
import { territoryIndicators } from './indicators/territory';
import { vsokoIndicators } from './indicators/vsoko';

/** The indicator catalogue (BRIEF §4), by code. */
export const INDICATORS: ReadonlyMap<string, IndicatorDefinition> = new Map(
  [
    ...territoryIndicators,
    ...vsokoIndicators,
    ...shnorIndicators,
    ...planIndicators,
    ...selfDiagnosticIndicators,
    ...assessmentIndicators,
    ...riskIndicators,
  ].map((i) => [i.code, i]),
);
