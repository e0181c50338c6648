/**
 * Shares and means derived from a school-level result: the definitions behind the
 * `assessment.*` indicators, so that any aggregate can be rebuilt from numerators and
 * denominators. Shares are fractions 0…1; null when the denominator is empty.
 */
export interface ResultCounts {
  participants: number;
  count2: number;
  count3: number;
  count4: number;
  count5: number;
  journalLowered: number | null;
  journalRaised: number | null;
  belowMinimumCount: number | null;
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

/**
 * Participants with a mark: all of them in reported rows; in derived ЕГЭ rows only those the
 * source marked (ЕГЭ has test scores, not marks, except in base mathematics).
 */
export const markedCount = (r: ResultCounts) => r.count2 + r.count3 + r.count4 + r.count5;

/** `assessment.share_2`: «2» among those with a mark. */
export const share2 = (r: ResultCounts) => ratio(r.count2, markedCount(r));

/** `assessment.share_45`: «4» and «5» among those with a mark. */
export const share45 = (r: ResultCounts) => ratio(r.count4 + r.count5, markedCount(r));

/** Mean mark (the «средний балл» of ВПР reports). */
export const meanMark = (r: ResultCounts) =>
  ratio(2 * r.count2 + 3 * r.count3 + 4 * r.count4 + 5 * r.count5, markedCount(r));

/** `assessment.below_min_share`: below the ЕГЭ minimum among participants. */
export const belowMinimumShare = (r: ResultCounts) =>
  r.belowMinimumCount === null ? null : ratio(r.belowMinimumCount, r.participants);

/** `assessment.journal_lowered_share`. */
export const journalLoweredShare = (r: ResultCounts) =>
  r.journalLowered === null ? null : ratio(r.journalLowered, r.participants);

/** `assessment.journal_raised_share`. */
export const journalRaisedShare = (r: ResultCounts) =>
  r.journalRaised === null ? null : ratio(r.journalRaised, r.participants);
