import fs from 'node:fs';
import type { CellValue, Row } from 'exceljs';
import iconv from 'iconv-lite';
import { CsvSplitter } from './csv-splitter';
import { detectDelimiter, type Delimiter } from './delimiter';
import { detectEncoding, type CsvEncoding } from './encoding';

/** One row of a sheet: its line (CSV) or row number (XLSX), 1-based, and its cells as text. */
export interface SourceRecord {
  line: number;
  cells: string[];
}

export interface CsvFormat {
  encoding: CsvEncoding;
  delimiter: Delimiter;
}

const SNIFF_BYTES = 64 * 1024;

/** Encoding and delimiter of a CSV file, from its first 64 KB. */
export async function sniffCsv(path: string): Promise<CsvFormat> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const sample = buffer.subarray(0, bytesRead);
    const encoding = detectEncoding(sample);
    const text = encoding === 'utf8' ? sample.toString('utf8') : iconv.decode(sample, 'win1251');
    const lines = text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(0, 25);
    return { encoding, delimiter: detectDelimiter(lines) };
  } finally {
    await handle.close();
  }
}

/** Bytes per read: fewer, larger reads cost the process less than many small ones. */
const READ_BYTES = 64 * 1024;
/**
 * Decoded text is split into records this many characters at a time, and between two slices the
 * process turns to other I/O (`setImmediate`): a large import sends PostgreSQL its rows and answers
 * it while the file is still being parsed, and it waits only as long as one slice takes to parse.
 */
const SLICE_CHARS = 16 * 1024;

const otherIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The records of a CSV file, streamed in batches (one per slice of text):
 * memory does not grow with the file, and a million-row file costs a few
 * async steps per batch rather than per row.
 */
export async function* csvRecords(path: string, format: CsvFormat): AsyncGenerator<SourceRecord[]> {
  const raw = fs.createReadStream(path, { highWaterMark: READ_BYTES });
  const text = (
    format.encoding === 'win1251' ? raw.pipe(iconv.decodeStream('win1251')) : raw.setEncoding('utf8')
  ) as AsyncIterable<string>;
  const splitter = new CsvSplitter(format.delimiter);
  try {
    for await (const chunk of text) {
      for (let at = 0; at < chunk.length; at += SLICE_CHARS) {
        const batch: SourceRecord[] = [];
        splitter.push(chunk.slice(at, at + SLICE_CHARS), batch);
        if (batch.length > 0) yield batch;
        if (at + SLICE_CHARS < chunk.length) await otherIo();
      }
    }
    const last: SourceRecord[] = [];
    splitter.end(last);
    if (last.length > 0) yield last;
  } finally {
    raw.destroy();
  }
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  // A formula's cached result: cells are data, the formula itself is never evaluated.
  if ('result' in value) return cellText((value.result ?? null) as CellValue);
  if ('formula' in value || 'sharedFormula' in value) return '';
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * Rows of the first worksheet whose top rows `hasHeader` accepts, streamed (in batches, as CSV).
 * When no worksheet has the header, the first one's top rows come out, so
 * that the caller can say what its header lacks.
 */
export async function* xlsxRecords(
  path: string,
  hasHeader: (topRows: string[][]) => boolean,
  topRowCount: number,
): AsyncGenerator<SourceRecord[]> {
  // Loaded here, not with the module: it is a large library, and most files are CSV.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  let firstTop: SourceRecord[] | undefined;
  for await (const worksheet of workbook) {
    const top: SourceRecord[] = [];
    let decided: boolean | undefined;
    for await (const row of worksheet as AsyncIterable<Row>) {
      // Array.from visits the holes of sparse rows, which map() would skip.
      const record = { line: row.number, cells: Array.from((row.values as CellValue[]).slice(1), cellText) };
      if (decided === true) yield [record];
      else if (decided === undefined) {
        top.push(record);
        if (top.length >= topRowCount) {
          decided = hasHeader(top.map((r) => r.cells));
          if (decided) yield top;
        }
      }
    }
    if (decided === undefined && top.length > 0 && hasHeader(top.map((r) => r.cells))) {
      yield top;
      return;
    }
    if (decided === true) return;
    firstTop ??= top;
  }
  if (firstTop) yield firstTop;
}
