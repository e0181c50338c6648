import type { EntityManager } from 'typeorm';
import type { ImportKind, Importer, MergeCounts, RowProblem } from '../imports/import-kind';
import { parseBoolean, parseDecimal, parseInteger, parseText } from '../imports/reader/cells';
import { VsokoCampaignsService, type VsokoCampaignRules } from './vsoko-campaigns.service';
import { VsokoEvaluationsService } from './vsoko-evaluations.service';
import { vsokoDraftOfRow, type VsokoFileRow } from './vsoko-file-row';
import {
  bareTitle,
  BLOCK_NUMBERS,
  blockHeader,
  documentColumnKey,
  loadVsokoReferenceColumns,
  positionColumnKey,
  VSOKO_FIXED_COLUMNS,
  VSOKO_HEADERS as H,
} from './vsoko-import-columns';
import { mergeVsokoEvaluation, realRecord, sameVsokoEvaluation, vsokoKey } from './vsoko-merge';
import { VsokoPassportItemKind } from './vsoko-zone';
import { validateVsokoEvaluation, type VsokoEvaluationDraft } from './vsoko.validation';

export interface CampaignContext {
  rules: VsokoCampaignRules;
  sample: Set<string>;
  /** Column key → document code, for the campaign's documents. */
  documents: Map<string, string>;
  /** Column key → passport position code. */
  positions: Map<string, string>;
}

export interface VsokoImportContext {
  campaigns: Map<number, CampaignContext>;
  years: number[];
  schools: Set<string>;
  /** Column key → the header a problem names (a document's or a position's title). */
  titles: Map<string, string>;
}

