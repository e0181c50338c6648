import type { Writable } from 'node:stream';
import type { ImportJob, ImportRejectedRow } from './import-job.entity';

/**
 * Cells are data, never formulas: text a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR first) goes out behind an apostrophe.
 */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(text: string): string {
  const escaped = escapeFormula(text);
  return /[";\r\n]/.test(escaped) ? `"${escaped.replace(/"/g, '""')}"` : escaped;
}

function describeProblems(row: ImportRejectedRow): string {
  return row.problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join('; ');
}

type RowSource = (afterLine: number | null) => Promise<ImportRejectedRow[]>;

async function* allRows(next: RowSource): AsyncGenerator<ImportRejectedRow> {
  let after: number | null = null;
  for (;;) {
    const page = await next(after);
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1]!.line;
  }
}

function headerOf(job: ImportJob): string[] {
  return ['Строка', ...job.headerCells, 'Ошибки'];
}

function cellsOf(job: ImportJob, row: ImportRejectedRow): string[] {
  const width = Math.max(job.headerCells.length, row.cells.length);
  const cells = Array.from({ length: width }, (_, i) => row.cells[i] ?? '');
  return [String(row.line), ...cells, describeProblems(row)];
}

/** The rejected rows as CSV for Excel: UTF-8 with BOM, «;», the file's header plus «Строка» and «Ошибки». */
export async function writeRejectedCsv(job: ImportJob, next: RowSource, out: Writable): Promise<void> {
  const write = (line: string) =>
    out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(`\uFEFF${headerOf(job).map(csvField).join(';')}\r\n`);
  for await (const row of allRows(next)) await write(`${cellsOf(job, row).map(csvField).join(';')}\r\n`);
  out.end();
}

/** The same as XLSX, streamed. */
export async function writeRejectedXlsx(job: ImportJob, next: RowSource, out: Writable): Promise<void> {
  // Loaded on demand, as in reading: few exports are XLSX, and the library is large.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('Отклонённые строки');
  const header = sheet.addRow(headerOf(job));
  header.font = { bold: true };
  header.commit();
  for await (const row of allRows(next)) sheet.addRow(cellsOf(job, row).map(escapeFormula)).commit();
  sheet.commit();
  await workbook.commit();
}
