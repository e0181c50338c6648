import type { EntityManager } from 'typeorm';
import { copyText } from '../imports/staging';
import type { ParticipantResultRow } from './assessment-rows';
import { ProcedureCode } from './procedure-codes';

/** The rules the derivation marks participant rows by, as the reference tables hold them. */
export interface MarkRules {
  /** ОГЭ: the least primary scores for «3», «4» and «5». */
  ogeScale: { year: number; subject: string; for3: number; for4: number; for5: number }[];
  /** ЕГЭ: the least test score; a subject without one (base mathematics) has no row. */
  egeMinimum: { year: number; subject: string; min: number }[];
}

export async function loadMarkRules(em: EntityManager): Promise<MarkRules> {
  return {
    ogeScale: await em.query(
      `SELECT year, subject_code AS subject, min_primary_for3 AS for3, min_primary_for4 AS for4,
              min_primary_for5 AS for5
         FROM oge_scale`,
    ),
    egeMinimum: await em.query(`SELECT year, subject_code AS subject, min_score AS min FROM ege_minimum_score`),
  };
}

/** Positions in a key's sums, in the order of `FIGURE_COLUMNS` after the key. */
const PARTICIPANTS = 0;
const COUNT2 = 1;
const PRIMARY_SUM = 5;
const PRIMARY_N = 6;
const TEST_SUM = 7;
const TEST_N = 8;
const BELOW = 9;
const SUMS = 10;

/** One school-level key: its columns as COPY text, and its sums. */
interface Entry {
  key: string;
  sums: Float64Array;
}

/** subject → year → value: a row finds its rule by two lookups and no string built. */
type BySubjectYear<T> = Map<string, Map<number, T>>;

function bySubjectYear<R extends { subject: string; year: number }, T>(
  rows: R[],
  value: (row: R) => T,
): BySubjectYear<T> {
  const map: BySubjectYear<T> = new Map();
  for (const row of rows) {
    let years = map.get(row.subject);
    if (!years) map.set(row.subject, (years = new Map()));
    years.set(row.year, value(row));
  }
  return map;
}

/**
 * The sums the school-level derivation makes of participant rows (participants, marks 2–5, score
 * sums and counts, ЕГЭ results below the minimum), gathered per school-level key from rows as an
 * import parses them, for the whole file: the database then upserts a few thousand rows of sums
 * instead of reading a million participant rows back. Same rules as the derivation's SQL
 * (`MARKED`, `BELOW` in `school-result-derivation.ts`); the import's tests compare the two on
 * every file they load. Keys are found through nested maps of the row's own values (codes from
 * reference data, numbers), which costs a fifth of building and hashing a key string per row.
 */
export class KeyFigures {
  /** school → procedure → subject → year and grade → entry. */
  private entries = new Map<string, Map<string, Map<string, Map<number, Entry>>>>();
  private count = 0;
  /** The subjects of the last row's school and procedure: a participant's rows come together. */
  private last: { school: string; procedure: string; subjects: Map<string, Map<number, Entry>> } | null = null;
  /** Keys first met since the last `takeFresh`. */
  private fresh: string[] = [];
  private readonly ogeScale: BySubjectYear<[number, number, number]>;
  private readonly egeMinimum: BySubjectYear<number>;

  constructor(rules: MarkRules) {
    this.ogeScale = bySubjectYear(rules.ogeScale, (s) => [s.for3, s.for4, s.for5]);
    this.egeMinimum = bySubjectYear(rules.egeMinimum, (m) => m.min);
  }

  /** The mark the derivation counts: the source's, else (ОГЭ) the year's scale applied to the primary score. */
  markOf(row: ParticipantResultRow): number | null {
    if (row.mark !== null && row.mark !== undefined) return row.mark;
    const primary = row.primaryScore ?? null;
    if (row.procedureCode !== ProcedureCode.OGE || primary === null) return null;
    const scale = this.ogeScale.get(row.subjectCode)?.get(row.year);
    if (!scale) return null;
    return primary >= scale[2] ? 5 : primary >= scale[1] ? 4 : primary >= scale[0] ? 3 : 2;
  }

  /** ЕГЭ: under the year's minimum test score, or a «2» where the subject has none. */
  belowOf(row: ParticipantResultRow, mark: number | null): boolean {
    const minimum = this.egeMinimum.get(row.subjectCode)?.get(row.year);
    if (minimum === undefined) return mark === 2;
    return row.testScore !== null && row.testScore !== undefined && row.testScore < minimum;
  }

  /** School-level keys met so far. */
  get size(): number {
    return this.count;
  }

  add(row: ParticipantResultRow): void {
    const sums = this.entry(row).sums;
    const mark = this.markOf(row);
    sums[PARTICIPANTS]!++;
    if (mark !== null && mark >= 2 && mark <= 5) sums[COUNT2 + mark - 2]!++;
    if (row.primaryScore !== null && row.primaryScore !== undefined) {
      sums[PRIMARY_SUM]! += row.primaryScore;
      sums[PRIMARY_N]!++;
    }
    if (row.testScore !== null && row.testScore !== undefined) {
      sums[TEST_SUM]! += row.testScore;
      sums[TEST_N]!++;
    }
    if (row.procedureCode === ProcedureCode.EGE && this.belowOf(row, mark)) sums[BELOW]!++;
  }

  private entry(row: ParticipantResultRow): Entry {
    let last = this.last;
    if (!last || last.school !== row.schoolCode || last.procedure !== row.procedureCode) {
      let procedures = this.entries.get(row.schoolCode);
      if (!procedures) this.entries.set(row.schoolCode, (procedures = new Map()));
      let subjects = procedures.get(row.procedureCode);
      if (!subjects) procedures.set(row.procedureCode, (subjects = new Map()));
      this.last = last = { school: row.schoolCode, procedure: row.procedureCode, subjects };
    }
    let grades = last.subjects.get(row.subjectCode);
    if (!grades) last.subjects.set(row.subjectCode, (grades = new Map()));
    // Grades are 1–11; a missing one is 0.
    const yearGrade = row.year * 16 + (row.grade ?? 0);
    let entry = grades.get(yearGrade);
    if (!entry) {
      const key =
        `${copyText(row.schoolCode)}\t${copyText(row.procedureCode)}\t${row.year}\t` +
        `${copyText(row.subjectCode)}\t${row.grade ?? '\\N'}`;
      grades.set(yearGrade, (entry = { key, sums: new Float64Array(SUMS) }));
      this.fresh.push(key);
      this.count++;
    }
    return entry;
  }

  /** The keys first met since the last call, as COPY text of the key columns. */
  takeFresh(): { text: string; count: number } {
    const text = this.fresh.length === 0 ? '' : this.fresh.join('\n') + '\n';
    const count = this.fresh.length;
    this.fresh = [];
    return { text, count };
  }

  /** Every key's sums, as COPY text in `FIGURE_COLUMNS` (rows of real results). */
  take(): string {
    let text = '';
    for (const procedures of this.entries.values()) {
      for (const subjects of procedures.values()) {
        for (const grades of subjects.values()) {
          for (const { key, sums } of grades.values()) text += `${key}\t${sums.join('\t')}\tf\n`;
        }
      }
    }
    return text;
  }
}
