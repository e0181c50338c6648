/**
 * The demo region's assessment plan: which ВПР a class writes, which exams graduates choose, and
 * how hard each subject is. Tuned so that the region's shares look like a real one's (a few per
 * cent «2» in ВПР and ОГЭ, 5–10 % below the ЕГЭ minimum in the electives) and weak schools stand out.
 */

/** ВПР grades as the federal system ran them: grade 11 up to 2024, grade 10 from 2025. */
export const VPR_GRADES: Record<number, number[]> = {
  2023: [4, 5, 6, 7, 8, 11],
  2024: [4, 5, 6, 7, 8, 11],
  2025: [4, 5, 6, 7, 8, 10],
};

/** Subjects every class writes, and those the federal system assigns to a class by lot. */
export const VPR_SUBJECTS: Record<number, { all: string[]; byLot: string[]; lots: number }> = {
  4: { all: ['RUSSIAN', 'MATHEMATICS', 'SURROUNDING_WORLD'], byLot: [], lots: 0 },
  5: { all: ['RUSSIAN', 'MATHEMATICS'], byLot: ['HISTORY', 'BIOLOGY'], lots: 2 },
  6: { all: ['RUSSIAN', 'MATHEMATICS'], byLot: ['HISTORY', 'BIOLOGY', 'GEOGRAPHY', 'SOCIAL_STUDIES'], lots: 2 },
  7: {
    all: ['RUSSIAN', 'MATHEMATICS'],
    byLot: ['HISTORY', 'BIOLOGY', 'GEOGRAPHY', 'SOCIAL_STUDIES', 'PHYSICS'],
    lots: 2,
  },
  8: {
    all: ['RUSSIAN', 'MATHEMATICS'],
    byLot: ['HISTORY', 'BIOLOGY', 'GEOGRAPHY', 'SOCIAL_STUDIES', 'PHYSICS', 'CHEMISTRY'],
    lots: 2,
  },
  10: {
    all: ['RUSSIAN', 'MATHEMATICS'],
    byLot: ['HISTORY', 'GEOGRAPHY', 'SOCIAL_STUDIES', 'PHYSICS', 'CHEMISTRY'],
    lots: 1,
  },
  11: { all: [], byLot: ['HISTORY', 'BIOLOGY', 'GEOGRAPHY', 'PHYSICS', 'CHEMISTRY'], lots: 2 },
};

/** How hard a subject is relative to the others, on the ability scale. */
export const SUBJECT_EFFECT: Record<string, number> = {
  RUSSIAN: 0,
  MATHEMATICS: -0.1,
  SURROUNDING_WORLD: 0.35,
  HISTORY: 0.05,
  BIOLOGY: 0,
  GEOGRAPHY: 0.05,
  SOCIAL_STUDIES: -0.05,
  PHYSICS: -0.15,
  CHEMISTRY: -0.1,
};

/** ОГЭ: the mean share of the maximum primary score for an average school. */
export const OGE_MEAN_SHARE: Record<string, number> = {
  RUSSIAN: 0.7,
  MATHEMATICS: 0.5,
  SOCIAL_STUDIES: 0.6,
  INFORMATICS: 0.56,
  GEOGRAPHY: 0.6,
  BIOLOGY: 0.52,
  CHEMISTRY: 0.6,
  PHYSICS: 0.52,
  HISTORY: 0.52,
  ENGLISH: 0.7,
};
export const OGE_ELECTIVES: [string, number][] = [
  ['SOCIAL_STUDIES', 45],
  ['INFORMATICS', 35],
  ['GEOGRAPHY', 35],
  ['BIOLOGY', 30],
  ['CHEMISTRY', 10],
  ['PHYSICS', 12],
  ['HISTORY', 6],
  ['ENGLISH', 10],
];

/** ЕГЭ: the mean test score of an average school. */
export const EGE_MEAN_SCORE: Record<string, number> = {
  RUSSIAN: 72,
  MATHEMATICS_PROFILE: 52,
  SOCIAL_STUDIES: 61,
  PHYSICS: 56,
  INFORMATICS: 62,
  BIOLOGY: 56,
  CHEMISTRY: 58,
  HISTORY: 57,
  ENGLISH: 70,
  LITERATURE: 64,
  GEOGRAPHY: 60,
};
/** Test-score points per unit of ability: an average school has 5–10 % below the minimum in the electives. */
export const EGE_SCORE_SPREAD = 13;
export const EGE_ELECTIVES: [string, number][] = [
  ['SOCIAL_STUDIES', 35],
  ['PHYSICS', 15],
  ['INFORMATICS', 16],
  ['BIOLOGY', 15],
  ['CHEMISTRY', 10],
  ['HISTORY', 12],
  ['ENGLISH', 10],
  ['LITERATURE', 5],
  ['GEOGRAPHY', 3],
];
/** ЕГЭ base mathematics is marked on the five-point scale: primary score thresholds of «3», «4», «5» (max 21). */
export const BASE_MATH = { max: 21, for3: 7, for4: 12, for5: 17 };
