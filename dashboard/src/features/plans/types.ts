import type { ActivityDetailQuery, PlanDetailQuery } from '../../generated/graphql';

export type PlanData = NonNullable<PlanDetailQuery['plan']>;
export type ActivityData = PlanData['sections'][number]['activities'][number];
export type ProgressData = NonNullable<ActivityDetailQuery['activity']>['progress'][number];
export type HistoryData = NonNullable<ActivityDetailQuery['activity']>['history'][number];
