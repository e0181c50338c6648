/**
 * ОГЭ mark scales by year and subject: the primary score from which a participant gets «3», «4» and «5»
 * (below the «3» threshold: «2»), as FIPI recommends them for the year. Some subjects add a condition
 * (e.g. mathematics: at least 2 points for geometry); only the score thresholds are kept here, so a
 * mark the exam centre gives always wins over one derived from this table.
 *
 * Editable reference data: FIPI publishes the scales every year and the region may adopt them with
 * changes; the figures below are the recommended scales for 2023–2025 for the main subjects, kept the
 * same across years where they did not change. Check them against the year's recommendations before
 * using derived marks in official reports.
 */
export interface OgeScaleReference {
  year: number;
  subjectCode: string;
  maxPrimaryScore: number;
  /** The lowest primary score for «3», «4», «5». */
  minPrimaryFor3: number;
  minPrimaryFor4: number;
  minPrimaryFor5: number;
}

/** [subject, max, «3» from, «4» from, «5» from]. */
const SCALE: [string, number, number, number, number][] = [
  ['RUSSIAN', 33, 15, 23, 29],
  ['MATHEMATICS', 31, 8, 15, 22],
  ['PHYSICS', 45, 11, 23, 35],
  ['CHEMISTRY', 40, 10, 21, 31],
  ['BIOLOGY', 48, 13, 26, 38],
  ['GEOGRAPHY', 31, 12, 19, 26],
  ['SOCIAL_STUDIES', 37, 14, 24, 32],
  ['HISTORY', 37, 11, 21, 30],
  ['INFORMATICS', 19, 5, 11, 17],
  ['ENGLISH', 68, 29, 46, 58],
];

export const OGE_SCALES: OgeScaleReference[] = [2023, 2024, 2025].flatMap((year) =>
  SCALE.map(([subjectCode, maxPrimaryScore, minPrimaryFor3, minPrimaryFor4, minPrimaryFor5]) => ({
    year,
    subjectCode,
    maxPrimaryScore,
    minPrimaryFor3,
    minPrimaryFor4,
    minPrimaryFor5,
  })),
);
