import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { AggregateFilter } from '../generated/graphql';

/**
 * Whether figures include demo data: yes unless the address says `demo=0`, so
 * a view without demo data can be shared and reloaded as it is.
 */
export function useIncludeDemo() {
  const route = useRoute();
  const router = useRouter();
  const includeDemo = computed({
    get: () => route.query.demo !== '0',
    set: (value: boolean) => {
      const query = { ...route.query };
      if (value) delete query.demo;
      else query.demo = '0';
      void router.replace({ query });
    },
  });
  /** The part of an aggregate filter that says so (nothing when demo data are in: the server's default). */
  const demoFilter = computed<AggregateFilter>(() => (includeDemo.value ? {} : { includeDemo: false }));
  return { includeDemo, demoFilter };
}
