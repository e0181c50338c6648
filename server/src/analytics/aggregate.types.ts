import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { listComplexity } from '../graphql/query-limits';

export enum GroupBy {
  REGION = 'REGION',
  MUNICIPALITY = 'MUNICIPALITY',
  CLUSTER = 'CLUSTER',
  SCHOOL = 'SCHOOL',
}

registerEnumType(GroupBy, {
  name: 'GroupBy',
  valuesConfig: {
    REGION: { description: 'One row: the region' },
    MUNICIPALITY: { description: 'One row per municipality (all 20, empty ones included)' },
    CLUSTER: { description: 'One row per school cluster' },
    SCHOOL: { description: 'One row per school that has data' },
  },
});

/** The dimension filters an indicator may support. */
export const DIMENSION_FILTERS = [
  'year',
  'procedure',
  'subject',
  'grade',
  'round',
  'campaignYear',
  'block',
  'plan',
] as const;
export type DimensionFilter = (typeof DIMENSION_FILTERS)[number];

@InputType({ description: 'Filters of an aggregate; each indicator lists the dimension filters it supports' })
export class AggregateFilter {
  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Procedure code: VPR, OGE, EGE…' })
  procedure?: string | null;

  @Field(() => String, { nullable: true, description: 'Subject code' })
  subject?: string | null;

  @Field(() => Int, { nullable: true })
  grade?: number | null;

  @Field(() => Int, { nullable: true, description: 'Self-diagnostics round: 1 or 2' })
  round?: number | null;

  @Field(() => Int, { nullable: true, description: 'ВСОКО campaign year' })
  campaignYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'ВСОКО block, 1–4 (per-block indicators)' })
  block?: number | null;

  @Field(() => String, { nullable: true, description: 'Plan code, e.g. shnor-roadmap-2023' })
  plan?: string | null;

  @Field(() => [String], { nullable: true })
  municipalityCodes?: string[] | null;

  @Field(() => [String], { nullable: true })
  clusterCodes?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Include demo schools and demo data (default true: a fresh installation has only demo data)',
  })
  includeDemo?: boolean | null;
}

@ObjectType({ description: 'An indicator of the catalogue: every figure on a dashboard is one' })
export class Indicator {
  @Field(() => String, { description: 'Stable code, e.g. `vsoko.high_risk_share`' })
  code: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: '%, школ, балл…' })
  unit: string;

  @Field(() => String, { description: 'Definition: what the numerator and the denominator count' })
  description: string;

  @Field(() => String, { description: 'Its data domain: school, vsoko, shnor, plan, selfdiag, assessment' })
  domain: string;

  @Field(() => [String], { description: 'Dimension filters it supports (AggregateFilter fields)' })
  filters: string[];

  @Field(() => String, { description: 'What the numerator counts' })
  numerator: string;

  @Field(() => String, { description: 'What the denominator counts' })
  denominator: string;
}

@ObjectType()
export class AggregateRow {
  @Field(() => String, { description: 'Municipality, cluster or school code; `region` for the region' })
  key: string;

  @Field(() => String)
  label: string;

  @Field(() => Float, { nullable: true, description: 'Null when the denominator is 0 (no data)' })
  value: number | null;

  @Field(() => Float)
  numerator: number;

  @Field(() => Float)
  denominator: number;
}

@ObjectType()
export class AggregateResult {
  @Field(() => String)
  indicator: string;

  @Field(() => GroupBy)
  groupBy: GroupBy;

  @Field(() => [AggregateRow], { complexity: listComplexity(300) })
  rows: AggregateRow[];

  @Field(() => Float, { description: 'Change-feed version the result reflects; grows with every change' })
  version: number;

  @Field(() => Date)
  computedAt: Date;
}
