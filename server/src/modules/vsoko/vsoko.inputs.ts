import { Field, InputType, Int } from 'type-graphql';
import { VsokoZoneCode } from './vsoko-zone';
import { SchoolSetFilter } from '../shared/school-set-filter';

@InputType()
export class VsokoBlockScoreInput {
  @Field(() => Int, { description: 'Block number, 1…4 in 2024' })
  number: number;

  @Field(() => Int, { description: 'Integer from 0 to the block maximum' })
  score: number;
}

@InputType({ description: 'Omitted fields keep what is stored; null clears them' })
export class VsokoPassportInput {
  @Field(() => [String], {
    nullable: true,
    description: 'Codes of the management positions that exist (passport items of kind POSITION)',
  })
  managementPositions?: string[] | null;

  @Field(() => Int, { nullable: true })
  teacherCount?: number | null;

  @Field(() => Int, { nullable: true })
  studentCount?: number | null;
}

@InputType()
export class VsokoDocumentLinkInput {
  @Field(() => String, { description: 'Document code from the campaign list, e.g. `self-examination-report`' })
  code: string;

  @Field(() => String, { nullable: true, description: 'The link; null or empty removes it' })
  url?: string | null;
}

@InputType({
  description:
    'A school’s evaluation in a campaign, recorded by school and year (a second call updates it). ' +
    'Block scores are replaced; an omitted expert, passport or document keeps what is stored, null clears it.',
})
export class RecordVsokoEvaluationInput {
  @Field(() => String)
  schoolCode: string;

  @Field(() => Int, { description: 'The campaign year' })
  year: number;

  @Field(() => [VsokoBlockScoreInput], { description: 'A score for every block of the campaign' })
  blocks: VsokoBlockScoreInput[];

  @Field(() => String, { nullable: true })
  expert?: string | null;

  @Field(() => VsokoPassportInput, { nullable: true })
  passport?: VsokoPassportInput | null;

  @Field(() => [VsokoDocumentLinkInput], {
    nullable: true,
    description: 'Links to set, by document; documents not listed keep their links',
  })
  documents?: VsokoDocumentLinkInput[] | null;
}

@InputType({ description: 'All given conditions must hold; a list matches any of its values' })
export class VsokoEvaluationFilter extends SchoolSetFilter {
  @Field(() => Int, { nullable: true, description: 'Campaign year' })
  year?: number | null;

  @Field(() => [VsokoZoneCode], { nullable: true })
  zones?: VsokoZoneCode[] | null;

  @Field(() => [Int], { nullable: true, description: 'Evaluations where any of these blocks is a risk' })
  riskyBlocks?: number[] | null;
}
