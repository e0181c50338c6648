import type { EntityManager } from 'typeorm';
import type { ColumnSpec } from '../imports/reader/header';
import type { ImportKind, Importer, MergeCounts, RowProblem } from '../imports/import-kind';
import { parseDecimal, parseInteger, parseText } from '../imports/reader/cells';
import type { SelfDiagnosticDirection } from './self-diagnostic-direction.entity';
import {
  isSelfDiagnosticUnchanged,
  selfDiagnosticKey,
  selfDiagnosticRecord,
  type SelfDiagnosticRecord,
} from './self-diagnostic-record';
import { SelfDiagnosticsService } from './self-diagnostics.service';
import {
  parseSelfDiagnosticLevel,
  unknownLevelProblem,
  validateSelfDiagnostic,
  type SelfDiagnosticDraft,
} from './self-diagnostics.validation';

const H = {
  code: 'Код ОО',
  year: 'Год',
  round: 'Этап',
  total: 'Итого',
  level: 'Уровень',
} as const;

const FIXED_COLUMNS: ColumnSpec[] = [
  { key: 'code', headers: [H.code, 'Код', 'Логин ОО'], required: true },
  { key: 'year', headers: [H.year], required: true },
  { key: 'round', headers: [H.round, 'Этап самодиагностики'], required: true },
  { key: 'total', headers: [H.total, 'Итого баллов', 'Сумма баллов'], required: false },
  { key: 'level', headers: [H.level, 'Уровень соответствия'], required: true },
];

const directionKey = (code: string) => `direction:${code}`;

/** One optional column per direction of the model, headed by its name («Знание», …), in model order. */
async function loadColumns(em: EntityManager): Promise<ColumnSpec[]> {
  const directions = await new SelfDiagnosticsService(em).directions();
  return directions.map((d) => ({ key: directionKey(d.code), headers: [d.name], required: false }));
}

export interface SelfDiagnosticsImportContext {
  directions: SelfDiagnosticDirection[];
  schools: Set<string>;
}

async function prepare(em: EntityManager): Promise<SelfDiagnosticsImportContext> {
  const schools: { code: string }[] = await em.query(`SELECT code FROM school`);
  return {
    directions: await new SelfDiagnosticsService(em).directions(),
    schools: new Set(schools.map((s) => s.code)),
  };
}

/** The file's column for a problem the domain's validator reports under `field`. */
function columnOf(field: string, directions: readonly SelfDiagnosticDirection[]): string | null {
  const fixed: Record<string, string> = {
    schoolCode: H.code,
    year: H.year,
    round: H.round,
    total: H.total,
    level: H.level,
  };
  if (fixed[field]) return fixed[field];
  const direction = /^scores\.(.+)$/.exec(field);
  return (direction && directions.find((d) => d.code === direction[1])?.name) ?? null;
}

function parse(
  values: Record<string, string | undefined>,
  context: SelfDiagnosticsImportContext,
): { value: SelfDiagnosticRecord } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const schoolCode = parseText(values.code) ?? '';
  if (schoolCode === '') problems.push({ column: H.code, message: 'Не указан код ОО' });
  const whole = (key: string, column: string, missing: string | null): number | null => {
    const cell = parseInteger(values[key]);
    if ('error' in cell) problems.push({ column, message: cell.error });
    else if (cell.value === null && missing) problems.push({ column, message: missing });
    return 'error' in cell ? null : cell.value;
  };
  const year = whole('year', H.year, 'Не указан год');
  const round = whole('round', H.round, 'Не указан этап (1 или 2)');
  const scores: { directionCode: string; score: number }[] = [];
  for (const direction of context.directions) {
    // Decimals are read so that the domain's rule reports «нужно целое неотрицательное число».
    const cell = parseDecimal(values[directionKey(direction.code)]);
    if ('error' in cell) problems.push({ column: direction.name, message: cell.error });
    else if (cell.value !== null) scores.push({ directionCode: direction.code, score: cell.value });
  }
  const total = parseDecimal(values.total);
  if ('error' in total) problems.push({ column: H.total, message: total.error });
  const level = parseSelfDiagnosticLevel(values.level);
  if (level === null) problems.push({ column: H.level, message: unknownLevelProblem(values.level).message });

  const draft: SelfDiagnosticDraft = {
    schoolCode,
    year: year ?? 0,
    round: round ?? 0,
    scores,
    total: 'error' in total ? null : total.value,
    level,
  };
  // The domain's own rules, exactly as `submitSelfDiagnostic` applies them.
  const unreadable = new Set(problems.map((p) => p.column));
  const found = validateSelfDiagnostic(draft, {
    directions: context.directions,
    schoolExists: context.schools.has(schoolCode),
  });
  for (const p of found) {
    const column = columnOf(p.field, context.directions);
    // A cell already reported as unreadable (or empty) is reported once.
    if (!unreadable.has(column)) problems.push({ column, message: p.message });
  }
  if (problems.length > 0) return { problems };
  return { value: selfDiagnosticRecord(draft, context.directions) };
}

/**
 * Each staged row replaces the stored result of its school, year and round, as a
 * submission does; only results that change are written, through the domain's write path.
 */
async function merge(em: EntityManager, table: string, importer: Importer): Promise<MergeCounts> {
  const staged: {
    school_code: string;
    year: number;
    round: number;
    total: number | null;
    level: string;
    scores: Record<string, number>;
  }[] = await em.query(`SELECT school_code, year, round, total, level, scores FROM ${table} ORDER BY line`);
  const records: SelfDiagnosticRecord[] = staged.map((s) => ({
    schoolCode: s.school_code,
    year: s.year,
    round: s.round,
    total: s.total,
    level: s.level as SelfDiagnosticRecord['level'],
    scores: new Map(Object.entries(s.scores)),
  }));
  const service = new SelfDiagnosticsService(em);
  const stored = await service.storedMany(records);
  const counts: MergeCounts = { inserted: 0, updated: 0 };
  const changed = records.filter((record) => {
    const before = stored.get(selfDiagnosticKey(record.schoolCode, record.year, record.round));
    if (isSelfDiagnosticUnchanged(before, record)) return false;
    if (before) counts.updated++;
    else counts.inserted++;
    return true;
  });
  await service.write(changed, importer);
  return counts;
}

/**
 * «Школа Минпросвещения России» self-diagnostics: `pnpm hub import self-diagnostics <file>`
 * (BRIEF §5). One row per school, year and round; it replaces the stored result whole, as
 * `submitSelfDiagnostic` does: a direction whose cell is empty or whose column is missing
 * has no score, and an empty Итого is the sum when every direction is scored.
 */
export const selfDiagnosticsImport: ImportKind<SelfDiagnosticRecord, SelfDiagnosticsImportContext> = {
  kind: 'self-diagnostics',
  title: 'Самодиагностика «Школа Минпросвещения России»',
  columns: FIXED_COLUMNS,
  loadColumns,
  prepare,
  parse,
  key: ['school_code', 'year', 'round'],
  describeKey: (r) => `${r.schoolCode}, ${r.year}, этап ${r.round}`,
  staging: [
    { name: 'school_code', type: 'text', get: (r) => r.schoolCode },
    { name: 'year', type: 'integer', get: (r) => r.year },
    { name: 'round', type: 'integer', get: (r) => r.round },
    { name: 'total', type: 'integer', get: (r) => r.total },
    { name: 'level', type: 'text', get: (r) => r.level },
    { name: 'scores', type: 'jsonb', get: (r) => JSON.stringify(Object.fromEntries(r.scores)) },
  ],
  merge,
};
