import type { EntityManager } from 'typeorm';
import { InputError, type FieldProblem } from '../../graphql/errors';
import type { ParticipantResultRow, SchoolResultKey, SchoolResultRow } from './assessment-rows';
import { validateParticipantScores, validateResultFigures, type AssessmentProblem } from './assessment-validation';
import { AssessmentWriteErrorCode } from './assessments.errors';
import { ParticipantMerge } from './participant-merge';
import {
  recomputeSchoolResults,
  SAME_KEY,
  type RecomputeReport,
  type RecomputeScope,
} from './school-result-derivation';
import {
  PARTICIPANT_RESULTS_UPSERT_SQL,
  schoolResultsFromTableSql,
  SCHOOL_RESULTS_UPSERT_SQL,
} from './assessment-writes.sql';

export interface WriteReport {
  inserted: number;
  updated: number;
  /** Rows that were already stored exactly so: a second import of the same file changes nothing. */
  unchanged: number;
}

export interface WriteOptions {
  /** Rows generated for demonstration: labelled `isDemo`. */
  isDemo?: boolean;
  /** Rows per statement; UNNEST of arrays keeps one round trip per chunk. */
  chunkSize?: number;
}

export const schoolResultKeyId = (r: SchoolResultKey) =>
  `${r.schoolCode}|${r.procedureCode}|${r.year}|${r.subjectCode}|${r.grade ?? ''}`;

function rejectDuplicates<T>(rows: readonly T[], keyFn: (row: T) => string, what: string): void {
  const seen = new Map<string, number>();
  const problems: FieldProblem[] = [];
  rows.forEach((row, index) => {
    const key = keyFn(row);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else
      problems.push({ field: `rows[${index}]`, message: `Строка ${index + 1}: ${what} повторяет строку ${first + 1}` });
  });
  if (problems.length) throw new InputError(AssessmentWriteErrorCode.DUPLICATE_ROW, problems);
}

function rejectInvalid<T>(rows: readonly T[], validate: (row: T) => AssessmentProblem[]): void {
  for (let index = 0; index < rows.length; index++) {
    const problems = validate(rows[index]!);
    if (problems.length) {
      throw new InputError(
        problems[0]!.code,
        problems.map((p) => ({
          ...p,
          field: `rows[${index}].${p.field}`,
          message: `Строка ${index + 1}: ${p.message}`,
        })),
      );
    }
  }
}

async function chunked<T>(
  rows: readonly T[],
  size: number,
  write: (chunk: T[]) => Promise<{ inserted: number; updated: number }>,
): Promise<WriteReport> {
  const report: WriteReport = { inserted: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const { inserted, updated } = await write(chunk);
    report.inserted += inserted;
    report.updated += updated;
    report.unchanged += chunk.length - inserted - updated;
  }
  return report;
}

/**
 * Every write of assessment results goes through here (the import, the demo seed), so that
 * the live aggregates can later hook into one place. Callers validate rows first with
 * `validateSchoolResultRow` / `validateParticipantResultRow`; the figures and the codes are
 * checked again here, and a bad row rejects the whole batch before anything is written.
 */
export class AssessmentWritesService {
  constructor(private readonly em: EntityManager) {}

  /** Unknown school, procedure or subject codes of a batch, checked set-wise in one statement. */
  private async rejectUnknownCodes(rows: readonly SchoolResultKey[]): Promise<void> {
    const distinct = (pick: (r: SchoolResultKey) => string) => [...new Set(rows.map(pick))];
    const unknown: { kind: string; code: string }[] = await this.em.query(
      `SELECT 'school' AS kind, c AS code FROM unnest($1::text[]) c WHERE NOT EXISTS (SELECT 1 FROM school WHERE code = c)
       UNION ALL
       SELECT 'procedure', c FROM unnest($2::text[]) c WHERE NOT EXISTS (SELECT 1 FROM assessment_procedure WHERE code = c)
       UNION ALL
       SELECT 'subject', c FROM unnest($3::text[]) c WHERE NOT EXISTS (SELECT 1 FROM assessment_subject WHERE code = c)`,
      [distinct((r) => r.schoolCode), distinct((r) => r.procedureCode), distinct((r) => r.subjectCode)],
    );
    if (unknown.length === 0) return;
    const what: Record<string, [string, string]> = {
      school: ['schoolCode', 'Школа с кодом'],
      procedure: ['procedureCode', 'Процедура с кодом'],
      subject: ['subjectCode', 'Предмет с кодом'],
    };
    throw new InputError(
      AssessmentWriteErrorCode.UNKNOWN_CODES,
      unknown.map(({ kind, code }) => ({ field: what[kind]![0], message: `${what[kind]![1]} «${code}» не найден(а)` })),
    );
  }

