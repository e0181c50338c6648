import type { SelfDiagnosticLevel } from './self-diagnostic-level';
import { storedTotal, type SelfDiagnosticDraft } from './self-diagnostics.validation';

/** A result as stored, apart from who and when. */
export interface SelfDiagnosticRecord {
  schoolCode: string;
  year: number;
  round: number;
  total: number | null;
  level: SelfDiagnosticLevel;
  /** Direction code → score; a direction without a score is absent. */
  scores: Map<string, number>;
}

/** A stored result and whether it is demo data. */
export interface StoredSelfDiagnostic {
  isDemo: boolean;
  record: SelfDiagnosticRecord;
}

/** A map key for a result: school, year and round. */
export const selfDiagnosticKey = (schoolCode: string, year: number, round: number) =>
  `${schoolCode}\u0000${year}\u0000${round}`;

/**
 * What a valid draft stores: it replaces the whole result (a result is one snapshot of the
 * federal platform), with the total as given or the sum of all directions (`storedTotal`).
 */
export function selfDiagnosticRecord(
  draft: SelfDiagnosticDraft,
  directions: readonly { code: string }[],
): SelfDiagnosticRecord {
  if (draft.level === null) throw new Error('A self-diagnostic draft without a level was not validated');
  return {
    schoolCode: draft.schoolCode,
    year: draft.year,
    round: draft.round,
    total: storedTotal(draft, directions),
    level: draft.level,
    scores: new Map((draft.scores ?? []).map((s) => [s.directionCode, s.score])),
  };
}

/** Whether a stored result already says what `next` says: then it is not written again. */
export function isSelfDiagnosticUnchanged(
  stored: StoredSelfDiagnostic | undefined,
  next: SelfDiagnosticRecord,
): boolean {
  if (!stored || stored.isDemo) return false;
  const a = stored.record;
  return (
    a.total === next.total &&
    a.level === next.level &&
    a.scores.size === next.scores.size &&
    [...next.scores].every(([code, score]) => a.scores.get(code) === score)
  );
}
