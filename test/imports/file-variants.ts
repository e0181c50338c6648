import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';

/** A file of the fixtures folder. */
export const fixture = (name: string) => path.resolve(__dirname, 'fixtures', name);

/** The cells of a `;`-separated fixture, header first. */
export function readCsv(name: string): string[][] {
  return fs
    .readFileSync(fixture(name), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(';'));
}

/** Rows with their columns picked (and ordered) by header, as written in `headers`. */
export function pickColumns(rows: string[][], headers: string[], rename: Record<string, string> = {}): string[][] {
  const [header, ...data] = rows;
  const at = headers.map((h) => header!.indexOf(h));
  if (at.includes(-1)) throw new Error(`No column ${headers[at.indexOf(-1)]}`);
  return [headers.map((h) => rename[h] ?? h), ...data.map((row) => at.map((i) => row[i]!))];
}

/** A folder for generated files, removed by its `remove`. */
export interface Scratch {
  dir: string;
  file: (name: string, content: Buffer | string) => string;
  remove: () => void;
}

/** A folder for generated files, removed by the returned function. */
export function scratchDir(): Scratch {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-import-test-'));
  return {
    dir,
    file(name, content) {
      const filePath = path.join(dir, name);
      fs.writeFileSync(filePath, content);
      return filePath;
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A hub for the file's tests and a folder for the files they write: started before them (then
 * `started` is told), closed and removed after. A file's further set-up is a `beforeAll` of its own.
 */
export function withHubAndScratch(started: (fixtures: { hub: TestHub; scratch: Scratch }) => void): void {
  let hub: TestHub | undefined;
  let scratch: Scratch | undefined;
  beforeAll(async () => {
    hub = await startTestHub();
    scratch = scratchDir();
    started({ hub, scratch });
  });
  afterAll(async () => {
    await hub?.close();
    scratch?.remove();
  });
}

/** Windows-1251 CSV with `;` and CRLF, as Excel on a Russian Windows saves it. */
export function windows1251(rows: string[][]): Buffer {
  return iconv.encode(rows.map((r) => r.join(';')).join('\r\n'), 'win1251');
}

/** An XLSX workbook: numbers as numbers (what a typed-in sheet holds), text as text. */
export async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Лист1');
  for (const row of rows) {
    sheet.addRow(row.map((cell) => (/^-?\d+$/.test(cell) ? Number(cell) : cell)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
