import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { saveScreenshot, signInPage, withHubAndBrowser } from '../harness/browser';
import type { TestHub } from '../harness/hub';
import { createAccount, Role, screenshotBothSizes } from './dashboard-helpers';

let hub: TestHub;
let browser: Browser;
withHubAndBrowser((started) => ({ hub, browser } = started));

const PLAN = 'shnor-roadmap-2023';

async function activities(filter: Record<string, unknown>) {
  const { activities: list } = await hub.gqlOk<{
    activities: { number: string; scope: string; status: string; overdue: boolean }[];
  }>('query ($f: ActivityFilter) { activities(filter: $f) { number scope status overdue } }', { f: filter });
  return list;
}

async function openActivity(page: Page, number: string) {
  await page.goto(`${hub.url}plans/${PLAN}?activity=${number}`);
  const item = page.locator(`[data-testid=activity][data-number="${number}"]`);
  await item.locator('[data-testid=activity-details][data-loaded=true]').waitFor();
  return item;
}

it('lists the plans and shows the 35 activities of the ШНОР roadmap, overdue ones highlighted', async () => {
  const all = await activities({ planCode: PLAN });
  const overdue = all.filter((a) => a.overdue);
  expect(all).toHaveLength(35);
  expect(overdue.length).toBeGreaterThan(0);

  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  await signInPage(page, hub.url);
  await page.goto(`${hub.url}plans`);
  await page.locator(`[data-testid=plans] [data-code="${PLAN}"]`).waitFor();
  expect(await page.locator('[data-testid=plans] li').count()).toBe(4);
  await screenshotBothSizes(page, 'plans-list');

  await page.locator(`[data-testid=plans] [data-code="${PLAN}"]`).click();
  await page.waitForURL(new RegExp(`/plans/${PLAN}$`));
  await page.getByTestId('plan').waitFor();
  expect(await page.getByTestId('activity').count()).toBe(35);
  expect((await page.getByTestId('plan-activity-count').locator('[data-role=value]').textContent())?.trim()).toBe('35');

  const highlighted = page.locator('[data-testid=activity][data-overdue=true]');
  expect(await highlighted.count()).toBe(overdue.length);
  for (const a of overdue) {
    const item = page.locator(`[data-testid=activity][data-number="${a.number}"]`);
    expect(await item.getAttribute('class')).toContain('overdue');
    expect(await item.getByTestId('activity-overdue').textContent()).toContain('просрочено');
  }
  // The filter narrows the list to exactly the overdue ones.
  await page.locator('[data-filter=OVERDUE]').click();
  expect(await page.getByTestId('activity').count()).toBe(overdue.length);
  await page.locator('[data-filter=ALL]').click();

  await page.locator('[data-testid=plan-timeline][data-drawn=true]').waitFor();
  expect(await page.locator('[data-testid=completion] li').count()).toBeGreaterThan(10);
  await screenshotBothSizes(page, 'plan-shnor-roadmap');
});

it('lets a region admin record progress through the form, shows it, and shows the server’s refusal in Russian', async () => {
  const [target] = (await activities({ planCode: PLAN, overdue: true })).filter((a) => a.scope === 'REGION');
  expect(target, 'a region-level overdue activity in the demo data').toBeDefined();

  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  await signInPage(page, hub.url);
  const item = await openActivity(page, target!.number);
  const form = item.getByTestId('progress-form');
  await form.waitFor();

  // A link that is not a web address: the server refuses and says why.
  await form.getByLabel('Состояние').selectOption('DONE');
  await form.getByLabel('Ссылка на подтверждение').fill('отчёт в папке');
  await form.getByRole('button', { name: 'Сохранить' }).click();
  const errors = form.getByTestId('progress-errors');
  await errors.waitFor();
  expect(await errors.textContent()).toMatch(/Ссылка на подтверждение «отчёт в папке» должна быть адресом сайта/);
  expect(await item.getByTestId('activity-status').textContent()).not.toContain('Выполнено');

  await form.getByLabel('Ссылка на подтверждение').fill('https://example.org/report.pdf');
  await form.getByLabel('Комментарий').fill('Проведено, отчёт приложен');
  await saveScreenshot(page, 'plan-progress-form');
  await form.getByRole('button', { name: 'Сохранить' }).click();
  await form.getByTestId('progress-saved').waitFor();

  await expect.poll(() => item.getByTestId('activity-status').textContent()).toContain('Выполнено');
  expect(await item.getByTestId('activity-overdue').count()).toBe(0);
  expect(await item.getAttribute('data-overdue')).toBe('false');
  expect(await item.getByTestId('activity-history').textContent()).toContain('test-admin');
  const [after] = (await activities({ planCode: PLAN })).filter((a) => a.number === target!.number);
  expect(after).toMatchObject({ status: 'DONE', overdue: false });
});

it('updates completion by municipality live when progress is recorded elsewhere', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  await signInPage(page, hub.url);
  await page.goto(`${hub.url}plans/${PLAN}`);
  const tomsk = page.locator('[data-testid=completion] li[data-key=tomsk] [data-role=value]');
  await tomsk.waitFor();
  const before = await tomsk.textContent();

  // Another user takes a municipal target of г. Томск back to «в работе».
  const [municipal] = (await activities({ planCode: PLAN, status: 'DONE' })).filter((a) => a.scope === 'MUNICIPALITY');
  await hub.gqlOk(
    `mutation ($input: RecordActivityProgressInput!) { recordActivityProgress(input: $input) { status } }`,
    {
      input: {
        planCode: PLAN,
        activityNumber: municipal!.number,
        status: 'IN_PROGRESS',
        target: { level: 'MUNICIPALITY', municipalityCode: 'tomsk' },
      },
    },
  );
  await expect.poll(() => tomsk.textContent(), { timeout: 10_000 }).not.toBe(before);
});

it('shows no form to a user without the right, and only its own municipality to a municipal officer', async () => {
  const analyst = await createAccount(hub, { role: Role.REGION_ANALYST });
  const region = (await activities({ planCode: PLAN })).find((a) => a.scope === 'REGION')!;
  const municipal = (await activities({ planCode: PLAN })).find((a) => a.scope === 'MUNICIPALITY')!;

  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  await signInPage(page, hub.url, analyst);
  const item = await openActivity(page, municipal.number);
  expect(await item.getByTestId('activity-progress').count()).toBe(1);
  expect(await item.getByTestId('progress-form').count()).toBe(0);

  const officer = await createAccount(hub, { role: Role.MUNICIPAL_OFFICER, municipalityCode: 'tomsky' });
  const officerPage = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  await signInPage(officerPage, hub.url, officer);
  const regional = await openActivity(officerPage, region.number);
  expect(await regional.getByTestId('progress-form').count()).toBe(0);
  const own = await openActivity(officerPage, municipal.number);
  const options = await own.getByTestId('progress-form').locator('select[name=target] option').allTextContents();
  expect(options).toEqual(['Томский район']);
});

it('opens an activity from the keyboard', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  await signInPage(page, hub.url);
  await page.goto(`${hub.url}plans/${PLAN}`);
  const head = page.locator('[data-testid=activity][data-number="2"] button.head');
  await head.focus();
  await page.keyboard.press('Enter');
  expect(await head.getAttribute('aria-expanded')).toBe('true');
  await page.locator('[data-testid=activity][data-number="2"] [data-testid=activity-details]').waitFor();
});
