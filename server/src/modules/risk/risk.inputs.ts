import { GraphQLJSON } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'A change to an early-warning rule; what is not given stays as it is' })
export class UpdateRiskRuleInput {
  @Field(() => String)
  code: string;

  @Field(() => Int, { nullable: true, description: '0–100' })
  weight?: number | null;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'Thresholds to change, by name (only the rule’s own), e.g. { "ratio": 2 }',
  })
  params?: Record<string, unknown> | null;
}
