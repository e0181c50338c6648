import { ruNumber } from '../shared/russian';
import { LEVEL_TITLES, SelfDiagnosticLevel } from './self-diagnostic-level';
import { SelfDiagnosticErrorCode, type SelfDiagnosticProblem } from './self-diagnostics.errors';

/** A result as an input gives it (a mutation or a file row). A submission replaces the stored result. */
export interface SelfDiagnosticDraft {
  schoolCode: string;
  year: number;
  round: number;
  /** Scores of the directions the source gives; a direction left out has no score. */
  scores?: { directionCode: string; score: number }[] | null;
  /** Итого; when omitted and every direction is scored, the sum is stored. */
  total?: number | null;
  /** Null when the source's level could not be read (see `parseSelfDiagnosticLevel`). */
  level: SelfDiagnosticLevel | null;
}

export interface SelfDiagnosticValidationContext {
  directions: readonly { code: string; name: string }[];
  schoolExists: boolean;
}

/** Years a result may have: the project runs since 2023; the bounds only catch typos. */
export const MIN_YEAR = 2020;
export const MAX_YEAR = 2100;

const problem = (code: SelfDiagnosticErrorCode, field: string, message: string): SelfDiagnosticProblem => ({
  code,
  field,
  message,
});

const shown = (value: number) => (Number.isFinite(value) ? ruNumber(value) : String(value));

/** The field a direction's problems are reported under (`scores.knowledge`; an import maps it to «Знание»). */
export const scoreField = (directionCode: string) => `scores.${directionCode}`;

const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"'.,;:()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const LEVELS_BY_TEXT = new Map<string, SelfDiagnosticLevel>(
  Object.entries(LEVEL_TITLES).map(([level, title]) => [fold(title), level as SelfDiagnosticLevel]),
);

/**
 * Reads a level as files write it: «ниже базового», «Базовый», «СРЕДНИЙ», «высокий уровень»…
 * Case, ё/е, quotes, punctuation, extra spaces and the word «уровень» do not matter. Null when
 * it is none of the four.
 */
export function parseSelfDiagnosticLevel(text: string | null | undefined): SelfDiagnosticLevel | null {
  if (!text) return null;
  const folded = fold(text)
    .replace(/^уровень /, '')
    .replace(/ (уровень|уровня)$/, '');
  return LEVELS_BY_TEXT.get(folded) ?? null;
}

/** The problem to report for a level text that `parseSelfDiagnosticLevel` does not recognise. */
export function unknownLevelProblem(text: string | null | undefined): SelfDiagnosticProblem {
  const given = text?.trim() ? `«${text.trim()}» не распознан` : 'не указан';
  return problem(
    SelfDiagnosticErrorCode.UNKNOWN_LEVEL,
    'level',
    `Уровень ${given}: нужен один из «ниже базового», «базовый», «средний», «высокий»`,
  );
}

function validateNumber(
  value: number,
  code: SelfDiagnosticErrorCode,
  field: string,
  what: string,
): SelfDiagnosticProblem[] {
  if (Number.isInteger(value) && value >= 0) return [];
  return [problem(code, field, `${what}: нужно целое неотрицательное число, указано ${shown(value)}`)];
}

/** Every rule of a result; an empty list means it may be recorded. */
export function validateSelfDiagnostic(
  draft: SelfDiagnosticDraft,
  context: SelfDiagnosticValidationContext,
): SelfDiagnosticProblem[] {
  const problems: SelfDiagnosticProblem[] = [];
  if (!context.schoolExists) {
    problems.push(
      problem(
        SelfDiagnosticErrorCode.UNKNOWN_SCHOOL,
        'schoolCode',
        `Школа с кодом «${draft.schoolCode}» не найдена в реестре`,
      ),
    );
  }
  if (!Number.isInteger(draft.year) || draft.year < MIN_YEAR || draft.year > MAX_YEAR) {
    problems.push(
      problem(
        SelfDiagnosticErrorCode.BAD_YEAR,
        'year',
        `Год ${String(draft.year)} вне допустимого диапазона ${MIN_YEAR}–${MAX_YEAR}`,
      ),
    );
  }
  if (draft.round !== 1 && draft.round !== 2) {
    problems.push(
      problem(
        SelfDiagnosticErrorCode.BAD_ROUND,
        'round',
        `Этап ${shown(draft.round)}: самодиагностика проходит в два этапа, укажите 1 или 2`,
      ),
    );
  }
  const names = new Map(context.directions.map((d) => [d.code, d.name]));
  const seen = new Set<string>();
  let sum = 0;
  let valid = true;
  for (const { directionCode, score } of draft.scores ?? []) {
    const field = scoreField(directionCode);
    const name = names.get(directionCode);
    if (name === undefined) {
      problems.push(
        problem(SelfDiagnosticErrorCode.UNKNOWN_DIRECTION, field, `Направления «${directionCode}» нет в модели`),
      );
      valid = false;
      continue;
    }
    if (seen.has(directionCode)) {
      problems.push(problem(SelfDiagnosticErrorCode.DUPLICATE_DIRECTION, field, `«${name}»: балл указан дважды`));
      valid = false;
      continue;
    }
    seen.add(directionCode);
    const bad = validateNumber(score, SelfDiagnosticErrorCode.BAD_SCORE, field, `«${name}»`);
    problems.push(...bad);
    if (bad.length) valid = false;
    sum += score;
  }
  const total = draft.total;
  if (total !== null && total !== undefined) {
    const bad = validateNumber(total, SelfDiagnosticErrorCode.BAD_TOTAL, 'total', 'Итого');
    problems.push(...bad);
    const complete = valid && context.directions.every((d) => seen.has(d.code));
    if (bad.length === 0 && complete && total !== sum) {
      problems.push(
        problem(
          SelfDiagnosticErrorCode.TOTAL_MISMATCH,
          'total',
          `Итого ${shown(total)} не равно сумме баллов по направлениям ${shown(sum)}`,
        ),
      );
    }
  }
  if (draft.level === null || !Object.values(SelfDiagnosticLevel).includes(draft.level)) {
    problems.push(unknownLevelProblem(null));
  }
  return problems;
}

/** The total to store: as given, else the sum when every direction is scored, else none. */
export function storedTotal(
  draft: Pick<SelfDiagnosticDraft, 'scores' | 'total'>,
  directions: readonly { code: string }[],
): number | null {
  if (draft.total !== null && draft.total !== undefined) return draft.total;
  const scores = new Map((draft.scores ?? []).map((s) => [s.directionCode, s.score]));
  if (!directions.every((d) => scores.has(d.code))) return null;
  return directions.reduce((sum, d) => sum + scores.get(d.code)!, 0);
}
