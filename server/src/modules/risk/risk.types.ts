import { createUnionType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { GroupBy } from '../../analytics/aggregate.types';
import { listComplexity } from '../../graphql/query-limits';
import { PageInfo } from '../../graphql/pagination';
import { RiskChange, RiskLevel } from './risk-level';

@ObjectType({ description: 'Где лежат данные сигнала: домен, раздел карточки школы, ключ записи' })
export class RiskSignalSource {
  @Field(() => String, { description: 'vsoko, shnor, selfdiag, assessment, plan' })
  domain: string;

  @Field(() => String, {
    description: 'Section of the school card (its anchor): vsoko, shnor, self-diagnostics, assessments, plans',
  })
  section: string;

  @Field(() => String, {
    description: 'The record: campaign year; list year; year/round; procedure/year/subject/grade; plan:activity number',
  })
  key: string;
}

@ObjectType({ description: 'Одно основание сигнала: результат, запись списка, мероприятие' })
export class RiskEvidence {
  @Field(() => String, { description: 'In Russian, with the figures and the threshold' })
  explanation: string;

  @Field(() => RiskSignalSource)
  source: RiskSignalSource;

  @Field(() => Date, { description: 'When the record was written (a deadline: when it ran out)' })
  date: Date;
}

@ObjectType({ description: 'Сигнал раннего предупреждения по школе' })
export class RiskSignal {
  @Field(() => String, { description: 'The rule code, e.g. `assessment_share_2`' })
  code: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  domain: string;

  @Field(() => Int, { description: 'Its weight in the score (counted once however much evidence)' })
  weight: number;

  @Field(() => String, { description: 'In Russian, with the figures: the first evidence in full and how many more' })
  explanation: string;

  @Field(() => RiskSignalSource, { description: 'The source of the first evidence' })
  source: RiskSignalSource;

  @Field(() => Date, { description: 'The latest date among its evidence' })
  date: Date;

  @Field(() => [RiskEvidence], { complexity: listComplexity(5) })
  evidence: RiskEvidence[];
}

@ObjectType({ description: 'Картина рисков школы: уровень, сумма весов, сигналы и изменение за год' })
export class SchoolRisk {
  @Field(() => String)
  schoolCode: string;

  @Field(() => String, { description: 'Short name, or the full name' })
  schoolName: string;

  @Field(() => String)
  municipalityCode: string;

  @Field(() => String)
  municipalityName: string;

  @Field(() => String, { nullable: true })
  clusterCode: string | null;

  @Field(() => String, { nullable: true })
  clusterName: string | null;

  @Field(() => Boolean)
  isDemo: boolean;

  @Field(() => RiskLevel)
  level: RiskLevel;

  @Field(() => String, { description: 'The level in Russian' })
  levelTitle: string;

  @Field(() => Int, { description: 'Sum of the weights of its signals' })
  score: number;

  @Field(() => RiskLevel, { description: 'The level a year earlier (see `riskRules`: the previous period)' })
  previousLevel: RiskLevel;

  @Field(() => Int)
  previousScore: number;

  @Field(() => RiskChange)
  change: RiskChange;

  @Field(() => [String], { description: 'Codes of the signals on in the previous period' })
  previousSignalCodes: string[];

  @Field(() => [RiskSignal], { complexity: listComplexity(5) })
  signals: RiskSignal[];
}

@InputType({ description: 'Filters of the risk radar' })
export class RiskRadarFilter {
  @Field(() => [String], { nullable: true })
  municipalityCodes?: string[] | null;

  @Field(() => [String], { nullable: true })
  clusterCodes?: string[] | null;

  @Field(() => [RiskLevel], { nullable: true, description: 'Only schools at these levels' })
  levels?: RiskLevel[] | null;

  @Field(() => [String], { nullable: true, description: 'Only schools with at least one of these signals on' })
  signalCodes?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Include demo schools and demo data (default true: a fresh installation has only demo data)',
  })
  includeDemo?: boolean | null;
}

@ObjectType()
export class RiskSchoolEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => SchoolRisk)
  node: SchoolRisk;
}

@ObjectType({ description: 'Schools of your scope with their signals, highest level and score first' })
export class RiskSchoolConnection {
  @Field(() => [RiskSchoolEdge])
  edges: RiskSchoolEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Schools matching the filter in your scope, on all pages' })
  totalCount: number;

  @Field(() => Float, { description: 'Change-feed version the result reflects' })
  version: number;

  @Field(() => Date)
  computedAt: Date;
}

@ObjectType()
export class RiskLevelCount {
  @Field(() => RiskLevel)
  level: RiskLevel;

  @Field(() => String)
  title: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Counts of schools per level in a municipality, cluster or the region' })
export class RiskGroupRow {
  @Field(() => String, { description: 'Municipality or cluster code; `region`; `none` for schools without a cluster' })
  key: string;

  @Field(() => String)
  label: string;

  @Field(() => Int, { description: 'Schools counted (matching the filter)' })
  schoolCount: number;

  @Field(() => [RiskLevelCount], { description: 'Every level, lowest first' })
  counts: RiskLevelCount[];

  @Field(() => Float, { nullable: true, description: 'Share of schools at high risk, %; null without schools' })
  highShare: number | null;
}

@ObjectType({ description: 'Counts per level by group: whole for every signed-in role, like aggregates' })
export class RiskGroupCounts {
  @Field(() => GroupBy)
  groupBy: GroupBy;

  @Field(() => [RiskGroupRow], { complexity: listComplexity(20) })
  rows: RiskGroupRow[];

  @Field(() => Float)
  version: number;

  @Field(() => Date)
  computedAt: Date;
}

export const RiskRadar = createUnionType({
  name: 'RiskRadar',
  description: 'By SCHOOL: a page of schools with signals; by REGION, MUNICIPALITY or CLUSTER: counts per level',
  types: () => [RiskSchoolConnection, RiskGroupCounts] as const,
  resolveType: (value) => ('edges' in value ? RiskSchoolConnection : RiskGroupCounts),
});

export type RiskRadarResult = RiskSchoolConnection | RiskGroupCounts;
