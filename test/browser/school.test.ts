import type { Browser } from 'playwright-core';
import { expect, it } from 'vitest';
import { saveScreenshot, signInPage, withHubAndBrowser } from '../harness/browser';
import type { TestHub } from '../harness/hub';
import { createAccount, Role, screenshotBothSizes } from './dashboard-helpers';

let hub: TestHub;
let browser: Browser;
withHubAndBrowser((started) => ({ hub, browser } = started));

const SCHOOL = `query ($code: String!) { school(code: $code) {
  displayName municipality { code name }
  vsoko { riskyBlockCount zone { title } blocks { number risky } }
  selfDiagnostics { year round levelTitle }
  assessmentResults { procedureCode subjectCode year }
  shnor { year }
  planProgress { overdue activity { id } }
} shnorListings { year schoolCode } }`;

it('shows all four domains of sch700001 as the server has them', async () => {
  const { school, shnorListings } = await hub.gqlOk<any>(SCHOOL, { code: 'sch700001' });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  await signInPage(page, hub.url);
  await page.goto(`${hub.url}schools/sch700001`);
  await page.getByTestId('school-card').waitFor();

  expect(await page.getByTestId('school-name').textContent()).toBe(school.displayName);
  expect(await page.getByTestId('school-municipality').getAttribute('href')).toBe(
    `/municipalities/${school.municipality.code}`,
  );

  // ВСОКО: every block against its threshold, the risky ones marked, the zone named.
  const blocks = page.getByTestId('vsoko-block');
  expect(await blocks.count()).toBe(school.vsoko.blocks.length);
  expect(await page.locator('[data-testid=vsoko-block][data-risky=true]').count()).toBe(school.vsoko.riskyBlockCount);
  expect((await page.getByTestId('vsoko-zone').textContent())?.trim()).toBe(school.vsoko.zone.title);
  expect(await page.getByTestId('vsoko-risks').locator('li').count()).toBe(school.vsoko.riskyBlockCount);

  // Self-diagnostics: the radar is drawn, one table row per round with its level.
  await page.locator('[data-testid=selfdiag-radar][data-drawn=true]').waitFor();
  const rounds = page.getByTestId('selfdiag-rounds').locator('tbody tr');
  expect(await rounds.count()).toBe(school.selfDiagnostics.length);
  expect(await rounds.first().textContent()).toContain(school.selfDiagnostics[0].levelTitle);

  // Assessments: ВПР by default, one table row per subject, the chart drawn.
  await page.locator('[data-testid=assessment-chart][data-drawn=true]').waitFor();
  const vprSubjects = new Set(
    school.assessmentResults.filter((r: any) => r.procedureCode === 'VPR').map((r: any) => r.subjectCode),
  );
  expect(await page.getByTestId('assessment-table').locator('tbody tr').count()).toBe(vprSubjects.size);
  await page.getByRole('tab', { name: 'ЕГЭ' }).click();
  const egeSubjects = new Set(
    school.assessmentResults.filter((r: any) => r.procedureCode === 'EGE').map((r: any) => r.subjectCode),
  );
  expect(await page.getByTestId('assessment-table').locator('tbody tr').count()).toBe(egeSubjects.size);
  expect(await page.getByTestId('assessment-table').locator('caption').textContent()).toContain(
    'Средний тестовый балл',
  );

  // ШНОР: the status of the latest list year.
  const latestYear = Math.max(...shnorListings.map((l: any) => l.year));
  const listed = shnorListings.some((l: any) => l.schoolCode === 'sch700001' && l.year === latestYear);
  expect(await page.getByTestId('shnor-status').textContent()).toContain(
    listed ? `В списке ${latestYear}` : 'Не в списке',
  );

  // Plans: every activity that concerns the school, overdue ones flagged.
  const rows = page.getByTestId('school-plan-activities').locator('tbody tr');
  expect(await rows.count()).toBe(school.planProgress.length);
  const overdue = school.planProgress.filter((p: any) => p.overdue).length;
  expect(await page.locator('[data-testid=school-plan-activities] tr[data-overdue=true]').count()).toBe(overdue);

  await screenshotBothSizes(page, 'school-card');
});

