import type { VsokoEvaluationRecord } from './vsoko-merge';
import type { VsokoEvaluationDraft } from './vsoko.validation';

/**
 * One row of a `vsoko-evaluations` file, as checked. A part whose column the file lacks is
 * absent (`undefined`): the stored value stays. A present column's empty cell clears the
 * stored value (the expert, a head count, a document's link, a position's mark).
 */
export interface VsokoFileRow {
  schoolCode: string;
  year: number;
  blocks: { number: number; score: number }[];
  /** As written; `mergeVsokoEvaluation` trims it (empty: none), as for the mutation. */
  expert?: string | null;
  teacherCount?: number | null;
  studentCount?: number | null;
  /** The campaign's passport positions the file has columns for: true «да», false «нет», null empty. */
  positions?: Record<string, boolean | null>;
  /** Links of the campaign's documents the file has columns for; null: the cell is empty. */
  documents?: { code: string; url: string | null }[];
}

/**
 * The management positions after a row: positions the file has no column for keep their
 * stored mark; a column's «да» marks its position, «нет» or an empty cell unmarks it. When
 * nothing is marked and the row answered no position (every cell empty), the positions are
 * «not reported» (null), as before anything was recorded.
 */
export function positionsAfterRow(
  stored: readonly string[] | null,
  marks: Readonly<Record<string, boolean | null>>,
): string[] | null {
  const kept = (stored ?? []).filter((code) => !(code in marks));
  const marked = Object.keys(marks).filter((code) => marks[code] === true);
  const answered = Object.values(marks).some((mark) => mark !== null);
  const positions = [...new Set([...kept, ...marked])].sort();
  return positions.length === 0 && !answered ? null : positions;
}

/** The row as a draft for `mergeVsokoEvaluation`, given the stored real evaluation it updates. */
export function vsokoDraftOfRow(row: VsokoFileRow, stored: VsokoEvaluationRecord | null): VsokoEvaluationDraft {
  const hasPassport = row.teacherCount !== undefined || row.studentCount !== undefined || row.positions !== undefined;
  return {
    schoolCode: row.schoolCode,
    year: row.year,
    blocks: row.blocks,
    expert: row.expert,
    passport: hasPassport
      ? {
          managementPositions:
            row.positions === undefined
              ? undefined
              : positionsAfterRow(stored?.managementPositions ?? null, row.positions),
          teacherCount: row.teacherCount,
          studentCount: row.studentCount,
        }
      : undefined,
    documents: row.documents,
  };
}
