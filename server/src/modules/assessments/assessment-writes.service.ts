import type { EntityManager } from 'typeorm';
import { InputError, type FieldProblem } from '../../graphql/errors';
import type { ParticipantResultRow, SchoolResultKey, SchoolResultRow } from './assessment-rows';
import { validateParticipantScores, validateResultFigures, type AssessmentProblem } from './assessment-validation';
import { AssessmentWriteErrorCode } from './assessments.errors';
import { hashJoinsForLargeTables, plannerDefaults } from './planner-hints';
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

  /**
   * Real participant rows an import staged (columns named as in `participant_result`),
   * written by participant code + procedure + year + subject; then the school-level results
   * of every key the file touches (and of keys participants moved away from) are derived
   * again, set-wise, in the same transaction. Demo participant rows of the file's keys go:
   * a real file's figures are not to be mixed with generated ones.
   *
   * Built for a million rows: changed rows are updated and new ones inserted by two plain
   * statements (an INSERT … ON CONFLICT costs a third more per row); the table lock keeps
   * other writers of participant rows out meanwhile, so no row can appear between the two.
   * Readers are not blocked.
   */
  async mergeStagedParticipantResults(table: string): Promise<{ inserted: number; updated: number }> {
    const runner = this.em.queryRunner;
    if (!runner) throw new Error('mergeStagedParticipantResults runs inside the import’s transaction');
    const affected = async (sql: string) => (await runner.query(sql, [], true)).affected ?? 0;
    const touched = 'import_touched_keys';
    const matched = 'import_matched_rows';
    const pk = (a: string, b: string) =>
      `(${a}.participant_code, ${a}.procedure_code, ${a}.year, ${a}.subject_code) = ` +
      `(${b}.participant_code, ${b}.procedure_code, ${b}.year, ${b}.subject_code)`;

    await this.em.query(`LOCK TABLE participant_result IN SHARE ROW EXCLUSIVE MODE`);
    await this.em.query(
      `CREATE TEMP TABLE ${touched} ON COMMIT DROP AS
         SELECT DISTINCT school_code, procedure_code, year, subject_code, grade FROM ${table}`,
    );
    await this.em.query(`ANALYZE ${touched}`);
    const large = await hashJoinsForLargeTables(this.em, table);
    await this.em.query(
      `DELETE FROM participant_result p
        WHERE p.is_demo AND EXISTS (SELECT 1 FROM ${touched} k WHERE ${SAME_KEY('p', 'k')})`,
    );
    // One join of the file with the stored rows says which lines exist and which of them
    // change; the keys changed rows leave (another school or grade) are derived again too.
    await this.em.query(
      `CREATE TEMP TABLE ${matched} ON COMMIT DROP AS
       SELECT s.line, p.ctid AS stored, p.school_code AS old_school_code, p.grade AS old_grade,
              (p.school_code, p.grade, p.primary_score, p.test_score, p.mark, p.is_demo)
                IS DISTINCT FROM (s.school_code, s.grade, s.primary_score, s.test_score, s.mark, false) AS changed
         FROM ${table} s JOIN participant_result p ON ${pk('p', 's')}`,
    );
    await this.em.query(
      `INSERT INTO ${touched}
       SELECT DISTINCT m.old_school_code, s.procedure_code, s.year, s.subject_code, m.old_grade
         FROM ${matched} m JOIN ${table} s ON s.line = m.line
        WHERE m.changed AND (m.old_school_code, m.old_grade) IS DISTINCT FROM (s.school_code, s.grade)
       EXCEPT SELECT * FROM ${touched}`,
    );
    const updated = await affected(
      `UPDATE participant_result t
          SET school_code = s.school_code, grade = s.grade, primary_score = s.primary_score,
              test_score = s.test_score, mark = s.mark, is_demo = false
         FROM ${matched} m JOIN ${table} s ON s.line = m.line
        WHERE m.changed AND t.ctid = m.stored`,
    );
    const inserted = await affected(
      `INSERT INTO participant_result
              (participant_code, procedure_code, year, subject_code, school_code, grade, primary_score, test_score,
               mark, is_demo)
       SELECT participant_code, procedure_code, year, subject_code, school_code, grade, primary_score, test_score,
              mark, false
         FROM ${table} s
        WHERE NOT EXISTS (SELECT 1 FROM ${matched} m WHERE m.line = s.line)
        -- In the order of the (school, year) index: its insertions then land next to each
        -- other, which saves more than the sort costs.
        ORDER BY school_code, year`,
    );
    if (large) await plannerDefaults(this.em);
    await recomputeSchoolResults(this.em, { keysTable: touched });
    return { inserted, updated };
  }

  /** See `recomputeSchoolResults`: the school-level rows of these keys or years, derived again. */
  recomputeSchoolResults(scope: RecomputeScope): Promise<RecomputeReport> {
    return recomputeSchoolResults(this.em, scope);
  }
}
