import type { AggregateFilter } from '../../generated/graphql';
import type { PeriodKind } from '../../shared/periods';

/** A headline figure of the region: an indicator, narrowed, in its latest period with data. */
export interface KpiSpec {
  id: string;
  /** Short, for a tile. */
  title: string;
  /** The title beside a municipality's figure, where it differs («Школ», not «Школ в регионе»). */
  localTitle?: string;
  indicator: string;
  base: AggregateFilter;
  period: PeriodKind;
  /**
   * The indicator whose denominator says a period has data, when the KPI's own
   * cannot (coverage counts every school, results or not).
   */
  probe?: string;
  /**
   * An all-periods question that moves when a new period appears (a new year of
   * results, a new round): the periods are looked up again when it changes.
   */
  watch: { indicator: string; filter: AggregateFilter };
  /** A procedure or the like the period label names: «ВПР 2025». */
  context?: string;
  /** Offered on the map and diagrams only, without a tile of its own (the tile row holds eight). */
  mapOnly?: boolean;
}

const ASSESSMENT_WATCH = { indicator: 'assessment.share_2', filter: {} };
const SELFDIAG_WATCH = { indicator: 'selfdiag.below_base_share', filter: {} };

export const KPIS: KpiSpec[] = [
  {
    id: 'schools',
    title: 'Школ в регионе',
    localTitle: 'Школ',
    indicator: 'schools.count',
    base: {},
    period: 'none',
    watch: { indicator: 'schools.count', filter: {} },
  },
  {
    id: 'vsoko-high-risk',
    title: 'ВСОКО: высокий риск',
    indicator: 'vsoko.high_risk_share',
    base: {},
    period: 'campaign',
    probe: 'vsoko.mean_total',
    watch: { indicator: 'vsoko.mean_total', filter: {} },
  },
  {
    id: 'shnor',
    title: 'Школы ШНОР / ШНСУ',
    indicator: 'shnor.count',
    base: {},
    period: 'year',
    watch: { indicator: 'shnor.count', filter: {} },
    context: 'список',
  },
  {
    id: 'selfdiag-coverage',
    title: 'Охват самодиагностикой',
    indicator: 'selfdiag.coverage',
    base: {},
    period: 'round',
    probe: 'selfdiag.below_base_share',
    watch: SELFDIAG_WATCH,
  },
  {
    id: 'selfdiag-below-base',
    title: 'Ниже базового уровня',
    indicator: 'selfdiag.below_base_share',
    base: {},
    period: 'round',
    watch: SELFDIAG_WATCH,
    context: 'самодиагностика',
  },
  {
    id: 'vpr-share-2',
    title: 'ВПР: доля «2»',
    indicator: 'assessment.share_2',
    base: { procedure: 'VPR' },
    period: 'year',
    watch: ASSESSMENT_WATCH,
    context: 'ВПР',
  },
  {
    id: 'ege-mean',
    title: 'ЕГЭ: средний балл',
    indicator: 'assessment.mean_score',
    base: { procedure: 'EGE' },
    period: 'year',
    watch: ASSESSMENT_WATCH,
    context: 'ЕГЭ',
  },
  {
    id: 'ege-below-min',
    title: 'ЕГЭ: ниже минимума',
    indicator: 'assessment.below_min_share',
    base: { procedure: 'EGE' },
    period: 'year',
    watch: ASSESSMENT_WATCH,
    context: 'ЕГЭ',
  },
  {
    // The early warning's composite over every domain: what the «Зоны риска» page details.
    id: 'risk-high',
    title: 'Раннее предупреждение: высокий риск',
    indicator: 'risk.high_share',
    base: {},
    period: 'none',
    watch: { indicator: 'risk.high_share', filter: {} },
    mapOnly: true,
  },
];

export function kpiById(id: string): KpiSpec | undefined {
  return KPIS.find((k) => k.id === id);
}

/** Which domain's demo data a KPI's figure may contain. */
export function demoDomainOf(spec: KpiSpec): 'schools' | 'vsoko' | 'shnor' | 'selfdiag' | 'assessment' {
  const domain = spec.indicator.split('.')[0]!;
  return domain === 'vsoko' || domain === 'shnor' || domain === 'selfdiag' || domain === 'assessment'
    ? domain
    : 'schools';
}
