import type { Browser } from 'playwright-core';
import { expect, it } from 'vitest';
import { saveScreenshot, signInPage, withHubAndBrowser } from '../harness/browser';
import type { TestHub } from '../harness/hub';

let hub: TestHub;
let browser: Browser;
withHubAndBrowser((started) => ({ hub, browser } = started));

it('shows the municipalities with their school counts, as the server reports them', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'ru-RU' });
  await page.goto(hub.url);
  await page.waitForURL(/\/login/);
  await saveScreenshot(page, 'login');
  await signInPage(page, hub.url);
  // A region admin lands on the overview; the list is one click away.
  await page.goto(`${hub.url}municipalities`);
  const rows = page.locator('[data-testid=municipalities] tbody tr');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(20);

  const { municipalities } = await hub.gqlOk<{ municipalities: { code: string; schoolCount: number }[] }>(
    '{ municipalities { code schoolCount } }',
  );
  for (const m of municipalities) {
    const shown = await page.locator(`tr[data-code="${m.code}"] [data-testid=school-count]`).textContent();
    expect(shown?.trim(), m.code).toBe(String(m.schoolCount));
  }
  expect((await page.getByTestId('total-schools').textContent())?.replace(/\s/g, '')).toBe('299');
  expect(await page.getByText('демонстрационные школы', { exact: false }).isVisible()).toBe(true);
  await saveScreenshot(page, 'territory-overview');
});

it('refuses a wrong password in Russian and stays on the sign-in page', async () => {
  const page = await browser.newPage();
  await page.goto(`${hub.url}login`);
  await page.getByLabel('Имя пользователя').fill('test-admin');
  await page.getByLabel('Пароль').fill('wrong password');
  await page.getByRole('button', { name: 'Войти' }).click();
  expect(await page.getByRole('alert').textContent()).toMatch(/Неверное имя пользователя или пароль/);
  expect(new URL(page.url()).pathname).toBe('/login');
});

it('says so in Russian when the server cannot be reached', async () => {
  const page = await browser.newPage();
  await signInPage(page, hub.url);
  await page.route('**/graphql', (route) => route.abort('connectionrefused'));
  await page.reload();
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('alert').textContent()).toMatch(/Не удалось загрузить данные/);
});
