import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { listComplexity } from '../../graphql/query-limits';
import { Activity } from './activity.entity';
import { PlanSection } from './plan-section.entity';
import { Plan } from './plan.entity';
import { PlansService, planStats, type PlanStats } from './plans.service';

async function statsOf(plan: Plan, ctx: HubContext): Promise<PlanStats> {
  return planStats(await ctx.loaders.planActivityStatesByPlan.load(plan.code), ctx.loaders.plansToday());
}

@Resolver(() => Plan)
export class PlansResolver {
  @Query(() => [Plan], {
    complexity: listComplexity(4),
    description: 'The department’s plans: ШНОР roadmap, «Школа Минпросвещения», regional model, seminar decisions',
  })
  async plans(@Ctx() ctx: HubContext): Promise<Plan[]> {
    const list = await new PlansService(ctx.em).listPlans();
    for (const p of list) ctx.loaders.planByCode.prime(p.code, p);
    return list;
  }

  @Query(() => Plan, { nullable: true, description: 'A plan by its code, e.g. `shnor-roadmap-2023`' })
  plan(@Arg('code', () => String) code: string, @Ctx() ctx: HubContext): Promise<Plan | null> {
    return ctx.loaders.planByCode.load(code);
  }

  @FieldResolver(() => [PlanSection], { complexity: listComplexity(4), description: 'Sections in document order' })
  sections(@Root() plan: Plan, @Ctx() ctx: HubContext): Promise<PlanSection[]> {
    return ctx.loaders.planSectionsByPlan.load(plan.code);
  }

  @FieldResolver(() => Int)
  async activityCount(@Root() plan: Plan, @Ctx() ctx: HubContext): Promise<number> {
    return (await statsOf(plan, ctx)).activityCount;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Share of activities done (0…1): done activities / all activities; null for a plan without activities',
  })
  async doneShare(@Root() plan: Plan, @Ctx() ctx: HubContext): Promise<number | null> {
    const stats = await statsOf(plan, ctx);
    return stats.activityCount === 0 ? null : stats.doneCount / stats.activityCount;
  }

  @FieldResolver(() => Int, {
    description: 'Activities overdue today (in Tomsk): past their deadline end and not done',
  })
  async overdueCount(@Root() plan: Plan, @Ctx() ctx: HubContext): Promise<number> {
    return (await statsOf(plan, ctx)).overdueCount;
  }
}

@Resolver(() => PlanSection)
export class PlanSectionResolver {
  @FieldResolver(() => Plan)
  async plan(@Root() section: PlanSection, @Ctx() ctx: HubContext): Promise<Plan> {
    const plan = await ctx.loaders.planByCode.load(section.planCode);
    if (!plan) throw new Error(`Section ${section.id} names a missing plan`);
    return plan;
  }

  @FieldResolver(() => [Activity], { complexity: listComplexity(6), description: 'Activities in document order' })
  activities(@Root() section: PlanSection, @Ctx() ctx: HubContext): Promise<Activity[]> {
    return ctx.loaders.planActivitiesBySection.load(section.id);
  }
}