  /** School-level rows as a source reports them (ФИС ОКО «Статистика по отметкам»), upserted by natural key. */
  async upsertSchoolResults(rows: readonly SchoolResultRow[], options: WriteOptions = {}): Promise<WriteReport> {
    rejectInvalid(rows, validateResultFigures);
    rejectDuplicates(rows, schoolResultKeyId, 'результат школы');
    await this.rejectUnknownCodes(rows);
    const isDemo = options.isDemo ?? false;
    return chunked(rows, options.chunkSize ?? 5000, async (chunk) => {
      const col = <K extends keyof SchoolResultRow>(k: K) => chunk.map((r) => r[k] ?? null);
      const [written] = await this.em.query(SCHOOL_RESULTS_UPSERT_SQL, [
        col('schoolCode'),
        col('procedureCode'),
        col('year'),
        col('subjectCode'),
        col('grade'),
        col('participants'),
        col('count2'),
        col('count3'),
        col('count4'),
        col('count5'),
        col('journalLowered'),
        col('journalConfirmed'),
        col('journalRaised'),
        isDemo,
      ]);
      return written as { inserted: number; updated: number };
    });
  }

  /**
   * Participant rows, upserted by participant code + procedure + year + subject. Returns the
   * school-level keys the batch touches (also the key a participant moved away from, when a
   * row changes school or grade); pass them to `recomputeSchoolResults` once the whole file is
   * loaded, in the same transaction.
   */
  async upsertParticipantResults(
    rows: readonly ParticipantResultRow[],
    options: WriteOptions = {},
  ): Promise<WriteReport & { keys: SchoolResultKey[] }> {
    rejectInvalid(rows, (r) => validateParticipantScores(r));
    rejectDuplicates(
      rows,
      (r) => `${r.participantCode}|${r.procedureCode}|${r.year}|${r.subjectCode}`,
      'результат участника',
    );
    await this.rejectUnknownCodes(rows);
    const isDemo = options.isDemo ?? false;
    const keys = new Map<string, SchoolResultKey>();
    const touch = (k: SchoolResultKey) => {
      const id = schoolResultKeyId(k);
      if (!keys.has(id)) {
        const { schoolCode, procedureCode, year, subjectCode, grade } = k;
        keys.set(id, { schoolCode, procedureCode, year, subjectCode, grade });
      }
    };
    for (const row of rows) touch(row);
    const report = await chunked(rows, options.chunkSize ?? 10000, async (chunk) => {
      const col = <K extends keyof ParticipantResultRow>(k: K) => chunk.map((r) => r[k] ?? null);
      const [written]: { inserted: number; updated: number; movedFrom: SchoolResultKey[] | null }[] =
        await this.em.query(PARTICIPANT_RESULTS_UPSERT_SQL, [
          col('participantCode'),
          col('procedureCode'),
          col('year'),
          col('subjectCode'),
          col('schoolCode'),
          col('grade'),
          col('primaryScore'),
          col('testScore'),
          col('mark'),
          isDemo,
        ]);
      for (const key of written!.movedFrom ?? []) touch(key);
      return written!;
    });
    return { ...report, keys: [...keys.values()] };
  }

  /**
   * Real school-level rows an import staged (a table of the transaction with the target's
   * column names, already checked row by row), upserted by natural key. Real results of a
   * key supersede the demo data of that key at both grains: its demo participant rows go.
   */
  async mergeStagedSchoolResults(table: string): Promise<{ inserted: number; updated: number }> {
    const [written] = await this.em.query(schoolResultsFromTableSql(table));
    await this.em.query(`DELETE FROM participant_result p USING ${table} s WHERE p.is_demo AND ${SAME_KEY('p', 's')}`);
    return written as { inserted: number; updated: number };
  }

  /** Real participant rows an import staged, written in one step: see `ParticipantMerge`. */
  async mergeStagedParticipantResults(table: string): Promise<{ inserted: number; updated: number }> {
    return (await ParticipantMerge.open(this.em)).finish(table);
  }

  /** See `recomputeSchoolResults`: the school-level rows of these keys or years, derived again. */
  recomputeSchoolResults(scope: RecomputeScope): Promise<RecomputeReport> {
    return recomputeSchoolResults(this.em, scope);
  }
}
