import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter, type ShallowRef } from 'vue';
import { apollo } from '../apollo';

export interface SubscriptionState<T> {
  data: ShallowRef<T | undefined>;
  error: ShallowRef<string | undefined>;
  /** When the data last changed (null until the first message). */
  changedAt: ShallowRef<Date | null>;
}

/**
 * A live subscription as Vue refs; resubscribes when the variables change, ends
 * with the component. Null variables pause it (nothing to ask yet) and clear the data.
 */
export function useSubscription<T, V extends OperationVariables>(
  document: TypedDocumentNode<T, V>,
  variables: MaybeRefOrGetter<V | null>,
): SubscriptionState<T> {
  const data = shallowRef<T>();
  const error = shallowRef<string>();
  const changedAt = shallowRef<Date | null>(null);
  let current: { unsubscribe(): void } | undefined;

  const start = (vars: V | null) => {
    current?.unsubscribe();
    current = undefined;
    if (vars === null) {
      data.value = undefined;
      error.value = undefined;
      changedAt.value = null;
      return;
    }
    // Without deduplication: a second subscriber to the same question would share
    // the first one's stream and never see the "current result at once" message.
    current = apollo
      .subscribe<T, V>({ query: document, variables: vars, context: { queryDeduplication: false } })
      .subscribe({
        next: (result) => {
          if (result.data) {
            data.value = result.data as T;
            changedAt.value = new Date();
            error.value = undefined;
          }
          if (result.error) error.value = result.error.message;
        },
        error: (e: unknown) => (error.value = e instanceof Error ? e.message : String(e)),
      });
  };
  watch(
    () => JSON.stringify(toValue(variables)),
    () => start(toValue(variables)),
    { immediate: true },
  );
  onScopeDispose(() => current?.unsubscribe());
  return { data, error, changedAt };
}
