import { computed, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { IndicatorInfo } from '../../shared/indicators';
import {
  candidateYears,
  haveData,
  loadPeriodReference,
  periodsWithData,
  type PeriodReference,
} from '../../shared/periods';
import type { Dimension, ExplorerState } from './explorer-state';

export interface Choice {
  value: string | number;
  label: string;
}

export interface DimensionControl {
  name: Dimension;
  label: string;
  /** The option meaning "not narrowed" (the server's default), or null when a value is required. */
  anyLabel: string | null;
  choices: Choice[];
}

/** Test scores and minimums exist for ЕГЭ only; marks are most telling for ВПР. */
function defaultProcedure(indicator: string): string {
  return indicator === 'assessment.mean_score' || indicator === 'assessment.below_min_share' ? 'EGE' : 'VPR';
}

/**
 * What a newly chosen indicator starts with: a procedure and the latest year
 * with data for results (pooling years would mislead), the first block where a
 * block is required; everything else at the server's default ("the latest").
 */
export async function defaultDimensions(
  indicator: IndicatorInfo,
  includeDemo: boolean,
): Promise<ExplorerState['dimensions']> {
  const dimensions: ExplorerState['dimensions'] = {};
  const demo = includeDemo ? {} : { includeDemo: false };
  if (indicator.domain === 'assessment') {
    const procedure = defaultProcedure(indicator.code);
    dimensions.procedure = procedure;
    const years = candidateYears();
    const present = await haveData(
      indicator.code,
      years.map((year) => ({ procedure, year, ...demo })),
    );
    const latest = years.find((_, i) => present[i]);
    if (latest !== undefined) dimensions.year = latest;
  }
  if (indicator.filters.includes('block')) dimensions.block = 1;
  return dimensions;
}

/** The choices each filter of the current indicator offers, from the reference data and the data present. */
export function useExplorerOptions(
  state: MaybeRefOrGetter<ExplorerState>,
  indicator: MaybeRefOrGetter<IndicatorInfo | undefined>,
) {
  const reference = shallowRef<PeriodReference>();
  const years = shallowRef<number[]>([]);
  const error = shallowRef<string>();
  loadPeriodReference().then(
    (r) => (reference.value = r),
    (e: unknown) => (error.value = e instanceof Error ? e.message : String(e)),
  );

  // Years with data for the indicator as narrowed by everything but the year.
  let lookups = 0;
  watch(
    () => {
      const info = toValue(indicator);
      const s = toValue(state);
      if (!reference.value || !info || !info.filters.includes('year') || info.domain === 'selfdiag') return null;
      const { procedure, subject, grade } = s.dimensions;
      const base = { procedure, subject, grade, ...(s.includeDemo ? {} : { includeDemo: false }) };
      for (const key of Object.keys(base) as (keyof typeof base)[]) {
        if (base[key] === undefined || !info.filters.includes(key)) delete base[key];
      }
      return JSON.stringify([info.code, base]);
    },
    async (key) => {
      const run = ++lookups;
      if (!key || !reference.value) return;
      const [code, base] = JSON.parse(key) as [string, Record<string, unknown>];
      try {
        const periods = await periodsWithData('year', code, base, reference.value);
        if (run === lookups) years.value = periods.map((p) => p.filter.year!);
      } catch (e) {
        if (run === lookups) error.value = e instanceof Error ? e.message : String(e);
      }
    },
    { immediate: true },
  );
  const controls = computed<DimensionControl[]>(() => {
    const info = toValue(indicator);
    const ref = reference.value;
    const s = toValue(state);
    if (!info || !ref) return [];
    const procedure = ref.procedures.find((p) => p.code === s.dimensions.procedure);
    const selfdiagYears = [...new Set(ref.selfDiagnosticRounds.map((r) => r.year))].sort((a, b) => b - a);
    const roundNumbers = [
      ...new Set(
        ref.selfDiagnosticRounds
          .filter((r) => s.dimensions.year === undefined || r.year === s.dimensions.year)
          .map((r) => r.round),
      ),
    ].sort();
    const latestCampaign = [...ref.vsokoCampaigns].sort((a, b) => b.year - a.year)[0];
    const withCurrent = (choices: Choice[], name: Dimension) => {
      const value = s.dimensions[name];
      return value === undefined || choices.some((c) => c.value === value)
        ? choices
        : [...choices, { value, label: String(value) }];
    };
    const all: Record<Dimension, () => DimensionControl> = {
      year: () => ({
        name: 'year',
        label: 'Год',
        anyLabel: info.domain === 'assessment' ? 'все годы' : 'последний',
        choices: (info.domain === 'selfdiag' ? selfdiagYears : years.value).map((y) => ({
          value: y,
          label: String(y),
        })),
      }),
      procedure: () => ({
        name: 'procedure',
        label: 'Процедура',
        anyLabel: 'все процедуры',
        choices: ref.procedures.map((p) => ({ value: p.code, label: p.shortName })),
      }),
      subject: () => ({
        name: 'subject',
        label: 'Предмет',
        anyLabel: 'все предметы',
        choices: ref.subjects.map((p) => ({ value: p.code, label: p.name })),
      }),
      grade: () => ({
        name: 'grade',
        label: 'Класс',
        anyLabel: 'все классы',
        choices: (procedure?.grades ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).map((g) => ({
          value: g,
          label: `${g} класс`,
        })),
      }),
      round: () => ({
        name: 'round',
        label: 'Этап',
        anyLabel: 'последний',
        choices: roundNumbers.map((r) => ({ value: r, label: `этап ${r}` })),
      }),
      campaignYear: () => ({
        name: 'campaignYear',
        label: 'Кампания ВСОКО',
        anyLabel: 'последняя',
        choices: ref.vsokoCampaigns.map((c) => ({ value: c.year, label: String(c.year) })),
      }),
      block: () => ({
        name: 'block',
        label: 'Блок',
        anyLabel: null,
        choices: (latestCampaign?.blocks ?? []).map((b) => ({ value: b.number, label: `${b.number}. ${b.name}` })),
      }),
      plan: () => ({
        name: 'plan',
        label: 'План',
        anyLabel: 'все планы',
        choices: ref.plans.map((p) => ({ value: p.code, label: `${p.year}: ${shorten(p.title)}` })),
      }),
    };
    return info.filters
      .filter((f): f is Dimension => f in all)
      .map((f) => {
        const control = all[f]();
        return { ...control, choices: withCurrent(control.choices, f) };
      });
  });

  return { controls, reference, error };
}

function shorten(title: string): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  return clean.length > 70 ? `${clean.slice(0, 68)}…` : clean;
}
