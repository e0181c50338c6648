import type { VsokoPart } from '../users/permissions';
import type { VsokoEvaluationDraft } from './vsoko.validation';

/** An evaluation as stored, apart from who and when. */
export interface VsokoEvaluationRecord {
  schoolCode: string;
  year: number;
  scores: Map<number, number>;
  expert: string | null;
  managementPositions: string[] | null;
  teacherCount: number | null;
  studentCount: number | null;
  /** Document code → link; a document without a link is absent. */
  links: Map<string, string>;
}

const clean = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * What an upsert stores: block scores always replaced; an optional part the draft leaves
 * `undefined` keeps its stored value (a file without a «Эксперт» column keeps the expert),
 * `null` clears it; a listed document link replaces that document's link (an empty one
 * removes it) and unlisted documents keep theirs. Texts are trimmed; empty means none.
 */
export function mergeVsokoEvaluation(
  stored: VsokoEvaluationRecord | null,
  draft: VsokoEvaluationDraft,
): VsokoEvaluationRecord {
  const keep = <K extends keyof VsokoEvaluationRecord>(key: K, fallback: VsokoEvaluationRecord[K]) =>
    stored ? stored[key] : fallback;
  const passport = draft.passport;
  const links = new Map(keep('links', new Map()));
  if (draft.documents === null) links.clear();
  for (const { code, url } of draft.documents ?? []) {
    const link = clean(url);
    if (link === null) links.delete(code);
    else links.set(code, link);
  }
  return {
    schoolCode: draft.schoolCode,
    year: draft.year,
    scores: new Map(draft.blocks.map((b) => [b.number, b.score])),
    expert: draft.expert === undefined ? keep('expert', null) : clean(draft.expert),
    managementPositions:
      passport === null
        ? null
        : passport?.managementPositions === undefined
          ? keep('managementPositions', null)
          : passport.managementPositions === null
            ? null
            : [...new Set(passport.managementPositions)],
    teacherCount:
      passport === null
        ? null
        : passport?.teacherCount === undefined
          ? keep('teacherCount', null)
          : passport.teacherCount,
    studentCount:
      passport === null
        ? null
        : passport?.studentCount === undefined
          ? keep('studentCount', null)
          : passport.studentCount,
    links,
  };
}

/** A stored evaluation and whether it is demo data. */
export interface StoredVsokoEvaluation {
  isDemo: boolean;
  record: VsokoEvaluationRecord;
}

/** A map key for an evaluation: school and campaign year. */
export const vsokoKey = (schoolCode: string, year: number) => `${schoolCode}\u0000${year}`;

/** What a draft merges into: a real record; a real one over a demo one starts afresh (no demo part survives). */
export function realRecord(stored: StoredVsokoEvaluation | undefined | null): VsokoEvaluationRecord | null {
  return stored && !stored.isDemo ? stored.record : null;
}

function sameMap<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.has(k) && b.get(k) === v);
}

function sameSet(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  const set = new Set(a);
  return new Set(b).size === set.size && b.every((x) => set.has(x));
}

/** Whether two records store the same evaluation (positions compare as sets): an unchanged one is not written. */
export function sameVsokoEvaluation(a: VsokoEvaluationRecord, b: VsokoEvaluationRecord): boolean {
  return (
    a.schoolCode === b.schoolCode &&
    a.year === b.year &&
    a.expert === b.expert &&
    a.teacherCount === b.teacherCount &&
    a.studentCount === b.studentCount &&
    sameSet(a.managementPositions, b.managementPositions) &&
    sameMap(a.scores, b.scores) &&
    sameMap(a.links, b.links)
  );
}

/**
 * The parts of the stored evaluation (demo or not) a draft changes: what a
 * permission check weighs. Parts the draft leaves out, or sets to what is
 * stored, are not changes — block scores are always in a draft, and a
 * coordinator sends them back unchanged.
 */
export function changedVsokoParts(stored: VsokoEvaluationRecord | null, draft: VsokoEvaluationDraft): VsokoPart[] {
  const next = mergeVsokoEvaluation(stored, draft);
  const before: VsokoEvaluationRecord = stored ?? {
    ...next,
    scores: new Map(),
    expert: null,
    managementPositions: null,
    teacherCount: null,
    studentCount: null,
    links: new Map(),
  };
  const parts: VsokoPart[] = [];
  if (stored === null || !sameMap(before.scores, next.scores)) parts.push('scores');
  if (before.expert !== next.expert) parts.push('expert');
  if (
    !sameSet(before.managementPositions, next.managementPositions) ||
    before.teacherCount !== next.teacherCount ||
    before.studentCount !== next.studentCount
  ) {
    parts.push('passport');
  }
  if (!sameMap(before.links, next.links)) parts.push('documents');
  return parts;
}
