import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ShnorListing } from './shnor-listing.entity';
import { ShnorFailureMeasure, ShnorRuleBranch } from './shnor-rule';
import { listComplexity } from '../../graphql/query-limits';

registerEnumType(ShnorRuleBranch, {
  name: 'ShnorRuleBranch',
  description: 'Which part of the ШНОР-candidate rule a result supports',
  valuesConfig: {
    TWO_PROCEDURES_ONE_YEAR: { description: '≥ 30 % ниже минимума в двух и более процедурах за год' },
    SAME_PROCEDURE_TWO_YEARS: { description: '≥ 30 % ниже минимума в одной процедуре два года подряд' },
  },
});

registerEnumType(ShnorFailureMeasure, {
  name: 'ShnorFailureMeasure',
  valuesConfig: {
    MARK_2: { description: 'Доля «2» среди получивших отметку' },
    BELOW_MINIMUM: { description: 'Доля не преодолевших минимальный балл ЕГЭ' },
  },
});

@ObjectType({ description: 'A result that meets the ШНОР-candidate threshold' })
export class ShnorCandidateEvidence {
  @Field(() => ShnorRuleBranch)
  branch: ShnorRuleBranch;

  @Field(() => String)
  procedureCode: string;

  @Field(() => String)
  subjectCode: string;

  @Field(() => Int, { nullable: true })
  grade: number | null;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  participants: number;

  @Field(() => ShnorFailureMeasure)
  measure: ShnorFailureMeasure;

  @Field(() => Int, { description: 'Participants with «2» (or below the ЕГЭ minimum)' })
  count: number;

  @Field(() => Int, { description: 'The denominator of the share: participants with a mark, or all (ЕГЭ minimum)' })
  outOf: number;

  @Field(() => Float, { description: 'count / outOf (0…1)' })
  share: number;
}

@ObjectType({ description: 'A school that meets the ШНОР-candidate rule in a year, with the results that show it' })
export class ShnorCandidate {
  @Field(() => String)
  schoolCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => [ShnorRuleBranch])
  branches: ShnorRuleBranch[];

  @Field(() => [ShnorCandidateEvidence], { complexity: listComplexity(6) })
  evidence: ShnorCandidateEvidence[];

  @Field(() => Boolean, {
    description: 'Already on the list of that year or of the next (lists are drawn from the previous year’s results)',
  })
  listed: boolean;

  @Field(() => [ShnorListing], { complexity: listComplexity(2), description: 'The listings of that year and the next' })
  listings: ShnorListing[];
}
