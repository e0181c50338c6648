import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'A school on (or off) the ШНОР/ШНСУ list of a year' })
export class SetShnorListingInput {
  @Field(() => String)
  schoolCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => String, {
    nullable: true,
    description:
      '«ШНОР», «ШНСУ», «ШНОР и ШНСУ» (or SHNOR, SHNSU, SHNOR_AND_SHNSU); empty takes the school off the list',
  })
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'Куратор; omitted: unchanged, null: none' })
  curator?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '«Проект», «Утверждена», «На мониторинге» (or DRAFT, APPROVED, MONITORED); omitted: unchanged (new: «Проект»)',
  })
  programmeStatus?: string | null;
}
