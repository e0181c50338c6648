/**
 * Tables leave as data, never as formulas: a text cell starting with =, +, -, @
 * (or tab/CR) is written behind an apostrophe, as the server's exports do.
 */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export interface ExportColumn<Row> {
  header: string;
  value(row: Row): string | number | null | undefined;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  const text = escapeFormula(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV as Russian Excel opens it: UTF-8 with BOM, «;», decimal commas. */
export function exportCsv<Row>(rows: Row[], columns: ExportColumn<Row>[], fileName: string): void {
  const lines = [columns.map((c) => csvCell(c.header)).join(';')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(';'));
  downloadBlob(new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
}

/** XLSX with numbers as numbers; the writer is loaded only when someone exports. */
export async function exportXlsx<Row>(rows: Row[], columns: ExportColumn<Row>[], fileName: string): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header = columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const }));
  const body = rows.map((row) =>
    columns.map((c) => {
      const value = c.value(row);
      if (value === null || value === undefined) return null;
      return typeof value === 'number' ? { type: Number, value } : { type: String, value: escapeFormula(value) };
    }),
  );
  // write-excel-file 4 returns a writer: `.toBlob()` gives the file.
  const blob = await writeXlsxFile([header, ...body] as never).toBlob();
  downloadBlob(blob, `${fileName}.xlsx`);
}

/** A chart as PNG from its data URL. */
export function exportPng(dataUrl: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = `${fileName}.png`;
  link.click();
}
