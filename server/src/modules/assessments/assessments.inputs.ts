import { Field, InputType, Int } from 'type-graphql';
import { SchoolSetFilter } from '../shared/school-set-filter';

@InputType({ description: 'All given conditions must hold; a list matches any of its values' })
export class AssessmentFilter extends SchoolSetFilter {
  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => [Int], { nullable: true })
  years?: number[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'VPR, OGE, EGE, GVE, REGIONAL_DIAGNOSTICS, FUNCTIONAL_LITERACY',
  })
  procedureCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'e.g. RUSSIAN, MATHEMATICS_PROFILE' })
  subjectCodes?: string[] | null;

  @Field(() => [Int], { nullable: true })
  grades?: number[] | null;
}

@InputType({ description: 'AssessmentFilter plus participant codes' })
export class ParticipantResultFilter extends AssessmentFilter {
  @Field(() => [String], { nullable: true })
  participantCodes?: string[] | null;
}
