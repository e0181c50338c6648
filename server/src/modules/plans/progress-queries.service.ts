import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Municipality } from '../municipalities/municipality.entity';
import { ActivityProgressChange } from './activity-progress-change.entity';
import { ActivityProgress } from './activity-progress.entity';
import { Activity } from './activity.entity';
import { Plan } from './plan.entity';
import type { ProgressFilter } from './plans.inputs';

type ProgressRow = ActivityProgress | ActivityProgressChange;

function narrowed<T extends ProgressRow>(
  qb: SelectQueryBuilder<T>,
  filter: ProgressFilter | null,
): SelectQueryBuilder<T> {
  if (filter?.municipalityCode)
    qb.andWhere('p.municipality_code = :municipality', { municipality: filter.municipalityCode });
  if (filter?.schoolCode) qb.andWhere('p.school_code = :school', { school: filter.schoolCode });
  if (filter?.status) qb.andWhere('p.status = :status', { status: filter.status });
  return qb;
}

/** Batched reads of current progress and of its history. */
export class ProgressQueries {
  constructor(private readonly em: EntityManager) {}

  /** Current progress of several activities: the region first, then municipalities in their order, then schools. */
  byActivities(activityIds: readonly number[], filter: ProgressFilter | null): Promise<ActivityProgress[]> {
    const qb = this.em
      .createQueryBuilder(ActivityProgress, 'p')
      .leftJoin(Municipality, 'm', 'm.code = p.municipality_code')
      .where('p.activity_id = ANY(:activityIds)', { activityIds })
      .orderBy('p.activity_id', 'ASC')
      .addOrderBy('m.sort_order', 'ASC', 'NULLS FIRST')
      .addOrderBy('p.school_code', 'ASC', 'NULLS FIRST');
    return narrowed(qb, filter).getMany();
  }

  /** The changes of several activities, newest first. */
  historyByActivities(
    activityIds: readonly number[],
    filter: ProgressFilter | null,
  ): Promise<ActivityProgressChange[]> {
    const qb = this.em
      .createQueryBuilder(ActivityProgressChange, 'p')
      .where('p.activity_id = ANY(:activityIds)', { activityIds })
      .orderBy('p.recorded_at', 'DESC')
      .addOrderBy('p.id', 'DESC');
    return narrowed(qb, filter).getMany();
  }

  /** The progress entries whose target is one of these schools, in plan and document order. */
  bySchools(schoolCodes: readonly string[]): Promise<ActivityProgress[]> {
    return this.em
      .createQueryBuilder(ActivityProgress, 'p')
      .innerJoin(Activity, 'a', 'a.id = p.activity_id')
      .innerJoin(Plan, 'pl', 'pl.code = a.plan_code')
      .where('p.school_code = ANY(:schoolCodes)', { schoolCodes })
      .orderBy('pl.sort_order', 'ASC')
      .addOrderBy('a.position', 'ASC')
      .getMany();
  }
}
