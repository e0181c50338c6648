import type { EntityManager } from 'typeorm';
import { hydrate } from '../../db/hydrate';
import { toConnection, type Page } from '../../graphql/pagination';
import type { AssessmentResultConnection, ParticipantResultConnection } from './assessment-connections';
import { assessmentConditions, decodeKeyCursor, SqlParams } from './assessment-filter';
import { AssessmentResult } from './assessment-result.entity';
import type { AssessmentFilter, ParticipantResultFilter } from './assessments.inputs';
import { ParticipantResult } from './participant-result.entity';

/** The natural key, in the unique index's order: the stable sort of every list of results. */
const RESULT_ORDER = ['r.school_code', 'r.procedure_code', 'r.year', 'r.subject_code', 'coalesce(r.grade, 0)'];
const RESULT_CURSOR = ['string', 'string', 'number', 'string', 'number'] as ('string' | 'number')[];
const resultKey = (r: AssessmentResult) =>
  JSON.stringify([r.schoolCode, r.procedureCode, r.year, r.subjectCode, r.grade ?? 0]);

const PARTICIPANT_ORDER = ['p.participant_code', 'p.procedure_code', 'p.year', 'p.subject_code'];
const PARTICIPANT_CURSOR = ['string', 'string', 'number', 'string'] as ('string' | 'number')[];
const participantKey = (p: ParticipantResult) =>
  JSON.stringify([p.participantCode, p.procedureCode, p.year, p.subjectCode]);

const cast = (params: SqlParams, v: unknown) => `${params.add(v)}::${typeof v === 'number' ? 'int' : 'text'}`;

const whereSql = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');

/** Reads of school-level and participant results. */
export class AssessmentsService {
  constructor(private readonly em: EntityManager) {}

  private async count(table: string, alias: string, filter: AssessmentFilter | null | undefined): Promise<number> {
    const params = new SqlParams();
    const conditions = assessmentConditions(filter, alias, params);
    const rows: { count: number }[] = await this.em.query(
      `SELECT count(*)::int AS count FROM ${table} ${alias} ${whereSql(conditions)}`,
      params.values,
    );
    return rows[0]!.count;
  }

  /** A page of school-level results in natural-key order. */
  async list(filter: AssessmentFilter | null | undefined, page: Page): Promise<AssessmentResultConnection> {
    const after = decodeKeyCursor(page.after, RESULT_CURSOR);
    const params = new SqlParams();
    const conditions = assessmentConditions(filter, 'r', params);
    if (after) conditions.push(`(${RESULT_ORDER.join(', ')}) > (${after.map((v) => cast(params, v)).join(', ')})`);
    const rows: Record<string, unknown>[] =
      page.first === 0
        ? []
        : await this.em.query(
            `SELECT r.* FROM assessment_result r ${whereSql(conditions)}
              ORDER BY ${RESULT_ORDER.join(', ')} LIMIT ${params.add(page.first + 1)}`,
            params.values,
          );
    return {
      ...toConnection(hydrate(this.em, AssessmentResult, rows), page, resultKey),
      totalCount: () => this.count('assessment_result', 'r', filter),
    };
  }

  /** Several schools' results under one filter, in one statement (`School.assessmentResults`). */
  async bySchools(
    codes: readonly string[],
    filter: AssessmentFilter | null | undefined,
  ): Promise<Map<string, AssessmentResult[]>> {
    const params = new SqlParams();
    const conditions = [
      `r.school_code = ANY(${params.add(codes)}::text[])`,
      ...assessmentConditions(filter, 'r', params),
    ];
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT r.* FROM assessment_result r ${whereSql(conditions)} ORDER BY ${RESULT_ORDER.join(', ')}`,
      params.values,
    );
    const bySchool = new Map<string, AssessmentResult[]>(codes.map((c) => [c, []]));
    for (const result of hydrate(this.em, AssessmentResult, rows)) bySchool.get(result.schoolCode)?.push(result);
    return bySchool;
  }

  /** A page of participant results in natural-key order (participant code first). */
  async participants(
    filter: ParticipantResultFilter | null | undefined,
    page: Page,
  ): Promise<ParticipantResultConnection> {
    const after = decodeKeyCursor(page.after, PARTICIPANT_CURSOR);
    const params = new SqlParams();
    const conditions = assessmentConditions(filter, 'p', params);
    if (after) conditions.push(`(${PARTICIPANT_ORDER.join(', ')}) > (${after.map((v) => cast(params, v)).join(', ')})`);
    const rows: Record<string, unknown>[] =
      page.first === 0
        ? []
        : await this.em.query(
            `SELECT p.* FROM participant_result p ${whereSql(conditions)}
              ORDER BY ${PARTICIPANT_ORDER.join(', ')} LIMIT ${params.add(page.first + 1)}`,
            params.values,
          );
    return {
      ...toConnection(hydrate(this.em, ParticipantResult, rows), page, participantKey),
      totalCount: () => this.count('participant_result', 'p', filter),
    };
  }
}
