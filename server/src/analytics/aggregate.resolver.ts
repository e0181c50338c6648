import { Arg, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { HubContext } from '../graphql/context';
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

  @Query(() => AggregateResult, { description: 'An indicator summed by region, municipality, cluster or school' })
  aggregate(
    @Arg('indicator', () => String) indicator: string,
    @Arg('groupBy', () => GroupBy) groupBy: GroupBy,
    @Arg('filter', () => AggregateFilter, { nullable: true }) filter: AggregateFilter | null,
    @Ctx() ctx: HubContext,
  ): Promise<AggregateResult> {
    return ctx.analytics.aggregates.aggregate(indicator, groupBy, filter);
  }

  @Subscription(() => AggregateResult, {
    description: 'The aggregate now, then every change (at most one message per 250 ms per subscription)',
    subscribe: ({ args, context }) =>
      (context as HubContext).analytics.live.subscribe(
        args.indicator as string,
        args.groupBy as GroupBy,
        args.filter as AggregateFilter | null,
      ),
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
