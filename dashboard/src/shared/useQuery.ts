import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { onScopeDispose, shallowRef, type ShallowRef } from 'vue';
import { apollo } from '../apollo';

export interface QueryState<T> {
  data: ShallowRef<T | undefined>;
  loading: ShallowRef<boolean>;
  error: ShallowRef<string | undefined>;
  refetch(): void;
}

/** A watched query as Vue refs; unsubscribes with the component. */
export function useQuery<T, V extends OperationVariables = OperationVariables>(
  query: TypedDocumentNode<T, V>,
  variables?: V,
): QueryState<T> {
  const data = shallowRef<T>();
  const loading = shallowRef(true);
  const error = shallowRef<string>();
  const observable = apollo.watchQuery<T, V>({ query, variables: variables as V });
  const subscription = observable.subscribe({
    next(result) {
      loading.value = result.loading;
      if (result.data) data.value = result.data as T;
      error.value = result.error ? describeError(result.error) : undefined;
    },
    error(e: unknown) {
      loading.value = false;
      error.value = describeError(e);
    },
  });
  onScopeDispose(() => subscription.unsubscribe());
  return { data, loading, error, refetch: () => void observable.refetch() };
}

function describeError(e: unknown): string {
  if (e instanceof Error && /fetch|network/i.test(e.message))
    return 'Сервер недоступен. Проверьте подключение и обновите страницу.';
  return e instanceof Error ? e.message : String(e);
}
