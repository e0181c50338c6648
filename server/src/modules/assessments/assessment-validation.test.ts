import { describe, expect, it } from 'vitest';
import {
  effectiveGrade,
  formatGrades,
  validateGrade,
  validateParticipantScores,
  validateResultFigures,
  validateYear,
  type ResultFigures,
} from './assessment-validation';

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);
const VPR = { code: 'VPR', shortName: 'ВПР', grades: [4, 5, 6, 7, 8, 10, 11] };
const OGE = { code: 'OGE', shortName: 'ОГЭ', grades: [9] };
const NO_GRADES = { code: 'X', shortName: 'Х', grades: [] };
const figures = (overrides: Partial<ResultFigures> = {}): ResultFigures => ({
  participants: 20,
  count2: 2,
  count3: 8,
  count4: 7,
  count5: 3,
  ...overrides,
});

describe('validateResultFigures', () => {
  it('accepts marks that add up to the participants', () => {
    expect(validateResultFigures(figures())).toEqual([]);
  });

  it('rejects marks one short of the participants, naming every count', () => {
    const problems = validateResultFigures(figures({ participants: 21 }));
    expect(problems).toEqual([
      {
        code: 'ASSESSMENT_MARKS_DO_NOT_ADD_UP',
        field: 'participants',
        message: 'Сумма отметок 20 («2»: 2, «3»: 8, «4»: 7, «5»: 3) не равна числу участников 21',
      },
    ]);
  });

  it('rejects marks one over the participants', () => {
    expect(codes(validateResultFigures(figures({ count5: 4 })))).toEqual(['ASSESSMENT_MARKS_DO_NOT_ADD_UP']);
  });

  it('accepts zero participants with zero marks', () => {
    expect(validateResultFigures(figures({ participants: 0, count2: 0, count3: 0, count4: 0, count5: 0 }))).toEqual([]);
  });

  it('rejects a negative count, and zero is fine', () => {
    const problems = validateResultFigures(figures({ count2: -1, count3: 11 }));
    expect(problems).toEqual([
      { code: 'ASSESSMENT_NEGATIVE_COUNT', field: 'count2', message: '«2»: -1 — число не может быть отрицательным' },
    ]);
    expect(validateResultFigures(figures({ count2: 0, count3: 10 }))).toEqual([]);
  });

  it('rejects a fractional count', () => {
    expect(validateResultFigures(figures({ participants: 20.5 }))).toEqual([
      { code: 'ASSESSMENT_NOT_AN_INTEGER', field: 'participants', message: '«Участников»: 20.5 — не целое число' },
    ]);
  });

  it('accepts a journal comparison that adds up to the participants', () => {
    expect(validateResultFigures(figures({ journalLowered: 4, journalConfirmed: 15, journalRaised: 1 }))).toEqual([]);
  });

  it('rejects a journal comparison one off the participants', () => {
    expect(validateResultFigures(figures({ journalLowered: 4, journalConfirmed: 15, journalRaised: 2 }))).toEqual([
      {
        code: 'ASSESSMENT_JOURNAL_DOES_NOT_ADD_UP',
        field: 'journalLowered',
        message: 'Сравнение с журналом: понизили 4 + подтвердили 15 + повысили 2 = 21, а участников 20',
      },
    ]);
  });

  it('rejects a journal comparison given in part', () => {
    const problems = validateResultFigures(figures({ journalLowered: 4, journalConfirmed: 16 }));
    expect(codes(problems)).toEqual(['ASSESSMENT_JOURNAL_INCOMPLETE']);
    expect(problems[0]!.field).toBe('journalRaised');
    expect(problems[0]!.message).toContain('не указано «Повысили»');
  });

  it('rejects a negative journal count', () => {
    expect(
      codes(validateResultFigures(figures({ journalLowered: -1, journalConfirmed: 20, journalRaised: 1 }))),
    ).toEqual(['ASSESSMENT_NEGATIVE_COUNT']);
  });
});

