import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { listComplexity } from '../../graphql/query-limits';
import { Municipality } from '../municipalities/municipality.entity';
import { School } from '../schools/school.entity';
import { isOverdue } from './activity-state';
import { ActivityProgressChange } from './activity-progress-change.entity';
import { ActivityProgress } from './activity-progress.entity';
import { Activity } from './activity.entity';
import { RecordActivityProgressInput } from './plans.inputs';
import { ProgressTarget } from './plans.types';
import { ProgressService } from './progress.service';

function targetOf(row: ActivityProgress | ActivityProgressChange): ProgressTarget {
  return { level: row.targetLevel, municipalityCode: row.municipalityCode, schoolCode: row.schoolCode };
}

async function activityOf(row: ActivityProgress | ActivityProgressChange, ctx: HubContext): Promise<Activity> {
  const activity = await ctx.loaders.planActivityById.load(row.activityId);
  if (!activity) throw new Error(`Progress names a missing activity ${row.activityId}`);
  return activity;
}

@Resolver(() => ActivityProgress)
export class ActivityProgressResolver {
  @Mutation(() => ActivityProgress, {
    description:
      'Records the current state of an activity for a target (upsert) and appends the change to the history. ' +
      'Errors carry PLANS_… codes; bad input changes nothing; a state equal to the current one records nothing.',
  })
  recordActivityProgress(
    @Arg('input', () => RecordActivityProgressInput) input: RecordActivityProgressInput,
    @Ctx() ctx: HubContext,
  ): Promise<ActivityProgress> {
    return new ProgressService(ctx.em).record(
      { planCode: input.planCode, activityNumber: input.activityNumber },
      input.target,
      { status: input.status, evidenceUrl: input.evidenceUrl, comment: input.comment },
      ctx.actor,
    );
  }

  @FieldResolver(() => Activity)
  activity(@Root() row: ActivityProgress, @Ctx() ctx: HubContext): Promise<Activity> {
    return activityOf(row, ctx);
  }

  @FieldResolver(() => ProgressTarget)
  target(@Root() row: ActivityProgress): ProgressTarget {
    return targetOf(row);
  }

  @FieldResolver(() => Boolean, { description: "Past the activity's deadline end (today in Tomsk) and not done" })
  async overdue(@Root() row: ActivityProgress, @Ctx() ctx: HubContext): Promise<boolean> {
    return isOverdue((await activityOf(row, ctx)).deadlineEnd, row.status, ctx.loaders.plansToday());
  }
}

@Resolver(() => ActivityProgressChange)
export class ActivityProgressChangeResolver {
  @FieldResolver(() => Activity)
  activity(@Root() row: ActivityProgressChange, @Ctx() ctx: HubContext): Promise<Activity> {
    return activityOf(row, ctx);
  }

  @FieldResolver(() => ProgressTarget)
  target(@Root() row: ActivityProgressChange): ProgressTarget {
    return targetOf(row);
  }
}

@Resolver(() => ProgressTarget)
export class ProgressTargetResolver {
  @FieldResolver(() => Municipality, {
    nullable: true,
    description: "The municipality; for a school, the school's municipality; null for the region",
  })
  municipality(@Root() target: ProgressTarget, @Ctx() ctx: HubContext): Promise<Municipality | null> | null {
    return target.municipalityCode === null ? null : ctx.loaders.municipalityByCode.load(target.municipalityCode);
  }

  @FieldResolver(() => School, { nullable: true })
  school(@Root() target: ProgressTarget, @Ctx() ctx: HubContext): Promise<School | null> | null {
    return target.schoolCode === null ? null : ctx.loaders.schoolByCode.load(target.schoolCode);
  }
}

/** `School.planProgress`: the plans module owns the data, so the field lives here. */
@Resolver(() => School)
export class SchoolPlanProgressResolver {
  @FieldResolver(() => [ActivityProgress], {
    complexity: listComplexity(10),
    description: 'Progress entries whose target is this school, in plan and document order',
  })
  planProgress(@Root() school: School, @Ctx() ctx: HubContext): Promise<ActivityProgress[]> {
    return ctx.loaders.planProgressBySchool.load(school.code);
  }
}
