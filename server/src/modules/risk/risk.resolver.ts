import { Arg, Ctx, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { GroupBy } from '../../analytics/aggregate.types';
import type { HubContext } from '../../graphql/context';
import { HubError } from '../../graphql/errors';
import { pageComplexity } from '../../graphql/query-limits';
import { AuthErrorCode } from '../users/users.errors';
import { scopedRadar } from './live-risk';
import { RiskLevel } from './risk-level';
import { RiskLevelCutoff, RiskSignalRule } from './risk-rule.entity';
import { RiskRulesService } from './risk-rules.service';
import { RiskErrorCode } from './risk.errors';
import { UpdateRiskRuleInput } from './risk.inputs';
import { RiskRadar, RiskRadarFilter, SchoolRisk, type RiskRadarResult } from './risk.types';

@Resolver()
export class RiskResolver {
  @Query(() => [RiskSignalRule], { description: 'The early-warning rules: weights, thresholds, switches' })
  riskRules(@Ctx() ctx: HubContext): Promise<RiskSignalRule[]> {
    return new RiskRulesService(ctx.em).rules();
  }

  @Query(() => [RiskLevelCutoff], { description: 'The scores the levels begin at, lowest first' })
  riskLevels(@Ctx() ctx: HubContext): Promise<RiskLevelCutoff[]> {
    return new RiskRulesService(ctx.em).levels();
  }

  @Query(() => SchoolRisk, {
    description:
      'A school’s early-warning picture: level, score, signals with explanations and sources, change in a year. ' +
      'Only for a school in your scope',
  })
  async schoolRisk(
    @Arg('code', () => String) code: string,
    @Arg('includeDemo', () => Boolean, { nullable: true, defaultValue: true }) includeDemo: boolean,
    @Ctx() ctx: HubContext,
  ): Promise<SchoolRisk> {
    // Row-level security of the request decides; the owner only tells "not yours" from "no such school".
    const [visible] = await ctx.em.query(`SELECT code FROM school WHERE code = $1`, [code]);
    if (!visible) {
      const [exists] = await ctx.dataSource.query(`SELECT 1 FROM school WHERE code = $1`, [code]);
      if (exists) {
        throw new HubError(AuthErrorCode.FORBIDDEN, `Школа «${code}» не входит в вашу область доступа`);
      }
      throw new HubError(RiskErrorCode.UNKNOWN_SCHOOL, `Школа с кодом «${code}» не найдена`);
    }
    const state = await ctx.risk.service.state(includeDemo);
    const risk = state.bySchool.get(code);
    if (!risk) {
      throw new HubError(
        RiskErrorCode.UNKNOWN_SCHOOL,
        `Школа «${code}» — демонстрационная и не входит в расчёт без демо-данных`,
      );
    }
    return risk;
  }

  @Query(() => RiskRadar, {
    complexity: pageComplexity,
    description:
      'By SCHOOL: schools of your scope with their signals, highest level and score first, paged; ' +
      'by REGION, MUNICIPALITY or CLUSTER: counts per level over every school',
  })
  riskRadar(
    @Arg('filter', () => RiskRadarFilter, { nullable: true }) filter: RiskRadarFilter | null,
    @Arg('groupBy', () => GroupBy, { defaultValue: GroupBy.SCHOOL }) groupBy: GroupBy,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<RiskRadarResult> {
    return scopedRadar(ctx.risk.service, ctx.schoolScopes, ctx.actor, { filter, groupBy, first }, after);
  }

  @Subscription(() => RiskRadar, {
    complexity: pageComplexity,
    description:
      'The radar now, then whenever what it shows changes (at most one message per 250 ms); ' +
      'by SCHOOL the first page, only schools in your scope',
    subscribe: ({ args, context }) => {
      const ctx = context as HubContext;
      return ctx.risk.live.subscribe(ctx.actor, {
        filter: args.filter as RiskRadarFilter | null,
        groupBy: args.groupBy as GroupBy,
        first: args.first as number | null,
      });
    },
  })
  riskRadarUpdated(
    @Arg('filter', () => RiskRadarFilter, { nullable: true }) _filter: RiskRadarFilter | null,
    @Arg('groupBy', () => GroupBy, { defaultValue: GroupBy.SCHOOL }) _groupBy: GroupBy,
    @Arg('first', () => Int, { nullable: true }) _first: number | null,
    @Root() result: RiskRadarResult,
  ): RiskRadarResult {
    return result;
  }

  @Mutation(() => RiskSignalRule, { description: 'Changes a rule’s weight, thresholds or switch (region admin)' })
  updateRiskRule(
    @Arg('input', () => UpdateRiskRuleInput) input: UpdateRiskRuleInput,
    @Ctx() ctx: HubContext,
  ): Promise<RiskSignalRule> {
    return new RiskRulesService(ctx.em).updateRule(input.code, input, ctx.actor);
  }

  @Mutation(() => [RiskLevelCutoff], { description: 'Moves the score a level begins at (region admin)' })
  setRiskLevelCutoff(
    @Arg('level', () => RiskLevel) level: RiskLevel,
    @Arg('minScore', () => Int) minScore: number,
    @Ctx() ctx: HubContext,
  ): Promise<RiskLevelCutoff[]> {
    return new RiskRulesService(ctx.em).setCutoff(level, minScore, ctx.actor);
  }
}
