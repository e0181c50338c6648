import { onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { AggregateFilter } from '../../generated/graphql';
import { loadPeriodReference, periodsWithData, type Period, type PeriodReference } from '../../shared/periods';
import { useLiveAggregate } from '../../shared/useLiveAggregate';
import type { KpiSpec } from './kpis';

/** Collects bursts of changes (an import touches every domain at once) into one lookup. */
const SETTLE_MS = 400;

/**
 * The periods with data of each KPI, newest first: the latest is shown, the one
 * before it is the comparison. Looked up again when a watched all-periods
 * figure moves (a new year of results arrives, a new round starts), so a page
 * left open moves on to the new period by itself.
 */
export function useKpiPeriods(specs: KpiSpec[], demoFilter: MaybeRefOrGetter<AggregateFilter>) {
  const periods = shallowRef<Record<string, Period[]>>({});
  const reference = shallowRef<PeriodReference>();
  const error = shallowRef<string>();
  let generation = 0;

  async function lookUp(fresh: boolean) {
    const run = ++generation;
    try {
      const ref = fresh ? await loadPeriodReference('network-only') : await loadPeriodReference();
      const probes = new Map<string, Promise<Period[]>>();
      const entries = await Promise.all(
        specs.map(async (spec) => {
          const base = { ...spec.base, ...toValue(demoFilter) };
          const indicator = spec.probe ?? spec.indicator;
          const key = JSON.stringify([spec.period, indicator, base]);
          if (!probes.has(key)) probes.set(key, periodsWithData(spec.period, indicator, base, ref));
          return [spec.id, await probes.get(key)!] as const;
        }),
      );
      if (run !== generation) return;
      reference.value = ref;
      periods.value = Object.fromEntries(entries);
      error.value = undefined;
    } catch (e) {
      if (run === generation) error.value = e instanceof Error ? e.message : String(e);
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void lookUp(true), SETTLE_MS);
  };
  onScopeDispose(() => clearTimeout(timer));

  const watched = new Map(specs.map((s) => [JSON.stringify(s.watch), s.watch]));
  for (const question of watched.values()) {
    const live = useLiveAggregate(() => ({
      indicator: question.indicator,
      groupBy: 'REGION',
      filter: { ...question.filter, ...toValue(demoFilter) },
    }));
    watch(
      () => live.result.value?.rows,
      (rows, before) => {
        if (before && JSON.stringify(rows) !== JSON.stringify(before)) settle();
      },
    );
  }

  watch(
    () => JSON.stringify(toValue(demoFilter)),
    () => void lookUp(false),
    { immediate: true },
  );

  return { periods, reference, error, retry: () => void lookUp(true) };
}
