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

/** Keys whose sums the first table holds; it doubles as needed. */
const INITIAL_KEYS = 1024;

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
 * every file they load.
 *
 * This runs next to the parser and PostgreSQL, whose work keeps pushing it out of the processor's
 * caches: a row finds its key's number in one small map (of its school and procedure, the same
 * for a participant's rows) and adds to one flat array of every key's sums. Nested maps of
 * objects, each with sums of its own, cost three times as much per row there.
 */
export class KeyFigures {
  /** school → procedure → (subject's number, year, grade) → key's number. */
  private numbers = new Map<string, Map<string, Map<number, number>>>();
  /** The subjects met so far, numbered. */
  private subjects = new Map<string, number>();
  /** Each key's columns as COPY text, by its number. */
  private keys: string[] = [];
  /** Each key's `SUMS` sums, by its number. */
  private sums = new Float64Array(INITIAL_KEYS * SUMS);
  /** The keys of the last row's school and procedure: a participant's rows come together. */
  private last: { school: string; procedure: string; numbers: Map<number, number> } | null = null;
  /** How many keys `takeFresh` has named so far. */
  private named = 0;
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
    return this.keys.length;
  }

  add(row: ParticipantResultRow): void {
    // The key's number first: a new key may grow the array of sums.
    const at = this.numberOf(row) * SUMS;
    const sums = this.sums;
    const mark = this.markOf(row);
    sums[at + PARTICIPANTS]!++;
    if (mark !== null && mark >= 2 && mark <= 5) sums[at + COUNT2 + mark - 2]!++;
    if (row.primaryScore !== null && row.primaryScore !== undefined) {
      sums[at + PRIMARY_SUM]! += row.primaryScore;
      sums[at + PRIMARY_N]!++;
    }
    if (row.testScore !== null && row.testScore !== undefined) {
      sums[at + TEST_SUM]! += row.testScore;
      sums[at + TEST_N]!++;
    }
    if (row.procedureCode === ProcedureCode.EGE && this.belowOf(row, mark)) sums[at + BELOW]!++;
  }

  /** The number of the row's school-level key (a new one, with zero sums, when first met). */
  private numberOf(row: ParticipantResultRow): number {
    let last = this.last;
    if (!last || last.school !== row.schoolCode || last.procedure !== row.procedureCode) {
      let procedures = this.numbers.get(row.schoolCode);
      if (!procedures) this.numbers.set(row.schoolCode, (procedures = new Map()));
      let numbers = procedures.get(row.procedureCode);
      if (!numbers) procedures.set(row.procedureCode, (numbers = new Map()));
      this.last = last = { school: row.schoolCode, procedure: row.procedureCode, numbers };
    }
    let subject = this.subjects.get(row.subjectCode);
    if (subject === undefined) this.subjects.set(row.subjectCode, (subject = this.subjects.size));
    // Grades are 1–11 (a missing one is 0) and years well below 4096: one small whole number.
    const at = (subject * 4096 + row.year) * 16 + (row.grade ?? 0);
    let number = last.numbers.get(at);
    if (number === undefined) {
      number = this.keys.length;
      last.numbers.set(at, number);
      this.keys.push(
        `${copyText(row.schoolCode)}\t${copyText(row.procedureCode)}\t${row.year}\t` +
          `${copyText(row.subjectCode)}\t${row.grade ?? '\\N'}`,
      );
      if ((number + 1) * SUMS > this.sums.length) {
        const grown = new Float64Array(this.sums.length * 2);
        grown.set(this.sums);
        this.sums = grown;
      }
    }
    return number;
  }

  /** The keys first met since the last call, as COPY text of the key columns. */
  takeFresh(): { text: string; count: number } {
    const fresh = this.keys.slice(this.named);
    this.named = this.keys.length;
    return { text: fresh.length === 0 ? '' : fresh.join('\n') + '\n', count: fresh.length };
  }

  /** Every key's sums, as COPY text in `FIGURE_COLUMNS` (rows of real results). */
  take(): string {
    let text = '';
    for (let number = 0; number < this.keys.length; number++) {
      const at = number * SUMS;
      text += `${this.keys[number]}\t${this.sums.subarray(at, at + SUMS).join('\t')}\tf\n`;
    }
    return text;
  }
}