it('takes a summary tile to its section in one click, and the keyboard reaches it', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  await signInPage(page, hub.url);
  await page.goto(`${hub.url}schools/sch700001`);
  await page.getByTestId('school-summary').waitFor();
  await page.getByTestId('school-summary').getByText('ШНОР / ШНСУ').click();
  await expect.poll(() => page.locator('#shnor').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
  await expect.poll(() => page.locator('#shnor').evaluate((el) => el.getBoundingClientRect().top < 200)).toBe(true);
});

it('sends a municipal officer opening another municipality’s school to the no-access page', async () => {
  const officer = await createAccount(hub, { role: Role.MUNICIPAL_OFFICER, municipalityCode: 'tomsky' });
  const [own] = await hub.sql<{ code: string }>(
    "SELECT code FROM school WHERE municipality_code = 'tomsky' ORDER BY code LIMIT 1",
  );
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  await signInPage(page, hub.url, officer);

  // sch700001 is in Александровский район.
  await page.goto(`${hub.url}schools/sch700001`);
  await page.waitForURL(/\/no-access/);
  const notice = page.getByTestId('no-access');
  await notice.waitFor();
  expect(await notice.textContent()).toMatch(/Нет доступа[\s\S]*вне вашей зоны ответственности[\s\S]*sch700001/);
  expect(await page.getByText('Не удалось загрузить данные').count()).toBe(0);
  await saveScreenshot(page, 'school-no-access');

  // Its own municipality's school opens as a card.
  await page.goto(`${hub.url}schools/${own!.code}`);
  await page.getByTestId('school-card').waitFor();
  expect(new URL(page.url()).pathname).toBe(`/schools/${own!.code}`);
});

it('tells a region admin that a school does not exist, rather than denying access', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  await signInPage(page, hub.url);
  await page.goto(`${hub.url}schools/sch799999`);
  await page.getByTestId('school-not-found').waitFor();
  expect(new URL(page.url()).pathname).toBe('/schools/sch799999');
});

it('shows a demo school without ВСОКО evaluation in Russian empty states', async () => {
  const [demo] = await hub.sql<{ code: string }>(
    `SELECT s.code FROM school s WHERE s.is_demo
       AND NOT EXISTS (SELECT 1 FROM vsoko_evaluation v WHERE v.school_code = s.code) ORDER BY s.code LIMIT 1`,
  );
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  await signInPage(page, hub.url);
  await page.goto(`${hub.url}schools/${demo!.code}`);
  await page.getByTestId('school-card').waitFor();
  expect(await page.getByTestId('demo-flag').textContent()).toContain('демо');
  expect(await page.getByTestId('vsoko-empty').textContent()).toContain('не входила в выборку');
});

it('tells a school coordinator whose school is not on the latest ШНОР list so, although it sees no other school', async () => {
  const [unlisted] = await hub.sql<{ code: string }>(
    `SELECT s.code FROM school s WHERE NOT EXISTS (SELECT 1 FROM shnor_listing l WHERE l.school_code = s.code)
      ORDER BY s.code LIMIT 1`,
  );
  const [{ year }] = (await hub.sql<{ year: number }>('SELECT max(year) AS year FROM shnor_listing')) as [
    { year: number },
  ];
  const coordinator = await createAccount(hub, { role: Role.SCHOOL_COORDINATOR, schoolCode: unlisted!.code });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  await signInPage(page, hub.url, coordinator);
  // A coordinator lands on its school.
  await page.waitForURL(new RegExp(`/schools/${unlisted!.code}$`));
  await page.getByTestId('school-card').waitFor();
  expect(await page.getByTestId('shnor-status').textContent()).toContain(`Не в списке ${year}`);
  expect(await page.getByTestId('shnor-history').locator('tbody tr').count()).toBeGreaterThan(0);
});

it('says in Russian when the card cannot be loaded, and loads it on retry', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  await signInPage(page, hub.url);
  await page.route('**/graphql', (route) => route.abort('connectionrefused'));
  await page.goto(`${hub.url}schools/sch700001`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(/Не удалось загрузить данные/);
  await page.unroute('**/graphql');
  await alert.getByRole('button', { name: 'Повторить' }).click();
  await page.getByTestId('school-card').waitFor();
});
