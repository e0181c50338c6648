import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/modules/users/role';
import { UsersService } from '../../server/src/modules/users/users.service';
import { saveScreenshot, signInPage, withHubAndBrowser } from '../harness/browser';
import type { TestHub } from '../harness/hub';
import { aggregate, ruFigure, textOf } from './figures';

const OFFICER = { username: 'mouo-tomsky-test', password: 'officer-password-1' };

let hub: TestHub;
let browser: Browser;
withHubAndBrowser((started) => ({ hub, browser } = started));
beforeAll(async () => {
  await new UsersService(hub.hub.dataSource.manager).create({
    ...OFFICER,
    role: Role.MUNICIPAL_OFFICER,
    municipalityCode: 'tomsky',
    displayName: 'Специалист МОУО Томского района',
  });
});

async function schoolCodes(municipality: string): Promise<string[]> {
  const { schools } = await hub.gqlOk<{ schools: { edges: { node: { code: string } }[] } }>(
    'query ($m: [String!]) { schools(filter: { municipalityCodes: $m }, first: 500) { edges { node { code } } } }',
    { m: [municipality] },
  );
  return schools.edges.map((e) => e.node.code).sort();
}

async function shownCodes(page: Page): Promise<string[]> {
  const rows = page.locator('[data-testid=schools] tbody tr');
  return (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key')!))).sort();
}

describe('municipality page', () => {
  it('is a municipal officer’s landing page, with its schools only, across the four domains', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
    await signInPage(page, hub.url, OFFICER);
    await page.waitForURL(/\/municipalities\/tomsky$/);
    expect(await textOf(page.locator('h1'))).toBe('Томский район');

    const expected = await schoolCodes('tomsky');
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => shownCodes(page)).toEqual(expected);

    // Figures per school come from the same aggregates the region sees.
    const vpr = await aggregate(hub, 'assessment.share_2', 'SCHOOL', {
      procedure: 'VPR',
      year: 2025,
      municipalityCodes: ['tomsky'],
    });
    const school = vpr.find((r) => r.value !== null)!;
    const row = page.locator(`[data-testid=schools] tr[data-key="${school.key}"]`);
    await expect.poll(() => textOf(row.locator('td[data-column=vprShare2]'))).toBe(ruFigure(school.value, '%'));
    const { school: detail } = await hub.gqlOk<{
      school: { vsoko: { zone: { title: string }; year: number } | null; selfDiagnostics: { levelTitle: string }[] };
    }>(
      `query ($c: String!) { school(code: $c) { vsoko { year zone { title } } selfDiagnostics(year: 2025, round: 2) { levelTitle } } }`,
      { c: school.key },
    );
    expect(await textOf(row.locator('td[data-column=selfdiag]'))).toBe(detail.selfDiagnostics[0]!.levelTitle);
    expect(await textOf(row.locator('td[data-column=zone]'))).toBe(
      detail.vsoko ? `${detail.vsoko.zone.title} (${detail.vsoko.year})` : '—',
    );

    // The municipality beside the region, for the headline indicators.
    const headline = page.getByTestId('headline-vpr-share-2');
    const [local] = await aggregate(hub, 'assessment.share_2', 'MUNICIPALITY', {
      procedure: 'VPR',
      year: 2025,
      municipalityCodes: ['tomsky'],
    });
    const [region] = await aggregate(hub, 'assessment.share_2', 'REGION', { procedure: 'VPR', year: 2025 });
    await expect.poll(() => textOf(headline.locator('[data-role=value]'))).toBe(ruFigure(local!.value, '%'));
    expect(await textOf(headline.locator('[data-role=region-value]'))).toBe(ruFigure(region!.value, '%'));
    expect(await page.getByTestId('no-school-access').count()).toBe(0);

    // Sorted by the ВСОКО zone, worst first; exported as shown.
    await page.getByRole('button', { name: 'ВСОКО: зона риска' }).click();
    await page.getByRole('button', { name: 'ВСОКО: зона риска' }).click();
    const firstZone = await textOf(page.locator('[data-testid=schools] tbody tr td[data-column=zone]').first());
    const zones = await hub.gqlOk<{ vsokoEvaluations: { edges: { node: { zone: { code: string } } }[] } }>(
      '{ vsokoEvaluations(filter: { municipalityCodes: ["tomsky"], year: 2024 }, first: 500) { edges { node { zone { code } } } } }',
    );
    const present = new Set(zones.vsokoEvaluations.edges.map((e) => e.node.zone.code));
    const worst = ['HIGH', 'MODERATE', 'LOW'].find((z) => present.has(z));
    const title = { HIGH: 'Высокий', MODERATE: 'Умеренный', LOW: 'Низкий' }[worst!]!;
    expect(firstZone).toMatch(new RegExp(`^${title}`, 'i'));
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
    const lines = fs
      .readFileSync((await csv.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines).toHaveLength(expected.length + 1);
    expect(lines[0]).toMatch(/^Школа;Код ОО;Кластер;ВСОКО: зона риска;ШНОР \/ ШНСУ;Самодиагностика/);

    await saveScreenshot(page, 'municipality-officer-1366');

    // A row opens the school card.
    await row.click();
    await page.waitForURL(new RegExp(`/schools/${school.key}$`));
    await page.close();
  });

  it('says plainly that another municipality’s schools are not accessible, and still shows its aggregates', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
    await signInPage(page, hub.url, OFFICER);
    await page.goto(`${hub.url}municipalities/kedrovy`);
    const notice = page.getByTestId('no-school-access');
    await notice.waitFor();
    expect(await textOf(notice)).toMatch(/Нет доступа к школам этого муниципалитета/);
    expect(await page.locator('[data-testid=schools]').count()).toBe(0);

    const [count] = await aggregate(hub, 'schools.count', 'MUNICIPALITY', { municipalityCodes: ['kedrovy'] });
    expect(count!.value).toBeGreaterThan(0);
    expect(await textOf(page.getByTestId('school-total'))).toBe(String(count!.value));
    const [region] = await aggregate(hub, 'shnor.count', 'REGION', { year: 2025 });
    await expect
      .poll(() => textOf(page.getByTestId('headline-shnor').locator('[data-role=region-value]')))
      .toBe(ruFigure(region!.value, 'школ'));
    await saveScreenshot(page, 'municipality-no-access-1366');

    await page.getByRole('link', { name: 'Перейти к своему муниципалитету' }).click();
    await page.waitForURL(/\/municipalities\/tomsky$/);
    await page.close();
  });

  it('shows a region admin any municipality’s schools, and the list links to every page', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'ru-RU' });
    await signInPage(page, hub.url);
    await page.goto(`${hub.url}municipalities`);
    await page.getByRole('link', { name: 'г. Кедровый' }).click();
    await page.waitForURL(/\/municipalities\/kedrovy$/);
    await expect.poll(() => shownCodes(page)).toEqual(await schoolCodes('kedrovy'));
    expect(await page.getByTestId('no-school-access').count()).toBe(0);
    await page.goto(`${hub.url}municipalities/tomsk`);
    await expect.poll(() => shownCodes(page)).toEqual(await schoolCodes('tomsk'));
    await saveScreenshot(page, 'municipality-region-1920');

    await page.goto(`${hub.url}municipalities/atlantis`);
    expect(await textOf(page.getByText('Муниципалитет «atlantis» не найден.'))).toBe(
      'Муниципалитет «atlantis» не найден.',
    );
    await page.close();
  });
});
