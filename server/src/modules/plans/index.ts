// First: the entities load TypeORM and with it the reflect-metadata polyfill, which the
// decorators of the resolvers below need when this index is the first thing loaded.
export { planEntities } from './entities';
import type { ClassType } from 'type-graphql';
import { ActivityProgressChange } from './activity-progress-change.entity';
import { ActivityProgress } from './activity-progress.entity';
import { Activity } from './activity.entity';
import { ActivitiesResolver } from './activities.resolver';
import { PlanSection } from './plan-section.entity';
import { Plan } from './plan.entity';
import { PlanSectionResolver, PlansResolver } from './plans.resolver';
import {
  ActivityProgressChangeResolver,
  ActivityProgressResolver,
  ProgressTargetResolver,
  SchoolPlanProgressResolver,
} from './progress.resolver';

export { Activity, ActivityProgress, ActivityProgressChange, Plan, PlanSection };
export { PlanKind, PlanLevel, ProgressStatus, RecurrenceKind } from './plans.enums';
export { PlansErrorCode, type PlanProblem } from './plans.errors';
export { parseDeadline, type ParsedDeadline } from './deadline';
export { activityStatus, isOverdue } from './activity-state';
export { plansClock, regionToday, setPlansClock, REGION_TIME_ZONE, type Clock } from './clock';
export { validateProgress, type ProgressEntry, type ProgressContext } from './progress-validation';
export { PlansService, planStats } from './plans.service';
export { ProgressService } from './progress.service';
export { createPlansLoaders } from './plans.loader';

/** Resolver classes of this module, for the schema. */
export const planResolvers: ClassType[] = [
  PlansResolver,
  PlanSectionResolver,
  ActivitiesResolver,
  ActivityProgressResolver,
  ActivityProgressChangeResolver,
  ProgressTargetResolver,
  SchoolPlanProgressResolver,
];
