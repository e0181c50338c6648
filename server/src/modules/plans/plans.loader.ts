import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { ActivityProgressChange } from './activity-progress-change.entity';
import type { ActivityProgress } from './activity-progress.entity';
import type { Activity } from './activity.entity';
import { regionToday } from './clock';
import type { PlanSection } from './plan-section.entity';
import type { Plan } from './plan.entity';
import type { ProgressFilter } from './plans.inputs';
import { PlansService, type ActivityState } from './plans.service';
import { ProgressQueries } from './progress-queries.service';

interface FilteredKey {
  activityId: number;
  filter: ProgressFilter | null;
}

const filterId = (filter: ProgressFilter | null) =>
  JSON.stringify([filter?.municipalityCode ?? null, filter?.schoolCode ?? null, filter?.status ?? null]);

/** One statement per distinct filter, however many activities ask. */
function filteredByActivity<T extends { activityId: number }>(
  load: (ids: readonly number[], filter: ProgressFilter | null) => Promise<T[]>,
) {
  return new DataLoader<FilteredKey, T[], string>(
    async (keys) => {
      const groups = new Map<string, { filter: ProgressFilter | null; ids: number[] }>();
      for (const { activityId, filter } of keys) {
        const id = filterId(filter);
        const group = groups.get(id) ?? { filter, ids: [] };
        group.ids.push(activityId);
        groups.set(id, group);
      }
      const results = new Map<string, T[]>();
      for (const [id, group] of groups) {
        for (const row of await load(group.ids, group.filter)) {
          const key = `${row.activityId}|${id}`;
          const list = results.get(key) ?? [];
          list.push(row);
          results.set(key, list);
        }
      }
      return keys.map((k) => results.get(`${k.activityId}|${filterId(k.filter)}`) ?? []);
    },
    { cacheKeyFn: (k) => `${k.activityId}|${filterId(k.filter)}` },
  );
}

function groupBy<K, T>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  return groups;
}

export function createPlansLoaders(em: EntityManager) {
  const plans = new PlansService(em);
  const progress = new ProgressQueries(em);
  let today: string | undefined;

  const planActivityById = new DataLoader<number, Activity | null>(async (ids) => {
    const byId = new Map((await plans.activitiesByIds(ids)).map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const planActivityState = new DataLoader<number, ActivityState | null>(async (ids) => {
    const byId = new Map((await plans.states({ activityIds: ids })).map((s) => [s.activityId, s]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const planSectionById = new DataLoader<number, PlanSection | null>(async (ids) => {
    const byId = new Map((await plans.sectionsByIds(ids)).map((s) => [s.id, s]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  return {
    /** Today in the region, read once per request so every field agrees. */
    plansToday: (): string => (today ??= regionToday()),
    planByCode: new DataLoader<string, Plan | null>(async (codes) => {
      const byCode = new Map((await plans.plansByCodes(codes)).map((p) => [p.code, p]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
    planSectionById,
    planSectionsByPlan: new DataLoader<string, PlanSection[]>(async (codes) => {
      const groups = groupBy(await plans.sectionsByPlans(codes), (s) => s.planCode);
      for (const list of groups.values()) for (const s of list) planSectionById.prime(s.id, s);
      return codes.map((code) => groups.get(code) ?? []);
    }),
    planActivityById,
    planActivitiesBySection: new DataLoader<number, Activity[]>(async (sectionIds) => {
      const groups = groupBy(await plans.activitiesBySections(sectionIds), (a) => a.sectionId);
      for (const list of groups.values()) for (const a of list) planActivityById.prime(a.id, a);
      return sectionIds.map((id) => groups.get(id) ?? []);
    }),
    planActivityState,
    /** Every activity's state in a plan: the plan's done share and overdue count. */
    planActivityStatesByPlan: new DataLoader<string, ActivityState[]>(async (codes) => {
      const groups = groupBy(await plans.states({ planCodes: codes }), (s) => s.planCode);
      for (const list of groups.values()) for (const s of list) planActivityState.prime(s.activityId, s);
      return codes.map((code) => groups.get(code) ?? []);
    }),
    planProgressByActivity: filteredByActivity<ActivityProgress>((ids, filter) => progress.byActivities(ids, filter)),
    planHistoryByActivity: filteredByActivity<ActivityProgressChange>((ids, filter) =>
      progress.historyByActivities(ids, filter),
    ),
    planProgressBySchool: new DataLoader<string, ActivityProgress[]>(async (codes) => {
      const groups = groupBy(await progress.bySchools(codes), (p) => p.schoolCode);
      return codes.map((code) => groups.get(code) ?? []);
    }),
  };
}
