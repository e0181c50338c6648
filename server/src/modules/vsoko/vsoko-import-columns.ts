import type { EntityManager } from 'typeorm';
import { normalizeHeader, type ColumnSpec } from '../imports/reader/header';

/** Fixed headers of a `vsoko-evaluations` file (BRIEF §5), canonical spellings first. */
export const VSOKO_HEADERS = {
  code: 'Код ОО',
  year: 'Год',
  expert: 'Эксперт',
  teachers: 'Педагогов',
  students: 'Обучающихся',
} as const;

export const BLOCK_NUMBERS = [1, 2, 3, 4] as const;

export const blockHeader = (number: number) => `Блок ${number}`;

export const VSOKO_FIXED_COLUMNS: ColumnSpec[] = [
  { key: 'code', headers: [VSOKO_HEADERS.code, 'Код', 'Логин ОО'], required: true },
  { key: 'year', headers: [VSOKO_HEADERS.year, 'Год мониторинга'], required: true },
  ...BLOCK_NUMBERS.map((n) => ({ key: `block${n}`, headers: [blockHeader(n)], required: true })),
  { key: 'expert', headers: [VSOKO_HEADERS.expert, 'ФИО эксперта'], required: false },
  {
    key: 'teachers',
    headers: [
      VSOKO_HEADERS.teachers,
      'Численность педагогических работников',
      'Общая численность педагогических работников, включая совместителей',
    ],
    required: false,
  },
  {
    key: 'students',
    headers: [
      VSOKO_HEADERS.students,
      'Численность обучающихся',
      'Общая численность обучающихся, находящихся в контингенте ОО',
    ],
    required: false,
  },
];

/** The list marks optional documents «(при наличии)»; files head the column without it. */
export function bareTitle(title: string): string {
  return title.replace(/\s*\(при наличии\)\s*$/i, '').trim();
}

export const documentColumnKey = (title: string) => `document:${normalizeHeader(bareTitle(title))}`;
export const positionColumnKey = (title: string) => `position:${normalizeHeader(title)}`;

/**
 * One optional column per required document (header: its title, with or without
 * «(при наличии)») and per management position of the passports of all campaigns, in
 * list order. Titles are matched as every header is: case, ё/е and spacing do not matter.
 */
export async function loadVsokoReferenceColumns(em: EntityManager): Promise<ColumnSpec[]> {
  const rows: { title: string; kind: 'document' | 'position' }[] = await em.query(
    `SELECT title, kind FROM (
       SELECT title, 'document' AS kind, min(position) AS position FROM vsoko_document GROUP BY title
       UNION ALL
       SELECT title, 'position', 100 + min(position) FROM vsoko_passport_item WHERE kind = 'position' GROUP BY title
     ) t ORDER BY position, title`,
  );
  const columns = new Map<string, ColumnSpec>();
  for (const { title, kind } of rows) {
    const key = kind === 'document' ? documentColumnKey(title) : positionColumnKey(title);
    const header = kind === 'document' ? bareTitle(title) : title;
    const column = columns.get(key) ?? { key, headers: [], required: false };
    for (const h of [header, title]) if (!column.headers.includes(h)) column.headers.push(h);
    columns.set(key, column);
  }
  return [...columns.values()];
}
