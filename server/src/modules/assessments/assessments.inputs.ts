import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'All given conditions must hold; a list matches any of its values' })
export class AssessmentFilter {
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

  @Field(() => [String], { nullable: true })
  schoolCodes?: string[] | null;

  @Field(() => [String], { nullable: true })
  municipalityCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Cluster codes: K1…K5' })
  clusterCodes?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: demo results only; false: real results only' })
  isDemo?: boolean | null;
}

@InputType({ description: 'AssessmentFilter plus participant codes' })
export class ParticipantResultFilter extends AssessmentFilter {
  @Field(() => [String], { nullable: true })
  participantCodes?: string[] | null;
}
