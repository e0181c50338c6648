import { Field, InputType } from 'type-graphql';
import { PlanLevel, ProgressStatus } from './plans.enums';

@InputType({ description: 'All given conditions must hold' })
export class ActivityFilter {
  @Field(() => String, { nullable: true, description: 'Activities of this plan, e.g. `shnor-roadmap-2023`' })
  planCode?: string | null;

  @Field(() => ProgressStatus, {
    nullable: true,
    description: "The activity's overall status, derived from its progress",
  })
  status?: ProgressStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'true: overdue only; false: not overdue only' })
  overdue?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Activities that concern the municipality: those with a progress target in it (the municipality itself or ' +
      'one of its schools), and those its МОУО executes (scope MUNICIPALITY or SCHOOL, «МОУО» among the ' +
      'executors) while no progress is recorded for them anywhere yet',
  })
  municipalityCode?: string | null;
}

@InputType({ description: 'Whose progress: the region, a municipality or a school' })
export class ProgressTargetInput {
  @Field(() => PlanLevel, { description: "Must be the activity's scope" })
  level: PlanLevel;

  @Field(() => String, {
    nullable: true,
    description: 'Required for MUNICIPALITY; optional for SCHOOL (then it must be the school’s municipality)',
  })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for SCHOOL' })
  schoolCode?: string | null;
}

@InputType({ description: 'The current state of an activity for one target; a change is appended to the history' })
export class RecordActivityProgressInput {
  @Field(() => String, { description: 'e.g. `shnor-roadmap-2023`' })
  planCode: string;

  @Field(() => String, { description: 'The activity number as written, e.g. «11», «3.10»' })
  activityNumber: string;

  @Field(() => ProgressTargetInput)
  target: ProgressTargetInput;

  @Field(() => ProgressStatus)
  status: ProgressStatus;

  @Field(() => String, { nullable: true, description: 'http(s) link to the evidence; empty clears it' })
  evidenceUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 2000 characters; empty clears it' })
  comment?: string | null;
}

@InputType({ description: 'Narrows an activity’s progress or history to a municipality, a school or a status' })
export class ProgressFilter {
  @Field(() => String, { nullable: true, description: 'The municipality itself or any of its schools' })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true })
  schoolCode?: string | null;

  @Field(() => ProgressStatus, { nullable: true })
  status?: ProgressStatus | null;
}
