import { HubError } from '../../graphql/errors';
import { PaginationErrorCode } from '../../graphql/pagination';
import type { AssessmentFilter, ParticipantResultFilter } from './assessments.inputs';

/** Positional parameters of a statement being built. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The WHERE conditions of an assessment filter over a results table aliased `alias` (school-level
 * and participant rows share the columns); municipality and cluster go through the school.
 */
export function assessmentConditions(
  filter: AssessmentFilter | ParticipantResultFilter | null | undefined,
  alias: string,
  params: SqlParams,
): string[] {
  const where: string[] = [];
  if (!filter) return where;
  if (filter.year !== null && filter.year !== undefined) where.push(`${alias}.year = ${params.add(filter.year)}`);
  if (filter.years) where.push(`${alias}.year = ANY(${params.add(filter.years)}::int[])`);
  if (filter.procedureCodes) where.push(`${alias}.procedure_code = ANY(${params.add(filter.procedureCodes)}::text[])`);
  if (filter.subjectCodes) where.push(`${alias}.subject_code = ANY(${params.add(filter.subjectCodes)}::text[])`);
  if (filter.grades) where.push(`${alias}.grade = ANY(${params.add(filter.grades)}::int[])`);
  if (filter.schoolCodes) where.push(`${alias}.school_code = ANY(${params.add(filter.schoolCodes)}::text[])`);
  if (filter.municipalityCodes) {
    where.push(
      `${alias}.school_code IN (SELECT code FROM school WHERE municipality_code = ANY(${params.add(filter.municipalityCodes)}::text[]))`,
    );
  }
  if (filter.clusterCodes) {
    where.push(
      `${alias}.school_code IN (SELECT code FROM school WHERE cluster_code = ANY(${params.add(filter.clusterCodes)}::text[]))`,
    );
  }
  if (filter.isDemo !== null && filter.isDemo !== undefined)
    where.push(`${alias}.is_demo = ${params.add(filter.isDemo)}`);
  if ('participantCodes' in filter && filter.participantCodes) {
    where.push(`${alias}.participant_code = ANY(${params.add(filter.participantCodes)}::text[])`);
  }
  return where;
}

/** A cursor carries the sort key as a JSON array; anything else is a bad cursor. */
export function decodeKeyCursor(after: string | null, shape: ('string' | 'number')[]): unknown[] | null {
  if (after === null) return null;
  let key: unknown;
  try {
    key = JSON.parse(after);
  } catch {
    key = null;
  }
  if (!Array.isArray(key) || key.length !== shape.length || key.some((v, i) => typeof v !== shape[i])) {
    throw new HubError(
      PaginationErrorCode.BAD_CURSOR,
      'Курсор after не распознан: передайте endCursor из предыдущей страницы',
    );
  }
  return key;
}
