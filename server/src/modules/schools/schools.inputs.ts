import { Field, InputType } from 'type-graphql';

@InputType({ description: 'All given conditions must hold; a list matches any of its values' })
export class SchoolFilter {
  @Field(() => [String], { nullable: true })
  municipalityCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Cluster codes: K1…K5' })
  clusterCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'School types as written: СОШ, ООШ, гимназия…' })
  types?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'A substring of the full or short name or of the code; case and ё/е do not matter',
  })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: demo schools only; false: real schools only' })
  isDemo?: boolean | null;
}
