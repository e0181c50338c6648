import { describe, expect, it } from 'vitest';
import {
  belowMinimumShare,
  journalLoweredShare,
  journalRaisedShare,
  markedCount,
  meanMark,
  share2,
  share45,
  type ResultCounts,
} from './assessment-figures';

const base: ResultCounts = {
  participants: 20,
  count2: 2,
  count3: 8,
  count4: 6,
  count5: 4,
  journalLowered: 5,
  journalRaised: 1,
  belowMinimumCount: null,
};

describe('derived shares', () => {
  it('takes mark shares among the marked participants', () => {
    expect(markedCount(base)).toBe(20);
    expect(share2(base)).toBe(0.1);
    expect(share45(base)).toBe(0.5);
    expect(meanMark(base)).toBe((2 * 2 + 3 * 8 + 4 * 6 + 5 * 4) / 20);
  });

  it('takes journal shares among all participants', () => {
    expect(journalLoweredShare(base)).toBe(0.25);
    expect(journalRaisedShare(base)).toBe(0.05);
  });

  it('gives no mark shares for an ЕГЭ row without marks, but the below-minimum share', () => {
    const ege = { ...base, count2: 0, count3: 0, count4: 0, count5: 0, journalLowered: null, journalRaised: null };
    expect(share2({ ...ege, belowMinimumCount: 3 })).toBeNull();
    expect(meanMark(ege)).toBeNull();
    expect(belowMinimumShare({ ...ege, belowMinimumCount: 3 })).toBe(0.15);
    expect(journalLoweredShare(ege)).toBeNull();
  });

  it('gives null, not a division by zero, for no participants', () => {
    const empty = { ...base, participants: 0, count2: 0, count3: 0, count4: 0, count5: 0, belowMinimumCount: 0 };
    expect(share2(empty)).toBeNull();
    expect(belowMinimumShare(empty)).toBeNull();
    expect(journalLoweredShare({ ...empty, journalLowered: 0 })).toBeNull();
  });
});
