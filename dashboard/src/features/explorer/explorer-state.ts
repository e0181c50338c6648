import type { LocationQuery, LocationQueryRaw, RouteLocationRaw } from 'vue-router';
import type { AggregateFilter } from '../../generated/graphql';

export type Grouping = 'MUNICIPALITY' | 'CLUSTER' | 'SCHOOL';
export const GROUPINGS: { value: Grouping; label: string; param: string }[] = [
  { value: 'MUNICIPALITY', label: 'Муниципалитеты', param: 'municipality' },
  { value: 'CLUSTER', label: 'Кластеры', param: 'cluster' },
  { value: 'SCHOOL', label: 'Школы', param: 'school' },
];

/** The dimension filters an indicator may list, in the order the form shows them. */
export const DIMENSIONS = ['year', 'procedure', 'subject', 'grade', 'round', 'campaignYear', 'block', 'plan'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
const NUMERIC = new Set<Dimension>(['year', 'grade', 'round', 'campaignYear', 'block']);

/** Everything a view of the explorer is: shared and restored through the address. */
export interface ExplorerState {
  indicator: string | null;
  groupBy: Grouping;
  dimensions: Partial<Record<Dimension, string | number>>;
  municipalityCodes: string[];
  clusterCodes: string[];
  includeDemo: boolean;
}

function single(value: LocationQuery[string] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === null || v === undefined || v === '' ? undefined : v;
}

function list(value: LocationQuery[string] | undefined): string[] {
  return (single(value) ?? '').split(',').filter(Boolean);
}

/** The state an address describes; anything malformed is left out rather than guessed. */
export function stateFromQuery(query: LocationQuery): ExplorerState {
  const groupParam = single(query.groupBy);
  const dimensions: ExplorerState['dimensions'] = {};
  for (const name of DIMENSIONS) {
    const raw = single(query[name]);
    if (raw === undefined) continue;
    if (NUMERIC.has(name)) {
      const n = Number(raw);
      if (Number.isInteger(n)) dimensions[name] = n;
    } else {
      dimensions[name] = raw;
    }
  }
  return {
    indicator: single(query.indicator) ?? null,
    groupBy: GROUPINGS.find((g) => g.param === groupParam)?.value ?? 'MUNICIPALITY',
    dimensions,
    municipalityCodes: list(query.municipalities),
    clusterCodes: list(query.clusters),
    includeDemo: single(query.demo) !== '0',
  };
}

export function queryFromState(state: ExplorerState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.indicator) query.indicator = state.indicator;
  query.groupBy = GROUPINGS.find((g) => g.value === state.groupBy)!.param;
  for (const name of DIMENSIONS) {
    const value = state.dimensions[name];
    if (value !== undefined && value !== '') query[name] = String(value);
  }
  if (state.municipalityCodes.length) query.municipalities = state.municipalityCodes.join(',');
  if (state.clusterCodes.length) query.clusters = state.clusterCodes.join(',');
  if (!state.includeDemo) query.demo = '0';
  return query;
}

/** The aggregate filter of a state: only the dimensions the indicator supports. */
export function filterOf(state: ExplorerState, supported: readonly string[]): AggregateFilter {
  const filter: Record<string, unknown> = {};
  for (const name of DIMENSIONS) {
    const value = state.dimensions[name];
    if (value !== undefined && supported.includes(name)) filter[name] = value;
  }
  if (state.municipalityCodes.length) filter.municipalityCodes = state.municipalityCodes;
  if (state.clusterCodes.length) filter.clusterCodes = state.clusterCodes;
  if (!state.includeDemo) filter.includeDemo = false;
  return filter as AggregateFilter;
}

/** A link into the explorer from elsewhere (a KPI, a cluster bar). */
export function explorerLink(
  indicator: string,
  filter: AggregateFilter,
  groupBy: Grouping = 'MUNICIPALITY',
): RouteLocationRaw {
  const dimensions: ExplorerState['dimensions'] = {};
  for (const name of DIMENSIONS) {
    const value = filter[name];
    if (value !== undefined && value !== null) dimensions[name] = value;
  }
  return {
    name: 'explorer',
    query: queryFromState({
      indicator,
      groupBy,
      dimensions,
      municipalityCodes: filter.municipalityCodes ?? [],
      clusterCodes: filter.clusterCodes ?? [],
      includeDemo: filter.includeDemo !== false,
    }),
  };
}
