import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import {
  LiveAggregateDocument,
  type AggregateFilter,
  type GroupBy,
  type LiveAggregateSubscription,
} from '../generated/graphql';
import { useSubscription } from './useSubscription';

export interface AggregateQuestion {
  indicator: string;
  groupBy: GroupBy;
  filter?: AggregateFilter;
}

/**
 * An aggregate that stays current: the answer now, then every change the server
 * pushes. A null question waits (e.g. until the period to ask about is known).
 */
export function useLiveAggregate(question: MaybeRefOrGetter<AggregateQuestion | null>) {
  const { data, error, changedAt } = useSubscription<
    LiveAggregateSubscription,
    { indicator: string; groupBy: GroupBy; filter?: AggregateFilter }
  >(LiveAggregateDocument, () => {
    const q = toValue(question);
    if (!q) return null;
    return { indicator: q.indicator, groupBy: q.groupBy, filter: q.filter };
  });
  const result = computed(() => data.value?.aggregateUpdated);
  return { result, error, changedAt, loading: computed(() => !data.value && !error.value) };
}
