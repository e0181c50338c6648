import type { EntityManager } from 'typeorm';
import type { RowProblem } from '../imports/import-kind';
import { parseInteger, parseText } from '../imports/reader/cells';
import { AssessmentReferenceService } from './assessment-reference.service';
import type { AssessmentReference } from './assessment-rows';
import { ASSESSMENT_FIELD_HEADERS, type AssessmentField, type AssessmentProblem } from './assessment-validation';

/**
 * What the `assessment-results` and `participant-results` imports share: the reference they
 * check rows against, loaded once per import, and the reading of their cells.
 */
export interface AssessmentImportContext {
  reference: AssessmentReference;
  /** Codes of the schools the hub knows (a few hundred): a row's school is looked up here. */
  schools: ReadonlySet<string>;
  /** One clock for the whole file: the last year accepted does not change mid-import. */
  today: Date;
}

export async function prepareAssessmentImport(em: EntityManager): Promise<AssessmentImportContext> {
  const reference = await new AssessmentReferenceService(em).reference();
  const schools: { code: string }[] = await em.query('SELECT code FROM school');
  return { reference, schools: new Set(schools.map((s) => s.code)), today: new Date() };
}

export const HEADERS = ASSESSMENT_FIELD_HEADERS;

/** A rule's problem, named by the column of the file format. */
export function rowProblem(problem: AssessmentProblem): RowProblem {
  return { column: HEADERS[problem.field as AssessmentField] ?? null, message: problem.message };
}

const DIGITS = /^\d{1,9}$/;

/**
 * A whole number: null when the cell is empty, undefined (with the problem recorded) when it
 * is not a number. Plain digits, nearly every cell of a large file, skip the general parser.
 */
export function integerCell(
  text: string | undefined,
  column: string,
  problems: RowProblem[],
): number | null | undefined {
  if (text === undefined) return null;
  if (DIGITS.test(text)) return Number(text);
  const parsed = parseInteger(text);
  if ('error' in parsed) {
    problems.push({ column, message: parsed.error });
    return undefined;
  }
  if (parsed.value !== null && Math.abs(parsed.value) > MAX_INTEGER) {
    problems.push({ column, message: `«${text.trim()}» — слишком большое число` });
    return undefined;
  }
  return parsed.value;
}

/** The largest value the database's integer columns hold. */
const MAX_INTEGER = 2_147_483_647;

/** A required whole number: undefined (with the problem recorded) when empty or not a number. */
export function requiredInteger(text: string | undefined, column: string, problems: RowProblem[]): number | undefined {
  const value = integerCell(text, column, problems);
  if (value === null) problems.push({ column, message: `Не указано значение «${column}»` });
  return value ?? undefined;
}

/** The school's code, checked against the schools the hub knows. */
export function schoolCell(text: string | undefined, context: AssessmentImportContext, problems: RowProblem[]): string {
  const code = parseText(text) ?? '';
  if (code === '') problems.push({ column: HEADERS.schoolCode, message: 'Не указан код ОО' });
  else if (!context.schools.has(code)) {
    problems.push({ column: HEADERS.schoolCode, message: `Школа с кодом «${code}» не найдена` });
  }
  return code;
}

/** Procedure and subject problems of a row whose numbers could not be read, so that one pass shows them all. */
export function nameProblems(
  values: Record<string, string | undefined>,
  context: AssessmentImportContext,
  problems: RowProblem[],
): void {
  const procedure = context.reference.procedures.match(values.procedure);
  if ('error' in procedure) problems.push({ column: HEADERS.procedure, message: procedure.error });
  const subject = context.reference.subjects.match(values.subject);
  if ('error' in subject) problems.push({ column: HEADERS.subject, message: subject.error });
}
