import type { EntityManager } from 'typeorm';
import { copyText } from '../imports/staging';
import type { ParticipantResultRow } from './assessment-rows';
import { ProcedureCode } from './procedure-codes';

/** The rules the derivation marks participant rows by, keyed `year\tsubject`. */
export interface MarkRules {
  /** ОГЭ: the least primary scores for «3», «4» and «5». */
  ogeScale: Map<string, [number, number, number]>;
  /** ЕГЭ: the least test score; a subject without one (base mathematics) is absent. */
  egeMinimum: Map<string, number>;
}

export async function loadMarkRules(em: EntityManager): Promise<MarkRules> {
  const scales: { year: number; subject: string; for3: number; for4: number; for5: number }[] = await em.query(
    `SELECT year, subject_code AS subject, min_primary_for3 AS for3, min_primary_for4 AS for4,
            min_primary_for5 AS for5
       FROM oge_scale`,
  );
  const minimums: { year: number; subject: string; min: number }[] = await em.query(
    `SELECT year, subject_code AS subject, min_score AS min FROM ege_minimum_score`,
  );
  return {
    ogeScale: new Map(scales.map((s) => [`${s.year}\t${s.subject}`, [s.for3, s.for4, s.for5]])),
    egeMinimum: new Map(minimums.map((m) => [`${m.year}\t${m.subject}`, m.min])),
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

/**
 * The sums the school-level derivation makes of participant rows (participants, marks 2–5, score
 * sums and counts, ЕГЭ results below the minimum), gathered per school-level key from rows as an
 * import parses them: the database then adds up a few thousand rows of sums instead of reading a
 * million participant rows back. Same rules as the derivation's SQL (`MARKED`, `BELOW` in
 * `school-result-derivation.ts`); the import's tests compare the two on every file they load.
 */
export class KeyFigures {
  private sums = new Map<string, number[]>();

  constructor(private readonly rules: MarkRules) {}

  /** The mark the derivation counts: the source's, else (ОГЭ) the year's scale applied to the primary score. */
  markOf(row: ParticipantResultRow): number | null {
    if (row.mark !== null && row.mark !== undefined) return row.mark;
    const primary = row.primaryScore ?? null;
    if (row.procedureCode !== ProcedureCode.OGE || primary === null) return null;
    const scale = this.rules.ogeScale.get(`${row.year}\t${row.subjectCode}`);
    if (!scale) return null;
    return primary >= scale[2] ? 5 : primary >= scale[1] ? 4 : primary >= scale[0] ? 3 : 2;
  }

  /** ЕГЭ: under the year's minimum test score, or a «2» where the subject has none. */
  belowOf(row: ParticipantResultRow, mark: number | null): boolean {
    const minimum = this.rules.egeMinimum.get(`${row.year}\t${row.subjectCode}`);
    if (minimum === undefined) return mark === 2;
    return row.testScore !== null && row.testScore !== undefined && row.testScore < minimum;
  }

  /** School-level keys gathered since the last `take`. */
  get size(): number {
    return this.sums.size;
  }

  add(row: ParticipantResultRow): void {
    const key =
      `${copyText(row.schoolCode)}\t${copyText(row.procedureCode)}\t${row.year}\t` +
      `${copyText(row.subjectCode)}\t${row.grade ?? '\\N'}`;
    let sums = this.sums.get(key);
    if (!sums) this.sums.set(key, (sums = new Array<number>(SUMS).fill(0)));
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

  /** The sums gathered since the last call, as COPY text in `FIGURE_COLUMNS` (rows of real results). */
  take(): string {
    let text = '';
    for (const [key, sums] of this.sums) text += `${key}\t${sums.join('\t')}\tf\n`;
    this.sums.clear();
    return text;
  }
}
