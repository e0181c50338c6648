import type { FieldProblem } from '../../graphql/errors';
import { AssessmentErrorCode } from './assessments.errors';

/**
 * The rules of assessment data as pure functions: the GraphQL layer and the CSV/XLSX import
 * report the same problems (the import per line and column, via the `field` names below).
 */
export interface AssessmentProblem extends FieldProblem {
  code: AssessmentErrorCode;
}

/** Import headers (BRIEF §5) of the fields the problems name. */
export const ASSESSMENT_FIELD_HEADERS = {
  schoolCode: 'Код ОО',
  procedure: 'Процедура',
  year: 'Год',
  subject: 'Предмет',
  grade: 'Класс',
  participants: 'Участников',
  count2: '2',
  count3: '3',
  count4: '4',
  count5: '5',
  journalLowered: 'Понизили',
  journalConfirmed: 'Подтвердили',
  journalRaised: 'Повысили',
  participantCode: 'Код участника',
  primaryScore: 'Первичный балл',
  testScore: 'Тестовый балл',
  mark: 'Отметка',
} as const;

export type AssessmentField = keyof typeof ASSESSMENT_FIELD_HEADERS;

/** The first year results are accepted for (ЕГЭ archives reach back; ВПР began in 2015). */
export const FIRST_ASSESSMENT_YEAR = 2010;

export interface ProcedureInfo {
  code: string;
  shortName: string;
  grades: readonly number[];
}

export const assessmentProblem = (
  code: AssessmentErrorCode,
  field: AssessmentField,
  message: string,
): AssessmentProblem => ({
  code,
  field,
  message,
});