/** What checking rows needs of the campaigns (with their samples) and the school register. */
export function vsokoImportContext(
  campaigns: readonly { rules: VsokoCampaignRules; sample: Iterable<string> }[],
  schools: Iterable<string>,
): VsokoImportContext {
  const titles = new Map<string, string>();
  const byYear = new Map<number, CampaignContext>();
  for (const { rules, sample } of campaigns) {
    const documents = new Map<string, string>();
    for (const d of rules.documents) {
      documents.set(documentColumnKey(d.title), d.code);
      titles.set(documentColumnKey(d.title), bareTitle(d.title));
    }
    const positions = new Map<string, string>();
    for (const p of rules.passportItems) {
      if (p.kind !== VsokoPassportItemKind.POSITION) continue;
      positions.set(positionColumnKey(p.title), p.code);
      titles.set(positionColumnKey(p.title), p.title);
    }
    byYear.set(rules.campaign.year, { rules, sample: new Set(sample), documents, positions });
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return { campaigns: byYear, years, schools: new Set(schools), titles };
}

async function prepare(em: EntityManager): Promise<VsokoImportContext> {
  const service = new VsokoCampaignsService(em);
  const rules = await service.rules(await service.years());
  const sample: { campaign_year: number; school_code: string }[] = await em.query(
    `SELECT campaign_year, school_code FROM vsoko_campaign_school`,
  );
  const schools: { code: string }[] = await em.query(`SELECT code FROM school`);
  return vsokoImportContext(
    [...rules.values()].map((r) => ({
      rules: r,
      sample: sample.filter((s) => s.campaign_year === r.campaign.year).map((s) => s.school_code),
    })),
    schools.map((s) => s.code),
  );
}

/** The file's column for a problem the domain's validator reports under `field`. */
function columnOf(field: string, campaign: CampaignContext | undefined): string | null {
  if (field === 'schoolCode') return H.code;
  if (field === 'year') return H.year;
  if (field === 'passport.teacherCount') return H.teachers;
  if (field === 'passport.studentCount') return H.students;
  const block = /^blocks\.(\d+)$/.exec(field);
  if (block) return blockHeader(Number(block[1]));
  const document = /^documents\.(.+)$/.exec(field);
  const title = document && campaign?.rules.documents.find((d) => d.code === document[1])?.title;
  return title ? bareTitle(title) : null;
}

function parse(
  values: Record<string, string | undefined>,
  context: VsokoImportContext,
): { value: VsokoFileRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const schoolCode = parseText(values.code) ?? '';
  if (schoolCode === '') problems.push({ column: H.code, message: 'Не указан код ОО' });
  const yearCell = parseInteger(values.year);
  let year: number | null = null;
  if ('error' in yearCell) problems.push({ column: H.year, message: yearCell.error });
  else if (yearCell.value === null) problems.push({ column: H.year, message: 'Не указан год кампании мониторинга' });
  else year = yearCell.value;
  const campaign = year === null ? undefined : context.campaigns.get(year);

  const row: VsokoFileRow = { schoolCode, year: year ?? 0, blocks: [] };
  for (const number of BLOCK_NUMBERS) {
    const cell = parseDecimal(values[`block${number}`]);
    if ('error' in cell) problems.push({ column: blockHeader(number), message: cell.error });
    else if (cell.value !== null) row.blocks.push({ number, score: cell.value });
  }
  // As written: `mergeVsokoEvaluation` trims it, as it does for the mutation.
  if ('expert' in values) row.expert = values.expert ?? null;
  const count = (key: 'teachers' | 'students', column: string): number | null | undefined => {
    if (!(key in values)) return undefined;
    const cell = parseDecimal(values[key]);
    if ('error' in cell) problems.push({ column, message: cell.error });
    return 'error' in cell ? null : cell.value;
  };
  row.teacherCount = count('teachers', H.teachers);
  row.studentCount = count('students', H.students);
  for (const key of Object.keys(values)) {
    const isPosition = key.startsWith('position:');
    if (!isPosition && !key.startsWith('document:')) continue;
    const column = context.titles.get(key) ?? key;
    const mark = isPosition ? parseBoolean(values[key]) : { value: values[key]?.trim() || null };
    if ('error' in mark) {
      problems.push({ column, message: mark.error });
      continue;
    }
    const code = (isPosition ? campaign?.positions : campaign?.documents)?.get(key);
    if (code === undefined) {
      // A column of another campaign's list: only a value in it is a problem.
      if (campaign && mark.value !== null) {
        const list = isPosition ? 'паспорте участника' : 'перечне документов';
        problems.push({ column, message: `«${column}» нет в ${list} мониторинга ВСОКО ${year} года` });
      }
      continue;
    }
    if (isPosition) (row.positions ??= {})[code] = mark.value as boolean | null;
    else (row.documents ??= []).push({ code, url: mark.value as string | null });
  }

  // The domain's own rules, exactly as `recordVsokoEvaluation` applies them.
  const draft: VsokoEvaluationDraft = {
    ...vsokoDraftOfRow(row, null),
    passport: {
      managementPositions: Object.keys(row.positions ?? {}).filter((code) => row.positions![code] === true),
      teacherCount: row.teacherCount,
      studentCount: row.studentCount,
    },
  };
  const unreadable = new Set(problems.map((p) => p.column));
  const found = validateVsokoEvaluation(draft, {
    campaign: campaign?.rules ?? null,
    campaignYears: context.years,
    schoolExists: context.schools.has(schoolCode),
    inSample: campaign?.sample.has(schoolCode) ?? false,
  });
  for (const p of found) {
    const column = columnOf(p.field, campaign);
    // A cell already reported as unreadable (or empty) is reported once.
    if (!unreadable.has(column)) problems.push({ column, message: p.message });
  }
  return problems.length > 0 ? { problems } : { value: row };
}

/**
 * Merges each staged row into the stored evaluation as `recordVsokoEvaluation` does and
 * writes, through the domain's one write path, only the evaluations that change.
 */
async function merge(em: EntityManager, table: string, importer: Importer): Promise<MergeCounts> {
  const staged: { row: VsokoFileRow }[] = await em.query(`SELECT draft AS row FROM ${table} ORDER BY line`);
  const service = new VsokoEvaluationsService(em);
  const stored = await service.storedMany(staged.map(({ row }) => ({ schoolCode: row.schoolCode, year: row.year })));
  const counts: MergeCounts = { inserted: 0, updated: 0 };
  const changed = [];
  for (const { row } of staged) {
    const before = stored.get(vsokoKey(row.schoolCode, row.year));
    const base = realRecord(before);
    const record = mergeVsokoEvaluation(base, vsokoDraftOfRow(row, base));
    if (base && sameVsokoEvaluation(base, record)) continue;
    changed.push(record);
    if (before) counts.updated++;
    else counts.inserted++;
  }
  await service.write(changed, importer);
  return counts;
}

/**
 * ВСОКО evaluations: `pnpm hub import vsoko-evaluations <file>` (BRIEF §5). One row per
 * school and campaign. Block scores are replaced; a column the file lacks keeps what is
 * stored, an empty cell in a present column clears it (see `VsokoFileRow`).
 */
export const vsokoEvaluationsImport: ImportKind<VsokoFileRow, VsokoImportContext> = {
  kind: 'vsoko-evaluations',
  title: 'Мониторинг ВСОКО: результаты экспертизы',
  columns: VSOKO_FIXED_COLUMNS,
  loadColumns: loadVsokoReferenceColumns,
  prepare,
  parse,
  key: ['school_code', 'campaign_year'],
  describeKey: (row) => `${row.schoolCode}, ${row.year}`,
  staging: [
    { name: 'school_code', type: 'text', get: (r) => r.schoolCode },
    { name: 'campaign_year', type: 'integer', get: (r) => r.year },
    { name: 'draft', type: 'jsonb', get: (r) => JSON.stringify(r) },
  ],
  merge,
};
