import type { FieldProblem } from '../../graphql/errors';
import { ShnorErrorCode } from './shnor.errors';
import {
  CATEGORY_LABELS,
  parseShnorCategory,
  parseShnorProgrammeStatus,
  PROGRAMME_STATUS_LABELS,
} from './shnor-labels';
import type { ShnorCategory, ShnorProgrammeStatus } from './shnor-listing.entity';

export interface ShnorProblem extends FieldProblem {
  code: ShnorErrorCode;
}

/**
 * Lists start with the regional ШНОР programme (the federal «500+» support began in 2020); a list
 * may be drawn up for the coming year.
 */
export const FIRST_SHNOR_YEAR = 2020;
export const MAX_CURATOR_LENGTH = 300;

/** A listing as a person or a `shnor-list` file gives it: category and status as written. */
export interface ShnorListingDraft {
  schoolCode: string;
  year: number;
  /** Empty or missing: the school is taken off that year's list. */
  category?: string | null;
  curator?: string | null;
  programmeStatus?: string | null;
}

export interface ShnorListingValue {
  schoolCode: string;
  year: number;
  /** null: remove the listing. */
  category: ShnorCategory | null;
  /** undefined: keep what is stored. */
  curator: string | null | undefined;
  programmeStatus: ShnorProgrammeStatus | undefined;
}

const list = (labels: Record<string, string>) =>
  Object.values(labels)
    .map((l) => `«${l}»`)
    .join(', ');

/**
 * The rules of a listing, as a pure function (the school's existence is looked up by the
 * caller): the mutation and the `shnor-list` import report the same problems.
 */
export function validateShnorListing(
  draft: ShnorListingDraft,
  context: { schoolExists: boolean; today?: Date },
): { value: ShnorListingValue | null; problems: ShnorProblem[] } {
  const problems: ShnorProblem[] = [];
  const schoolCode = draft.schoolCode.trim();
  if (!context.schoolExists) {
    problems.push({
      code: ShnorErrorCode.UNKNOWN_SCHOOL,
      field: 'schoolCode',
      message: schoolCode ? `Школа с кодом «${schoolCode}» не найдена` : 'Не указан код ОО',
    });
  }
  const lastYear = (context.today ?? new Date()).getFullYear() + 1;
  if (!Number.isInteger(draft.year) || draft.year < FIRST_SHNOR_YEAR || draft.year > lastYear) {
    problems.push({
      code: ShnorErrorCode.YEAR_OUT_OF_RANGE,
      field: 'year',
      message: `Год ${draft.year} вне допустимого диапазона ${FIRST_SHNOR_YEAR}–${lastYear}`,
    });
  }
  const categoryText = draft.category?.trim() ?? '';
  const category = categoryText === '' ? null : parseShnorCategory(categoryText);
  if (categoryText !== '' && category === null) {
    problems.push({
      code: ShnorErrorCode.UNKNOWN_CATEGORY,
      field: 'category',
      message: `Неизвестная категория «${categoryText}»: укажите ${list(CATEGORY_LABELS)}`,
    });
  }
  const statusText = draft.programmeStatus?.trim() ?? '';
  const programmeStatus = statusText === '' ? undefined : (parseShnorProgrammeStatus(statusText) ?? undefined);
  if (statusText !== '' && programmeStatus === undefined) {
    problems.push({
      code: ShnorErrorCode.UNKNOWN_PROGRAMME_STATUS,
      field: 'programmeStatus',
      message: `Неизвестный статус программы «${statusText}»: укажите ${list(PROGRAMME_STATUS_LABELS)}`,
    });
  }
  const curator = draft.curator === undefined ? undefined : draft.curator?.trim() || null;
  if (curator && curator.length > MAX_CURATOR_LENGTH) {
    problems.push({
      code: ShnorErrorCode.CURATOR_TOO_LONG,
      field: 'curator',
      message: `Куратор: ${curator.length} символов, допускается не больше ${MAX_CURATOR_LENGTH}`,
    });
  }
  if (problems.length) return { value: null, problems };
  return { value: { schoolCode, year: draft.year, category, curator, programmeStatus }, problems };
}
