import { computed } from 'vue';
import { DemoPresenceDocument } from '../generated/graphql';
import { useQuery } from './useQuery';

export type DemoDomain = 'schools' | 'vsoko' | 'selfdiag' | 'assessment' | 'shnor';

/** Which domains the caller sees demo rows in, and how many of the schools are demo schools. */
export function useDemoPresence() {
  const { data, loading, error } = useQuery(DemoPresenceDocument);
  const domains = computed<Record<DemoDomain, boolean>>(() => {
    const d = data.value;
    return {
      schools: (d?.demoSchools.totalCount ?? 0) > 0,
      vsoko: (d?.demoVsoko.edges.length ?? 0) > 0,
      selfdiag: (d?.demoSelfDiagnostics.edges.length ?? 0) > 0,
      assessment: (d?.demoAssessment.edges.length ?? 0) > 0,
      shnor: (d?.demoShnor ?? []).some((l) => l.isDemo),
    };
  });
  const any = computed(() => Object.values(domains.value).some(Boolean));
  const schools = computed(() => ({
    demo: data.value?.demoSchools.totalCount ?? 0,
    all: data.value?.allSchools.totalCount ?? 0,
  }));
  return { domains, any, schools, loading, error };
}
