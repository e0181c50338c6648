import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvSplitter } from './csv-splitter';
import { csvRecords, type SourceRecord } from './sources';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-sources-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/**
 * Rows of every kind the splitter tells apart, many times over: the file spans several reads and
 * many slices of text, whose ends fall inside quoted fields, line breaks and two-byte characters.
 */
function text(rows: number): string {
  let out = 'Код;Название;Примечание\r\n';
  for (let i = 0; i < rows; i++) {
    if (i % 7 === 0) out += `sch${i};"Школа ""№${i}""; корпус\r\nвторой";ё\r\n`;
    else if (i % 5 === 0) out += `sch${i};5 "Б" класс;\n`;
    else out += `sch${i};Средняя школа № ${i};${'ж'.repeat(i % 13)}\r\n`;
  }
  return out;
}

async function read(file: string, encoding: 'utf8' | 'win1251'): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const batch of csvRecords(file, { encoding, delimiter: ';' })) records.push(...batch);
  return records;
}

function splitWhole(whole: string): SourceRecord[] {
  const splitter = new CsvSplitter(';');
  const records: SourceRecord[] = [];
  splitter.push(whole, records);
  splitter.end(records);
  return records;
}

describe('csvRecords', () => {
  const whole = text(20_000);

  it('reads a file of many reads and slices as the splitter reads the whole text (UTF-8)', async () => {
    const file = path.join(folder, 'utf8.csv');
    fs.writeFileSync(file, whole);
    expect(fs.statSync(file).size).toBeGreaterThan(4 * 64 * 1024);
    const records = await read(file, 'utf8');
    expect(records.length).toBe(20_001);
    expect(records).toEqual(splitWhole(whole));
  });

  it('does the same for Windows-1251', async () => {
    const file = path.join(folder, 'win1251.csv');
    fs.writeFileSync(file, iconv.encode(whole, 'win1251'));
    expect(await read(file, 'win1251')).toEqual(splitWhole(whole));
  });
});
