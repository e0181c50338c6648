import fs from 'node:fs';
import path from 'node:path';
import { findHeader, type ColumnSpec } from './header';
import { csvRecords, sniffCsv, xlsxRecords, type SourceRecord } from './sources';

/** The header must be within the first rows (federal exports put titles above it). */
export const HEADER_SEARCH_ROWS = 20;

/** A data row: its line in the file and its cells by column key (text as written). */
export interface TableRow {
  line: number;
  values: Record<string, string | undefined>;
  cells: string[];
}

export interface OpenedTable {
  format: string;
  headerLine: number;
  /** The header cells as written, in file order (for the rejected-rows file). */
  headerCells: string[];
  warnings: string[];
  /** The data rows in the batches they were read in: a million-row file costs one async step per batch. */
  batches: AsyncGenerator<TableRow[]>;
  /** The same rows one by one (read the one or the other). */
  rows: AsyncGenerator<TableRow>;
}

export class TableError extends Error {}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

async function magic(file: string): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(4);
    await handle.read(buffer, 0, 4, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}

/**
 * Opens a CSV (UTF-8 or Windows-1251; `;`, `,` or tab) or XLSX file, finds
 * its header among the first rows and matches the kind's columns, in any
 * order. The data rows then stream; blank rows are skipped.
 */
export async function openTable(file: string, fileName: string, specs: ColumnSpec[]): Promise<OpenedTable> {
  const head = await magic(file);
  const extension = path.extname(fileName).toLowerCase();
  if (head.equals(OLE_MAGIC) || extension === '.xls') {
    throw new TableError('Формат .xls не поддерживается: сохраните файл в Excel как .xlsx или .csv');
  }
  const isXlsx = head.equals(ZIP_MAGIC);
  if (!isXlsx && extension === '.xlsx') throw new TableError('Файл .xlsx повреждён или это не книга Excel');

  const probe = (rows: string[][]) => 'header' in findHeader(rows, specs);
  let format: string;
  let source: AsyncGenerator<SourceRecord[]>;
  if (isXlsx) {
    format = 'xlsx';
    source = xlsxRecords(file, probe, HEADER_SEARCH_ROWS);
  } else {
    const csv = await sniffCsv(file);
    format = `csv (${csv.encoding === 'utf8' ? 'UTF-8' : 'Windows-1251'}, разделитель «${csv.delimiter === '\t' ? 'табуляция' : csv.delimiter}»)`;
    source = csvRecords(file, csv);
  }

  // The first batch may hold more than the header search needs: the rest are data rows.
  const top: SourceRecord[] = [];
  while (top.length < HEADER_SEARCH_ROWS) {
    const next = await source.next();
    if (next.done) break;
    for (const record of next.value) top.push(record);
  }
  if (top.length === 0) throw new TableError('Файл пуст');
  const found = findHeader(
    top.slice(0, HEADER_SEARCH_ROWS).map((r) => r.cells),
    specs,
  );
  if ('error' in found) {
    await source.return(undefined);
    throw new TableError(found.error);
  }
  const { index, columns, unknown } = found.header;
  const headerRecord = top[index]!;
  const warnings = unknown.map((name) => `Столбец «${name}» не используется и пропущен`);

  const toRows = (records: SourceRecord[]): TableRow[] => {
    const rows: TableRow[] = [];
    for (const record of records) {
      if (record.cells.every((c) => c === undefined || c.trim() === '')) continue;
      const values: Record<string, string | undefined> = {};
      for (const [key, at] of columns) values[key] = record.cells[at];
      rows.push({ line: record.line, values, cells: record.cells });
    }
    return rows;
  };
  async function* batches(): AsyncGenerator<TableRow[]> {
    yield toRows(top.slice(index + 1));
    for await (const batch of source) yield toRows(batch);
  }
  async function* rows(): AsyncGenerator<TableRow> {
    for await (const batch of batches()) yield* batch;
  }

  return {
    format,
    headerLine: headerRecord.line,
    headerCells: headerRecord.cells.map((c) => c ?? ''),
    warnings,
    batches: batches(),
    rows: rows(),
  };
}