/** «4–8, 10, 11». */
export function formatGrades(grades: readonly number[]): string {
  const sorted = [...grades].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

function notInteger(field: AssessmentField, value: number): AssessmentProblem | null {
  if (Number.isInteger(value)) return null;
  const header = ASSESSMENT_FIELD_HEADERS[field];
  return assessmentProblem(AssessmentErrorCode.NOT_AN_INTEGER, field, `«${header}»: ${value} — не целое число`);
}

/** Results are of a past or the current year. */
export function validateYear(year: number, today: Date = new Date()): AssessmentProblem[] {
  const last = today.getFullYear();
  const integer = notInteger('year', year);
  if (integer) return [integer];
  if (year < FIRST_ASSESSMENT_YEAR || year > last) {
    return [
      assessmentProblem(
        AssessmentErrorCode.YEAR_OUT_OF_RANGE,
        'year',
        `Год ${year} вне допустимого диапазона ${FIRST_ASSESSMENT_YEAR}–${last}`,
      ),
    ];
  }
  return [];
}

/** The grade to store: a procedure held in one grade only (ОГЭ, ЕГЭ) does not need it written. */
export function effectiveGrade(procedure: ProcedureInfo, grade: number | null | undefined): number | null {
  if (grade !== null && grade !== undefined) return grade;
  return procedure.grades.length === 1 ? procedure.grades[0]! : null;
}

export function validateGrade(procedure: ProcedureInfo, grade: number | null | undefined): AssessmentProblem[] {
  if (grade === null || grade === undefined) {
    if (procedure.grades.length <= 1) return [];
    return [
      assessmentProblem(
        AssessmentErrorCode.GRADE_REQUIRED,
        'grade',
        `Для процедуры ${procedure.shortName} укажите класс: ${formatGrades(procedure.grades)}`,
      ),
    ];
  }
  const integer = notInteger('grade', grade);
  if (integer) return [integer];
  if (procedure.grades.includes(grade)) return [];
  const allowed = procedure.grades.length
    ? `классы ${formatGrades(procedure.grades)}`
    : 'процедура проводится без деления на классы';
  return [
    assessmentProblem(
      AssessmentErrorCode.GRADE_NOT_IN_PROCEDURE,
      'grade',
      `Процедура ${procedure.shortName} не проводится в ${grade} классе (${allowed})`,
    ),
  ];
}

export interface ResultFigures {
  participants: number;
  count2: number;
  count3: number;
  count4: number;
  count5: number;
  journalLowered?: number | null;
  journalConfirmed?: number | null;
  journalRaised?: number | null;
}

const COUNT_FIELDS = [
  'participants',
  'count2',
  'count3',
  'count4',
  'count5',
  'journalLowered',
  'journalConfirmed',
  'journalRaised',
] as const;

/**
 * School-level figures: whole non-negative counts; the marks add up to the participants;
 * the comparison with journal marks, when given, is given in full and adds up too.
 */
export function validateResultFigures(figures: ResultFigures): AssessmentProblem[] {
  const problems: AssessmentProblem[] = [];
  for (const field of COUNT_FIELDS) {
    const value = figures[field];
    if (value === null || value === undefined) continue;
    const integer = notInteger(field, value);
    if (integer) problems.push(integer);
    else if (value < 0) {
      problems.push(
        assessmentProblem(
          AssessmentErrorCode.NEGATIVE_COUNT,
          field,
          `«${ASSESSMENT_FIELD_HEADERS[field]}»: ${value} — число не может быть отрицательным`,
        ),
      );
    }
  }
  if (problems.length) return problems;

  const { participants, count2, count3, count4, count5 } = figures;
  const marks = count2 + count3 + count4 + count5;
  if (marks !== participants) {
    problems.push(
      assessmentProblem(
        AssessmentErrorCode.MARKS_DO_NOT_ADD_UP,
        'participants',
        `Сумма отметок ${marks} («2»: ${count2}, «3»: ${count3}, «4»: ${count4}, «5»: ${count5}) ` +
          `не равна числу участников ${participants}`,
      ),
    );
  }

  const journal = [figures.journalLowered, figures.journalConfirmed, figures.journalRaised];
  const given = journal.filter((v) => v !== null && v !== undefined) as number[];
  if (given.length > 0 && given.length < 3) {
    const missing = (['journalLowered', 'journalConfirmed', 'journalRaised'] as const).filter(
      (f) => figures[f] === null || figures[f] === undefined,
    );
    problems.push(
      assessmentProblem(
        AssessmentErrorCode.JOURNAL_INCOMPLETE,
        missing[0]!,
        `Сравнение с отметками по журналу заполнено не полностью: не указано ` +
          `${missing.map((f) => `«${ASSESSMENT_FIELD_HEADERS[f]}»`).join(', ')}. ` +
          'Заполните все три столбца или оставьте все пустыми',
      ),
    );
  } else if (given.length === 3) {
    const [lowered, confirmed, raised] = given as [number, number, number];
    if (lowered + confirmed + raised !== participants) {
      problems.push(
        assessmentProblem(
          AssessmentErrorCode.JOURNAL_DOES_NOT_ADD_UP,
          'journalLowered',
          `Сравнение с журналом: понизили ${lowered} + подтвердили ${confirmed} + повысили ${raised} = ` +
            `${lowered + confirmed + raised}, а участников ${participants}`,
        ),
      );
    }
  }
  return problems;
}

export interface ParticipantScores {
  primaryScore?: number | null;
  testScore?: number | null;
  mark?: number | null;
}

/** A participant's scores; `maxPrimaryScore` (from the year's ОГЭ scale) when known. */
export function validateParticipantScores(
  scores: ParticipantScores,
  maxPrimaryScore: number | null = null,
): AssessmentProblem[] {
  const problems: AssessmentProblem[] = [];
  const { primaryScore, testScore, mark } = scores;
  for (const field of ['primaryScore', 'testScore', 'mark'] as const) {
    const value = scores[field];
    const integer = value === null || value === undefined ? null : notInteger(field, value);
    if (integer) problems.push(integer);
  }
  if (problems.length) return problems;
  if (primaryScore !== null && primaryScore !== undefined) {
    if (primaryScore < 0) {
      problems.push(
        assessmentProblem(
          AssessmentErrorCode.PRIMARY_SCORE_NEGATIVE,
          'primaryScore',
          `Первичный балл ${primaryScore} не может быть отрицательным`,
        ),
      );
    } else if (maxPrimaryScore !== null && primaryScore > maxPrimaryScore) {
      problems.push(
        assessmentProblem(
          AssessmentErrorCode.PRIMARY_SCORE_ABOVE_MAX,
          'primaryScore',
          `Первичный балл ${primaryScore} больше максимума ${maxPrimaryScore}`,
        ),
      );
    }
  }
  if (testScore !== null && testScore !== undefined && (testScore < 0 || testScore > 100)) {
    problems.push(
      assessmentProblem(
        AssessmentErrorCode.TEST_SCORE_OUT_OF_RANGE,
        'testScore',
        `Тестовый балл ${testScore} вне диапазона 0–100`,
      ),
    );
  }
  if (mark !== null && mark !== undefined && (mark < 2 || mark > 5)) {
    problems.push(
      assessmentProblem(AssessmentErrorCode.MARK_OUT_OF_RANGE, 'mark', `Отметка ${mark} вне диапазона 2–5`),
    );
  }
  return problems;
}
