import { LocalDateResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { PlanLevel, RecurrenceKind } from './plans.enums';

@ObjectType({ description: 'An inclusive range of whole numbers' })
export class IntRange {
  @Field(() => Int)
  min: number;

  @Field(() => Int)
  max: number;
}

@ObjectType({ description: 'Периодичность: «Ежемесячно», «1-2 раза в квартал», «Постоянно»' })
export class DeadlineRecurrence {
  @Field(() => RecurrenceKind)
  kind: RecurrenceKind;

  @Field(() => IntRange, { nullable: true, description: 'Times per period; null for CONTINUOUS and ON_REQUEST' })
  timesPerPeriod: IntRange | null;
}

@ObjectType({ description: 'Срок: как написан в документе и как понят' })
export class ActivityDeadline {
  @Field(() => String, { description: 'As written: «Март 2023г.», «В течение года», «до 15 сентября»' })
  text: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day (inclusive); null when not given' })
  start: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Last day (inclusive): unfinished work is overdue after it; null when there is none',
  })
  end: string | null;

  @Field(() => DeadlineRecurrence, { nullable: true })
  recurrence: DeadlineRecurrence | null;

  @Field(() => Boolean, { description: 'False when the text could not be read as a deadline: never overdue then' })
  parsed: boolean;
}

@ObjectType({ description: 'Целевое значение: «68 школьных программ», «17 экспертиз»' })
export class ActivityTarget {
  @Field(() => Int)
  value: number;

  @Field(() => String)
  unit: string;
}

/** Who progress is recorded for; `municipality` and `school` are resolved by loaders. */
@ObjectType({ description: 'Цель исполнения: регион, муниципалитет или школа' })
export class ProgressTarget {
  @Field(() => PlanLevel)
  level: PlanLevel;

  municipalityCode: string | null;
  schoolCode: string | null;
}

@ObjectType({ description: 'Targets of an activity by status; `overdue` counts the unfinished ones past the deadline' })
export class ProgressSummary {
  @Field(() => Int, { description: 'Targets with a progress record' })
  targets: number;

  @Field(() => Int)
  planned: number;

  @Field(() => Int)
  inProgress: number;

  @Field(() => Int)
  done: number;

  @Field(() => Int)
  overdue: number;
}
