import type { ClassType } from 'type-graphql';
import { ActivityProgressChange } from './activity-progress-change.entity';
import { ActivityProgress } from './activity-progress.entity';
import { Activity } from './activity.entity';
import { PlanSection } from './plan-section.entity';
import { Plan } from './plan.entity';

/**
 * Entity classes of this module, for the data source. Apart from index.ts, so that registering
 * the entities loads neither the resolvers nor the services.
 */
export const planEntities: ClassType[] = [Plan, PlanSection, Activity, ActivityProgress, ActivityProgressChange];
