import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/src/graphql/actor';
import { ImportsService } from '../../server/src/modules/imports';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
let dir: string;
beforeAll(async () => {
  hub = await startTestHub();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-import-'));
});
afterAll(async () => {
  await hub?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function importFile(
  name: string,
  content: Buffer | string,
  options: { dryRun?: boolean; partial?: boolean } = {},
) {
  const filePath = path.join(dir, name);
  fs.writeFileSync(filePath, content);
  const service = new ImportsService(hub.hub.dataSource, hub.hub.pubSub);
  const job = await service.create({
    kind: 'schools',
    filePath,
    fileName: name,
    actor: { ...SYSTEM, displayName: 'тест' },
    ...options,
  });
  return { job: await service.run(job, filePath), service };
}

const school = (code: string) => hub.sql(`SELECT * FROM school WHERE code = $1`, [code]).then((r) => r[0]);

describe('CSV flavours', () => {
  it('reads Windows-1251 with commas and title rows above the header', async () => {
    const text = [
      'Реестр общеобразовательных организаций Томской области',
      'по состоянию на 01.09.2025',
      '',
      'Код ОО,Муниципалитет,Полное наименование,"Расстояние до Томска, км",Обучающихся',
      'sch700401,Верхнекетский район,Школа «Ёлочка» (тест),"345,5",120',
    ].join('\r\n');
    const { job } = await importFile('cp1251.csv', iconv.encode(text, 'win1251'));
    expect(job.status).toBe('applied');
    expect(job.format).toBe('csv (Windows-1251, разделитель «,»)');
    expect(await school('sch700401')).toMatchObject({
      municipality_code: 'verkhneketsky',
      full_name: 'Школа «Ёлочка» (тест)',
      distance_to_tomsk_km: 345.5,
      student_count: 120,
    });
  });

  it('reads tab-separated UTF-8, headers in any order, case and spacing; warns about unknown columns', async () => {
    const text = [
      'полное   НАИМЕНОВАНИЕ\tПримечание\tкод оо\t МУНИЦИПАЛИТЕТ ',
      'Школа 402 (тест)\tчто-то\tsch700402\tг.Томск',
    ].join('\n');
    const { job } = await importFile('tabs.tsv', text);
    expect(job.status).toBe('applied');
    expect(job.format).toBe('csv (UTF-8, разделитель «табуляция»)');
    expect(job.warnings).toEqual(['Столбец «Примечание» не используется и пропущен']);
    expect(await school('sch700402')).toMatchObject({ municipality_code: 'tomsk', full_name: 'Школа 402 (тест)' });
  });

  it('refuses a file whose header is missing, naming the columns it lacks', async () => {
    const { job } = await importFile('noheader.csv', 'Код ОО;Название\nsch1;Школа\n');
    expect(job.status).toBe('rejected');
    expect(job.error).toBe(
      'Не найдена строка заголовков: в строке 1 нет обязательных столбцов «Муниципалитет», «Полное наименование»',
    );
  });

  it('looks for the header only in the first 20 rows', async () => {
    const titles = Array.from({ length: 20 }, (_, i) => `Заголовок ${i + 1}`);
    const text = [...titles, 'Код ОО;Муниципалитет;Полное наименование', 'sch700403;г. Томск;Школа'].join('\n');
    const { job } = await importFile('deep.csv', text);
    expect(job.status).toBe('rejected');
    expect(job.error).toMatch(/Не найдена строка заголовков в первых 20 строках/);
  });

  it('refuses empty files and the old binary .xls format with a clear message', async () => {
    expect((await importFile('empty.csv', '')).job.error).toBe('Файл пуст');
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]);
    expect((await importFile('old.xls', xls)).job.error).toMatch(/Формат \.xls не поддерживается/);
  });
});

describe('XLSX', () => {
  async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('takes the sheet that has the header, below its title rows; numbers, formulas’ results and text', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('Титульный лист').addRows([['Отчёт'], ['Департамент образования Томской области']]);
      const sheet = wb.addWorksheet('Данные');
      sheet.addRow(['Статистика по ОО']);
      sheet.addRow([]);
      sheet.addRow(['Код ОО', 'Муниципалитет', 'Полное наименование', 'Обучающихся', 'Педагогов']);
      sheet.addRow(['sch700404', 'Томский район', 'Школа 404 (тест)', 612, { formula: 'D4/12', result: 51 }]);
      sheet.addRow(['sch700405', 'Шегарский район', { richText: [{ text: 'Школа ' }, { text: '405' }] }, 90, 12]);
    });
    const { job } = await importFile('report.xlsx', file);
    expect(job.status, job.error ?? '').toBe('applied');
    expect(job.format).toBe('xlsx');
    expect(job.rowsRead).toBe(2);
    expect(await school('sch700404')).toMatchObject({ student_count: 612, teacher_count: 51 });
    expect(await school('sch700405')).toMatchObject({ full_name: 'Школа 405', municipality_code: 'shegarsky' });
  });

  it('names the row and column of a bad cell with the spreadsheet’s row number', async () => {
    const file = await workbook((wb) => {
      const sheet = wb.addWorksheet('Лист1');
      sheet.addRow(['Код ОО', 'Муниципалитет', 'Полное наименование', 'Обучающихся']);
      sheet.addRow(['sch700406', 'Томский район', 'Школа 406', -3]);
    });
    const { job, service } = await importFile('bad.xlsx', file);
    expect(job.status).toBe('rejected');
    const [row] = await service.rejectedRows(job.id, 10, null);
    expect(row).toMatchObject({
      line: 2,
      problems: [{ column: 'Обучающихся', message: '-3 — вне допустимого диапазона 0…10000' }],
    });
  });

  it('refuses a workbook with no header on any sheet', async () => {
    const file = await workbook((wb) => wb.addWorksheet('Лист1').addRows([['что-то'], ['ещё']]));
    const { job } = await importFile('none.xlsx', file);
    expect(job.status).toBe('rejected');
    expect(job.error).toMatch(/Не найдена строка заголовков/);
  });
});
