import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { signInPage, withHubAndBrowser } from '../harness/browser';
import type { TestHub } from '../harness/hub';
import { createAccount, Role, screenshotBothSizes } from './dashboard-helpers';
import { aggregate, ruFigure, textOf } from './figures';

let hub: TestHub;
let browser: Browser;
withHubAndBrowser((started) => ({ hub, browser } = started));

const BAD_FILE = path.resolve(__dirname, '..', 'imports', 'fixtures', 'schools-bad.csv');

async function uploadPage(): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1366, height: 768 },
    locale: 'ru-RU',
    acceptDownloads: true,
  });
  await signInPage(page, hub.url);
  await page.goto(`${hub.url}import`);
  await page.getByTestId('import-form').waitFor();
  return page;
}

it('uploads a schools CSV, follows the progress to the end and shows the report', async () => {
  const rows = Array.from({ length: 400 }, (_, i) => {
    const code = `sch78${String(i).padStart(4, '0')}`;
    return `${code};Томский район;Школа ${i} (проверка импорта);${100 + i};сельская`;
  });
  const csv = ['Код ОО;Муниципалитет;Полное наименование;Обучающихся;Местность', ...rows].join('\r\n');

  const page = await uploadPage();
  // The kind's columns, required ones marked.
  const columns = page.getByTestId('import-columns');
  expect(await columns.locator('li.required').allTextContents()).toEqual([
    expect.stringContaining('Код ОО'),
    expect.stringContaining('Муниципалитет'),
    expect.stringContaining('Полное наименование'),
  ]);
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'школы.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  expect(await page.getByTestId('import-drop').textContent()).toContain('школы.csv');
  await screenshotBothSizes(page, 'import-form');

  await page.getByTestId('import-submit').click();
  await page.getByTestId('import-progress').waitFor();
  const bar = page.getByTestId('import-bar');
  await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 15_000 }).toBe('100');
  expect(await page.getByTestId('import-rows').textContent()).toMatch(/прочитано строк: 400/);

  const report = page.getByTestId('import-report');
  await report.waitFor();
  expect(await report.getAttribute('data-status')).toBe('APPLIED');
  expect(await page.getByTestId('import-status').textContent()).toContain('Файл загружен');
  const count = (name: string) => page.locator(`[data-testid=import-counts] [data-count=${name}]`).textContent();
  expect(await count('rowsRead')).toBe('400');
  expect(await count('inserted')).toBe('400');
  expect(await count('rejected')).toBe('0');
  expect(await page.getByTestId('import-problems').count()).toBe(0);
  await screenshotBothSizes(page, 'import-report');

  const [stored] = await hub.sql<{ n: string }>("SELECT count(*) AS n FROM school WHERE code LIKE 'sch78%'");
  expect(Number(stored!.n)).toBe(400);
});

it('moves a KPI in another browser, without a reload, when a file is imported through this page', async () => {
  // Leadership's overview, open in one browser context.
  const watcherContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  const watcher = await watcherContext.newPage();
  await signInPage(watcher, hub.url);
  await watcher.waitForURL(/\/overview/);
  const value = watcher.getByTestId('kpi-schools').locator('[data-role=value]');
  const [before] = await aggregate(hub, 'schools.count', 'REGION');
  await expect.poll(() => textOf(value)).toBe(ruFigure(before!.value, 'школ'));
  await watcher.evaluate(() => ((globalThis as { untouched?: boolean }).untouched = true));

  // An admin, in another context, imports five new schools (codes no other file uses) through the import page.
  const rows = Array.from(
    { length: 5 },
    (_, i) => `sch77000${i};Асиновский район;Школа ${i} (живой импорт);${200 + i};городская`,
  );
  const csv = ['Код ОО;Муниципалитет;Полное наименование;Обучающихся;Местность', ...rows].join('\r\n');
  const writer = await uploadPage();
  await writer
    .getByTestId('import-file')
    .setInputFiles({ name: 'новые-школы.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await writer.getByTestId('import-submit').click();
  await expect
    .poll(() => writer.getByTestId('import-report').getAttribute('data-status'), { timeout: 15_000 })
    .toBe('APPLIED');

  const [after] = await aggregate(hub, 'schools.count', 'REGION');
  expect(after!.value).toBe(before!.value! + 5);
  await expect.poll(() => textOf(value), { timeout: 5000 }).toBe(ruFigure(after!.value, 'школ'));
  expect(await watcher.evaluate(() => (globalThis as { untouched?: boolean }).untouched)).toBe(true);
  await writer.close();
  await watcherContext.close();
});

it('rejects a file with bad rows, lists line, column and message, and downloads the rejected rows', async () => {
  const page = await uploadPage();
  await page.getByTestId('import-file').setInputFiles(BAD_FILE);
  await page.getByTestId('import-submit').click();
  const report = page.getByTestId('import-report');
  await report.waitFor();
  expect(await report.getAttribute('data-status')).toBe('REJECTED');
  expect(await page.getByTestId('import-status').textContent()).toContain('ничего не изменено');

  const problems = page.getByTestId('import-problems').locator('tbody tr');
  const cells = await problems.evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
  );
  expect(cells).toContainEqual(['3', 'Муниципалитет', expect.stringContaining('Новосибирский район')]);
  expect(cells).toContainEqual(['4', 'Обучающихся', expect.stringContaining('не число')]);
  expect(cells).toContainEqual(['5', 'Расстояние до Томска, км', expect.stringContaining('вне допустимого диапазона')]);
  await screenshotBothSizes(page, 'import-errors');

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  expect(csvDownload.suggestedFilename()).toBe('schools-bad-отклонённые.csv');
  const text = fs.readFileSync((await csvDownload.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('Строка;Код ОО;Муниципалитет');
  expect(text).toMatch(/3;sch700202;Новосибирский район;.*Неизвестный муниципалитет/);

  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
  expect(xlsxDownload.suggestedFilename()).toBe('schools-bad-отклонённые.xlsx');
  expect(
    fs
      .readFileSync((await xlsxDownload.path())!)
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
});

it('says in Russian why the server refused the file itself', async () => {
  const page = await uploadPage();
  await page.getByTestId('import-file').setInputFiles({
    name: 'без-столбцов.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Название;Адрес\nШкола;Томск\n'),
  });
  await page.getByTestId('import-submit').click();
  const report = page.getByTestId('import-report');
  await report.waitFor();
  expect(await report.getAttribute('data-status')).toBe('REJECTED');
  expect(await report.getByRole('alert').textContent()).toMatch(/Код ОО/);
});

it('is for region admins only', async () => {
  const analyst = await createAccount(hub, { role: Role.REGION_ANALYST });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  await signInPage(page, hub.url, analyst);
  expect(await page.getByRole('navigation', { name: 'Разделы' }).getByText('Импорт').count()).toBe(0);
  await page.goto(`${hub.url}import`);
  await page.getByTestId('no-access').waitFor();
});
