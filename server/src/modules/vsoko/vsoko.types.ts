import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/pagination';
import { VsokoPassportItem } from './vsoko-campaign-parts.entity';
import { VsokoEvaluation } from './vsoko-evaluation.entity';
import { VsokoZoneCode } from './vsoko-zone';

@ObjectType({ description: 'Балл блока и его риск в результате мониторинга' })
export class VsokoBlockResult {
  @Field(() => Int)
  number: number;

  @Field(() => String)
  name: string;

  @Field(() => Int, { nullable: true, description: 'Null when the block was not scored' })
  score: number | null;

  @Field(() => Int, { description: 'The block maximum' })
  max: number;

  @Field(() => Int, { description: 'The minimum threshold' })
  threshold: number;

  @Field(() => Boolean, { description: 'Score below the threshold (equal is not a risk)' })
  risky: boolean;

  @Field(() => String, { description: 'The named risk of the block (Таблица 2)' })
  risk: string;

  @Field(() => String, { description: 'The risk indicator of the block (Таблица 2)' })
  riskIndicator: string;
}

@ObjectType({ description: 'Зона риска' })
export class VsokoZone {
  @Field(() => VsokoZoneCode)
  code: VsokoZoneCode;

  @Field(() => String, { description: 'e.g. «Умеренный риск»' })
  title: string;
}

@ObjectType({ description: 'Паспорт участника мониторинга' })
export class VsokoPassport {
  @Field(() => [VsokoPassportItem], {
    nullable: true,
    description: 'Management positions the school marked as existing, in passport order; null when not reported',
  })
  managementPositions: VsokoPassportItem[] | null;

  @Field(() => Int, { nullable: true, description: 'Педагогических работников, включая совместителей' })
  teacherCount: number | null;

  @Field(() => Int, { nullable: true, description: 'Обучающихся в контингенте' })
  studentCount: number | null;
}

@ObjectType({ description: 'Ссылка на один из документов перечня' })
export class VsokoEvaluationDocument {
  @Field(() => String)
  code: string;

  @Field(() => String)
  title: string;

  @Field(() => Boolean, { description: 'Marked «(при наличии)» in the list' })
  optional: boolean;

  @Field(() => String, { nullable: true, description: 'The link as given; null when none' })
  url: string | null;

  @Field(() => Boolean, {
    description: 'Counts as provided: a direct link to a document file or a document viewer, not a site page',
  })
  provided: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why it does not count as provided (Russian); null when it does',
  })
  notProvidedReason: string | null;
}

@ObjectType()
export class VsokoEvaluationEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => VsokoEvaluation)
  node: VsokoEvaluation;
}

@ObjectType({ description: 'A page of ВСОКО evaluations; `totalCount` is counted only when asked for' })
export class VsokoEvaluationConnection {
  @Field(() => [VsokoEvaluationEdge])
  edges: VsokoEvaluationEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Evaluations matching the filter, on all pages' })
  totalCount: number | (() => Promise<number>);
}
