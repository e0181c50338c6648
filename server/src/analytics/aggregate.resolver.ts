import { Arg, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { HubContext } from '../graphql/context';
import { scopeAggregate, scopeAggregates } from './aggregate-scope';
import { AggregateFilter, AggregateResult, GroupBy, Indicator } from './aggregate.types';
import { INDICATORS } from './catalogue';

@Resolver()
export class AggregateResolver {
  @Query(() => [Indicator], { description: 'The indicator catalogue' })
  indicators(): Indicator[] {
    return [...INDICATORS.values()].map((i) => ({
      code: i.code,
      title: i.title,
      unit: i.unit,
      description: i.description,
      domain: i.domains[0]!,
      filters: [...i.filters],
      numerator: i.numerator,
      denominator: i.denominator,
    }));
  }

  @Query(() => AggregateResult, {
    description:
      'An indicator summed by region, municipality, cluster or school; school rows only of schools in your scope',
  })
  async aggregate(
    @Arg('indicator', () => String) indicator: string,
    @Arg('groupBy', () => GroupBy) groupBy: GroupBy,
    @Arg('filter', () => AggregateFilter, { nullable: true }) filter: AggregateFilter | null,
    @Ctx() ctx: HubContext,
  ): Promise<AggregateResult> {
    const result = await ctx.analytics.aggregates.aggregate(indicator, groupBy, filter);
    ctx.request.answered?.push({ indicator, groupBy, filter, result });
    return scopeAggregate(result, ctx.actor, ctx.schoolScopes);
  }

  @Subscription(() => AggregateResult, {
    description:
      'The aggregate now, then every change (at most one message per 250 ms per subscription); school rows only of schools in your scope',
    subscribe: ({ args, context }) => {
      const ctx = context as HubContext;
      const live = ctx.analytics.live.subscribe(
        args.indicator as string,
        args.groupBy as GroupBy,
        args.filter as AggregateFilter | null,
      );
      return scopeAggregates(live, ctx.actor, ctx.schoolScopes);
    },
  })
  aggregateUpdated(
    @Arg('indicator', () => String) _indicator: string,
    @Arg('groupBy', () => GroupBy) _groupBy: GroupBy,
    @Arg('filter', () => AggregateFilter, { nullable: true }) _filter: AggregateFilter | null,
    @Root() result: AggregateResult,
  ): AggregateResult {
    return result;
  }
}
