import type { EntityManager } from 'typeorm';
import { SYSTEM } from '../../graphql/actor';
import type { ImportKind, RowProblem } from '../imports/import-kind';
import { parseInteger, parseText } from '../imports/reader/cells';
import { CATEGORY_LABELS } from './shnor-labels';
import { ShnorProgrammeStatus } from './shnor-listing.entity';
import { validateShnorListing, type ShnorListingDraft, type ShnorListingValue } from './shnor-validation';
import { ShnorService, type ShnorListingRow } from './shnor.service';

const H = {
  schoolCode: 'Код ОО',
  year: 'Год',
  category: 'Категория',
  curator: 'Куратор',
  programmeStatus: 'Статус программы',
} as const;

interface ShnorImportContext {
  schools: ReadonlySet<string>;
  today: Date;
}

interface StagedListing {
  school_code: string;
  year: number;
  category: ShnorListingRow['category'];
  curator: string | null;
  curator_given: boolean;
  programme_status: ShnorProgrammeStatus | null;
}

const categories = Object.values(CATEGORY_LABELS)
  .map((l) => `«${l}»`)
  .join(', ');

/**
 * The ШНОР/ШНСУ list: `pnpm hub import shnor-list <file>` (BRIEF §5). Natural key: school +
 * year. The rules are the module's own (`validateShnorListing`); as in `setListing`, an empty
 * status keeps the stored one (a new listing starts as a draft) and a file without the
 * «Куратор» column keeps the stored curators. The importer is recorded as who changed a listing.
 */
export const shnorListImport: ImportKind<ShnorListingValue, ShnorImportContext> = {
  kind: 'shnor-list',
  title: 'Списки ШНОР/ШНСУ',
  columns: [
    { key: 'code', headers: [H.schoolCode, 'Логин ОО', 'Код школы'], required: true },
    { key: 'year', headers: [H.year], required: true },
    { key: 'category', headers: [H.category, 'Категория школы'], required: true },
    { key: 'curator', headers: [H.curator, 'Куратор школы'], required: false },
    { key: 'programmeStatus', headers: [H.programmeStatus, 'Статус', 'Статус школьной программы'], required: false },
  ],
  key: ['school_code', 'year'],
  describeKey: (v) => `${v.schoolCode}, ${v.year}`,

  async prepare(em: EntityManager) {
    const schools: { code: string }[] = await em.query('SELECT code FROM school');
    return { schools: new Set(schools.map((s) => s.code)), today: new Date() };
  },

  parse(values, context) {
    const problems: RowProblem[] = [];
    const schoolCode = parseText(values.code) ?? '';
    const yearCell = parseInteger(values.year);
    if ('error' in yearCell) problems.push({ column: H.year, message: yearCell.error });
    else if (yearCell.value === null) problems.push({ column: H.year, message: 'Не указан год' });
    const category = parseText(values.category);
    if (category === null) {
      problems.push({ column: H.category, message: `Не указана категория: укажите ${categories}` });
    }
    const year = 'value' in yearCell && yearCell.value !== null ? yearCell.value : null;
    const draft: ShnorListingDraft = {
      schoolCode,
      // A year that could not be read is reported above; the rules see a valid one so as not to repeat it.
      year: year ?? context.today.getFullYear(),
      category,
      curator: values.curator === undefined ? undefined : parseText(values.curator),
      programmeStatus: parseText(values.programmeStatus),
    };
    const rules = validateShnorListing(draft, { schoolExists: context.schools.has(schoolCode), today: context.today });
    for (const p of rules.problems) problems.push({ column: H[p.field as keyof typeof H] ?? null, message: p.message });
    if (problems.length > 0 || !rules.value) return { problems };
    return { value: rules.value };
  },

  staging: [
    { name: 'school_code', type: 'text', get: (v) => v.schoolCode },
    { name: 'year', type: 'integer', get: (v) => v.year },
    { name: 'category', type: 'text', get: (v) => v.category },
    { name: 'curator', type: 'text', get: (v) => v.curator ?? null },
    { name: 'curator_given', type: 'boolean', get: (v) => v.curator !== undefined },
    { name: 'programme_status', type: 'text', get: (v) => v.programmeStatus ?? null },
  ],

  /**
   * A list has a few hundred rows at most (one per known school and year), so the staged rows
   * are read back and go through `ShnorService.upsertListings`, the bulk write every listing takes.
   */
  async merge(em, table, importer) {
    const staged: StagedListing[] = await em.query(
      `SELECT school_code, year, category, curator, curator_given, programme_status FROM ${table} ORDER BY line`,
    );
    const service = new ShnorService(em);
    const stored = await service.inYears(
      [...new Set(staged.map((s) => s.school_code))],
      [...new Set(staged.map((s) => s.year))],
    );
    const byKey = new Map(stored.map((l) => [`${l.schoolCode}|${l.year}`, l]));
    const rows: ShnorListingRow[] = staged.map((s) => {
      const current = byKey.get(`${s.school_code}|${s.year}`);
      return {
        schoolCode: s.school_code,
        year: s.year,
        category: s.category,
        curator: s.curator_given ? s.curator : (current?.curator ?? null),
        programmeStatus: s.programme_status ?? current?.programmeStatus ?? ShnorProgrammeStatus.DRAFT,
      };
    });
    const written = await service.upsertListings(
      rows,
      { ...SYSTEM, userId: importer.userId, displayName: importer.displayName },
      { isDemo: false },
    );
    return { inserted: written.inserted, updated: written.updated };
  },
};
