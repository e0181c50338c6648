export { AggregateResolver } from './aggregate.resolver';
export { AggregateService } from './aggregate.service';
export { AggregateFilter, AggregateResult, GroupBy } from './aggregate.types';
export { INDICATORS } from './catalogue';
export type { IndicatorDefinition } from './indicator';
export { LIVE_WINDOW_MS, LiveAggregates } from './live-aggregates';
