import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, signInPage, withHubAndBrowser } from '../harness/browser';
import type { TestHub } from '../harness/hub';
import { plain as plainText, textOf } from './figures';

// Callbacks given to page.evaluate run in the browser; this project has no DOM types.
declare const document: any;

let hub: TestHub;
let browser: Browser;
withHubAndBrowser((started) => ({ hub, browser } = started));

const RADAR = `{ riskRadar(groupBy: SCHOOL, first: 500) { ... on RiskSchoolConnection { edges { node {
  schoolCode level signals { code explanation source { section } } } } } } }`;
type Node = {
  schoolCode: string;
  level: string;
  signals: { code: string; explanation: string; source: { section: string } }[];
};

async function radar(): Promise<Node[]> {
  return (await hub.gqlOk(RADAR)).riskRadar.edges.map((e: { node: Node }) => e.node);
}

async function openRiskPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'ru-RU' });
  await signInPage(page, hub.url);
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Зоны риска' }).click();
  await page.waitForURL(/\/risk$/);
  await page.getByTestId('risk-matrix').waitFor();
  return page;
}

describe('«Зоны риска» page', () => {
  it('shows schools with several signals, explained on focus and in the row, and opens the card at the source', async () => {
    const all = await radar();
    const flagged = all.filter((s) => s.level !== 'NONE');
    const page = await openRiskPage();
    expect(await textOf(page.locator('h1'))).toBe('Зоны риска');
    await expect
      .poll(() => page.locator('[data-testid=risk-matrix] tbody tr[data-level]').count())
      .toBe(flagged.length);

    // The top school has several signals, each a link in its column.
    const top = all[0]!;
    expect(top.signals.length).toBeGreaterThanOrEqual(3);
    const row = page.getByTestId(`risk-row-${top.schoolCode}`);
    await expect.poll(() => row.locator('a.signal').count()).toBe(top.signals.length);
    expect(await textOf(row.getByTestId('risk-level'))).toContain('Высокий риск');

    // Explanation on keyboard focus, as on hover.
    const first = top.signals[0]!;
    const cell = row.getByTestId(`signal-${first.code}`);
    await cell.focus();
    await expect.poll(() => cell.locator('.tip').isVisible()).toBe(true);
    expect(await textOf(cell.locator('.tip'))).toBe(first.explanation);

    // The expandable row lists every signal's evidence.
    await row.getByRole('button', { name: /Пояснения по школе/ }).click();
    const detail = page.locator(`#risk-detail-${top.schoolCode}`);
    await detail.waitFor();
    for (const signal of top.signals)
      expect(await detail.textContent()).toContain(signal.explanation.split('. И ещё')[0]!.slice(0, 60));
    await saveScreenshot(page, 'risk-matrix');

    // A signal opens the school card at its section.
    const assessment = top.signals.find((s) => s.source.section === 'assessments') ?? first;
    await row.getByTestId(`signal-${assessment.code}`).click();
    await page.waitForURL(new RegExp(`/schools/${top.schoolCode}#${assessment.source.section}$`));
    const section = page.locator(`#${assessment.source.section}`);
    await section.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(assessment.source.section);
    expect(await section.boundingBox()).not.toBeNull();
    // The card carries the school's own early-warning picture, signal by signal.
    const panel = page.locator('#risk');
    await expect.poll(() => panel.locator('[data-testid=school-risk-signals] li').count()).toBe(top.signals.length);
    expect(await textOf(panel.getByTestId('school-risk-level'))).toContain('Высокий риск');
    for (const signal of top.signals)
      expect(await textOf(panel.locator(`li[data-code=${signal.code}]`))).toContain(plainText(signal.explanation));
    await saveScreenshot(page, 'risk-to-school-card');
    await page.close();
  });

  it('filters by municipality and level', async () => {
    const page = await openRiskPage();
    await page.getByTestId('filter-municipality').selectOption('tomsky');
    await page.getByTestId('filter-level-ATTENTION').uncheck();
    await page.getByTestId('filter-level-RISK').uncheck();
    const { totalCount } = (
      await hub.gqlOk(
        `{ riskRadar(filter: { municipalityCodes: ["tomsky"], levels: [HIGH] }) { ... on RiskSchoolConnection { totalCount } } }`,
      )
    ).riskRadar;
    expect(totalCount).toBeGreaterThan(0);
    const rows = page.locator('[data-testid=risk-matrix] tbody tr[data-level]');
    await expect.poll(() => rows.count()).toBe(totalCount);
    expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-level'))))).toEqual(
      new Set(['HIGH']),
    );

    // The export: a line per school and signal, with the explanations.
    const shown = (
      await hub.gqlOk(
        `{ riskRadar(filter: { municipalityCodes: ["tomsky"], levels: [HIGH] }, first: 500) { ... on RiskSchoolConnection {
          edges { node { schoolCode signals { evidence { explanation } } } } } } }`,
      )
    ).riskRadar.edges.map((e: { node: any }) => e.node);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('risk-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^zony-riska-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync((await download.path())!) as never);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 2)).toEqual(['Код ОО', 'Школа']);
    const explanationColumn = header.indexOf('Пояснение') + 1;
    const lines: { code: string; explanation: string }[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1)
        lines.push({ code: String(row.getCell(1).value), explanation: String(row.getCell(explanationColumn).value) });
    });
    expect(lines).toHaveLength(shown.reduce((sum: number, s: any) => sum + s.signals.length, 0));
    const first = shown[0];
    expect(lines.filter((l) => l.code === first.schoolCode).map((l) => l.explanation)).toEqual(
      first.signals.map((s: any) => s.evidence.map((e: any) => e.explanation).join('\n')),
    );
    await page.close();
  });

  it('shows a school live when an imported file pushes its share of «2» over the threshold', async () => {
    // A school without signals (not on the page by default) with a ВПР maths result of 2025.
    const quiet = (await radar()).filter((s) => s.level === 'NONE').map((s) => s.schoolCode);
    const [row] = await hub.sql(
      `SELECT school_code, grade, participants FROM assessment_result
        WHERE procedure_code = 'VPR' AND year = 2025 AND subject_code = 'MATHEMATICS' AND participants >= 20
          AND school_code = ANY($1) ORDER BY school_code LIMIT 1`,
      [quiet],
    );
    const { school_code: code, grade, participants } = row!;
    const page = await openRiskPage();
    const line = page.getByTestId(`risk-row-${code}`);
    expect(await line.count()).toBe(0);

    const failed = Math.ceil(participants * 0.6);
    const form = new FormData();
    const file = `Код ОО;Процедура;Год;Предмет;Класс;Участников;2;3;4;5\n${code};ВПР;2025;Математика;${grade};${participants};${failed};${participants - failed};0;0`;
    form.append('file', new Blob([file]), 'results.csv');
    const response = await fetch(`${hub.url}api/imports/assessment-results`, {
      method: 'POST',
      body: form,
      headers: hub.admin.headers,
    });
    expect(response.status).toBe(202);

    await line.waitFor({ timeout: 15_000 });
    const signal = line.getByTestId('signal-assessment_share_2');
    await signal.waitFor();
    expect(await signal.getAttribute('aria-label')).toContain(`ВПР, математика, ${grade} кл. (2025)`);
    await page.close();
  });
});
