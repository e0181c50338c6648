import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { listComplexity } from '../../graphql/query-limits';
import { activityStatus, isOverdue, NO_PROGRESS, type ProgressStatusValue } from './activity-state';
import { ActivityProgressChange } from './activity-progress-change.entity';
import { ActivityProgress } from './activity-progress.entity';
import { Activity } from './activity.entity';
import { PlanSection } from './plan-section.entity';
import { Plan } from './plan.entity';
import { ProgressStatus } from './plans.enums';
import { ActivityFilter, ProgressFilter } from './plans.inputs';
import { PlansService } from './plans.service';
import { ActivityDeadline, ActivityTarget, ProgressSummary } from './plans.types';

async function statusOf(activity: Activity, ctx: HubContext): Promise<ProgressStatusValue> {
  return activityStatus((await ctx.loaders.planActivityState.load(activity.id)) ?? NO_PROGRESS);
}

@Resolver(() => Activity)
export class ActivitiesResolver {
  @Query(() => [Activity], {
    complexity: listComplexity(80),
    description: 'Activities of all plans in plan and document order, filtered',
  })
  async activities(
    @Arg('filter', () => ActivityFilter, { nullable: true }) filter: ActivityFilter | null,
    @Ctx() ctx: HubContext,
  ): Promise<Activity[]> {
    const { activities, states } = await new PlansService(ctx.em).listActivities(filter, ctx.loaders.plansToday());
    for (const [id, state] of states) ctx.loaders.planActivityState.prime(id, state);
    for (const a of activities) ctx.loaders.planActivityById.prime(a.id, a);
    return activities;
  }

  @Query(() => Activity, { nullable: true, description: 'An activity by its id, e.g. `shnor-roadmap-2023:11`' })
  async activity(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<Activity | null> {
    const at = id.indexOf(':');
    if (at < 0) return null;
    return new PlansService(ctx.em).activityByKey(id.slice(0, at), id.slice(at + 1));
  }

  @FieldResolver(() => PlanSection)
  async section(@Root() activity: Activity, @Ctx() ctx: HubContext): Promise<PlanSection> {
    const section = await ctx.loaders.planSectionById.load(activity.sectionId);
    if (!section) throw new Error(`Activity ${activity.id} names a missing section`);
    return section;
  }

  @FieldResolver(() => Plan)
  async plan(@Root() activity: Activity, @Ctx() ctx: HubContext): Promise<Plan> {
    const plan = await ctx.loaders.planByCode.load(activity.planCode);
    if (!plan) throw new Error(`Activity ${activity.id} names a missing plan`);
    return plan;
  }

  @FieldResolver(() => ActivityDeadline)
  deadline(@Root() a: Activity): ActivityDeadline {
    return {
      text: a.deadlineText,
      start: a.deadlineStart,
      end: a.deadlineEnd,
      parsed: a.deadlineParsed,
      recurrence: a.deadlineRecurrence && {
        kind: a.deadlineRecurrence,
        timesPerPeriod:
          a.deadlineTimesMin === null
            ? null
            : { min: a.deadlineTimesMin, max: a.deadlineTimesMax ?? a.deadlineTimesMin },
      },
    };
  }

  @FieldResolver(() => ActivityTarget, { nullable: true, description: 'Целевое значение, when the document names one' })
  target(@Root() a: Activity): ActivityTarget | null {
    return a.targetValue === null || a.targetUnit === null ? null : { value: a.targetValue, unit: a.targetUnit };
  }

  @FieldResolver(() => ProgressStatus, {
    description:
      'Overall status from the targets’ progress: DONE when every recorded target is done; IN_PROGRESS when any ' +
      'has moved; PLANNED otherwise, also when nothing is recorded',
  })
  async status(@Root() activity: Activity, @Ctx() ctx: HubContext): Promise<ProgressStatus> {
    return (await statusOf(activity, ctx)) as ProgressStatus;
  }

  @FieldResolver(() => Boolean, {
    description: 'Past the deadline end (today in Tomsk) and not done; never for a deadline without an end',
  })
  async overdue(@Root() activity: Activity, @Ctx() ctx: HubContext): Promise<boolean> {
    return isOverdue(activity.deadlineEnd, await statusOf(activity, ctx), ctx.loaders.plansToday());
  }

  @FieldResolver(() => ProgressSummary)
  async progressSummary(@Root() activity: Activity, @Ctx() ctx: HubContext): Promise<ProgressSummary> {
    const counts = (await ctx.loaders.planActivityState.load(activity.id)) ?? NO_PROGRESS;
    const late = isOverdue(activity.deadlineEnd, 'planned', ctx.loaders.plansToday());
    return {
      targets: counts.planned + counts.inProgress + counts.done,
      planned: counts.planned,
      inProgress: counts.inProgress,
      done: counts.done,
      overdue: late ? counts.planned + counts.inProgress : 0,
    };
  }

  @FieldResolver(() => [ActivityProgress], {
    complexity: listComplexity(20),
    description: 'Current progress per target: the region, then municipalities, then schools',
  })
  progress(
    @Root() activity: Activity,
    @Arg('filter', () => ProgressFilter, { nullable: true }) filter: ProgressFilter | null,
    @Ctx() ctx: HubContext,
  ): Promise<ActivityProgress[]> {
    return ctx.loaders.planProgressByActivity.load({ activityId: activity.id, filter: filter ?? null });
  }

  @FieldResolver(() => [ActivityProgressChange], {
    complexity: listComplexity(40),
    description: 'Every change of the progress, newest first',
  })
  history(
    @Root() activity: Activity,
    @Arg('filter', () => ProgressFilter, { nullable: true }) filter: ProgressFilter | null,
    @Ctx() ctx: HubContext,
  ): Promise<ActivityProgressChange[]> {
    return ctx.loaders.planHistoryByActivity.load({ activityId: activity.id, filter: filter ?? null });
  }
}
