import { describe, expect, it } from 'vitest';
import { EGE_MINIMUM_SCORES } from './ege-minimum-scores';
import { OGE_SCALES } from './oge-scales';
import { PROCEDURES } from './procedures';
import { SUBJECTS } from './subjects';
import { seededReference } from './validator-reference';

describe('assessment reference data', () => {
  it('has the six procedures with stable codes and their grades', () => {
    expect(PROCEDURES.map((p) => [p.code, p.shortName])).toEqual([
      ['VPR', 'ВПР'],
      ['OGE', 'ОГЭ'],
      ['EGE', 'ЕГЭ'],
      ['GVE', 'ГВЭ'],
      ['REGIONAL_DIAGNOSTICS', 'РДР'],
      ['FUNCTIONAL_LITERACY', 'ФГ'],
    ]);
    expect(PROCEDURES.find((p) => p.code === 'OGE')!.grades).toEqual([9]);
    expect(PROCEDURES.find((p) => p.code === 'EGE')!.grades).toEqual([11]);
  });

  it('gives every spelling one code only', () => {
    expect(() => seededReference()).not.toThrow();
    expect(new Set(SUBJECTS.map((s) => s.code)).size).toBe(SUBJECTS.length);
  });

  it('keeps the 2026 ЕГЭ minimums of the brief: Russian 24, profile mathematics 27', () => {
    const min = (year: number, subject: string) =>
      EGE_MINIMUM_SCORES.find((m) => m.year === year && m.subjectCode === subject)?.minScore;
    expect(min(2026, 'RUSSIAN')).toBe(24);
    expect(min(2026, 'MATHEMATICS_PROFILE')).toBe(27);
    for (const year of [2023, 2024, 2025]) expect(min(year, 'SOCIAL_STUDIES')).toBe(42);
    expect(min(2026, 'MATHEMATICS_BASE')).toBeUndefined();
  });

  it('has ordered ОГЭ scales within the maximum for 2023–2025, and only known subjects', () => {
    const codes = new Set(SUBJECTS.map((s) => s.code));
    for (const s of OGE_SCALES) {
      expect(codes.has(s.subjectCode)).toBe(true);
      expect(0 < s.minPrimaryFor3 && s.minPrimaryFor3 < s.minPrimaryFor4).toBe(true);
      expect(s.minPrimaryFor4 < s.minPrimaryFor5 && s.minPrimaryFor5 <= s.maxPrimaryScore).toBe(true);
    }
    expect(new Set(OGE_SCALES.map((s) => s.year))).toEqual(new Set([2023, 2024, 2025]));
    expect(OGE_SCALES.find((s) => s.year === 2024 && s.subjectCode === 'RUSSIAN')).toMatchObject({
      maxPrimaryScore: 33,
      minPrimaryFor3: 15,
    });
  });
});
