import type { EntityManager } from 'typeorm';
import { activityStatus, isOverdue, type ProgressCounts } from './activity-state';
import { Activity } from './activity.entity';
import { PlanSection } from './plan-section.entity';
import { Plan } from './plan.entity';
import type { ActivityFilter } from './plans.inputs';

/** An activity's deadline end and its targets by status: all that status and overdue need. */
export interface ActivityState extends ProgressCounts {
  activityId: number;
  planCode: string;
  deadlineEnd: string | null;
}

/** Plan-level figures: the numerators and denominator of plan.done_share and plan.overdue_count. */
export interface PlanStats {
  activityCount: number;
  doneCount: number;
  overdueCount: number;
}

export function planStats(states: readonly ActivityState[], today: string): PlanStats {
  let doneCount = 0;
  let overdueCount = 0;
  for (const state of states) {
    const status = activityStatus(state);
    if (status === 'done') doneCount++;
    if (isOverdue(state.deadlineEnd, status, today)) overdueCount++;
  }
  return { activityCount: states.length, doneCount, overdueCount };
}

/**
 * «Executed by the municipality»: an activity reported per municipality or school
 * whose executors name the municipal education offices (МОУО).
 */
const EXECUTED_BY_MOUO = `a.scope <> 'region' AND EXISTS (SELECT 1 FROM unnest(a.executors) e WHERE e LIKE '%МОУО%')`;

/** Reads of plans, sections and activities; every list is batched for DataLoaders. */
export class PlansService {
  constructor(private readonly em: EntityManager) {}

  listPlans(): Promise<Plan[]> {
    return this.em.find(Plan, { order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  plansByCodes(codes: readonly string[]): Promise<Plan[]> {
    return this.em.createQueryBuilder(Plan, 'p').where('p.code = ANY(:codes)', { codes }).getMany();
  }

  sectionsByPlans(planCodes: readonly string[]): Promise<PlanSection[]> {
    return this.em
      .createQueryBuilder(PlanSection, 's')
      .where('s.plan_code = ANY(:planCodes)', { planCodes })
      .orderBy('s.position', 'ASC')
      .getMany();
  }

  sectionsByIds(ids: readonly number[]): Promise<PlanSection[]> {
    return this.em.createQueryBuilder(PlanSection, 's').where('s.id = ANY(:ids)', { ids }).getMany();
  }

  activitiesBySections(sectionIds: readonly number[]): Promise<Activity[]> {
    return this.em
      .createQueryBuilder(Activity, 'a')
      .where('a.section_id = ANY(:sectionIds)', { sectionIds })
      .orderBy('a.position', 'ASC')
      .getMany();
  }

  activitiesByIds(ids: readonly number[]): Promise<Activity[]> {
    return this.em.createQueryBuilder(Activity, 'a').where('a.id = ANY(:ids)', { ids }).getMany();
  }

  activityByKey(planCode: string, number: string): Promise<Activity | null> {
    return this.em.findOneBy(Activity, { planCode, number });
  }

  /** Deadline ends and progress counts of the given activities, or of every activity of the given plans. */
  async states(by: { activityIds: readonly number[] } | { planCodes: readonly string[] }): Promise<ActivityState[]> {
    const [condition, keys] =
      'activityIds' in by ? ['a.id = ANY($1)', by.activityIds] : ['a.plan_code = ANY($1)', by.planCodes];
    const rows: ActivityState[] = await this.em.query(
      `SELECT a.id AS "activityId", a.plan_code AS "planCode", a.deadline_end::text AS "deadlineEnd",
              count(p.id) FILTER (WHERE p.status = 'planned')::int AS planned,
              count(p.id) FILTER (WHERE p.status = 'in_progress')::int AS "inProgress",
              count(p.id) FILTER (WHERE p.status = 'done')::int AS done
         FROM plan_activity a LEFT JOIN activity_progress p ON p.activity_id = a.id
        WHERE ${condition}
        GROUP BY a.id
        ORDER BY a.plan_code, a.position`,
      [keys],
    );
    return rows;
  }

  /**
   * Activities in plan and document order, filtered; status and overdue are
   * derived here from one statement of progress counts, which the caller can
   * reuse for the activities' own status fields.
   */
  async listActivities(
    filter: ActivityFilter | null | undefined,
    today: string,
  ): Promise<{ activities: Activity[]; states: Map<number, ActivityState> }> {
    const qb = this.em
      .createQueryBuilder(Activity, 'a')
      .innerJoin(Plan, 'pl', 'pl.code = a.plan_code')
      .innerJoin(PlanSection, 's', 's.id = a.section_id')
      .orderBy('pl.sort_order', 'ASC')
      .addOrderBy('s.position', 'ASC')
      .addOrderBy('a.position', 'ASC');
    if (filter?.planCode) qb.andWhere('a.plan_code = :planCode', { planCode: filter.planCode });
    if (filter?.municipalityCode) {
      qb.andWhere(
        `(EXISTS (SELECT 1 FROM activity_progress x WHERE x.activity_id = a.id AND x.municipality_code = :municipality)
          OR (${EXECUTED_BY_MOUO} AND NOT EXISTS (SELECT 1 FROM activity_progress y WHERE y.activity_id = a.id)))`,
        { municipality: filter.municipalityCode },
      );
    }
    const all = await qb.getMany();
    const states = new Map(
      all.length === 0 ? [] : (await this.states({ activityIds: all.map((a) => a.id) })).map((s) => [s.activityId, s]),
    );
    const activities = all.filter((a) => {
      const state = states.get(a.id);
      if (!state) return false;
      const status = activityStatus(state);
      if (filter?.status && status !== filter.status) return false;
      if (filter?.overdue !== null && filter?.overdue !== undefined) {
        if (isOverdue(a.deadlineEnd, status, today) !== filter.overdue) return false;
      }
      return true;
    });
    return { activities, states };
  }
}
