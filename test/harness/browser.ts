import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { TEST_ADMIN } from './global-setup';
import { startTestHub, type TestHub } from './hub';

const CHROMIUM = '/usr/bin/chromium';
export const screenshotDir = path.resolve(__dirname, '..', 'output', 'screenshots');

/** Debian's Chromium, headless; a missing browser fails loudly rather than skipping. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Saves a full-page screenshot under test/output/screenshots for a person to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the login page (as the test admin unless told otherwise) and waits for the app. */
export async function signInPage(
  page: Page,
  baseUrl: string,
  credentials: { username: string; password: string } = TEST_ADMIN,
): Promise<void> {
  await page.goto(`${baseUrl}login`);
  await page.getByLabel('Имя пользователя').fill(credentials.username);
  await page.getByLabel('Пароль').fill(credentials.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * A browser spec's two fixtures, shared by its tests: the real server on a fresh database and
 * Debian's Chromium, started before the file's tests (handed over through `started`) and closed
 * after them.
 */
export function withHubAndBrowser(started: (fixtures: { hub: TestHub; browser: Browser }) => void): void {
  let hub: TestHub | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    hub = await startTestHub();
    browser = await launchBrowser();
    started({ hub, browser });
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });
}
