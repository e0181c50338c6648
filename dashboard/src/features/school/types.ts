import type { SchoolCardQuery, SchoolShnorFragment, SchoolVsokoFragment } from '../../generated/graphql';

export type CardSchool = NonNullable<SchoolCardQuery['school']>;
export type CardVsoko = SchoolVsokoFragment;
export type CardSelfDiagnostic = CardSchool['selfDiagnostics'][number];
export type CardListing = SchoolShnorFragment;
/** A year with a ШНОР/ШНСУ list, and the school's listing in it (null: not on that year's list). */
export interface ListYear {
  year: number;
  listing: CardListing | null;
}
export type CardPlanProgress = CardSchool['planProgress'][number];
