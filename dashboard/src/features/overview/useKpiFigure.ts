import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import type { AggregateFilter, GroupBy } from '../../generated/graphql';
import { cleanFilter } from '../../shared/indicators';
import type { Period } from '../../shared/periods';
import { useLiveAggregate } from '../../shared/useLiveAggregate';
import type { KpiSpec } from './kpis';

/**
 * A KPI's live value in its latest period and in the period before, for the
 * region (or, with `territory`, for one municipality's row).
 */
export function useKpiFigure(
  spec: KpiSpec,
  periods: MaybeRefOrGetter<Period[] | undefined>,
  demoFilter: MaybeRefOrGetter<AggregateFilter>,
  where: MaybeRefOrGetter<{ groupBy: GroupBy; filter?: AggregateFilter }> = { groupBy: 'REGION' },
) {
  const current = computed(() => toValue(periods)?.[0]);
  const previous = computed(() => toValue(periods)?.[1]);
  const filterOf = (period: Period | undefined) =>
    period ? cleanFilter({ ...spec.base, ...period.filter, ...toValue(where).filter, ...toValue(demoFilter) }) : null;
  const filter = computed(() => filterOf(current.value));
  const now = useLiveAggregate(() =>
    filter.value ? { indicator: spec.indicator, groupBy: toValue(where).groupBy, filter: filter.value } : null,
  );
  const before = useLiveAggregate(() => {
    const f = filterOf(previous.value);
    return f ? { indicator: spec.indicator, groupBy: toValue(where).groupBy, filter: f } : null;
  });
  /** Known to have no data at all (no period holds any), as opposed to still loading. */
  const empty = computed(() => toValue(periods)?.length === 0);
  return { current, previous, filter, now, before, empty };
}