describe('validateParticipantScores', () => {
  it.each([0, 100])('accepts test score %i', (testScore) => {
    expect(validateParticipantScores({ testScore })).toEqual([]);
  });

  it.each([-1, 101])('rejects test score %i', (testScore) => {
    expect(validateParticipantScores({ testScore })).toEqual([
      {
        code: 'ASSESSMENT_TEST_SCORE_OUT_OF_RANGE',
        field: 'testScore',
        message: `Тестовый балл ${testScore} вне диапазона 0–100`,
      },
    ]);
  });

  it.each([2, 5])('accepts mark %i', (mark) => {
    expect(validateParticipantScores({ mark })).toEqual([]);
  });

  it.each([1, 6])('rejects mark %i', (mark) => {
    expect(codes(validateParticipantScores({ mark }))).toEqual(['ASSESSMENT_MARK_OUT_OF_RANGE']);
  });

  it('rejects a negative primary score and one above the scale maximum, not the maximum itself', () => {
    expect(codes(validateParticipantScores({ primaryScore: -1 }))).toEqual(['ASSESSMENT_PRIMARY_SCORE_NEGATIVE']);
    expect(validateParticipantScores({ primaryScore: 33 }, 33)).toEqual([]);
    expect(validateParticipantScores({ primaryScore: 34 }, 33)).toEqual([
      {
        code: 'ASSESSMENT_PRIMARY_SCORE_ABOVE_MAX',
        field: 'primaryScore',
        message: 'Первичный балл 34 больше максимума 33',
      },
    ]);
  });

  it('rejects fractional scores', () => {
    expect(codes(validateParticipantScores({ testScore: 70.5 }))).toEqual(['ASSESSMENT_NOT_AN_INTEGER']);
  });

  it('accepts a row with no scores at all', () => {
    expect(validateParticipantScores({ primaryScore: null, testScore: null, mark: null })).toEqual([]);
  });
});

describe('validateGrade and effectiveGrade', () => {
  it('accepts a grade the procedure runs in', () => {
    expect(validateGrade(VPR, 4)).toEqual([]);
    expect(validateGrade(VPR, 11)).toEqual([]);
  });

  it('rejects a grade the procedure does not run in, listing the grades', () => {
    expect(validateGrade(VPR, 9)).toEqual([
      {
        code: 'ASSESSMENT_GRADE_NOT_IN_PROCEDURE',
        field: 'grade',
        message: 'Процедура ВПР не проводится в 9 классе (классы 4–8, 10, 11)',
      },
    ]);
    expect(codes(validateGrade(OGE, 11))).toEqual(['ASSESSMENT_GRADE_NOT_IN_PROCEDURE']);
  });

  it('needs the grade where a procedure runs in several, not where it runs in one', () => {
    expect(validateGrade(VPR, null)).toEqual([
      { code: 'ASSESSMENT_GRADE_REQUIRED', field: 'grade', message: 'Для процедуры ВПР укажите класс: 4–8, 10, 11' },
    ]);
    expect(validateGrade(OGE, null)).toEqual([]);
    expect(effectiveGrade(OGE, null)).toBe(9);
    expect(effectiveGrade(VPR, 5)).toBe(5);
  });

  it('keeps no grade for a procedure without grades, and rejects one given', () => {
    expect(validateGrade(NO_GRADES, null)).toEqual([]);
    expect(effectiveGrade(NO_GRADES, null)).toBeNull();
    expect(validateGrade(NO_GRADES, 5)[0]!.message).toContain('без деления на классы');
  });
});

describe('validateYear', () => {
  const today = new Date('2026-11-23T12:00:00Z');

  it('accepts 2010 through the current year', () => {
    expect(validateYear(2010, today)).toEqual([]);
    expect(validateYear(2026, today)).toEqual([]);
  });

  it('rejects the year before 2010 and the next year', () => {
    expect(validateYear(2009, today)).toEqual([
      { code: 'ASSESSMENT_YEAR_OUT_OF_RANGE', field: 'year', message: 'Год 2009 вне допустимого диапазона 2010–2026' },
    ]);
    expect(codes(validateYear(2027, today))).toEqual(['ASSESSMENT_YEAR_OUT_OF_RANGE']);
  });
});

describe('formatGrades', () => {
  it('compresses runs', () => {
    expect(formatGrades([11, 4, 5, 6, 7, 8, 10])).toBe('4–8, 10, 11');
    expect(formatGrades([9, 11])).toBe('9, 11');
    expect(formatGrades([9])).toBe('9');
  });
});
