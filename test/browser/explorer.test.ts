import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, signInPage, withHubAndBrowser } from '../harness/browser';
import type { TestHub } from '../harness/hub';
import { aggregate, chartsDrawn, plain, ruFigure, textOf } from './figures';

let hub: TestHub;
let browser: Browser;
withHubAndBrowser((started) => ({ hub, browser } = started));

async function openExplorer(path = 'explorer', width = 1366, height = 768): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, locale: 'ru-RU', acceptDownloads: true });
  await signInPage(page, hub.url);
  await page.goto(`${hub.url}${path}`);
  return page;
}

function query(page: Page): Record<string, string> {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

/** The table as shown: first column (the place) → the value column's text. */
async function tableValues(page: Page): Promise<Map<string, string>> {
  const rows = page.locator('[data-testid=explorer-table] tbody tr');
  const result = new Map<string, string>();
  for (const row of await rows.all()) {
    result.set(await textOf(row.locator('td').first()), await textOf(row.locator('td[data-column=value]')));
  }
  return result;
}

async function read(download: Download): Promise<Buffer> {
  return fs.readFileSync((await download.path())!);
}

describe('indicator explorer', () => {
  it('starts on a telling view, keeps every choice in the address and restores it on reload', async () => {
    const page = await openExplorer();
    await page.waitForURL(/indicator=/);
    expect(query(page)).toEqual({
      indicator: 'assessment.share_2',
      groupBy: 'municipality',
      procedure: 'VPR',
      year: '2025',
    });
    await chartsDrawn(page, '[data-testid=explorer-chart]');
    expect(await textOf(page.getByTestId('definition'))).toMatch(
      /Числитель\s*участники с отметкой «2»\s*Знаменатель\s*участники, получившие отметку/,
    );

    // Another indicator: its own filters, defaults and definition.
    await page.getByTestId('indicator').selectOption('assessment.mean_score');
    await expect.poll(() => query(page).indicator).toBe('assessment.mean_score');
    expect(query(page)).toMatchObject({ procedure: 'EGE', year: '2025' });
    await page.getByTestId('filter-subject').selectOption('MATHEMATICS_PROFILE');
    await expect.poll(() => query(page).subject).toBe('MATHEMATICS_PROFILE');
    await page.getByTestId('filter-year').selectOption('2024');
    await expect.poll(() => query(page).year).toBe('2024');
    await page.getByTestId('group-cluster').check({ force: true });
    await expect.poll(() => query(page).groupBy).toBe('cluster');
    // Filters the indicator does not support are not offered.
    expect(await page.getByTestId('filter-round').count()).toBe(0);
    expect(await page.getByTestId('filter-campaignYear').count()).toBe(0);

    const filter = { procedure: 'EGE', year: 2024, subject: 'MATHEMATICS_PROFILE' };
    const rows = await aggregate(hub, 'assessment.mean_score', 'CLUSTER', filter);
    const expected = new Map(rows.map((r) => [r.label, ruFigure(r.value, 'балл')]));
    await expect.poll(() => tableValues(page)).toEqual(expected);
    const [region] = await aggregate(hub, 'assessment.mean_score', 'REGION', filter);
    expect(await textOf(page.getByTestId('region-value'))).toBe(`Регион: ${ruFigure(region!.value, 'балл')}`);
    await saveScreenshot(page, 'explorer-clusters-1366');

    const address = page.url();
    await page.reload();
    await chartsDrawn(page, '[data-testid=explorer-chart]');
    expect(page.url()).toBe(address);
    expect(await page.getByTestId('indicator').inputValue()).toBe('assessment.mean_score');
    expect(await page.getByTestId('filter-subject').inputValue()).toBe('MATHEMATICS_PROFILE');
    expect(await page.getByTestId('filter-year').inputValue()).toBe('2024');
    expect(await page.getByTestId('group-cluster').isChecked()).toBe(true);
    await expect.poll(() => tableValues(page)).toEqual(expected);
    await page.close();
  });

  it('exports the table to CSV and XLSX, and the chart to PNG', async () => {
    const page = await openExplorer(
      'explorer?indicator=selfdiag.below_base_share&groupBy=municipality&year=2025&round=1',
    );
    await chartsDrawn(page, '[data-testid=explorer-chart]');
    const rows = await aggregate(hub, 'selfdiag.below_base_share', 'MUNICIPALITY', { year: 2025, round: 1 });
    await expect.poll(() => page.locator('[data-testid=explorer-table] tbody tr').count()).toBe(rows.length);
    expect(await textOf(page.getByTestId('view-description'))).toBe('2025 · этап 1');

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe('selfdiag.below_base_share_municipality_2025_1.csv');
    const csv = (await read(csvDownload)).toString('utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe('Муниципалитет;Значение, %;Числитель;Знаменатель');
    expect(lines).toHaveLength(rows.length + 1);
    for (const row of rows) {
      const value = row.value === null ? '' : String(Math.round(row.value * 100) / 100).replace('.', ',');
      expect(lines, row.label).toContain(`${row.label};${value};${row.numerator};${row.denominator}`);
    }

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'XLSX' }).click(),
    ]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await read(xlsxDownload)) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(rows.length + 1);
    const byLabel = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => {
      if (n > 1) byLabel.set(String(row.getCell(1).value), [row.getCell(2).value, row.getCell(3).value]);
    });
    for (const row of rows) {
      expect(byLabel.get(row.label), row.label).toEqual([
        row.value === null ? null : Math.round(row.value * 100) / 100,
        row.numerator,
      ]);
    }

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect((await read(png)).subarray(1, 4).toString('latin1')).toBe('PNG');
    await page.close();
  });

  it('groups by school, names each school’s municipality and opens the school card from a row', async () => {
    const page = await openExplorer(
      'explorer?indicator=assessment.share_2&groupBy=school&procedure=VPR&year=2025&municipalities=tomsky',
      1920,
      1080,
    );
    await chartsDrawn(page, '[data-testid=explorer-chart]');
    const rows = await aggregate(hub, 'assessment.share_2', 'SCHOOL', {
      procedure: 'VPR',
      year: 2025,
      municipalityCodes: ['tomsky'],
    });
    await expect.poll(() => page.locator('[data-testid=explorer-table] tbody tr').count()).toBe(rows.length);
    const first = page.locator(`[data-testid=explorer-table] tr[data-key="${rows[0]!.key}"]`);
    expect(plain(await first.locator('td[data-column=municipality]').textContent())).toBe('Томский район');
    expect(plain(await first.locator('td[data-column=value]').textContent())).toBe(ruFigure(rows[0]!.value, '%'));
    await saveScreenshot(page, 'explorer-schools-1920');
    await first.click();
    await page.waitForURL(new RegExp(`/schools/${rows[0]!.key}$`));
    await page.close();
  });
});
