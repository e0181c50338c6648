/**
 * ЕГЭ minimum test scores by year and subject: Rosobrnadzor's figures. For Russian and profile
 * mathematics the minimum that confirms mastering the programme (the certificate minimum: 24 and 27,
 * as the brief gives them for 2026); for the other subjects the minimum for admission to a university
 * that Rosobrnadzor publishes with them. The table has not changed from 2023 to 2026, so each of these
 * years carries the same figures. Base mathematics is marked on the five-point scale (a «2» is below the
 * minimum), so it has no row here.
 *
 * Editable reference data: a new year or a changed figure is a new row, not a code change. The
 * ministry's higher admission thresholds and a university's own minima are not this table.
 */
export interface EgeMinimumScoreReference {
  year: number;
  subjectCode: string;
  minScore: number;
}

const STANDARD: Record<string, number> = {
  RUSSIAN: 24,
  MATHEMATICS_PROFILE: 27,
  PHYSICS: 36,
  CHEMISTRY: 36,
  INFORMATICS: 40,
  BIOLOGY: 36,
  HISTORY: 32,
  GEOGRAPHY: 37,
  SOCIAL_STUDIES: 42,
  LITERATURE: 32,
  ENGLISH: 22,
  GERMAN: 22,
  FRENCH: 22,
  SPANISH: 22,
  CHINESE: 17,
};

export const EGE_MINIMUM_SCORES: EgeMinimumScoreReference[] = [2023, 2024, 2025, 2026].flatMap((year) =>
  Object.entries(STANDARD).map(([subjectCode, minScore]) => ({ year, subjectCode, minScore })),
);
