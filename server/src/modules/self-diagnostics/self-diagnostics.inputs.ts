import { Field, InputType, Int } from 'type-graphql';
import { SelfDiagnosticLevel } from './self-diagnostic-level';

@InputType()
export class SelfDiagnosticScoreInput {
  @Field(() => String, { description: 'Direction code, e.g. `knowledge` (see selfDiagnosticDirections)' })
  directionCode: string;

  @Field(() => Int, { description: 'Non-negative integer' })
  score: number;
}

@InputType({
  description:
    'A school’s self-diagnostic result in one round, as the federal platform gave it. A second submission for the ' +
    'same school, year and round replaces the first.',
})
export class SubmitSelfDiagnosticInput {
  @Field(() => String)
  schoolCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'Этап: 1 or 2' })
  round: number;

  @Field(() => [SelfDiagnosticScoreInput], {
    nullable: true,
    description: 'Scores of the directions given; directions left out have no score',
  })
  scores?: SelfDiagnosticScoreInput[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Итого; must equal the sum when every direction is scored; omitted: that sum',
  })
  total?: number | null;

  @Field(() => SelfDiagnosticLevel, { description: 'The level the platform gave; never computed here' })
  level: SelfDiagnosticLevel;
}

@InputType({ description: 'All given conditions must hold; a list matches any of its values' })
export class SelfDiagnosticFilter {
  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'Этап: 1 or 2' })
  round?: number | null;

  @Field(() => [SelfDiagnosticLevel], { nullable: true })
  levels?: SelfDiagnosticLevel[] | null;

  @Field(() => [String], { nullable: true })
  schoolCodes?: string[] | null;

  @Field(() => [String], { nullable: true })
  municipalityCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Cluster codes: K1…K5' })
  clusterCodes?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: demo results only; false: real ones only' })
  isDemo?: boolean | null;
}
