import { Field, InputType, Int } from 'type-graphql';
import { SelfDiagnosticLevel } from './self-diagnostic-level';
import { SchoolSetFilter } from '../shared/school-set-filter';

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
export class SelfDiagnosticFilter extends SchoolSetFilter {
  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'Этап: 1 or 2' })
  round?: number | null;

  @Field(() => [SelfDiagnosticLevel], { nullable: true })
  levels?: SelfDiagnosticLevel[] | null;
}
